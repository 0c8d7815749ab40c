/**
 * Merged areas as the engine takes them (`SheetGrid.merges`, SPEC 2.1), from ExcelJS's range
 * strings, for the baseline reader. Readers give each merge's top-left value only; the engine
 * decides what a merge means.
 */
import { parseA1 } from "../../src/engine/address";
import { CellRange } from "../../src/engine/grid";

export function rangeOf(ref: string): CellRange | null {
  const [from, to] = ref.split(":");
  const a = parseA1(from ?? "");
  const b = parseA1(to ?? from ?? "");
  return a && b ? { top: a.row, left: a.col, bottom: b.row, right: b.col } : null;
}

export function mergesOfRefs(refs: readonly string[]): CellRange[] {
  return refs.flatMap((r) => rangeOf(r) ?? []);
}
