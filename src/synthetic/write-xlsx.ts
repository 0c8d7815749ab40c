/**
 * Writes synthetic sheets (SheetData) to an .xlsx file with ExcelJS: title rows, a bold header or
 * an Excel table, number formats, and columns wide enough to read.
 */
import ExcelJS from "exceljs";
import { CellValue } from "../engine/grid";
import { SheetData } from "./sheet-data";

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === undefined) return null;
  if (typeof v === "object" && v !== null && !(v instanceof Date))
    return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

export function addSheetData(wb: ExcelJS.Workbook, sheet: SheetData): void {
  const ws = wb.addWorksheet(sheet.name);
  for (const row of sheet.preamble ?? []) ws.addRow(row.map(excelValue));
  const headerRow = (sheet.preamble?.length ?? 0) + 1;
  if (sheet.table) {
    ws.addTable({
      name: sheet.table,
      ref: `A${headerRow}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: sheet.header.map((name) => ({ name, filterButton: true })),
      rows: sheet.rows.map((r) => sheet.header.map((_, c) => excelValue(r[c] ?? null))),
    });
  } else {
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map(excelValue));
  }
  if (sheet.preamble?.length) ws.getCell("A1").font = { bold: true, size: 14 };
  sheet.header.forEach((h, c) => {
    const column = ws.getColumn(c + 1);
    const longest = Math.max(
      h.length,
      ...sheet.rows.slice(0, 200).map((r) => String(r[c] ?? "").length)
    );
    column.width = Math.min(60, Math.max(10, longest + 2));
    const format = sheet.formats?.[h];
    if (format) column.numFmt = format;
  });
  ws.views = [{ state: "frozen", ySplit: headerRow }];
}

export async function writeSheetData(sheets: readonly SheetData[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPI Cascade";
  for (const sheet of sheets) addSheetData(wb, sheet);
  await wb.xlsx.writeFile(file);
}

export async function sheetDataToBuffer(sheets: readonly SheetData[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) addSheetData(wb, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
