/**
 * Floods (issue 11): one rule firing over and over on one sheet for one kind of entity — hundreds
 * of `duplicate-id` from a pasted block, a `missing-actual` for every KPI early in the cycle —
 * buries every other finding. Where people read findings (the printed output, the findings sheet,
 * the task pane), a group of more than FLOOD_MIN such findings shows as one: the first, with how
 * many more there are and the range of cells they span. The JSON report keeps every finding.
 */
import { a1, parseA1, sheetRef } from "./address";
import { Finding } from "./findings";

/** More findings than this of one rule, on one sheet, about one kind of entity, are a flood. */
export const FLOOD_MIN = 25;

/** A finding as shown: a flood's first finding carries the rest as `more`. */
export interface ShownFinding extends Finding {
  more?: {
    /** How many findings besides this one. */
    count: number;
    /** The cells they span with this one, `'KPIs'!A7:A319`; null when they name no cell. */
    range: string | null;
    /** Positions of the group's findings (this one first) in the list collapsed. */
    positions: number[];
  };
}

/** The key of the group a finding floods with, or null for one that never collapses. */
export function floodKey(f: Pick<Finding, "rule" | "sheet" | "entity">): string | null {
  return f.sheet === null ? null : `${f.rule}\u0000${f.entity}\u0000${f.sheet}`;
}

/** The rectangle around the cells (A1) of one sheet, as `'Sheet'!A7:A319`; null if none parse. */
export function spanOf(sheet: string, cells: readonly (string | null)[]): string | null {
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  for (const cell of cells) {
    const at = cell === null ? null : parseA1(cell);
    if (!at) continue;
    top = Math.min(top, at.row);
    left = Math.min(left, at.col);
    bottom = Math.max(bottom, at.row);
    right = Math.max(right, at.col);
  }
  if (bottom < 0) return null;
  const from = a1(top, left);
  const to = a1(bottom, right);
  return sheetRef(sheet, from === to ? from : `${from}:${to}`);
}

/** " — and 312 more like it in 'KPIs'!A7:A319." */
export function floodSuffix(more: { count: number; range: string | null }): string {
  const like = `${more.count.toLocaleString("en-US")} more like it`;
  return more.range ? ` — and ${like} in ${more.range}.` : ` — and ${like}.`;
}

/**
 * The findings with each flood shown as its first finding, whose message ends with the count and
 * the span; every other finding as it is, in the same order. Floods whose key is in `open` (the
 * pane's, opened by the user) are shown in full.
 */
export function collapseFloods(
  findings: readonly Finding[],
  open: ReadonlySet<string> = new Set(),
  min = FLOOD_MIN
): ShownFinding[] {
  const groups = new Map<string, number[]>();
  findings.forEach((f, i) => {
    const key = floodKey(f);
    if (key === null || open.has(key)) return;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const flooded = new Map<number, number[]>();
  const hidden = new Set<number>();
  for (const positions of groups.values()) {
    if (positions.length <= min) continue;
    flooded.set(positions[0], positions);
    for (const p of positions.slice(1)) hidden.add(p);
  }
  if (flooded.size === 0) return [...findings];
  const out: ShownFinding[] = [];
  findings.forEach((f, i) => {
    if (hidden.has(i)) return;
    const positions = flooded.get(i);
    if (!positions) return out.push(f);
    const more = {
      count: positions.length - 1,
      range: spanOf(
        f.sheet as string,
        positions.map((p) => findings[p].cell)
      ),
      positions,
    };
    out.push({ ...f, message: `${withoutStop(f.message)}${floodSuffix(more)}`, more });
  });
  return out;
}

/** The message without its closing full stop, so the flood's count reads as part of it. */
function withoutStop(message: string): string {
  return message.endsWith(".") ? message.slice(0, -1) : message;
}
