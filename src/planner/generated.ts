/**
 * How a generated sheet is recognised on the next build: a workbook-level defined name
 * `KPICascade_<Kind>` pointing at its A1. A sheet without such a name is the user's, whatever
 * it is called, and is never deleted, renamed or changed.
 */
import { SHEET_NAME_MAX } from "../engine/rules/sheet-names";
import { a1 } from "../engine/address";
import { CELL_ERROR_VALUES, fitCell } from "./cell-text";
import { SheetPlan } from "./plan";

export const MARKER_PREFIX = "KPICascade_";

export function markerName(kind: SheetPlan["kind"]): string {
  return `${MARKER_PREFIX}${kind}`;
}

/**
 * The marker with the checksum of what the tool wrote on the sheet: `KPICascade_scorecard_<16 hex>`,
 * a name that points at the sheet like any range name, which every spreadsheet program keeps.
 */
export function checkedMarkerName(kind: SheetPlan["kind"], checksum: string): string {
  return `${markerName(kind)}_${checksum}`;
}

/** The kind and checksum a marker name carries (checksum null for a marker without one). */
export function parseMarker(name: string): { kind: string; checksum: string | null } | null {
  const m = /^KPICascade_([a-z]+)(?:_([0-9a-f]{16}))?$/.exec(name);
  return m ? { kind: m[1], checksum: m[2] ?? null } : null;
}

/**
 * A checksum of a sheet's content — each cell's address with its constant, or the fact that it
 * holds a formula (not the formula's result, which a recalculation changes) — so that a later
 * build can tell a sheet it wrote from one a user changed, or one whose marker was typed in:
 * only a sheet that still holds exactly what the tool wrote is ever replaced. Two FNV-1a hashes
 * with different seeds: 64 bits, which no edit hits by accident.
 */
export class ContentChecksum {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  private mix(text: string): void {
    let { a, b } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    this.a = a;
    this.b = b;
  }

  /** One character, as `mix` takes it: the markers between the parts of a cell. */
  private mixCode(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    this.b = Math.imul(this.b ^ c, 0x01000193) ^ (this.b >>> 15);
  }

  /** One non-empty cell, in row order: `formula`, or its constant. */
  add(address: string, content: { formula: true } | { value: string | number | boolean }): void {
    if ("formula" in content) this.addFormula(address, "");
    else this.addValue(address, "", content.value);
  }

  /**
   * A cell that holds a formula, its address given as column letters and row number: a package
   * writer adds millions, without a string or an object for each.
   */
  addFormula(column: string, row: string): void {
    this.address(column, row);
    this.mixCode(0x3d); // =
    this.mixCode(1);
  }

  /** A cell that holds a constant. */
  addValue(column: string, row: string, value: string | number | boolean): void {
    this.address(column, row);
    if (typeof value === "number") {
      // 12 significant digits: Excel saves 17 and LibreOffice 15, rounding its last digit its own
      // way; an edit that changes only the 13th digit is not an edit anyone made.
      this.mixCode(0x6e); // n
      this.mix(twelveDigits(value));
    } else if (typeof value === "boolean") this.mix(value ? "b1" : "b0");
    else {
      this.mixCode(0x73); // s
      this.mix(value);
    }
    this.mixCode(1);
  }

  private address(column: string, row: string): void {
    this.mix(column);
    this.mix(row);
    this.mixCode(0);
  }

  digest(): string {
    return (
      (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0")
    );
  }
}

/**
 * `String(Number(n.toPrecision(12)))`: the number rounded to 12 significant digits, as the
 * shortest text that reads back as it. Between 1e-6 and 1e12 both write plain decimals, and a
 * decimal of 12 digits or fewer is its double's shortest text once its trailing zeros are gone,
 * so the second conversion is skipped there: a trends sheet sums a million numbers.
 */
export function twelveDigits(n: number): string {
  const magnitude = Math.abs(n);
  if (Number.isInteger(n) && magnitude < 1e12) return String(n);
  if (!(magnitude >= 1e-6 && magnitude < 1e12)) return String(Number(n.toPrecision(12)));
  const text = n.toPrecision(12);
  // Rounding up to 1e12 (999999999999.9) gives an exponent.
  if (text.indexOf("e") >= 0) return String(Number(text));
  if (text.indexOf(".") < 0) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x30) end--;
  if (text.charCodeAt(end - 1) === 0x2e) end--;
  return text.slice(0, end);
}

/**
 * The checksum of a planned sheet, as its writer will write it (text cut to fit a cell). The
 * package writer takes the same sum as it writes; this is the Office.js writer's.
 */
export function planChecksum(plan: SheetPlan): string {
  const sum = new ContentChecksum();
  plan.rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!cell) return;
      const address = a1(r, c);
      const v = cell.value;
      if (cell.formula !== undefined) sum.add(address, { formula: true });
      else if (cell.error !== undefined)
        sum.add(address, {
          value: CELL_ERROR_VALUES.has(cell.error) ? `#error ${cell.error}` : cell.error,
        });
      else if (typeof v === "string" && v !== "") sum.add(address, { value: fitCell(v) });
      else if (typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)))
        sum.add(address, { value: v });
    })
  );
  return sum.digest();
}

/** The first `length` UTF-16 units of a name, never ending in half of a surrogate pair. */
function cut(name: string, length: number): string {
  const piece = name.slice(0, length);
  const last = piece.charCodeAt(piece.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? piece.slice(0, -1) : piece;
}

/**
 * A name for a new sheet that no existing sheet (of the user's) already has, compared as Excel
 * compares them (ignoring case): `KPI Scorecard 2`. Never longer than Excel's 31 characters: a
 * long name is cut to make room for its number.
 */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const whole = cut(wanted, SHEET_NAME_MAX);
  if (!used.has(whole.toLowerCase())) return whole;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = `${cut(wanted, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A table name no table has yet: `tblKPIs2` (table names cannot hold spaces). */
export function freeTableName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

/** The sheet a marker name points at: `'KPI Scorecard'!$A$1` → `KPI Scorecard`. */
export function markedSheet(text: string): string | null {
  const m = /^'((?:[^']|'')+)'!|^([^'!]+)!/.exec(text.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** `'KPI Scorecard'!$A$1`, quoting as Excel does. */
export function sheetAnchor(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}
