/**
 * Reads used ranges through Office.js in blocks of whole rows, several sheets' blocks to one
 * sync, each sync's response kept under a byte budget: Excel on the web refuses a response over
 * 5 MB. A sheet's first block is small; the bytes per row it brings back size the rest.
 */

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

/** A sheet's used range, 0-based. */
export interface UsedRange {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/**
 * Calls `take` with each loaded block (its range, and its first row counted from the used
 * range's top) after the sync that answered it; `take` returns the bytes the block brought back.
 */
export async function readInBlocks(
  context: Excel.RequestContext,
  ranges: readonly UsedRange[],
  properties: string,
  budgetBytes: number,
  sync: () => Promise<void>,
  take: (used: UsedRange, from: number, range: Excel.Range) => number
): Promise<{ maxResponseBytes: number }> {
  const bytesPerRow = new Map<UsedRange, number>();
  let pending: { used: UsedRange; from: number; rows: number; range: Excel.Range }[] = [];
  let pendingBytes = 0;
  let maxResponseBytes = 0;
  const flush = async () => {
    if (!pending.length) return;
    await sync();
    let response = 0;
    for (const { used, from, rows, range } of pending) {
      const bytes = take(used, from, range);
      response += bytes;
      bytesPerRow.set(used, Math.max(bytesPerRow.get(used) ?? 0, bytes / rows));
    }
    maxResponseBytes = Math.max(maxResponseBytes, response);
    pending = [];
    pendingBytes = 0;
  };
  for (const u of ranges) {
    let from = 0;
    while (from < u.rows) {
      const known = bytesPerRow.get(u);
      const rowBytes = known === undefined ? u.columns * UNREAD_CELL_BYTES : known * GROWTH_MARGIN;
      const fullBlock = Math.max(1, Math.floor(budgetBytes / rowBytes));
      let rows = Math.min(u.rows - from, fullBlock);
      if (pendingBytes + rows * rowBytes > budgetBytes) {
        // Fill what is left of this batch if that is worth a block; else start a new batch.
        const fits = Math.floor((budgetBytes - pendingBytes) / rowBytes);
        if (fits >= Math.min(rows, fullBlock / 4) && fits > 0) rows = fits;
        else await flush();
      }
      const range = context.workbook.worksheets
        .getItem(u.sheet)
        .getRangeByIndexes(u.top + from, u.left, rows, u.columns)
        .load(properties);
      pending.push({ used: u, from, rows, range });
      pendingBytes += rows * rowBytes;
      from += rows;
      // The rest of the sheet is sized by what its first block holds.
      if (known === undefined && from < u.rows) await flush();
    }
  }
  await flush();
  return { maxResponseBytes };
}
