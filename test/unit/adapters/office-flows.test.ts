/**
 * The task pane's Office.js path over the typed fake Excel: read the workbook (a constant number of
 * syncs plus one per block of cells), analyse, build, insert a template, save settings, jump to a
 * cell — counting syncs and checking what was written, and that a failed build leaves nothing.
 */
import { applySheetEdit, selectCell } from "../../../src/adapters/office/edit-cells";
import { RESPONSE_BUDGET_BYTES } from "../../../src/adapters/office/range-blocks";
import { parseRangeAddress, readGridsFromExcel } from "../../../src/adapters/office/read-grids";
import { applyPlanToExcel } from "../../../src/adapters/office/write-plan";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { planWorkbook } from "../../../src/planner";
import { planSettingsEdit } from "../../../src/planner/settings-edit";
import { planTemplate } from "../../../src/planner/template";
import { FakeValue, FakeWorkbook, installExcelEnums } from "../../support/fake-excel";
import { japaneseName } from "../../support/japanese-org";
import { AS_OF, KPI_HEADER, KRA_HEADER, kpi, kra } from "../../support/workbook";

beforeAll(installExcelEnums);

function userBook(): FakeWorkbook {
  const book = new FakeWorkbook([
    { name: "KRAs", rows: [KRA_HEADER, kra("R1"), kra("R2"), kra("R3")] as FakeValue[][] },
    {
      name: "KPIs",
      rows: [
        ["Key performance indicators"],
        [],
        KPI_HEADER,
        kpi("K1", { actual: 90 }),
        kpi("K2", { kra: "R2", actual: { error: "#N/A" } }),
        kpi("K3", { kra: "R3", name: '=HYPERLINK("http://x","y")' }),
      ] as FakeValue[][],
    },
    {
      name: "Notes",
      rows: [
        [null, null],
        [null, "#N/A as text"],
      ],
    },
    { name: "Empty", rows: [] },
  ]);
  return book;
}

describe("reading the workbook through Office.js", () => {
  it("gives the engine the same grids a file would, in three syncs", async () => {
    const book = userBook();
    const { grids, syncs } = await readGridsFromExcel(book.context());
    expect(syncs).toBe(3);
    expect(grids.sheets.map((s) => s.name)).toEqual(["KRAs", "KPIs", "Notes", "Empty"]);
    const kpis = grids.sheets[1];
    expect(kpis.rows[3][11]).toBe(90);
    expect(kpis.rows[4][11]).toEqual({ error: "#N/A" });
    // A used range that starts at B2 keeps its place.
    expect(grids.sheets[2]).toMatchObject({ rowOffset: 1, colOffset: 1, rows: [["#N/A as text"]] });
    expect(grids.sheets[3].rows).toEqual([]);

    const analysis = analyzeWorkbook(grids, { today: AS_OF });
    const cellError = analysis.findings.find((f) => f.rule === "cell-error");
    expect(cellError).toMatchObject({ sheet: "KPIs", cell: "L5" });
  });

  it("reads big sheets in blocks: one sync per full batch, never one per row", async () => {
    const rows: FakeValue[][] = [KPI_HEADER];
    for (let i = 0; i < 2_000; i++) rows.push(kpi(`K${i}`) as FakeValue[]);
    const book = new FakeWorkbook([{ name: "KPIs", rows }]);
    const budget = 50_000;
    const { grids, syncs } = await readGridsFromExcel(book.context(), budget);
    const cells = 2_001 * KPI_HEADER.length;
    const total = book.responses.reduce((a, b) => a + b, 0);
    // Two syncs for the structure, one for the first block, then batches at least 60% full.
    expect(syncs).toBeLessThanOrEqual(3 + Math.ceil(total / (0.6 * budget)));
    expect(Math.max(...book.responses)).toBeLessThanOrEqual(budget);
    expect(grids.sheets[0].rows).toHaveLength(2_001);
    expect(grids.sheets[0].rows[2_000][0]).toBe("K1999");
    expect(book.reads).toBe(cells);
  });

  it("sizes batches by the bytes they bring back: text-heavy sheets stay under the budget", async () => {
    // 160,000 cells of 40 Japanese characters (120 bytes each): 100,000 cells were 13 MB.
    const text = (r: number, c: number) => `${japaneseName(c, r)}`;
    const wide = Array.from({ length: 20_000 }, (_, r) =>
      Array.from({ length: 8 }, (__, c) => text(r, c))
    );
    const numbers = Array.from({ length: 30_000 }, (_, r) => [r, r * 1.5, r / 7]);
    const book = new FakeWorkbook([
      { name: "Notes", rows: wide },
      { name: "Small", rows: [["a", 1]] },
      { name: "Actuals", rows: numbers },
    ]);
    const { grids, syncs, maxResponseBytes } = await readGridsFromExcel(book.context());
    const largest = Math.max(...book.responses);
    expect(largest).toBeLessThanOrEqual(RESPONSE_BUDGET_BYTES);
    expect(maxResponseBytes).toBeGreaterThanOrEqual(largest * 0.97);
    const total = book.responses.reduce((a, b) => a + b, 0);
    expect(syncs).toBeLessThanOrEqual(4 + Math.ceil(total / (0.6 * RESPONSE_BUDGET_BYTES)));
    expect(grids.sheets[0].rows[19_999][7]).toBe(text(19_999, 7));
    expect(grids.sheets[1].rows).toEqual([["a", 1]]);
    expect(grids.sheets[2].rows[29_999]).toEqual([29_999, 29_999 * 1.5, 29_999 / 7]);
    expect(book.reads).toBe(160_000 + 2 + 90_000);
  });

  it("finds Excel tables by their addresses", async () => {
    const book = userBook();
    book.tables.push({ name: "tblKRAs", sheet: "KRAs", address: "A1:F4" });
    const { grids } = await readGridsFromExcel(book.context());
    expect(grids.tables).toEqual([
      { name: "tblKRAs", sheet: "KRAs", top: 0, left: 0, rowCount: 4, colCount: 6 },
    ]);
    expect(parseRangeAddress("'My sheet'!B3:F40")).toEqual({
      top: 2,
      left: 1,
      bottom: 39,
      right: 5,
    });
  });
});

describe("building through Office.js", () => {
  async function analysed(book: FakeWorkbook) {
    const { grids } = await readGridsFromExcel(book.context());
    return analyzeWorkbook(grids, { today: AS_OF });
  }

  it("leaves the workbook as it was when a sync fails half-way", async () => {
    const book = userBook();
    const analysis = await analysed(book);
    await applyPlanToExcel(book.context(), planWorkbook(analysis));
    const before = book.sheets.map((s) => s.name);
    const namesBefore = book.names.map((n) => n.name);

    book.syncs = 0;
    book.failAtSync = 4; // after the new sheets were added, while writing cells
    await expect(applyPlanToExcel(book.context(), planWorkbook(analysis))).rejects.toThrow(
      "RequestPayloadSizeLimitExceeded"
    );
    expect(book.sheets.map((s) => s.name)).toEqual(before);
    expect(book.names.map((n) => n.name)).toEqual(namesBefore);
  });

  it("keeps the last build when a template is inserted, and names clashing sheets and tables apart", async () => {
    const book = userBook();
    book.tables.push({ name: "tblKPIs", sheet: "KPIs", address: "A3:L6" });
    const analysis = await analysed(book);
    await applyPlanToExcel(book.context(), planWorkbook(analysis));
    const result = await applyPlanToExcel(book.context(), {
      sheets: planTemplate(["kpis", "people"]),
    });
    expect(result.sheets).toEqual(["People", "KPIs 2"]);
    expect(book.sheets.map((s) => s.name)).toEqual([
      "KRAs",
      "KPIs",
      "Notes",
      "Empty",
      "KPI Scorecard",
      "KPI Cascade",
      "KPI Findings",
      "KPI Dashboard",
      "KPI Last Build",
      "People",
      "KPIs 2",
    ]);
    const tableNames = book
      .sheet("KPIs 2")
      ?.log.filter((l) => l.path.endsWith(".name"))
      .map((l) => l.value);
    expect(tableNames).toEqual(["tblKPIs2"]);
    // Template sheets carry no marker: the next build leaves them alone.
    expect(book.names.map((n) => n.name.replace(/_[0-9a-f]{16}$/, "")).sort()).toEqual([
      "KPICascade_cascade",
      "KPICascade_dashboard",
      "KPICascade_findings",
      "KPICascade_lastbuild",
      "KPICascade_scorecard",
    ]);
  });
});

describe("small edits through Office.js", () => {
  it("saves Settings rows in one sync, text as text", async () => {
    const book = userBook();
    const { grids } = await readGridsFromExcel(book.context());
    const edit = planSettingsEdit(
      grids,
      null,
      new Map<string, string | number | null>([
        ["Sheet KPIs", "=KPIs"],
        ["Cap", 1.5],
      ])
    );
    book.syncs = 0;
    await applySheetEdit(book.context(), edit);
    expect(book.syncs).toBe(1);
    const settings = book.sheet("Settings");
    expect(settings?.cells.get("A2")?.formula).toBe("Sheet KPIs");
    expect(settings?.cells.get("B2")?.formula).toBe("'=KPIs");
    expect(settings?.cells.get("B3")?.formula).toBe(1.5);
  });

  it("selects a finding's cell on its sheet in one sync", async () => {
    const book = userBook();
    book.syncs = 0;
    await selectCell(book.context(), "KPIs", "L5");
    expect(book.syncs).toBe(1);
    expect(book.sheet("KPIs")).toMatchObject({ activated: true, selected: "L5" });
  });
});
