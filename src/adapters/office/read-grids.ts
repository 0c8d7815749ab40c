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
import { RESPONSE_BUDGET_BYTES, readInBlocks, UsedRange } from "./range-blocks";
import { jsonBytes } from "./request-size";

/** The requirement set the reader needs (getRangeByIndexes); the base requirement of manifest.xml. */
export const READER_EXCEL_API = "1.7";

export interface ReadResult {
  grids: WorkbookGrids;
  syncs: number;
  /** Measured size of the largest response: UTF-8 bytes of its values and value types as JSON. */
  maxResponseBytes: number;
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
  const { maxResponseBytes } = await readInBlocks(
    context,
    ranges,
    "values,valueTypes",
    budgetBytes,
    sync,
    (u, from, range) => {
      const grid = gridOf.get(u.sheet) as SheetGrid;
      range.values.forEach((row, r) => {
        grid.rows[from + r] = row.map((v, c) => cellValue(v, range.valueTypes[r][c]));
      });
      return jsonBytes(range.values) + jsonBytes(range.valueTypes);
    }
  );

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
