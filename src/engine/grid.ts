/**
 * The engine's input: plain grids of cell values, one per worksheet, plus the Excel tables on
 * them. Adapters (ExcelJS for files, Office.js for the open workbook) produce this shape; the
 * engine never sees a library object.
 */

/** An Excel error value such as `#N/A` or `#REF!`. */
export interface CellError {
  error: string;
}

/** One cell as the engine sees it. `null` and `""` are blank. */
export type CellValue = null | undefined | number | string | boolean | Date | CellError;

export interface SheetGrid {
  name: string;
  /** `rows[r][c]` is the cell at (rowOffset + r, colOffset + c), both 0-based. */
  rows: CellValue[][];
  /** 0-based sheet row of `rows[0]` (a used range need not start at A1). */
  rowOffset?: number;
  /** 0-based sheet column of `rows[r][0]`. */
  colOffset?: number;
  /**
   * Merged areas (`<mergeCells>`), 0-based sheet coordinates, inclusive. Readers that know them
   * fill this; the engine gives them one meaning (SPEC 2.1) in `layout/merges.ts`.
   */
  merges?: CellRange[];
  /**
   * Cells a reader found addressed beyond Excel's grid (row 1,048,576, column XFD): counted, not
   * read, so that a crafted address never costs memory; reported as a finding.
   */
  outsideGrid?: number;
}

/** A rectangle of cells, 0-based sheet coordinates, both corners inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An Excel table (ListObject): its header is its first row. Coordinates are 0-based sheet cells. */
export interface TableRef {
  name: string;
  sheet: string;
  top: number;
  left: number;
  /** Rows including the header row. */
  rowCount: number;
  colCount: number;
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
  tables?: TableRef[];
}

export function isCellError(value: CellValue): value is CellError {
  return (
    typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value
  );
}

export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  // A string that starts with a visible character is not blank: no trim (and copy) needed.
  if (value.length === 0) return true;
  return value.charCodeAt(0) > 32 ? false : value.trim() === "";
}
