/**
 * Reads the open workbook into the engine's grids through Office.js: two syncs for the structure
 * (sheets and tables, then used ranges and table addresses) and one per block of at most
 * CELLS_PER_BATCH cells of values, never one per sheet row. Error values are recognised from
 * `valueTypes`, so a text cell that reads "#N/A" stays text.
 */
import { parseA1 } from "../../engine/address";
import { CellValue, SheetGrid, TableRef, WorkbookGrids } from "../../engine/grid";

/** The requirement set the reader needs (getRangeByIndexes); the base requirement of manifest.xml. */
export const READER_EXCEL_API = "1.7";

/** Values plus value types of this many cells stay well under Excel on the web's 5 MB response limit. */
export const CELLS_PER_BATCH = 100_000;

export interface ReadResult {
  grids: WorkbookGrids;
  syncs: number;
}

interface UsedRange {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** `Sheet1!B3:F40` (or `'My sheet'!B3`) → its corners, 0-based. */
export function parseRangeAddress(
  address: string
): { top: number; left: number; bottom: number; right: number } | null {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [from, to] = local.split(":");
  const tl = parseA1(from ?? "");
  const br = parseA1(to ?? from ?? "");
  if (!tl || !br) return null;
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

function cellValue(value: unknown, type: string): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "") return null;
  return value as CellValue;
}

export async function readGridsFromExcel(
  context: Excel.RequestContext,
  cellsPerBatch = CELLS_PER_BATCH
): Promise<ReadResult> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const worksheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await sync();

  const used = worksheets.items.map((ws) => ({
    name: ws.name,
    range: ws
      .getUsedRangeOrNullObject(true)
      .load("address,rowIndex,columnIndex,rowCount,columnCount"),
  }));
  const tableRanges = tables.items.map((t) => ({
    name: t.name,
    range: t.getRange().load("address"),
    sheet: t.worksheet.load("name"),
  }));
  await sync();

  const ranges: UsedRange[] = [];
  const sheets: SheetGrid[] = used.map(({ name, range }) => {
    if (range.isNullObject) return { name, rows: [] };
    ranges.push({
      sheet: name,
      top: range.rowIndex,
      left: range.columnIndex,
      rows: range.rowCount,
      columns: range.columnCount,
    });
    return { name, rows: [], rowOffset: range.rowIndex, colOffset: range.columnIndex };
  });
  const gridOf = new Map(sheets.map((s) => [s.name, s]));

  // Blocks of whole rows, several sheets' blocks to a batch, each batch under the cell limit.
  let pending: { grid: SheetGrid; from: number; range: Excel.Range }[] = [];
  let pendingCells = 0;
  const flush = async () => {
    if (!pending.length) return;
    await sync();
    for (const { grid, from, range } of pending) {
      range.values.forEach((row, r) => {
        grid.rows[from + r] = row.map((v, c) => cellValue(v, range.valueTypes[r][c]));
      });
    }
    pending = [];
    pendingCells = 0;
  };
  for (const u of ranges) {
    const grid = gridOf.get(u.sheet) as SheetGrid;
    const ws = context.workbook.worksheets.getItem(u.sheet);
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerBatch / u.columns));
    for (let from = 0; from < u.rows; from += rowsPerBlock) {
      const count = Math.min(rowsPerBlock, u.rows - from);
      if (pendingCells + count * u.columns > cellsPerBatch) await flush();
      const range = ws
        .getRangeByIndexes(u.top + from, u.left, count, u.columns)
        .load("values,valueTypes");
      pending.push({ grid, from, range });
      pendingCells += count * u.columns;
    }
  }
  await flush();

  const tableRefs: TableRef[] = [];
  for (const t of tableRanges) {
    const corners = parseRangeAddress(t.range.address);
    if (!corners) continue;
    tableRefs.push({
      name: t.name,
      sheet: t.sheet.name,
      top: corners.top,
      left: corners.left,
      rowCount: corners.bottom - corners.top + 1,
      colCount: corners.right - corners.left + 1,
    });
  }
  return { grids: { sheets, tables: tableRefs }, syncs };
}
