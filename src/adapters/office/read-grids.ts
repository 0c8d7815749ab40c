/**
 * Reads the open workbook into the engine's grids through Office.js: two syncs for the structure
 * (sheets and tables, then used ranges and table addresses) and one per batch of cell values,
 * never one per sheet row. Batches are sized by what they bring back — UTF-8 bytes of the values
 * and value types as JSON — since Excel on the web refuses a response over 5 MB: a sheet's first
 * block is small, and the bytes per row it shows size the rest. Error values are recognised from
 * `valueTypes`, so a text cell that reads "#N/A" stays text.
 */
import { parseA1 } from "../../engine/address";
import { CellValue, SheetGrid, TableRef, WorkbookGrids } from "../../engine/grid";
import { jsonBytes } from "./request-size";

/** The requirement set the reader needs (getRangeByIndexes); the base requirement of manifest.xml. */
export const READER_EXCEL_API = "1.7";

/** What one sync's reads may bring back, in bytes: well under Excel on the web's 5 MB. */
export const RESPONSE_BUDGET_BYTES = 3.5 * 1024 * 1024;

/**
 * Bytes a cell is taken to bring back before anything is known of its sheet: long text (a
 * 230-character Japanese name). A sheet's first block is that small (about 5,000 cells at the
 * budget); what it really holds sizes the rest.
 */
const UNREAD_CELL_BYTES = 700;

/** Rows later in a sheet may hold longer text than its first ones: blocks leave this much room. */
const GROWTH_MARGIN = 1.25;

export interface ReadResult {
  grids: WorkbookGrids;
  syncs: number;
  /** Measured size of the largest response: UTF-8 bytes of its values and value types as JSON. */
  maxResponseBytes: number;
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

interface Block {
  grid: SheetGrid;
  from: number;
  rows: number;
  range: Excel.Range;
}

export async function readGridsFromExcel(
  context: Excel.RequestContext,
  budgetBytes = RESPONSE_BUDGET_BYTES
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

  // Blocks of whole rows, several sheets' blocks to a batch, each batch's estimate under budget.
  // Until a sheet has been read from, its cells count as UNREAD_CELL_BYTES each.
  const bytesPerRow = new Map<SheetGrid, number>();
  let pending: Block[] = [];
  let pendingBytes = 0;
  let maxResponseBytes = 0;
  const flush = async () => {
    if (!pending.length) return;
    await sync();
    let response = 0;
    for (const { grid, from, rows, range } of pending) {
      range.values.forEach((row, r) => {
        grid.rows[from + r] = row.map((v, c) => cellValue(v, range.valueTypes[r][c]));
      });
      const bytes = jsonBytes(range.values) + jsonBytes(range.valueTypes);
      response += bytes;
      bytesPerRow.set(grid, Math.max(bytesPerRow.get(grid) ?? 0, bytes / rows));
    }
    maxResponseBytes = Math.max(maxResponseBytes, response);
    pending = [];
    pendingBytes = 0;
  };
  const queue = (u: UsedRange, grid: SheetGrid, from: number, rows: number, bytes: number) => {
    const range = context.workbook.worksheets
      .getItem(u.sheet)
      .getRangeByIndexes(u.top + from, u.left, rows, u.columns)
      .load("values,valueTypes");
    pending.push({ grid, from, rows, range });
    pendingBytes += bytes;
  };
  for (const u of ranges) {
    const grid = gridOf.get(u.sheet) as SheetGrid;
    let from = 0;
    while (from < u.rows) {
      const known = bytesPerRow.get(grid);
      const rowBytes = known === undefined ? u.columns * UNREAD_CELL_BYTES : known * GROWTH_MARGIN;
      const fullBlock = Math.max(1, Math.floor(budgetBytes / rowBytes));
      let rows = Math.min(u.rows - from, fullBlock);
      if (pendingBytes + rows * rowBytes > budgetBytes) {
        // Fill what is left of this batch if that is worth a block; else start a new batch.
        const fits = Math.floor((budgetBytes - pendingBytes) / rowBytes);
        if (fits >= Math.min(rows, fullBlock / 4) && fits > 0) rows = fits;
        else await flush();
      }
      queue(u, grid, from, rows, rows * rowBytes);
      from += rows;
      // The rest of the sheet is sized by what its first block holds.
      if (known === undefined && from < u.rows) await flush();
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
  return { grids: { sheets, tables: tableRefs }, syncs, maxResponseBytes };
}
