/**
 * Small edits to the open workbook through Office.js, each in one sync: writing a SheetEdit
 * (Settings rows) and selecting a cell (a finding's "jump to").
 */
import { SheetEdit } from "../../planner/settings-edit";
import { formulaInput } from "./write-plan";

export async function applySheetEdit(
  context: Excel.RequestContext,
  edit: SheetEdit
): Promise<void> {
  const sheet = edit.create
    ? context.workbook.worksheets.add(edit.sheet)
    : context.workbook.worksheets.getItem(edit.sheet);
  for (const w of edit.writes)
    sheet.getRange(w.address).formulas = [[formulaInput({ value: w.value })]];
  await context.sync();
}

export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  cell: string
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}
