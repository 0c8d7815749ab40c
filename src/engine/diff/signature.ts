/** How the reader knows the sheet that keeps a build's figures (planner/last-build.ts). */
import { CellValue, SheetGrid } from "../grid";

/**
 * The first cell of the row that marks a sheet holding a build's figures (planner/last-build.ts).
 * The reader takes such a sheet for generated, never for the user's data, whatever its name.
 */
export const LAST_BUILD_SIGNATURE = "kpi-cascade last build";

/** Rows searched for the signature: it is on row 2 as written. */
const SIGNATURE_ROWS = 10;

/** The grid row (0-based) of a sheet's signature, or -1: a cell A1…A10 that holds it. */
export function signatureRow(grid: SheetGrid): number {
  if ((grid.colOffset ?? 0) !== 0) return -1;
  const top = grid.rowOffset ?? 0;
  for (let r = 0; r + top < SIGNATURE_ROWS && r < grid.rows.length; r++)
    if ((grid.rows[r]?.[0] as CellValue) === LAST_BUILD_SIGNATURE) return r;
  return -1;
}

export function isLastBuildSheet(grid: SheetGrid): boolean {
  return signatureRow(grid) >= 0;
}
