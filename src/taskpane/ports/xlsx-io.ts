/**
 * Everything the browser's file mode does with ExcelJS, in one module so that webpack puts
 * ExcelJS in its own chunk, loaded only when a file is opened.
 */
import ExcelJS from "exceljs";
import { applySheetEdit } from "../../adapters/xlsx/edit-cells";
import { gridsFromWorkbook, loadWorkbook, looksLikeZip } from "../../adapters/xlsx/read-grids";
import { applyPlan } from "../../adapters/xlsx/write-plan";
import { WorkbookGrids } from "../../engine/grid";
import { WorkbookPlan } from "../../planner/plan";
import { SheetEdit } from "../../planner/settings-edit";
import { planTemplate } from "../../planner/template";

export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (!looksLikeZip(bytes))
    throw new Error(
      "This file is not an .xlsx workbook. Save it from Excel as .xlsx and open it again."
    );
  try {
    return await loadWorkbook(bytes);
  } catch {
    throw new Error("This .xlsx file could not be read: it may be damaged or password-protected.");
  }
}

export function templateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, { sheets: planTemplate() });
  return wb;
}

export const gridsOf = (wb: ExcelJS.Workbook): WorkbookGrids => gridsFromWorkbook(wb);

export async function bytesOf(wb: ExcelJS.Workbook): Promise<ArrayBuffer> {
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export async function copyOf(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(new Uint8Array(await bytesOf(wb)));
}

export const writePlan = (wb: ExcelJS.Workbook, plan: WorkbookPlan): string[] =>
  applyPlan(wb, plan);

export const applyEdit = (wb: ExcelJS.Workbook, edit: SheetEdit): void => applySheetEdit(wb, edit);
