/**
 * A workbook file of any format the commands accept (SPEC section 7, "Inputs"): `.xlsx` and
 * `.xlsm` through the package reader (and written back in place); `.xls` (Excel 97–2003), `.ods`
 * and `.csv` read into grids, from which `build` writes a new `.xlsx`.
 */
import { a1 } from "../engine/address";
import { excelSerialFromDay, dayFromDate } from "../engine/dates";
import { CellValue, SheetGrid, WorkbookGrids, isCellError } from "../engine/grid";
import { CellPlan, SheetPlan } from "../planner/plan";
import { readCsv } from "./tabular/csv";
import { isCompoundFile, oldBiffVersion, readXls } from "./xls";
import { isOds, readOds } from "./tabular/ods";
import { Package } from "./xlsx/package/opc";
import { looksLikeZip } from "./xlsx/package/zip-read";
import { PackageReading, readPackageParts } from "./xlsx/read";

export type InputKind = "xlsx" | "xls" | "ods" | "csv";

export interface WorkbookInput {
  kind: InputKind;
  grids: WorkbookGrids;
  /** The package, for an .xlsx or .xlsm: a build edits it in place. */
  reading: PackageReading | null;
}

/** An .xls file: a compound file, or the bare records of Excel 2.x to 4.0 (refused when read). */
export function looksLikeXls(bytes: Uint8Array): boolean {
  return isCompoundFile(bytes) || oldBiffVersion(bytes) !== null;
}

/** Reads the file; null when it is neither a zip package, an .xls nor a .csv. */
export function readWorkbookInput(bytes: Uint8Array, fileName: string): WorkbookInput | null {
  if (looksLikeXls(bytes)) return { kind: "xls", grids: readXls(bytes).grids, reading: null };
  if (looksLikeZip(bytes)) {
    const pkg = new Package(bytes);
    if (isOds(pkg)) return { kind: "ods", grids: readOds(pkg), reading: null };
    const reading = readPackageParts(pkg);
    return { kind: "xlsx", grids: reading.grids, reading };
  }
  if (/\.csv$/i.test(fileName)) {
    const base = fileName.replace(/^.*[\\/]/, "").replace(/\.csv$/i, "");
    const text = new TextDecoder("utf-8").decode(bytes);
    return {
      kind: "csv",
      grids: { sheets: [readCsv(text, base.slice(0, 31) || "Data")], tables: [] },
      reading: null,
    };
  }
  return null;
}

function dataCell(value: CellValue): CellPlan | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) {
    const day = dayFromDate(value);
    return day === null ? null : { value: excelSerialFromDay(day), format: "yyyy-mm-dd" };
  }
  if (isCellError(value)) return { error: value.error };
  return { value };
}

/** The input's sheets as plan sheets, for writing an .xls, .ods or .csv's data into a new .xlsx. */
export function dataSheets(grids: WorkbookGrids): SheetPlan[] {
  return grids.sheets.map((sheet: SheetGrid) => ({
    kind: "template",
    name: sheet.name,
    rows: sheet.rows.map((row) => Array.from(row, dataCell)),
    columnWidths: [],
    merges: (sheet.merges ?? []).map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
  }));
}
