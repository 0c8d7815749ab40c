/** A sheet planned a block of rows at a time (plan.ts, `SheetInBlocks`), made whole. */
import { CellPlan, SheetInBlocks, SheetPlan } from "./plan";

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
