/**
 * Formulas of one generated sheet refer to another by the name it was planned under (the
 * scorecard reads `'KPI Periods'!C10`). A writer gives a sheet another name when that one is
 * taken (`KPI Periods 2`); this renames those references to match, as Excel does on a rename.
 */
import { sheetRef } from "../engine/address";
import { CellPlan, SheetInBlocks, SheetPlan, WorkbookPlan } from "./plan";

/** The plan with each sheet named `names[i]` and every formula's reference to it renamed. */
export function withSheetNames(plan: WorkbookPlan, names: readonly string[]): WorkbookPlan {
  const rename = sheetRenamer(
    plan.sheets.map((s) => s.name),
    names
  );
  return { sheets: plan.sheets.map((s, i) => rename(s, i)) };
}

/**
 * The renaming one sheet at a time, for a writer that plans each sheet as it writes it: the
 * sheets planned as `planned[i]` are named `names[i]`.
 */
export function sheetRenamer(
  planned: readonly string[],
  names: readonly string[]
): (sheet: SheetPlan, i: number) => SheetPlan {
  const rename = lineRenamer(planned, names);
  if (!rename) return (sheet) => sheet;
  return (sheet, i) => ({ ...sheet, name: names[i], rows: sheet.rows.map(rename) });
}

/** The same for sheets planned a block of rows at a time: each block renamed as it is made. */
export function blocksRenamer(
  planned: readonly string[],
  names: readonly string[]
): (sheet: SheetInBlocks, i: number) => SheetInBlocks {
  const rename = lineRenamer(planned, names);
  return (sheet, i) => {
    const head = { ...sheet.head, name: names[i] };
    if (!rename) return { ...sheet, head };
    const blocks = sheet.blocks;
    return {
      ...sheet,
      head,
      blocks: (function* () {
        for (const block of blocks) yield block.map(rename);
      })(),
    };
  };
}

/** The renaming of one row's formulas; null when no sheet is renamed. */
function lineRenamer(
  planned: readonly string[],
  names: readonly string[]
): ((line: (CellPlan | null)[]) => (CellPlan | null)[]) | null {
  const renames = planned
    .map((name, i) => ({ from: sheetRef(name, ""), to: sheetRef(names[i], "") }))
    .filter((r) => r.from !== r.to);
  if (renames.length === 0) return null;
  // A reference is its (quoted) name and `!`, not preceded by a character a name could hold.
  const pattern = new RegExp(
    `(?<![\\w.'])(${renames.map((r) => r.from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`,
    "g"
  );
  const to = new Map(renames.map((r) => [r.from, r.to]));
  const rename = (cell: CellPlan | null): CellPlan | null =>
    cell?.formula === undefined
      ? cell
      : { ...cell, formula: renameOutsideText(cell.formula, pattern, to) };
  return (line) => line.map(rename);
}

function renameOutsideText(formula: string, pattern: RegExp, to: Map<string, string>): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(pattern, (m) => to.get(m) ?? m)))
    .join("");
}
