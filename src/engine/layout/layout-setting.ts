/**
 * `Layout <sheet>` rows of Settings (SPEC 2.2; syntax in docs/decisions.md): the user's
 * correction of how one sheet is read, e.g. `kpis; header rows 3-4; owner from sheet name`.
 */
import { CellLocation } from "../findings";

export interface LayoutChoice {
  /** What the sheet holds: KPIs (periods across or not), check-ins in long format, or nothing to read. */
  kind?: "kpis" | "check-ins" | "ignore";
  /** 1-based sheet rows of the header (one row, or a period row over a measure row). */
  headerRows?: number[];
  ownerFromSheet?: boolean;
  periodFromSheet?: boolean;
  /** The owner of every row of the sheet. */
  owner?: string;
}

export interface LayoutSettingRow {
  sheet: string;
  text: string;
  at: CellLocation;
}

/** Parses the value of a `Layout` row; returns the parts it could not read as well. */
export function parseLayoutChoice(text: string): { choice: LayoutChoice; unread: string[] } {
  const choice: LayoutChoice = {};
  const unread: string[] = [];
  for (const raw of text.split(/[;\n]/)) {
    const part = raw.trim().toLowerCase().replace(/\s+/g, " ");
    if (!part) continue;
    let m: RegExpExecArray | null;
    if (/^(kpis?|kpi list|metrics)$/.test(part)) choice.kind = "kpis";
    else if (/^(check-?ins?|actuals|long( format)?)$/.test(part)) choice.kind = "check-ins";
    else if (/^(ignore|skip|none)$/.test(part)) choice.kind = "ignore";
    else if ((m = /^header rows? (\d+)(?: ?(?:-|–|to) ?(\d+))?$/.exec(part))) {
      const a = Number(m[1]);
      const b = m[2] ? Number(m[2]) : a;
      if (a < 1 || b < a || b - a > 1) unread.push(raw.trim());
      else choice.headerRows = a === b ? [a] : [a, b];
    } else if (/^periods? across$/.test(part))
      continue; // periods across are found by their headers
    else if (/^owners? from sheet( name)?$/.test(part)) choice.ownerFromSheet = true;
    else if (/^periods? from sheet( name)?$/.test(part)) choice.periodFromSheet = true;
    else if ((m = /^owner (.+)$/.exec(raw.trim().replace(/\s+/g, " ")))) choice.owner = m[1];
    else unread.push(raw.trim());
  }
  return { choice, unread };
}
