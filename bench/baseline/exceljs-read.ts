/**
 * The baseline for `npm run bench` only: how `build` read workbooks before the package reader.
 *
 * Reads an .xlsx file into the engine's grids through ExcelJS. Formula cells give their cached
 * result, rich text its plain text, hyperlinks their text; nothing is evaluated or changed.
 */
import ExcelJS from "exceljs";
import { CellValue, SheetGrid, TableRef, WorkbookGrids } from "../../src/engine/grid";
import { parseA1 } from "../../src/engine/address";
import { mergesOfRefs } from "./merges";

type ExcelValue = ExcelJS.CellValue;

/** An ExcelJS cell value as the engine's plain value. */
export function toCellValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (
    typeof value === "number" ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    value instanceof Date
  )
    return value;
  if (typeof value !== "object") return null;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ? null : toCellValue(result as ExcelValue);
  }
  if ("text" in value) return toCellValue((value as { text: ExcelValue }).text);
  return null;
}

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged area's other cells echo its top-left value in ExcelJS; the file holds them
      // blank, and the engine gives merges their meaning from `merges` (SPEC 2.1).
      if (cell.type !== ExcelJS.ValueType.Merge) cells[colNumber - 1] = toCellValue(cell.value);
    });
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merges = mergesOfRefs((ws.model as { merges?: string[] }).merges ?? []);
  return merges.length ? { name: ws.name, rows, merges } : { name: ws.name, rows };
}

interface LoadedTable {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

function tableRefs(ws: ExcelJS.Worksheet): TableRef[] {
  const out: TableRef[] = [];
  for (const t of ws.getTables() as unknown as { table?: LoadedTable }[]) {
    const model = t.table ?? (t as LoadedTable);
    const ref = model.tableRef ?? model.ref ?? "";
    const [from, to] = ref.split(":");
    const tl = parseA1(from ?? "");
    const br = parseA1(to ?? from ?? "");
    const name = model.displayName ?? model.name;
    if (!tl || !br || !name || model.headerRow === false) continue;
    const rowCount = br.row - tl.row + 1 - (model.totalsRow ? 1 : 0);
    out.push({
      name,
      sheet: ws.name,
      top: tl.row,
      left: tl.col,
      rowCount,
      colCount: br.col - tl.col + 1,
    });
  }
  return out;
}

export function gridsFromWorkbook(wb: ExcelJS.Workbook): WorkbookGrids {
  const sheets: SheetGrid[] = [];
  const tables: TableRef[] = [];
  for (const ws of wb.worksheets) {
    sheets.push(sheetGrid(ws));
    tables.push(...tableRefs(ws));
  }
  return { sheets, tables };
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}
