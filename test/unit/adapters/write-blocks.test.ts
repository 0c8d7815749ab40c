/**
 * Sheets planned a block of rows at a time (the scorecard, the cascade, the trends) are written as
 * they are made. Without renaming, test/unit/planner/sheets-to-plan.test.ts compares the packages;
 * here a sheet of the user's takes a generated sheet's name, and the formulas that refer to it
 * are renamed block by block. A block that does not add up to the rows it stated is refused.
 */
import { readFileSync } from "fs";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { PackageReading, readPackage } from "../../../src/adapters/xlsx/read";
import { writePlan } from "../../../src/adapters/xlsx/write";
import { planWorkbook, planWorkbookSheets } from "../../../src/planner";
import { wholeSheet } from "../../../src/planner/sheet-blocks";
import { partDigests } from "../../support/package-parts";

const sample = () => readPackage(new Uint8Array(readFileSync(SAMPLE_WORKBOOK)));

/** The sample with a sheet of the user's named as the build's helper sheet is. */
function withUsersPeriodsSheet(): PackageReading {
  const mine = writePlan(sample(), {
    sheets: [
      { kind: "template", name: "KPI Periods", rows: [[{ value: "mine" }]], columnWidths: [] },
    ],
  });
  return readPackage(mine.bytes);
}

it("writes the sheets in blocks as it writes them whole, renaming their references block by block", () => {
  // A sheet of the user's takes the helper sheet's name: it is written as `KPI Periods 2`, and
  // the scorecard's references to it are renamed as each block is written.
  const reading = withUsersPeriodsSheet();
  const analysis = analyzeWorkbook(reading.grids);
  const sheets = planWorkbookSheets(analysis);
  expect(sheets.filter((s) => s.inBlocks).map((s) => s.kind)).toEqual([
    "scorecard",
    "cascade",
    "trends",
  ]);
  const inBlocks = writePlan(reading, { sheets });
  const whole = writePlan(reading, planWorkbook(analysis));
  expect(inBlocks.sheets).toContain("KPI Periods 2");
  expect(inBlocks.sheets).toEqual(whole.sheets);
  expect(inBlocks.checksums).toEqual(whole.checksums);
  expect(partDigests(inBlocks.bytes)).toEqual(partDigests(whole.bytes));
});

it("refuses blocks that make another number of rows than they stated", () => {
  const analysis = analyzeWorkbook(sample().grids);
  const scorecard = planWorkbookSheets(analysis).find((s) => s.kind === "scorecard");
  const inBlocks = scorecard?.inBlocks;
  if (!scorecard || !inBlocks) throw new Error("no scorecard in blocks");
  const sheet = inBlocks();
  expect(() => wholeSheet({ ...sheet, rowCount: sheet.rowCount + 1 })).toThrow(
    /rows planned, \d+ stated/
  );
  const miscounted = { ...scorecard, inBlocks: () => ({ ...inBlocks(), rowCount: 3 }) };
  expect(() => writePlan(sample(), { sheets: [miscounted] })).toThrow(/rows written, 3 stated/);
});
