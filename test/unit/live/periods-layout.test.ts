/**
 * The helper sheet's layouts (planner/periods-sheet.ts): a KPI's cells across one row under the
 * shared period ends when the workbook's check-ins fall in few periods, down a block of rows
 * when they fall in many (daily check-ins over months) or when two share a period, and not
 * copied at all when a KPI's cells already run down a column (or along a row) of the user's in
 * period order. Recalculated by HyperFormula, each gives the engine's scores.
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

/**
 * K1 to K4 with one check-in a day for `days` days from 1 January 2026 (K2 sums, K3 averages…),
 * day by day, or KPI by KPI (`grouped`: each KPI's rows together, as many trackers keep them).
 */
function book(days: number, grouped = false): WorkbookGrids {
  const checkIns: CellValue[][] = [["KPI ID", "Period", "Actual"]];
  const ids = ["K1", "K2", "K3", "K4"];
  const row = (d: number, i: number): CellValue[] => [
    ids[i],
    excelSerialFromDay((dayFromYmd(2026, 1, 1) as number) + d),
    // A blank, a text and errors among the values: the formulas pass over each.
    i === 2 && d === 3
      ? null
      : i === 2 && d === 4
        ? "n/a"
        : (i === 1 || i === 3) && d === 5
          ? { error: "#N/A" }
          : 10 + i + (d % 7),
  ];
  if (grouped)
    ids.forEach((_, i) => {
      for (let d = 0; d < days; d++) checkIns.push(row(d, i));
    });
  else for (let d = 0; d < days; d++) ids.forEach((_, i) => checkIns.push(row(d, i)));
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

type Layout = "across" | "down" | "read where they are";

/** How the helper sheet holds K1's check-ins. */
function layoutOf(plan: WorkbookPlan): Layout {
  const sheet = plan.sheets.find((s) => s.name === PERIODS_SHEET);
  const row = sheet?.rows.find((line) => line[0]?.value === "K1") ?? [];
  const copies = row.filter((cell) => cell?.formula?.includes("ISNUMBER(Actuals!")).length;
  if (copies > 1) return "across";
  return row.some((cell) => /Actuals!C2:C\d+/.test(cell?.formula ?? ""))
    ? "read where they are"
    : "down";
}

describe("the helper sheet's layouts", () => {
  it.each([
    ["across one row, when check-ins fall in few periods", 90, false, "across"],
    ["down a block, when they fall in more periods than a row should hold", 130, false, "down"],
    [
      "none: read where they are, when each KPI's rows are together",
      90,
      true,
      "read where they are",
    ],
    ["down a block, when grouped rows fall in too many periods", 130, true, "down"],
  ] as const)("%s", (_, days, grouped, expected: Layout) => {
    const grids = book(days, grouped);
    const analysis = analyzeWorkbook(grids, { today: TODAY });
    const plan = planWorkbook(analysis);
    expect(layoutOf(plan)).toBe(expected);
    const sheet = Recalculated.of(grids, plan);
    expect(sheet.errors(plan.sheets.map((s) => s.name))).toEqual([]);
    expect(mismatches(analysis, plan, (s, r, c) => sheet.values(s)[r]?.[c] ?? null)).toEqual([]);
    sheet.destroy();
  });
});
