/**
 * A region is where one sheet kind's rows live: a sheet (or an Excel table on it), its header
 * row, and which column holds which field. Records keep a `RowRef` into their region so that a
 * finding can name the exact cell without every row carrying address strings.
 */
import { a1 } from "../address";
import { CellLocation } from "../findings";
import { CellValue, SheetGrid, isBlank } from "../grid";
import { SheetSpec } from "../schema";
import type { DateOrder } from "../settings";

export interface Region {
  spec: SheetSpec;
  grid: SheetGrid;
  /** Grid row index of the header row. */
  headerRow: number;
  /** Grid row indexes [firstRow, endRow) that hold data. */
  firstRow: number;
  endRow: number;
  /** Grid column index of each field found. */
  columns: Partial<Record<string, number>>;
  /** Set when the region was found as an Excel table. */
  table: string | null;
  /**
   * Set when the layout reader (SPEC 2.1) built this region from the user's sheets: the user's
   * cell behind each of its cells (`[row][col]`), so every finding still points at what they typed.
   */
  origins?: (CellLocation | undefined)[][];
  /** For such a region: a blank in this row's field is allowed (a KPI with no KRA is Unassigned). */
  optional?: (row: number, field: string) => boolean;
  /**
   * How dates typed as text that read two ways (`03/04/2026`) are settled on this sheet: the
   * workbook's `Date Order`, or the order its other dates show (set by the engine before
   * reading). A function, asked only when such a date turns up: most workbooks never need the
   * scan of their dates.
   */
  dateOrder?: () => DateOrder | null;
}

export interface RowRef {
  region: Region;
  /** Grid row index. */
  row: number;
}

export function cellValue(ref: RowRef, field: string): CellValue {
  const col = ref.region.columns[field];
  if (col === undefined) return null;
  return ref.region.grid.rows[ref.row]?.[col];
}

/** The cell of `field` on this row; the row's ID cell (first column of the spec) when that column is absent. */
export function cellOf(ref: RowRef, field: string): CellLocation {
  const { region } = ref;
  const col =
    region.columns[field] ?? region.columns[region.spec.fields[0].key] ?? firstColumn(region);
  // A layout-built row: the user's cell of the field, else of the row's name (its ID's source).
  const origin = region.origins?.[ref.row]?.[col] ?? region.origins?.[ref.row]?.[0];
  if (origin) return origin;
  return {
    sheet: region.grid.name,
    cell: a1((region.grid.rowOffset ?? 0) + ref.row, (region.grid.colOffset ?? 0) + col),
  };
}

function firstColumn(region: Region): number {
  let first = Infinity;
  for (const c of Object.values(region.columns)) if (c !== undefined && c < first) first = c;
  return first === Infinity ? 0 : first;
}

/** The first cell of the header row: where a finding about a whole sheet or column points. */
export function headerCell(region: Region): CellLocation {
  return cellOf({ region, row: region.headerRow }, "\0");
}

/** Grid indexes of the rows that hold anything in a known column, in sheet order. */
export function dataRows(region: Region): number[] {
  const cols = Object.values(region.columns).filter((c): c is number => c !== undefined);
  const found: number[] = [];
  const { rows } = region.grid;
  for (let row = region.firstRow; row < region.endRow; row++) {
    const cells = rows[row];
    if (!cells) continue;
    for (const c of cols) {
      if (!isBlank(cells[c])) {
        found.push(row);
        break;
      }
    }
  }
  return found;
}
