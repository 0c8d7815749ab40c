/**
 * Targets written as text (SPEC 2.1): `> 95%`, `≥ 1.0`, `< 2 days`, `at least 90`, `max 5`,
 * `95–100%`, `between 4 and 6`, `$1.2M`, `15k`. Each gives a number and, from its operator or
 * span, a direction. Prose such as `(On time deliveries / Total) x 100` is no target.
 */
import { CellValue } from "../grid";
import { Direction, parseNumberText } from "../values";

export interface TextTarget {
  target: number;
  targetMax: number | null;
  direction: Direction | null;
}

const HIGHER =
  /^(?:>=?|≥|=>|at least|min(?:imum)?\.?|not less than|more than|above|over|greater than)\s*/i;
const LOWER =
  /^(?:<=?|≤|=<|at most|max(?:imum)?\.?|not more than|less than|below|under|within|upto|up to)\s*/i;
const SPAN = /^(?:between\s+)?(.+?)\s*(?:-|–|—|to|and)\s*(.+)$/i;
const SCALE: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };

/** A number with an optional unit word after it (`2 days`, `15k`, `$1.2M`, `95%`). */
export function looseNumber(text: string): number | null {
  const t = text.trim();
  const plain = parseNumberText(t);
  if (plain !== null) return plain;
  const m = /^([$€£₹]?\s*[\d.,]+)\s*(k|m|mn|b|bn)?\b\s*(%?)\s*([a-z ./]*)$/i.exec(t);
  if (!m) return null;
  const n = parseNumberText(m[1]);
  if (n === null) return null;
  const scaled = m[2] ? n * SCALE[m[2].toLowerCase()] : n;
  return m[3] ? scaled / 100 : scaled;
}

/** The target a text cell states, or null when the cell is no text target. */
export function parseTextTarget(value: CellValue): TextTarget | null {
  if (typeof value !== "string") return null;
  let t = value.trim();
  if (!t || parseNumberText(t) !== null) return null;
  let direction: Direction | null = null;
  const higher = HIGHER.exec(t);
  const lower = higher ? null : LOWER.exec(t);
  if (higher) direction = "higher";
  if (lower) direction = "lower";
  t = t.slice((higher ?? lower)?.[0].length ?? 0);
  const single = looseNumber(t);
  if (single !== null) return { target: single, targetMax: null, direction };
  const span = SPAN.exec(t);
  if (!span || direction !== null) return null;
  // `95–100%`: the unit written once applies to both ends.
  const unit = /%\s*$/.test(span[2]) && !/%/.test(span[1]) ? "%" : "";
  const low = looseNumber(span[1] + unit);
  const high = looseNumber(span[2]);
  if (low === null || high === null || low > high) return null;
  return { target: low, targetMax: high, direction: "range" };
}
