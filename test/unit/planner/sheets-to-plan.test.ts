/**
 * The sheets of a build planned one at a time (planner/index.ts `planWorkbookSheets`): what is
 * known up front (kind, name, visibility, where the helper sheet's blocks are) agrees with the
 * sheets once planned, in any order, and the package writer writes the same parts either way
 * (the big sheets then a block of rows at a time).
 */
import { readFileSync } from "fs";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { writePlan } from "../../../src/adapters/xlsx/write";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { planWorkbook, planWorkbookSheets } from "../../../src/planner";
import { PERIODS_SHEET, planPeriods } from "../../../src/planner/periods-sheet";
import { scorecardAsOf } from "../../../src/planner/scorecard";
import { SheetPlan } from "../../../src/planner/plan";
import { partDigests } from "../../support/package-parts";

describe("the sheets of a build, planned one at a time", () => {
  const bytes = readFileSync(SAMPLE_WORKBOOK);
  const analysis = analyzeWorkbook(readPackage(bytes).grids);

  it("say up front the kind, name and visibility each sheet has once planned", () => {
    for (const sheet of planWorkbookSheets(analysis)) {
      const plan = sheet.plan();
      expect([sheet.kind, sheet.name, sheet.hidden]).toEqual([plan.kind, plan.name, plan.hidden]);
    }
  });

  it("lay out the helper sheet's blocks where the planned sheet puts them", () => {
    const periods = planPeriods(analysis, { sheet: PERIODS_SHEET, asOf: scorecardAsOf("S") });
    const plan = (periods as NonNullable<typeof periods>).plan();
    const index = (periods as NonNullable<typeof periods>).index;
    expect(index.checkIns.size).toBe(analysis.model.kpis.size);
    for (const [kpi, row] of [...index.checkIns, ...index.targets])
      expect([kpi, plan.rows[row - 1]?.[0]?.value]).toEqual([kpi, kpi]);
  });

  it("are the same sheets in whatever order they are planned", () => {
    const whole = planWorkbook(analysis).sheets;
    const byName = (sheets: SheetPlan[]) => new Map(sheets.map((s) => [s.name, s]));
    const reversed = planWorkbookSheets(analysis)
      .reverse()
      .map((s) => s.plan());
    expect(byName(reversed)).toEqual(byName(whole));
  });

  it("are written as the same package as the sheets planned all at once", () => {
    const whole = writePlan(readPackage(bytes), planWorkbook(analysis));
    const lazy = writePlan(readPackage(bytes), { sheets: planWorkbookSheets(analysis) });
    expect(lazy.sheets).toEqual(whole.sheets);
    expect(lazy.checksums).toEqual(whole.checksums);
    // Part by part: new entries carry the time of writing, which two writes may not share.
    expect(partDigests(lazy.bytes)).toEqual(partDigests(whole.bytes));
  });
});
