/** Sheets planned a block of rows at a time (plan.ts, `SheetInBlocks`): their blocks, made whole. */
import { CellPlan, SheetInBlocks, SheetPlan } from "./plan";

/** Rows per block of a sheet whose rows are one per item of a list (the cascade, the trends). */
const ROWS_PER_BLOCK = 1000;

/** One row per item, made a block of ROWS_PER_BLOCK at a time; `row` gets the item's place in the list. */
export function* rowsInBlocks<T>(
  items: readonly T[],
  row: (item: T, index: number) => (CellPlan | null)[]
): Generator<(CellPlan | null)[][]> {
  for (let from = 0; from < items.length; from += ROWS_PER_BLOCK)
    yield items.slice(from, from + ROWS_PER_BLOCK).map((item, j) => row(item, from + j));
}

/**
 * The sheet as one plan, for the writers that take a sheet whole (Office.js, the pane's Excel
 * mode) and for tests: the blocks' rows in order.
 */
export function wholeSheet(sheet: SheetInBlocks): SheetPlan {
  const rows: (CellPlan | null)[][] = [];
  for (const block of sheet.blocks) for (const line of block) rows.push(line);
  if (rows.length !== sheet.rowCount)
    throw new Error(`${sheet.head.name}: ${rows.length} rows planned, ${sheet.rowCount} stated`);
  return { ...sheet.head, rows };
}
