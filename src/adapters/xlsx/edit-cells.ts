/** Applies a SheetEdit (Settings rows) to an ExcelJS workbook; values are written as literals. */
import ExcelJS from "exceljs";
import { SheetEdit } from "../../planner/settings-edit";

export function applySheetEdit(wb: ExcelJS.Workbook, edit: SheetEdit): void {
  const ws = edit.create ? wb.addWorksheet(edit.sheet) : wb.getWorksheet(edit.sheet);
  if (!ws) throw new Error(`The sheet "${edit.sheet}" is no longer in the workbook.`);
  for (const w of edit.writes) ws.getCell(w.address).value = w.value;
}
