/**
 * The file mode's reading and writing of .xlsx bytes, behind three functions the pane's worker
 * calls and nothing else: bytes → grids, bytes + plan → bytes, bytes + Settings edit → bytes.
 * The bytes are never changed in place, so a write that fails leaves the workbook as it was.
 * Empty bytes stand for a new, empty workbook. This implementation goes through ExcelJS; any
 * module exporting the same three functions can replace it.
 */
import ExcelJS from "exceljs";
import { WorkbookGrids } from "../../engine/grid";
import { WorkbookPlan } from "../../planner/plan";
import { SheetEdit } from "../../planner/settings-edit";
import { applySheetEdit } from "../../adapters/xlsx/edit-cells";
import { gridsFromWorkbook, loadWorkbook, looksLikeZip } from "../../adapters/xlsx/read-grids";
import { applyPlan } from "../../adapters/xlsx/write-plan";

/**
 * The workbook last read or written, beside its bytes. ExcelJS takes seconds to parse a big file,
 * and the next call is nearly always about the same bytes (read after open, write after read,
 * read after write). Taking it hands it over: a write that then fails has spoilt only this copy,
 * never the bytes.
 */
let last: { bytes: Uint8Array; wb: ExcelJS.Workbook } | null = null;

function remember(bytes: Uint8Array, wb: ExcelJS.Workbook): Uint8Array {
  last = { bytes, wb };
  return bytes;
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const kept = last?.bytes === bytes ? last.wb : null;
  last = null;
  if (kept) return kept;
  if (bytes.length === 0) return new ExcelJS.Workbook();
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

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The workbook's grids; rejects with a message a person can act on when it is no workbook. */
export async function readGrids(bytes: Uint8Array): Promise<WorkbookGrids> {
  const wb = await open(bytes);
  remember(bytes, wb);
  return gridsFromWorkbook(wb);
}

/** The workbook with the plan's sheets written into it. */
export async function writePlan(bytes: Uint8Array, plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = await open(bytes);
  applyPlan(wb, plan);
  return remember(await bytesOf(wb), wb);
}

/** The workbook with the Settings rows written. */
export async function applyEdit(bytes: Uint8Array, edit: SheetEdit): Promise<Uint8Array> {
  const wb = await open(bytes);
  applySheetEdit(wb, edit);
  return remember(await bytesOf(wb), wb);
}
