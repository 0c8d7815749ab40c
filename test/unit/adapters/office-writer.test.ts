/**
 * The Office.js writer over a typed fake of Excel: it writes the same cells as the ExcelJS writer,
 * syncs a fixed number of times plus one per ≤ 4 MB chunk, and replaces only its own sheets.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import {
  applyPlanToExcel,
  chunkRows,
  formulaInput,
  missingRequirement,
} from "../../../src/adapters/office/write-plan";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { emptyWorkbook, writePlan } from "../../../src/adapters/xlsx/write";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { planWorkbook } from "../../../src/planner";
import { WorkbookPlan } from "../../../src/planner/plan";
import { bigOrganisation, gridsOf } from "../../../src/synthetic/big-org";
import { FakeWorkbook, installExcelEnums } from "../../support/fake-excel";
import { japaneseOrganisation } from "../../support/japanese-org";
import { AS_OF } from "../../support/workbook";

beforeAll(installExcelEnums);

async function samplePlan(): Promise<WorkbookPlan> {
  const grids = readPackage(readFileSync(SAMPLE_WORKBOOK)).grids;
  return planWorkbook(analyzeWorkbook(grids, { today: AS_OF }));
}

/** A cell as Excel ends up holding it: a formula, a number, or text (the apostrophe is not part of it). */
function normalise(v: unknown): unknown {
  if (typeof v === "string" && v.startsWith("'")) return v.slice(1);
  return v === null || v === undefined ? "" : v;
}

describe("the Office.js writer", () => {
  it("writes the same cells as the package writer", async () => {
    const plan = await samplePlan();
    const fake = new FakeWorkbook(["KRAs", "KPIs"]);
    const result = await applyPlanToExcel(fake.context(), plan);
    expect(result.sheets).toEqual([
      "KPI Scorecard",
      "KPI Cascade",
      "KPI Findings",
      "KPI Dashboard",
      "KPI Trends",
      "KPI Last Build",
      "KPI Periods",
    ]);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(
      Buffer.from(writePlan(emptyWorkbook(), plan).bytes) as unknown as ExcelJS.Buffer
    );
    let compared = 0;
    let links = 0;
    for (const name of result.sheets) {
      const ws = reread.getWorksheet(name) as ExcelJS.Worksheet;
      const office = fake.sheet(name)?.cells ?? new Map();
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          // A file spells newer functions `_xlfn.MINIFS`; Excel shows (and takes) `MINIFS`.
          // A date-formatted number comes back from ExcelJS as a Date: compare its serial.
          const expected =
            v && typeof v === "object" && "formula" in v
              ? `=${(v as ExcelJS.CellFormulaValue).formula.replace(/_xlfn\./g, "")}`
              : v instanceof Date
                ? v.getTime() / 86_400_000 + 25_569
                : v;
          expect(normalise(office.get(cell.address)?.formula)).toEqual(expected);
          compared++;
          if (typeof expected === "string" && /'Check-ins'!|KPIs!|KRAs!/.test(expected)) links++;
        })
      );
      for (const [address, cell] of office)
        if (normalise(cell.formula) !== "") expect(ws.getCell(address).value).not.toBeNull();
    }
    expect(compared).toBeGreaterThan(2000);
    // And the same markers: a sheet either writer made is recognised by the other's next build.
    const packaged = readPackage(writePlan(emptyWorkbook(), plan).bytes).workbook.definedNames;
    const markers = (names: readonly { name: string }[]) =>
      names
        .map((n) => n.name)
        .filter((n) => n.startsWith("KPICascade_"))
        .sort();
    expect(markers(fake.names)).toEqual(markers(packaged));
    // The live cells are among them: links to the user's KPI, KRA and check-in cells.
    // (A KPI's check-ins that sit together are read as one range: a formula each.)
    expect(links).toBeGreaterThan(500);
    expect(fake.sheet("KPI Periods")?.log).toContainEqual({ path: "visibility", value: "hidden" });
  });

  it("keeps text as text: a leading =, +, - or @ gets an apostrophe", () => {
    expect(formulaInput({ value: '=HYPERLINK("http://x","y")' })).toBe(
      '\'=HYPERLINK("http://x","y")'
    );
    expect(formulaInput({ value: "+1-2" })).toBe("'+1-2");
    expect(formulaInput({ value: "@SUM(A1)" })).toBe("'@SUM(A1)");
    expect(formulaInput({ value: "Net revenue" })).toBe("Net revenue");
    expect(formulaInput({ formula: "SUM(A1:A2)" })).toBe("=SUM(A1:A2)");
    expect(formulaInput({ value: 0.5 })).toBe(0.5);
  });

  it("syncs a constant number of times plus one per chunk, each batch under 4 MB", async () => {
    const runs: { people: number; syncs: number; chunks: number; max: number; total: number }[] =
      [];
    for (const people of [20, 200, 1000]) {
      const plan = planWorkbook(
        analyzeWorkbook(gridsOf(bigOrganisation(people)), { today: AS_OF })
      );
      const fake = new FakeWorkbook();
      const result = await applyPlanToExcel(fake.context(), plan);
      const chunks = plan.sheets.reduce((n, s) => n + chunkRows(s).length, 0);
      runs.push({
        people,
        syncs: result.syncs,
        chunks,
        max: Math.max(...fake.payloads),
        total: fake.payloads.reduce((a, b) => a + b, 0),
      });
      expect(result.syncs).toBe(fake.syncs);
      expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
    for (const r of runs)
      expect(r.syncs).toBeLessThanOrEqual(10 + Math.ceil(r.total / (4 * 1024 * 1024)) + r.chunks);
    // The structure costs the same number of syncs whatever the size: only chunks add more.
    const fixed = runs.map((r) => r.syncs - r.chunks);
    expect(fixed[0]).toBeLessThanOrEqual(4);
    expect(fixed[2] - fixed[0]).toBeLessThanOrEqual(Math.ceil(runs[2].total / (4 * 1024 * 1024)));
  });

  it("budgets in UTF-8 bytes of the serialised request: Japanese names stay under 4 MiB", async () => {
    const plan = planWorkbook(
      analyzeWorkbook(gridsOf(japaneseOrganisation(1000)), { today: AS_OF })
    );
    const fake = new FakeWorkbook();
    const result = await applyPlanToExcel(fake.context(), plan);
    const largest = Math.max(...fake.payloads);
    // Full chunks: the case that matters (a character count let these reach 5.4 MiB).
    expect(largest).toBeGreaterThan(3 * 1024 * 1024);
    expect(largest).toBeLessThanOrEqual(4 * 1024 * 1024);
    // The writer knows what it sends: its estimate is within the envelope of the real request.
    expect(result.maxPayloadBytes).toBeGreaterThanOrEqual(largest * 0.97);
  }, 120_000);

  it("replaces its own sheets on the next build and never touches the user's", async () => {
    const plan = await samplePlan();
    const fake = new FakeWorkbook(["KRAs", "KPIs", "KPI Scorecard"]);
    const mine = fake.sheet("KPI Scorecard");
    const first = await applyPlanToExcel(fake.context(), plan);
    expect(first.sheets[0]).toBe("KPI Scorecard 2");
    const second = await applyPlanToExcel(fake.context(), plan);
    expect(second.sheets).toEqual(first.sheets);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "KRAs",
      "KPIs",
      "KPI Scorecard",
      ...first.sheets,
    ]);
    expect(fake.sheet("KPI Scorecard")).toBe(mine);
    expect(mine?.cells.size).toBe(0);
    expect(mine?.log).toEqual([]);
    expect(fake.names.map((n) => n.name.replace(/_[0-9a-f]{16}$/, "")).sort()).toEqual([
      "KPICascade_cascade",
      "KPICascade_dashboard",
      "KPICascade_findings",
      "KPICascade_lastbuild",
      "KPICascade_periods",
      "KPICascade_scorecard",
      "KPICascade_trends",
    ]);
    // Written under passing names beside the last build's sheets, then renamed: the formulas
    // name the sheets as they end up, as Excel renames references with a sheet.
    const formulas = (name: string) =>
      [...(fake.sheet(name)?.cells.values() ?? [])].map((c) => String(c.formula));
    expect(formulas("KPI Scorecard 2").join()).toContain("'KPI Periods'!");
    expect(formulas("KPI Scorecard 2").join()).not.toContain("'KPI Periods 2'!");
    expect(formulas("KPI Dashboard").join()).toContain("'KPI Scorecard 2'!");
    expect(formulas("KPI Dashboard").join()).not.toContain("'KPI Scorecard 3'!");
  });

  it("replaces only sheets that still hold what it wrote: an edited one, or one a copied marker names, is kept", async () => {
    const plan = await samplePlan();
    const fake = new FakeWorkbook([
      {
        name: "Payroll",
        rows: [
          ["Name", "Salary"],
          ["Ann", 5000],
        ],
      },
    ]);
    const first = await applyPlanToExcel(fake.context(), plan);
    const [scorecard, cascade] = first.sheets;
    // A marker copied onto the user's sheet, with a checksum the tool once wrote.
    const real = fake.names.find((n) => n.name.startsWith("KPICascade_scorecard_"));
    fake.names.push({ name: "KPICascade_dashboard_0123456789abcdef", formula: "='Payroll'!$A$1" });
    // A hand edit on the cascade sheet.
    const edited = fake.sheet(cascade)?.getRange("A2") as { formulas: unknown };
    edited.formulas = [["my note"]];

    const second = await applyPlanToExcel(fake.context(), plan);
    expect(second.kept.sort()).toEqual([cascade, "Payroll"].sort());
    expect(fake.sheet("Payroll")?.deleted).toBe(false);
    expect(fake.sheet(cascade)?.deleted).toBe(false);
    expect(second.sheets).toContain(`${cascade} 2`);
    // The scorecard still held what was written: replaced under its own name.
    expect(second.sheets[0]).toBe(scorecard);
    expect(real).toBeDefined();
  });

  it("recognises its own text that starts with = as text, not as a formula, when it verifies a sheet", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          kind: "findings",
          name: "KPI Findings",
          rows: [[{ value: '=HYPERLINK("http://x","y")' }, { formula: "1+1" }, { value: 3 }]],
          columnWidths: [20, 10, 10],
        },
      ],
    };
    const fake = new FakeWorkbook(["KPIs"]);
    await applyPlanToExcel(fake.context(), plan);
    const again = await applyPlanToExcel(fake.context(), plan);
    expect(again.kept).toEqual([]);
    expect(again.sheets).toEqual(["KPI Findings"]);
  });

  it("says clearly when the host lacks the Excel API it needs", () => {
    const host = (supported: boolean) => ({
      context: { requirements: { isSetSupported: () => supported } },
    });
    expect(missingRequirement(host(true))).toBeNull();
    expect(missingRequirement(host(false))).toMatch(/needs Excel API 1\.9/);
  });
});
