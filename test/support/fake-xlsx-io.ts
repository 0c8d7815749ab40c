/**
 * The file mode's reader and writer (src/taskpane/ports/xlsx-io.ts) over JSON instead of .xlsx,
 * for component tests: jsdom cannot load ExcelJS. The bytes are the grids as JSON text; plans add
 * (or replace) empty sheets of their names; Settings edits apply as FakePort applies them.
 */
import { WorkbookGrids } from "../../src/engine/grid";
import { WorkbookPlan } from "../../src/planner/plan";
import { SheetEdit } from "../../src/planner/settings-edit";
import { XlsxIo } from "../../src/taskpane/worker/pane-engine";
import { FakePort } from "./fake-port";

export function jsonBytes(grids: WorkbookGrids): Uint8Array {
  return Uint8Array.from(JSON.stringify(grids), (c) => c.charCodeAt(0));
}

export function gridsOf(bytes: Uint8Array): WorkbookGrids {
  if (bytes.length === 0) return { sheets: [] };
  return JSON.parse(String.fromCharCode(...bytes)) as WorkbookGrids;
}

export const fakeXlsxIo: XlsxIo = {
  readGrids: async (bytes) => gridsOf(bytes),
  async writePlan(bytes: Uint8Array, plan: WorkbookPlan) {
    const grids = gridsOf(bytes);
    for (const sheet of plan.sheets) {
      grids.sheets = grids.sheets.filter((s) => s.name !== sheet.name);
      grids.sheets.push({ name: sheet.name, rows: [] });
    }
    return { bytes: jsonBytes(grids), sheets: plan.sheets.map((s) => s.name), kept: [] };
  },
  async applyEdit(bytes: Uint8Array, edit: SheetEdit) {
    const port = new FakePort(gridsOf(bytes));
    await port.applyEdit(edit);
    return jsonBytes(port.grids);
  },
};
