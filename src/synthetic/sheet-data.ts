/** A sheet to write as plain data: optional title rows, a header, rows, and whether it is an Excel table. */
import { CellValue } from "../engine/grid";

export interface SheetData {
  name: string;
  /** Rows written above the header (titles, notes), which readers must skip. */
  preamble?: CellValue[][];
  header: string[];
  rows: CellValue[][];
  /** When set, the header and rows are written as an Excel table of this name. */
  table?: string;
  /** Number formats by header. */
  formats?: Record<string, string>;
}

/** The grid a reader would see for this sheet (tables included), for in-memory use. */
export function toGrid(sheet: SheetData): CellValue[][] {
  return [...(sheet.preamble ?? []), sheet.header, ...sheet.rows];
}
