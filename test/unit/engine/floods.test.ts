/**
 * Floods (issue 11): hundreds of one rule on one sheet read as one finding per kind of entity
 * with the count and the cells they span — in the printed output, the findings sheet and the
 * pane's list — while --json keeps every finding and the exit status is what it was.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { Finding } from "../../../src/engine/findings";
import { FLOOD_MIN, collapseFloods, spanOf } from "../../../src/engine/floods";
import { planFindings } from "../../../src/planner/findings-sheet";
import { SheetData } from "../../../src/synthetic/sheet-data";
import { sheetDataToBuffer } from "../../../src/synthetic/write-xlsx";
import { capture } from "../../support/cli-output";
import { AS_OF, KPI_HEADER, KRA_HEADER, kpi, kra } from "../../support/workbook";

const finding = (over: Partial<Finding>): Finding => ({
  severity: "error",
  rule: "duplicate-id",
  message: "KPI ID K1 is used again here.",
  sheet: "KPIs",
  cell: "A2",
  entity: "kpi",
  id: "K1",
  ...over,
});

describe("collapseFloods", () => {
  it("leaves FLOOD_MIN findings of a kind as they are, and shows one more as one", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => finding({ cell: `A${i + 2}` }));
    expect(collapseFloods(many(FLOOD_MIN))).toEqual(many(FLOOD_MIN));
    const [one] = collapseFloods(many(FLOOD_MIN + 1));
    expect(collapseFloods(many(FLOOD_MIN + 1))).toHaveLength(1);
    expect(one).toMatchObject({
      cell: "A2",
      id: "K1",
      more: { count: FLOOD_MIN, range: "KPIs!A2:A27" },
    });
    expect(one.message).toBe(
      `KPI ID K1 is used again here — and ${FLOOD_MIN} more like it in KPIs!A2:A27.`
    );
  });

  it("groups by rule, sheet and kind of entity, and keeps every other finding in its place", () => {
    const list = [
      finding({ rule: "missing-sheet", sheet: null, cell: null, entity: "workbook" }),
      ...Array.from({ length: 30 }, (_, i) => finding({ cell: `A${i + 2}` })),
      finding({ rule: "invalid-number", cell: "F9" }),
      ...Array.from({ length: 30 }, (_, i) =>
        finding({ sheet: "Team KPIs", cell: `C${40 - i}`, entity: "kpi" })
      ),
      ...Array.from({ length: 30 }, (_, i) =>
        finding({ sheet: "KPIs", cell: `B${i + 2}`, entity: "kra" })
      ),
    ];
    const shown = collapseFloods(list);
    expect(
      shown.map((f) => `${f.rule} ${f.sheet} ${f.entity} ${f.cell} ${f.more?.range ?? ""}`)
    ).toEqual([
      "missing-sheet null workbook null ",
      "duplicate-id KPIs kpi A2 KPIs!A2:A31",
      "invalid-number KPIs kpi F9 ",
      "duplicate-id Team KPIs kpi C40 'Team KPIs'!C11:C40",
      "duplicate-id KPIs kra B2 KPIs!B2:B31",
    ]);
    expect(shown[1].more?.positions).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // An opened flood is shown in full.
    expect(collapseFloods(list, new Set(["duplicate-id\u0000kpi\u0000KPIs"]))).toHaveLength(34);
  });

  it("spans the rectangle of the cells, whatever their order", () => {
    expect(spanOf("KPIs", ["C9", "A7", null, "B319"])).toBe("KPIs!A7:C319");
    expect(spanOf("My KPIs", ["D4"])).toBe("'My KPIs'!D4");
    expect(spanOf("KPIs", [null])).toBeNull();
  });
});

describe("a workbook with hundreds of duplicate IDs", () => {
  // 300 KPI rows that all say K1 (a pasted block), 40 KRA rows that all say R2.
  const sheets: SheetData[] = [
    {
      name: "KRAs",
      header: KRA_HEADER,
      rows: [kra("R1"), ...Array.from({ length: 41 }, () => kra("R2"))],
    },
    {
      name: "KPIs",
      header: KPI_HEADER,
      rows: [kpi("K0"), ...Array.from({ length: 300 }, () => kpi("K1", { target: "TBD" }))],
    },
  ];
  const grids = {
    sheets: sheets.map((s) => ({ name: s.name, rows: [s.header, ...s.rows] })),
  };
  const analysis = analyzeWorkbook(grids, { today: AS_OF });
  const duplicates = analysis.findings.filter((f) => f.rule === "duplicate-id");

  it("reads as one finding per kind of entity, with the count, on the findings sheet", () => {
    expect(duplicates).toHaveLength(299 + 40);
    const plan = planFindings(analysis);
    expect(plan.rows[0][0]?.value).toBe(`Findings — ${analysis.findings.length} in all`);
    const rows = plan.rows
      .slice(3)
      .map((r) => ({ rule: r[1]?.value, message: String(r[3]?.value) }));
    const dupRows = rows.filter((r) => r.rule === "duplicate-id");
    expect(dupRows.map((r) => / — and .*$/.exec(r.message)?.[0])).toEqual([
      " — and 39 more like it in KRAs!A4:A43.",
      " — and 298 more like it in KPIs!A4:A302.",
    ]);
    expect(plan.rows[1][0]?.value).toContain("the JSON report (--json) lists each");
  });

  it("prints one line per flood, counts every finding, exits as before, and --json keeps all", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-flood-"));
    const file = path.join(dir, "flood.xlsx");
    await fs.writeFile(file, await sheetDataToBuffer(sheets));
    const io = capture();
    expect(await run(["validate", file, "--as-of", "2026-06-30"], io)).toBe(1);
    const lines = io.stdout.split("\n").filter((l) => l.includes("duplicate-id"));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^ {2}KPIs!A4 +duplicate-id +KPI ID K1 is used again here; .* — and 298 more like it in KPIs!A4:A302\.$/
    );
    expect(io.stdout).toContain(
      `Errors (${analysis.findings.filter((f) => f.severity === "error").length})`
    );
    expect(io.stdout.split("\n").length).toBeLessThan(40);

    const json = capture();
    expect(await run(["validate", file, "--as-of", "2026-06-30", "--json", "-"], json)).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.findings.filter((f: Finding) => f.rule === "duplicate-id")).toHaveLength(339);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
