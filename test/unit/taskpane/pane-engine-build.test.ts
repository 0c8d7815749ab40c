/**
 * File mode's build with the real package reader and writer: the workbook read back after a build
 * keeps the analysis it was built from (its own sheets are the same grids), and the screens show
 * exactly what opening the built file afresh shows.
 */
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import * as xlsxIo from "../../../src/taskpane/ports/xlsx-io";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { WorkbookGrids } from "../../../src/engine/grid";
import {
  Progress,
  createPaneEngine,
  sameUserSheets,
} from "../../../src/taskpane/worker/pane-engine";

jest.setTimeout(60_000);

const LAYOUTS = path.join(__dirname, "../../fixtures/layouts");
const quiet = () => undefined;

async function freshView(bytes: Uint8Array, name: string) {
  return createPaneEngine(async () => xlsxIo).openFile(bytes, name, quiet);
}

const workbooks = [
  SAMPLE_WORKBOOK,
  ...readdirSync(LAYOUTS)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(LAYOUTS, f)),
];

it.each(workbooks.map((w) => [path.basename(w), w]))(
  "%s: after building twice, the screens show what opening the built file shows",
  async (name, file) => {
    const engine = createPaneEngine(async () => xlsxIo);
    await engine.openFile(new Uint8Array(readFileSync(file)), name, quiet);
    for (let build = 0; build < 2; build++) {
      const stages: Progress[] = [];
      const written = await engine.writeFile("build", (p) => stages.push(p));
      // Kept, not worked out again.
      expect(stages.map((s) => s.stage)).not.toContain("Checking the cascade");
      expect(written.view).toEqual(await freshView(await engine.fileBytes(), name));
    }
  }
);

describe("the same sheets of the user's", () => {
  const grid = (name: string) => ({ name, rows: [["x"]] });
  const kpis = grid("KPIs");
  const kras = grid("KRAs");
  const table = { name: "tblKPIs", sheet: "KPIs", top: 0, left: 0, rowCount: 2, colCount: 1 };
  const before: WorkbookGrids = { sheets: [kras, kpis], tables: [table] };

  it("hold when only the sheets a build writes differ", () => {
    const after = {
      sheets: [kras, kpis, grid("KPI Scorecard"), grid("KPI Trends 2")],
      tables: [table, { ...table, name: "tblFindings", sheet: "KPI Findings" }],
    };
    expect(sameUserSheets(before, after)).toBe(true);
  });

  it("do not hold when a sheet of the user's was read again, moved, added or its table changed", () => {
    expect(sameUserSheets(before, { sheets: [kras, grid("KPIs")], tables: [table] })).toBe(false);
    expect(sameUserSheets(before, { sheets: [kpis, kras], tables: [table] })).toBe(false);
    const more = { sheets: [kras, kpis, grid("Notes")], tables: [table] };
    expect(sameUserSheets(before, more)).toBe(false);
    const grown = { sheets: [kras, kpis], tables: [{ ...table, rowCount: 3 }] };
    expect(sameUserSheets(before, grown)).toBe(false);
  });
});
