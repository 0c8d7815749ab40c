/**
 * The helper sheet's two layouts (planner/periods-sheet.ts): a KPI's cells across one row under
 * the shared period ends when the workbook's check-ins fall in few periods, down a block of rows
 * when they fall in many (daily check-ins over months) or when two share a period. Recalculated
 * by HyperFormula, both give the engine's scores.
 */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { dayFromYmd, excelSerialFromDay } from "../../../src/engine/dates";
import { CellValue, WorkbookGrids } from "../../../src/engine/grid";
import { planWorkbook } from "../../../src/planner";
import { PERIODS_SHEET } from "../../../src/planner/periods-sheet";
import { WorkbookPlan } from "../../../src/planner/plan";
import { Recalculated } from "../../support/recalc";
import { mismatches } from "../../support/scorecard-check";
import { KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";

const TODAY = dayFromYmd(2026, 12, 31) as number;

/** K1 to K4 with one check-in a day for `days` days from 1 January 2026 (K2 sums, K3 averages…). */
function book(days: number): WorkbookGrids {
  const checkIns: CellValue[][] = [["KPI ID", "Period", "Actual"]];
  const ids = ["K1", "K2", "K3", "K4"];
  for (let d = 0; d < days; d++)
    ids.forEach((id, i) =>
      checkIns.push([
        id,
        excelSerialFromDay((dayFromYmd(2026, 1, 1) as number) + d),
        10 + i + (d % 7),
      ])
    );
  return workbook({
    KRAs: [KRA_HEADER, kra("R1", { owner: "P1" })],
    KPIs: [
      KPI_HEADER,
      kpi("K1", { kra: "R1", target: 12, aggregation: "last" }),
      kpi("K2", { kra: "R1", target: 2000, aggregation: "sum" }),
      kpi("K3", { kra: "R1", target: 12, aggregation: "average" }),
      kpi("K4", { kra: "R1", target: 20, aggregation: "max" }),
    ],
    Actuals: checkIns,
  });
}

/** Whether the helper sheet writes K1's check-ins across its first row (else down a block). */
function across(plan: WorkbookPlan): boolean {
  const sheet = plan.sheets.find((s) => s.name === PERIODS_SHEET);
  const row = sheet?.rows.find((line) => line[0]?.value === "K1") ?? [];
  return row.filter((cell) => cell?.formula?.includes("Actuals!")).length > 1;
}

describe("the helper sheet's layouts", () => {
  it.each([
    ["across one row, when check-ins fall in few periods", 90, true],
    ["down a block, when they fall in more periods than a row should hold", 130, false],
  ])("%s", (_, days, expectAcross) => {
    const grids = book(days);
    const analysis = analyzeWorkbook(grids, { today: TODAY });
    const plan = planWorkbook(analysis);
    expect(across(plan)).toBe(expectAcross);
    const sheet = Recalculated.of(grids, plan);
    expect(sheet.errors(plan.sheets.map((s) => s.name))).toEqual([]);
    expect(mismatches(analysis, plan, (s, r, c) => sheet.values(s)[r]?.[c] ?? null)).toEqual([]);
    sheet.destroy();
  });
});
