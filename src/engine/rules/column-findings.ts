/**
 * One finding per column when a whole column fails the same way: 55 check-in dates typed in one
 * unreadable way are one problem with one fix, not 55 errors burying the rest. The finding points
 * at the column's first failing cell and says how many cells it stands for.
 */
import { a1, columnLetters, parseA1 } from "../address";
import { Finding, RuleId } from "../findings";
import { isBlank } from "../grid";
import { Region, dataRows } from "../read/region";

/** Rules raised per cell for what a cell holds (not for what a row lacks). */
const PER_CELL: ReadonlySet<RuleId> = new Set<RuleId>([
  "invalid-date",
  "ambiguous-date",
  "invalid-number",
  "invalid-value",
  "cell-error",
]);

/** Fewer failing cells than this are listed one by one. */
const MIN_CELLS = 3;

const FIX: Partial<Record<RuleId, string>> = {
  "invalid-date":
    'Type the dates as 2026-03-31 (or as 31/03/2026 or 3/31/2026: set "Date Order" in Settings if they read both ways).',
  "ambiguous-date": 'Set "Date Order" in Settings to DMY or MDY and every one of them is read.',
  "invalid-number": "Type numbers (such as 1200, 1,200 or 85%) or leave the cells blank.",
  "cell-error": "Fix the formula the column is filled with.",
  "invalid-value": "Use one of the allowed values in the whole column.",
};

interface Group {
  sheet: string;
  col: number;
  rule: RuleId;
  indexes: number[];
}

export function collapseColumnFindings(
  findings: readonly Finding[],
  regions: readonly (Region | undefined)[]
): Finding[] {
  const groups = new Map<string, Group>();
  findings.forEach((f, i) => {
    if (!PER_CELL.has(f.rule) || f.sheet === null || f.cell === null) return;
    const at = parseA1(f.cell);
    if (!at) return;
    const key = `${f.rule}\u0000${f.sheet}\u0000${at.col}`;
    const group = groups.get(key);
    if (group) group.indexes.push(i);
    else groups.set(key, { sheet: f.sheet, col: at.col, rule: f.rule, indexes: [i] });
  });
  const dropped = new Set<number>();
  const replaced = new Map<number, Finding>();
  for (const group of groups.values()) {
    if (group.indexes.length < MIN_CELLS) continue;
    const region = regions.find((r) => r?.grid.name === group.sheet);
    if (!region) continue;
    const col = group.col - (region.grid.colOffset ?? 0);
    const filled = filledRows(region, col);
    if (filled.length !== group.indexes.length) continue;
    const first = findings[group.indexes[0]];
    const header = region.grid.rows[region.headerRow]?.[col];
    const rowOffset = region.grid.rowOffset ?? 0;
    const range = `${a1(rowOffset + filled[0], group.col)}:${a1(rowOffset + filled[filled.length - 1], group.col)}`;
    const name = isBlank(header)
      ? `column ${columnLetters(group.col)}`
      : `"${String(header).trim()}"`;
    replaced.set(group.indexes[0], {
      ...first,
      message:
        `All ${group.indexes.length} cells of ${name} on ${group.sheet} (${range}) have the same problem, so they are one finding; the first: ${first.message} ${FIX[group.rule] ?? ""}`.trim(),
    });
    for (const i of group.indexes.slice(1)) dropped.add(i);
  }
  if (replaced.size === 0) return findings.slice();
  const out: Finding[] = [];
  findings.forEach((f, i) => {
    if (!dropped.has(i)) out.push(replaced.get(i) ?? f);
  });
  return out;
}

/** Grid rows of the region's data that hold something in this column. */
function filledRows(region: Region, col: number): number[] {
  const filled: number[] = [];
  for (const row of dataRows(region)) if (!isBlank(region.grid.rows[row]?.[col])) filled.push(row);
  return filled;
}
