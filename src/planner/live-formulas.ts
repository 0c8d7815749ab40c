/**
 * The formulas of the live scorecard (SPEC 8): references to the user's cells, and a KPI's
 * aggregation of its period cells (SPEC 4.1, 4.2) as plain SUMIFS / COUNTIFS / MINIFS / MAXIFS /
 * INDEX / MATCH over bounded ranges of the helper sheet, which Excel 2019 and later, Excel on the
 * web, LibreOffice and HyperFormula all compute.
 */
import { sheetRef } from "../engine/address";
import { CellLocation } from "../engine/findings";
import { Source } from "../engine/sources/cell-source";
import { Aggregation } from "../engine/values";
import { CellPlan } from "./plan";

/** Each sheet's name as a formula writes it before `!`: a build refers to few sheets, often. */
const prefixes = new Map<string, string>();

/** `'Sales KPIs'!F7`: a reference to a user's cell. */
export function cellRef(at: CellLocation): string {
  const sheet = at.sheet ?? "";
  let prefix = prefixes.get(sheet);
  if (prefix === undefined) prefixes.set(sheet, (prefix = sheetRef(sheet, "")));
  return prefix + (at.cell ?? "");
}

/**
 * A scorecard cell for a value the engine read: a formula naming the user's cell when it can;
 * else the value, with a comment saying why it is not linked (SPEC 8).
 */
export function linkedCell(
  source: Source | null,
  value: number | null,
  format?: string,
  comment?: string
): CellPlan {
  const notes = [source?.kind === "held" ? source.why : undefined, comment].filter(Boolean);
  return {
    ...(source?.kind === "link" ? { formula: cellRef(source.at) } : { value }),
    ...(format ? { format } : {}),
    ...(notes.length ? { comment: notes.join("\n\n") } : {}),
  };
}

/** A value column of the helper sheet: the user's cell when it holds a number, else nothing. */
export function guardedValue(ref: string): string {
  return `IF(ISNUMBER(${ref}),${ref},"")`;
}

/**
 * The criteria every aggregation uses, as cells: `ended` holds `<=` and the as-of date, `number`
 * the text `>-1E+300`, which text (including the "" of a guarded blank) never meets, in Excel,
 * LibreOffice and HyperFormula alike.
 */
export interface Criteria {
  ended: string;
  number: string;
}

/**
 * Cells of one KPI: its own block (`match` absent), or the rows below the user's check-ins that
 * any KPI may claim, matched on a key column (`match`); those are read only while `gate` (a cell
 * counting the numbers typed there) is not 0: right after a build they are empty, and no formula
 * scans them.
 */
export interface PeriodPart {
  ends: string;
  values: string;
  /** The cells lie across one row (a KPI's values under a shared row of period ends). */
  across?: boolean;
  /**
   * The values are the user's own cells, not the helper's guarded copies: they may hold errors,
   * which SUMIFS, MINIFS and MAXIFS would return, so those count only the numbers.
   */
  direct?: boolean;
  /** 1, 2, 3… down the part (the row order), where two rows may share a period; else null. */
  positions: string | null;
  match?: { keys: string; key: string; gate: string; positions: string };
}

/** The part's own criteria: its KPI's key where shared, and the period ended by the as-of date. */
function period(part: PeriodPart, c: Criteria): string {
  const key = part.match ? `${part.match.keys},${part.match.key},` : "";
  return `${key}${part.ends},${c.ended}`;
}

/** …and the value a number (for counting, and for `last`'s latest row). */
function counted(part: PeriodPart, c: Criteria): string {
  return `${period(part, c)},${part.values},${c.number}`;
}

/** The criteria of a sum, minimum or maximum: numbers only where the values are the user's. */
function summed(part: PeriodPart, c: Criteria): string {
  return part.direct ? counted(part, c) : period(part, c);
}

/** `term` for a block; for shared rows, `term` only while something was typed there. */
function gated(part: PeriodPart, term: string, otherwise: string): string {
  return part.match ? `IF(${part.match.gate}=0,${otherwise},${term})` : term;
}

/** How many cells count on the as-of date (as an expression). */
export function countFormula(parts: readonly PeriodPart[], c: Criteria): string {
  return parts.map((p) => gated(p, `COUNTIFS(${counted(p, c)})`, "0")).join("+");
}

/** Usable cells whatever their period (the KPI "has check-ins", SPEC 4.1). */
export function usableFormula(parts: readonly PeriodPart[], c: Criteria): string {
  return parts
    .map((p) => {
      const key = p.match ? `${p.match.keys},${p.match.key},` : "";
      return gated(p, `COUNTIFS(${key}${p.ends},${c.number},${p.values},${c.number})`, "0");
    })
    .join("+");
}

/**
 * The KPI's aggregation of its cells counted on the as-of date (SPEC 4.1), given `count`, the
 * cell or expression of how many count; "" when none does. SUMIFS, MINIFS and MAXIFS pass over
 * text (a guarded blank). A block is sorted by period end, ties in row order; the shared rows are
 * in the user's row order and come after every block row: so `last` is the last counted row of
 * the block, unless the shared rows hold a period at least as late, whose last row then wins.
 */
export function aggregateFormula(
  method: Aggregation,
  parts: readonly PeriodPart[],
  c: Criteria,
  count: string
): string {
  const sum = parts.map((p) => gated(p, `SUMIFS(${p.values},${summed(p, c)})`, "0")).join("+");
  let body: string;
  if (method === "sum") body = sum;
  else if (method === "average") body = `(${sum})/${count}`;
  else if (method === "min" || method === "max") {
    const fn = method === "min" ? "MINIFS" : "MAXIFS";
    const each = parts.map((p) => `${fn}(${p.values},${summed(p, c)})`);
    // MINIFS and MAXIFS give 0 when nothing counts: such a part must not win.
    const none = method === "min" ? "1E+300" : "-1E+300";
    body =
      parts.length === 1
        ? each[0]
        : `${method.toUpperCase()}(${parts
            .map((p, i) => gated(p, `IF(COUNTIFS(${counted(p, c)})=0,${none},${each[i]})`, none))
            .join(",")})`;
  } else body = lastFormula(parts, c);
  return `IF(${count}=0,"",${body})`;
}

/** The latest period counted in a part. */
const latest = (p: PeriodPart, c: Criteria) => `MAXIFS(${p.ends},${counted(p, c)})`;

/**
 * The last counted row of a block: the row of its latest counted period, found by MATCH when no
 * two rows share a period, else the highest position among that period's rows.
 */
function lastOfBlock(p: PeriodPart, c: Criteria): string {
  if (p.positions !== null) return `INDEX(${p.values},MAXIFS(${p.positions},${counted(p, c)}))`;
  const at = `MATCH(${latest(p, c)},${p.ends},0)`;
  return p.across ? `INDEX(${p.values},1,${at})` : `INDEX(${p.values},${at})`;
}

function lastFormula(parts: readonly PeriodPart[], c: Criteria): string {
  const block = parts.find((p) => !p.match);
  const shared = parts.find((p) => p.match);
  if (!shared) return lastOfBlock(block as PeriodPart, c);
  const m = shared.match as NonNullable<PeriodPart["match"]>;
  const lastShared = `INDEX(${shared.values},MAXIFS(${m.positions},${m.keys},${m.key},${shared.ends},${latest(shared, c)},${shared.values},${c.number}))`;
  if (!block) return lastShared;
  const own = lastOfBlock(block, c);
  const sharedWins = `AND(COUNTIFS(${counted(shared, c)})>0,${latest(shared, c)}>=${latest(block, c)})`;
  return `IF(${m.gate}=0,${own},IF(${sharedWins},${lastShared},${own}))`;
}

/**
 * A criterion that matches one KPI's key in the shared rows: keys there are `#` and the trimmed
 * ID, so no ID reads as a number or an operator; `*`, `?` and `~` are escaped. Inner runs of
 * spaces are folded as Excel's TRIM folds them.
 */
export function keyCriterion(id: string): string {
  const key = `#${id.trim().replace(/ +/g, " ")}`.replace(/[~*?]/g, (c) => `~${c}`);
  return `"${key.replace(/"/g, '""')}"`;
}
