/**
 * The file mode's reader and writer (src/taskpane/ports/xlsx-io.ts) over JSON instead of .xlsx,
 * for component tests: jsdom cannot load ExcelJS. The bytes are the grids as JSON text; plans add
 * (or replace) empty sheets of their names (the last build's figures with their values); Settings
 * edits apply as FakePort applies them.
 */
import { TextDecoder, TextEncoder } from "util";
import { CellValue, WorkbookGrids } from "../../src/engine/grid";
import { SheetPlan, WorkbookToWrite } from "../../src/planner/plan";
import { SheetEdit } from "../../src/planner/settings-edit";
import { XlsxIo } from "../../src/taskpane/worker/pane-engine";
import { FakePort } from "./fake-port";

/** A planned sheet's values, as a reader gives them back. */
export function planValues(sheet: SheetPlan): CellValue[][] {
  return sheet.rows.map((row) => row.map((cell) => cell?.value ?? null));
}

export function jsonBytes(grids: WorkbookGrids): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(grids));
}

export function gridsOf(bytes: Uint8Array): WorkbookGrids {
  if (bytes.length === 0) return { sheets: [] };
  return JSON.parse(new TextDecoder().decode(bytes)) as WorkbookGrids;
}

export const fakeXlsxIo: XlsxIo = {
  readGrids: async (bytes) => gridsOf(bytes),
  async writePlan(bytes: Uint8Array, plan: WorkbookToWrite) {
    const grids = gridsOf(bytes);
    for (const planned of plan.sheets) {
      const sheet = "plan" in planned ? planned.plan() : planned;
      grids.sheets = grids.sheets.filter((s) => s.name !== sheet.name);
      // The last build's figures are kept as written, for the "What changed" screen.
      const rows = sheet.kind === "lastbuild" ? planValues(sheet) : [];
      grids.sheets.push({ name: sheet.name, rows });
    }
    return { bytes: jsonBytes(grids), sheets: plan.sheets.map((s) => s.name), kept: [] };
  },
  async applyEdit(bytes: Uint8Array, edit: SheetEdit) {
    const port = new FakePort(gridsOf(bytes));
    await port.applyEdit(edit);
    return jsonBytes(port.grids);
  },
};
