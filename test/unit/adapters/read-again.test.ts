/**
 * A package read again after a write (read/index.ts, `previous`): the sheets whose parts the
 * writer copied as they were keep their earlier reading instead of being scanned again, and the
 * grids are exactly those a fresh reading of the new package gives.
 */
import { readFileSync } from "fs";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { dataSheets } from "../../../src/adapters/workbook-input";
import { editSheet, emptyWorkbook, writePlan } from "../../../src/adapters/xlsx/write";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { planWorkbook } from "../../../src/planner";
import { planSettingsEdit } from "../../../src/planner/settings-edit";

describe("a package read again after a write", () => {
  const before = readPackage(readFileSync(SAMPLE_WORKBOOK));
  const analysis = analyzeWorkbook(before.grids);
  const built = writePlan(before, planWorkbook(analysis)).bytes;
  const grid = (reading: typeof before, name: string) =>
    reading.grids.sheets.find((s) => s.name === name);

  it("keeps the readings of the sheets the build copied, equal to a fresh reading", () => {
    const again = readPackage(built, undefined, before);
    const fresh = readPackage(built);
    expect(again.grids).toEqual(fresh.grids);
    for (const sheet of before.grids.sheets) expect(grid(again, sheet.name)).toBe(sheet);
    expect(again.checksums).toEqual(fresh.checksums);
  });

  it("reads again a sheet the write changed", () => {
    const edit = planSettingsEdit(
      before.grids,
      analysis.model.regions.settings ?? null,
      new Map([["Cap", 1.5]])
    );
    const edited = editSheet(before, edit);
    const again = readPackage(edited, undefined, before);
    expect(again.grids).toEqual(readPackage(edited).grids);
    const settings = edit.sheet;
    expect(grid(again, settings)).not.toBe(grid(before, settings));
    expect(grid(again, "KPIs")).toBe(grid(before, "KPIs"));
  });

  it("reads again a sheet whose date styles are no longer what its cells were read with", () => {
    const dated = readPackage(
      writePlan(emptyWorkbook(), {
        sheets: dataSheets({
          sheets: [{ name: "Dates", rows: [["Cycle Start", new Date(Date.UTC(2026, 0, 1))]] }],
        }),
      }).bytes
    );
    const reading = dated.sheetReadings.get("Dates");
    if (!reading) throw new Error("The sheet was read.");
    expect(reading.dates).toContain(true);
    const rewritten = editSheet(dated, { sheet: "Other", create: true, writes: [] });
    expect(grid(readPackage(rewritten, undefined, dated), "Dates")).toBe(grid(dated, "Dates"));
    const misread = new Map([["Dates", { ...reading, dates: reading.dates.map((d) => !d) }]]);
    const again = readPackage(rewritten, undefined, { ...dated, sheetReadings: misread });
    expect(grid(again, "Dates")).not.toBe(grid(dated, "Dates"));
    expect(again.grids).toEqual(readPackage(rewritten).grids);
  });
});
