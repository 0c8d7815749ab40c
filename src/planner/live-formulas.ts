/**
 * The formulas of the live scorecard (SPEC 8): references to the user's cells, and a KPI's
 * aggregation of its period cells (SPEC 4.1, 4.2) as plain SUMIFS / COUNTIFS / MINIFS / MAXIFS /
 * INDEX over bounded ranges of the helper sheet, which Excel 2019 and later, Excel on the web,
 * LibreOffice and HyperFormula all compute.
 */
import { sheetRef } from "../engine/address";
import { CellLocation } from "../engine/findings";
import { Source } from "../engine/sources/cell-source";
import { Aggregation } from "../engine/values";
import { CellPlan } from "./plan";

/** `'Sales KPIs'!F7`: a reference to a user's cell. */
export function cellRef(at: CellLocation): string {
  return sheetRef(at.sheet ?? "", at.cell ?? "");
}

/** A reference to a range on another sheet: `'KPI Periods'!C10:C21`. */
export function rangeRef(sheet: string, column: string, first: number, last: number): string {
  return sheetRef(sheet, `$${column}$${first}:$${column}$${last}`);
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
 * The criterion that a cell holds a number: text (including the "" of a guarded blank) never
 * meets a numeric criterion, in Excel, LibreOffice and HyperFormula alike.
 */
const NUMBER = `">-1E+300"`;

/**
 * Cells of one KPI on the helper sheet: its own block (`match` absent), or the rows below the
 * check-ins that any KPI may claim, matched on a key column (`match`).
 */
export interface PeriodPart {
  ends: string;
  values: string;
  /** 1, 2, 3… down the part: the row order, for `last`. */
  positions: string;
  match?: { keys: string; key: string };
}

/** The part's criteria: counted (period ended by `asOf`, a number), and the KPI's key where shared. */
function counted(part: PeriodPart, asOf: string): string {
  const key = part.match ? `${part.match.keys},${part.match.key},` : "";
  return `${key}${part.ends},"<="&${asOf},${part.values},${NUMBER}`;
}

/** How many cells count on `asOf` (as an expression). */
export function countFormula(parts: readonly PeriodPart[], asOf: string): string {
  return parts.map((p) => `COUNTIFS(${counted(p, asOf)})`).join("+");
}

/** Usable cells whatever their period (the KPI "has check-ins", SPEC 4.1). */
export function usableFormula(parts: readonly PeriodPart[]): string {
  return parts
    .map((p) => {
      const key = p.match ? `${p.match.keys},${p.match.key},` : "";
      return `COUNTIFS(${key}${p.ends},${NUMBER},${p.values},${NUMBER})`;
    })
    .join("+");
}

/**
 * The KPI's aggregation of its cells counted on `asOf` (SPEC 4.1), given `count`, the cell or
 * expression of how many count; "" when none does. Each part is sorted by period end, ties in row
 * order, except the shared rows, which are in the user's row order and come after every block
 * row: so `last` is the last counted row of a block, unless the shared rows hold a period at least
 * as late, whose last row then wins.
 */
export function aggregateFormula(
  method: Aggregation,
  parts: readonly PeriodPart[],
  asOf: string,
  count: string
): string {
  const sum = parts.map((p) => `SUMIFS(${p.values},${counted(p, asOf)})`).join("+");
  let body: string;
  if (method === "sum") body = sum;
  else if (method === "average") body = `(${sum})/${count}`;
  else if (method === "min" || method === "max") {
    const fn = method === "min" ? "MINIFS" : "MAXIFS";
    // MINIFS and MAXIFS give 0 when nothing counts: such a part must not win.
    const none = method === "min" ? "1E+300" : "-1E+300";
    const each = parts.map((p) => `${fn}(${p.values},${counted(p, asOf)})`);
    body =
      parts.length === 1
        ? each[0]
        : `${method.toUpperCase()}(${parts.map((p, i) => `IF(COUNTIFS(${counted(p, asOf)})=0,${none},${each[i]})`).join(",")})`;
  } else body = lastFormula(parts, asOf);
  return `IF(${count}=0,"",${body})`;
}

function lastOfBlock(p: PeriodPart, asOf: string): string {
  return `INDEX(${p.values},MAXIFS(${p.positions},${counted(p, asOf)}))`;
}

function lastFormula(parts: readonly PeriodPart[], asOf: string): string {
  const block = parts.find((p) => !p.match);
  const shared = parts.find((p) => p.match);
  if (!shared) return lastOfBlock(block as PeriodPart, asOf);
  const m = shared.match as NonNullable<PeriodPart["match"]>;
  const latest = `MAXIFS(${shared.ends},${counted(shared, asOf)})`;
  const lastShared = `INDEX(${shared.values},MAXIFS(${shared.positions},${m.keys},${m.key},${shared.ends},${latest},${shared.values},${NUMBER}))`;
  if (!block) return lastShared;
  return `IF(AND(COUNTIFS(${counted(shared, asOf)})>0,${latest}>=MAXIFS(${block.ends},${counted(block, asOf)})),${lastShared},${lastOfBlock(block, asOf)})`;
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
