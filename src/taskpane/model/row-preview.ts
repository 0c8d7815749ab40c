/**
 * A finding's row as the browser's file mode shows it (there is no grid to select a cell in):
 * the sheet's header texts beside the row's values, with the offending column marked.
 */
import { parseA1 } from "../../engine/address";
import { WorkbookGrids } from "../../engine/grid";
import { Region } from "../../engine/read/region";
import { displayText } from "../../engine/values";

export interface RowPreview {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  cells: { header: string; value: string; target: boolean }[];
}

export function rowPreview(
  grids: WorkbookGrids,
  regions: readonly (Region | undefined)[],
  sheet: string,
  cell: string
): RowPreview | null {
  const at = parseA1(cell);
  const grid = grids.sheets.find((s) => s.name === sheet);
  if (!at || !grid) return null;
  const rowOffset = grid.rowOffset ?? 0;
  const colOffset = grid.colOffset ?? 0;
  const headerRow = regions.find((r) => r?.grid === grid)?.headerRow ?? 0;
  const header = at.row - rowOffset === headerRow ? [] : (grid.rows[headerRow] ?? []);
  const values = grid.rows[at.row - rowOffset] ?? [];
  const width = Math.max(header.length, values.length, at.col - colOffset + 1);
  const cells = Array.from({ length: width }, (_, c) => {
    const v = values[c];
    return {
      header: displayText(header[c] ?? null) || `Column ${c + colOffset + 1}`,
      value: displayText(v ?? null),
      target: c + colOffset === at.col,
    };
  }).filter((c) => c.value !== "" || c.target);
  return { sheet, row: at.row + 1, cells };
}
