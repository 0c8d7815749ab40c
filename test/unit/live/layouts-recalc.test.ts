/**
 * The live scorecard equals the engine on every workbook of the layouts corpus (SPEC 2.1 shapes:
 * no IDs, KRAs as columns, periods across, a sheet per person or quarter, long format, text
 * targets, rating scales…): the links point at the cells the layout reader found.
 */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { dayFromYmd } from "../../../src/engine/dates";
import { planWorkbook } from "../../../src/planner";
import { fixtureNames, readFixture } from "../../support/layout-fixtures";
import { Recalculated } from "../../support/recalc";
import { mismatches } from "../../support/scorecard-check";

describe.each(fixtureNames())("the live scorecard of %s", (name) => {
  it("computes no error and equals the engine", async () => {
    const grids = await readFixture(name);
    const analysis = analyzeWorkbook(grids, { today: dayFromYmd(2026, 6, 30) as number });
    const plan = planWorkbook(analysis);
    const book = Recalculated.of(grids, plan);
    expect(book.errors(plan.sheets.map((s) => s.name))).toEqual([]);
    expect(mismatches(analysis, plan, (s, r, c) => book.values(s)[r]?.[c] ?? null)).toEqual([]);
    book.destroy();
  });
});
