/** Saving settings and mappings into the Settings sheet: which cells, and only those. */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { WorkbookGrids } from "../../../src/engine/grid";
import { SettingValue, planSettingsEdit } from "../../../src/planner/settings-edit";
import { AS_OF, minimal, workbook } from "../../support/workbook";

const changes = (entries: [string, SettingValue][]) => new Map(entries);
const regionOf = (grids: WorkbookGrids) =>
  analyzeWorkbook(grids, { today: AS_OF }).model.regions.settings ?? null;

describe("planSettingsEdit", () => {
  it("rewrites the Value cell of a setting already there, matching its name loosely", () => {
    const grids = workbook({
      ...minimal(),
      Settings: [
        ["Setting", "Value"],
        ["cap", 1.3],
        ["Green At", 1],
      ],
    });
    const edit = planSettingsEdit(
      grids,
      regionOf(grids),
      changes([
        ["Cap", 1.5],
        ["Green At", null],
      ])
    );
    expect(edit).toEqual({
      sheet: "Settings",
      create: false,
      writes: [
        { address: "B2", value: 1.5 },
        { address: "B3", value: null },
      ],
    });
  });

  it("appends new settings below the last used row, under a title and with the table off A1", () => {
    const grids: WorkbookGrids = {
      sheets: [
        ...workbook(minimal()).sheets,
        {
          name: "Config",
          rowOffset: 2,
          colOffset: 1,
          rows: [["Settings for FY26"], [], ["Setting", "Value"], ["Cap", 1.3], [], ["Floor", 0.1]],
        },
      ],
      tables: [],
    };
    grids.sheets[2].name = "Settings";
    const edit = planSettingsEdit(grids, regionOf(grids), changes([["Sheet KPIs", "Measures"]]));
    // Header on sheet row 5 (B5); the last setting on row 8; the new one on row 9.
    expect(edit.writes).toEqual([
      { address: "B9", value: "Sheet KPIs" },
      { address: "C9", value: "Measures" },
    ]);
  });

  it("writes to the first of two rows with one name, as the engine reads the first", () => {
    const grids = workbook({
      ...minimal(),
      Settings: [
        ["Setting", "Value"],
        ["Cap", 1.3],
        ["Cap", 1.4],
      ],
    });
    const edit = planSettingsEdit(grids, regionOf(grids), changes([["Cap", 1.1]]));
    expect(edit.writes).toEqual([{ address: "B2", value: 1.1 }]);
  });

  it("creates a Settings sheet (under a free name) when there is none, skipping cleared values", () => {
    const grids = workbook({ ...minimal(), "settings ": [["just notes"]] });
    grids.sheets[2].name = "Settings 2";
    const edit = planSettingsEdit(
      grids,
      null,
      changes([
        ["Cap", 1.5],
        ["Floor", null],
      ])
    );
    expect(edit).toEqual({
      sheet: "Settings",
      create: true,
      writes: [
        { address: "A1", value: "Setting" },
        { address: "B1", value: "Value" },
        { address: "A2", value: "Cap" },
        { address: "B2", value: 1.5 },
      ],
    });
  });

  it("round-trips: what it writes, the engine reads back", () => {
    const grids = workbook({
      ...minimal(),
      Settings: [
        ["Setting", "Value"],
        ["Cap", 1.3],
      ],
    });
    const edit = planSettingsEdit(
      grids,
      regionOf(grids),
      changes([
        ["Cap", 1.5],
        ["Amber At", 0.8],
        ["Rating Bands", "1.2, 1.0, 0.8, 0.6"],
        ["Prorate Targets", "yes"],
      ])
    );
    const rows = grids.sheets[2].rows;
    for (const w of edit.writes) {
      const row = Number(w.address.slice(1)) - 1;
      const col = w.address.charCodeAt(0) - 65;
      (rows[row] ??= [])[col] = w.value;
    }
    const { settings } = analyzeWorkbook(grids, { today: AS_OF }).model;
    expect(settings).toMatchObject({
      cap: 1.5,
      amberAt: 0.8,
      ratingBands: [1.2, 1.0, 0.8, 0.6],
      prorateTargets: true,
    });
  });
});
