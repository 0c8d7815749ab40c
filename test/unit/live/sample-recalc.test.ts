/**
 * The live scorecard recalculated by HyperFormula equals the engine on the sample workbook
 * (SPEC 8, issue 12): every formula of the built sheets against the engine's numbers.
 */
import { readFileSync } from "fs";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { planWorkbook } from "../../../src/planner";
import { Recalculated } from "../../support/recalc";
import { mismatches } from "../../support/scorecard-check";

describe("the live scorecard of the sample workbook", () => {
  const grids = readPackage(readFileSync(SAMPLE_WORKBOOK)).grids;
  const analysis = analyzeWorkbook(grids);
  const plan = planWorkbook(analysis);
  const book = Recalculated.of(grids, plan);
  afterAll(() => book.destroy());

  it("computes no error anywhere", () => {
    expect(book.errors(plan.sheets.map((s) => s.name))).toEqual([]);
  });

  it("equals the engine, cell for cell", () => {
    expect(mismatches(analysis, plan, (s, r, c) => book.values(s)[r]?.[c] ?? null)).toEqual([]);
  });
});
