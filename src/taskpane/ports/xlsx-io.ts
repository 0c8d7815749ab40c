/**
 * Everything the browser's file mode does with ExcelJS, in one module so that webpack puts
 * ExcelJS in its own chunk, loaded only when a file is opened.
 */
import ExcelJS from "exceljs";
import { loadWorkbook, looksLikeZip } from "../../adapters/xlsx/read-grids";
import { applyPlan } from "../../adapters/xlsx/write-plan";
import { planTemplate } from "../../planner/template";

export { applySheetEdit } from "../../adapters/xlsx/edit-cells";
export { gridsFromWorkbook } from "../../adapters/xlsx/read-grids";
export { applyPlan } from "../../adapters/xlsx/write-plan";

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

export async function bytesOf(wb: ExcelJS.Workbook): Promise<ArrayBuffer> {
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export async function copyOf(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(new Uint8Array(await bytesOf(wb)));
}
