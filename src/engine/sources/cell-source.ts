/**
 * Where a value the engine read came from, for the live scorecard (SPEC 8, "Live means linked to
 * the user's cells"): the user's cell that holds exactly that number, which a formula can refer
 * to; or, when no cell does (a target parsed from text such as `> 95%`, the top of a rating scale
 * read from a header, a cell holding an error), the reason, which the scorecard shows in a
 * comment beside the value it holds.
 */
import { a1, parseA1, sheetRef } from "../address";
import { CellLocation } from "../findings";
import { CellValue, SheetGrid, WorkbookGrids, isBlank, isCellError } from "../grid";
import { RowRef, cellOf } from "../read/region";
import { displayText } from "../values";

export type Source =
  /** The user's cell holds the value as read: formulas refer to it. */
  | { kind: "link"; at: CellLocation }
  /** No cell holds the value as read: the scorecard holds it, with `why` in a comment. */
  | { kind: "held"; at: CellLocation; why: string };

interface SheetIndex {
  grid: SheetGrid;
  /** The top-left row of each vertical merge, by the sheet cell of every row below it. */
  mergedDown: Map<number, number>;
}

const indexes = new WeakMap<WorkbookGrids, Map<string, SheetIndex>>();
const COLUMNS = 16_384;

function sheetIndex(workbook: WorkbookGrids, name: string): SheetIndex | undefined {
  let byName = indexes.get(workbook);
  if (!byName) {
    byName = new Map();
    for (const grid of workbook.sheets) {
      const mergedDown = new Map<number, number>();
      // Merges fill down their first column only (layout/merges.ts): those cells are copies.
      for (const m of grid.merges ?? [])
        for (let r = m.top + 1; r <= m.bottom; r++) mergedDown.set(r * COLUMNS + m.left, m.top);
      byName.set(grid.name, { grid, mergedDown });
    }
    indexes.set(workbook, byName);
  }
  return byName.get(name);
}

/** What the user's cell holds, and the cell a formula must name for it (a merge's top-left). */
function userCell(
  workbook: WorkbookGrids,
  at: CellLocation
): { value: CellValue; at: CellLocation } | null {
  const index = at.sheet === null ? undefined : sheetIndex(workbook, at.sheet);
  const pos = at.cell === null ? null : parseA1(at.cell);
  if (!index || !pos) return null;
  const { grid } = index;
  const value = grid.rows[pos.row - (grid.rowOffset ?? 0)]?.[pos.col - (grid.colOffset ?? 0)];
  const top = index.mergedDown.get(pos.row * COLUMNS + pos.col);
  return { value, at: top === undefined ? at : { sheet: grid.name, cell: a1(top, pos.col) } };
}

const quoted = (text: string) => `"${text}"`;

/** `'Sales KPIs'!F7`, as a person finds it (and as a formula names it). */
export function whereText(at: CellLocation): string {
  return sheetRef(at.sheet ?? "", at.cell ?? "");
}

/**
 * The source of a number the engine read as `read` from the user's cell `at`: a link when the
 * cell holds that very number; null when both are blank (nothing to show).
 */
function cellSource(workbook: WorkbookGrids, at: CellLocation, read: CellValue): Source | null {
  const cell = userCell(workbook, at);
  if (!cell) return isBlank(read) ? null : held(at, `it was worked out, not read from one cell`);
  const own = cell.value;
  if (typeof own === "number" && read === own) return { kind: "link", at: cell.at };
  if (isBlank(own) && isBlank(read)) return null;
  if (isCellError(own))
    return held(at, `${whereText(at)} holds the error ${own.error}. Fix it there and build again`);
  if (typeof own === "string") {
    const parsed = typeof read === "number" ? `, which KPI Cascade read as ${read}` : "";
    return held(
      at,
      `${whereText(at)} holds the text ${quoted(displayText(own))}${parsed}. Type the number itself there to link it`
    );
  }
  return held(at, `it was worked out from ${whereText(at)}, not read as it stands there`);
}

function held(at: CellLocation, why: string): Source {
  return { kind: "held", at, why: `Not linked: ${why}.` };
}

/**
 * The source of one field of a row the engine read (a KPI's Target, a KRA's Weight), `value`
 * being what the engine made of it; null when blank or absent.
 */
export function fieldSource(
  workbook: WorkbookGrids,
  ref: RowRef,
  field: string,
  value: number | null
): Source | null {
  const col = ref.region.columns[field];
  if (col === undefined) return null;
  const cell = ref.region.grid.rows[ref.row]?.[col];
  // What the engine read: the cell itself, parsed where it held text (`85%` is 0.85).
  return cellSource(workbook, cellOf(ref, field), typeof cell === "string" ? value : cell);
}

/**
 * The source of a check-in's value. Its formula guards with ISNUMBER, so a blank, an error or
 * text that is no number shows as nothing in the sheet, as the engine leaves it out: all of
 * those link. Only text the engine read as a number (`$1,200`) cannot.
 */
export function checkInSource(workbook: WorkbookGrids, at: CellLocation, read: CellValue): Source {
  const cell = userCell(workbook, at);
  if (!cell) return held(at, `it was worked out, not read from one cell`);
  if (typeof cell.value === "string" && typeof read === "number")
    return cellSource(workbook, at, read) as Source;
  return { kind: "link", at: cell.at };
}
