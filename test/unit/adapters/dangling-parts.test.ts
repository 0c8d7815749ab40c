/**
 * A damaged package whose kept sheets point at parts or relationships that are missing: the build
 * never gives a new sheet the missing part's name or the kept sheet's relationship id, or the
 * kept sheet would show the new scorecard under its own name. (Found by the property test over
 * mutated packages, test/unit/cli/mutated-packages.test.ts.)
 */
import { readPackage } from "../../../src/adapters/xlsx/read";
import { writePlan } from "../../../src/adapters/xlsx/write";
import { planWorkbook } from "../../../src/planner";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { packageBytes, smallWorkbook } from "../../support/hostile-corpus";
import { AS_OF } from "../../support/workbook";

/** Builds the package and reads the output back: each sheet's name and first row. */
function buildOf(bytes: Uint8Array): [string, unknown][] {
  const reading = readPackage(bytes);
  const written = writePlan(
    reading,
    planWorkbook(analyzeWorkbook(reading.grids, { today: AS_OF }))
  );
  return readPackage(written.bytes).grids.sheets.map((s) => [s.name, s.rows[0]?.[0] ?? null]);
}

describe("a build over a damaged package", () => {
  it("never writes a new sheet into a part a kept sheet points at", () => {
    const missingPart = packageBytes({ sheets: smallWorkbook() }, (entries) =>
      entries.filter((e) => e.name !== "xl/worksheets/sheet1.xml")
    );
    const sheets = buildOf(missingPart);
    expect(sheets[0]).toEqual(["KRAs", null]); // still empty: its part is still missing
    expect(sheets[1]).toEqual(["KPIs", "KPI ID"]);
  });

  it("never gives a new sheet the relationship id of a kept sheet", () => {
    const missingRels = packageBytes({ sheets: smallWorkbook() }, (entries) =>
      entries.filter((e) => e.name !== "xl/_rels/workbook.xml.rels")
    );
    const sheets = buildOf(missingRels);
    expect(sheets.slice(0, 2)).toEqual([
      ["KRAs", null],
      ["KPIs", null],
    ]);
  });
});
