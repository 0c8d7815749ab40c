/**
 * Merged cells mean the same in every reader (SPEC 2.1): a vertical merge fills its value down
 * over its rows; a horizontal merge belongs to its first column (banners, group headers and
 * footnotes stay one cell). This is the one place the engine gives `SheetGrid.merges` meaning.
 */
import { CellValue, SheetGrid, WorkbookGrids } from "../grid";

/** The sheet with each merged area's top-left value copied down its first column. */
export function sheetWithMerges(sheet: SheetGrid): SheetGrid {
  if (!sheet.merges || sheet.merges.length === 0) return sheet;
  const top0 = sheet.rowOffset ?? 0;
  const left0 = sheet.colOffset ?? 0;
  const rows: CellValue[][] = sheet.rows.slice();
  const copied = new Set<number>();
  for (const m of sheet.merges) {
    const r0 = m.top - top0;
    const c = m.left - left0;
    if (m.bottom <= m.top || r0 < 0 || c < 0 || r0 >= rows.length) continue;
    const value = rows[r0]?.[c];
    for (let r = r0 + 1; r <= m.bottom - top0 && r < rows.length; r++) {
      if (!copied.has(r)) {
        rows[r] = (rows[r] ?? []).slice();
        copied.add(r);
      }
      rows[r][c] = value;
    }
  }
  return { ...sheet, rows };
}

/** The workbook with every sheet's merges applied; the same object when no sheet has any. */
export function workbookWithMerges(workbook: WorkbookGrids): WorkbookGrids {
  if (!workbook.sheets.some((s) => s.merges && s.merges.length > 0)) return workbook;
  return { ...workbook, sheets: workbook.sheets.map(sheetWithMerges) };
}
