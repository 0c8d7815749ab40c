/**
 * How a generated sheet is recognised on the next build: a workbook-level defined name
 * `KPICascade_<Kind>` pointing at its A1. A sheet without such a name is the user's, whatever
 * it is called, and is never deleted, renamed or changed.
 */
import { SheetPlan } from "./plan";

export const MARKER_PREFIX = "KPICascade_";

export function markerName(kind: SheetPlan["kind"]): string {
  return `${MARKER_PREFIX}${kind}`;
}

/** A name for a new sheet that no existing sheet (of the user's) already has: `KPI Scorecard 2`. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} ${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A table name no table has yet: `tblKPIs2` (table names cannot hold spaces). */
export function freeTableName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

/** `'KPI Scorecard'!$A$1`, quoting as Excel does. */
export function sheetAnchor(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}
