/**
 * Reading cell values the way a person typed them (SPEC section 2, "Cell values", "Periods",
 * "Enumerations"). Every parser returns a tagged result so the caller can turn a failure into a
 * finding that points at the cell; none of them throws.
 */
import { CellValue, isBlank, isCellError } from "./grid";
import { Day, dayFromDate, dayFromExcelSerial, dayFromYmd, lastDayOfMonth } from "./dates";

/** Why a cell could not be read: it holds an Excel error value, or text that is not what was wanted. */
export class ParseFailure {
  constructor(
    readonly kind: "error" | "invalid",
    /** The error value (`#N/A`) or the cell as a reader would see it. */
    readonly text: string
  ) {}
}

/**
 * A parsed cell: the value, null for a blank cell, or a ParseFailure. Only failures allocate,
 * because the engine reads cells by the million.
 */
export type Parsed<T> = T | null | ParseFailure;

export function isFailure(parsed: unknown): parsed is ParseFailure {
  return parsed instanceof ParseFailure;
}

function invalid(value: CellValue): ParseFailure {
  return new ParseFailure("invalid", displayText(value));
}

function errorOf(value: CellValue & { error: string }): ParseFailure {
  return new ParseFailure("error", value.error);
}

/** How a cell reads in a message: short, and never mistaken for a formula by a reader. */
export function displayText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.error;
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Identifiers are text: `7` and `"7"` are the same ID; surrounding spaces do not count. */
export function parseId(value: CellValue): Parsed<string> {
  if (isBlank(value)) return null;
  if (isCellError(value)) return errorOf(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? invalid(value) : value.toISOString().slice(0, 10);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

export function parseText(value: CellValue): Parsed<string> {
  return parseId(value);
}

const CURRENCY = "$€£¥₹";
const GROUPED_COMMA = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const GROUPED_SPACE = /^\d{1,3}( \d{3})+(\.\d*)?$/;
const PLAIN_NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `1,200`, `$1,200.50`, `85%`, ` 42 `, `(5)`, `-€3`, `1e3`; null when the text is no number. */
export function parseNumberText(source: string): number | null {
  let t = source.replace(/[\u00a0\u2009\u202f]/g, " ").trim();
  let sign = 1;
  if (t.startsWith("(") && t.endsWith(")")) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  let scale = 1;
  if (t.endsWith("%")) {
    scale = 100;
    t = t.slice(0, -1).trim();
  }
  // One sign, on either side of one currency symbol: -$5, $-5, -5 €.
  const sign1 = /^[+-]/.exec(t);
  if (sign1) t = t.slice(1).trim();
  if (t.length > 0 && CURRENCY.includes(t[0])) t = t.slice(1).trim();
  else if (t.length > 0 && CURRENCY.includes(t[t.length - 1])) t = t.slice(0, -1).trim();
  const sign2 = sign1 ? null : /^[+-]/.exec(t);
  if (sign2) t = t.slice(1).trim();
  if ((sign1 ?? sign2)?.[0] === "-") sign = -sign;
  if (GROUPED_COMMA.test(t)) t = t.replace(/,/g, "");
  else if (GROUPED_SPACE.test(t)) t = t.replace(/ /g, "");
  if (!PLAIN_NUMBER.test(t)) return null;
  const n = (sign * Number(t)) / scale;
  return Number.isFinite(n) ? n : null;
}

export function parseNumber(value: CellValue): Parsed<number> {
  if (isBlank(value)) return null;
  if (isCellError(value)) return errorOf(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : invalid(value);
  if (typeof value === "string") {
    const n = parseNumberText(value);
    return n === null ? invalid(value) : n;
  }
  return invalid(value);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function isoDay(text: string): Day | null {
  const m = ISO_DATE.exec(text);
  return m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A date: an Excel serial number, a JS date, or ISO text `2026-03-31`. */
export function parseDate(value: CellValue): Parsed<Day> {
  if (isBlank(value)) return null;
  if (isCellError(value)) return errorOf(value);
  if (value instanceof Date) {
    const day = dayFromDate(value);
    return day === null ? invalid(value) : day;
  }
  if (typeof value === "number") {
    const day = dayFromExcelSerial(value);
    return day === null ? invalid(value) : day;
  }
  if (typeof value === "string") {
    const day = isoDay(value.trim());
    return day === null ? invalid(value) : day;
  }
  return invalid(value);
}

/** A check-in period, known by the day it ends: `2026-03`, `2026-03-31` and `Mar 2026` are one period. */
export interface Period {
  end: Day;
}

export const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function monthEnd(year: number, month: number): Period | null {
  if (month < 1 || month > 12) return null;
  const end = dayFromYmd(year, month, lastDayOfMonth(year, month));
  return end === null ? null : { end };
}

function quarterEnd(year: number, quarter: number): Period | null {
  return monthEnd(year, quarter * 3);
}

function yearEnd(year: number): Period | null {
  const end = dayFromYmd(year, 12, 31);
  return end === null ? null : { end };
}

/** Periods written as text; memoised by callers because check-ins repeat the same few labels. */
export function parsePeriodText(source: string): Period | null {
  const t = source.trim().toLowerCase().replace(/\s+/g, " ");
  let m: RegExpExecArray | null;
  const day = isoDay(t);
  if (day !== null) return { end: day };
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(t))) return monthEnd(Number(m[1]), Number(m[2]));
  if ((m = /^([a-z]+)\.?[ \-/]?(\d{4})$/.exec(t)) && MONTHS[m[1]] !== undefined)
    return monthEnd(Number(m[2]), MONTHS[m[1]]);
  if ((m = /^(\d{4}) ?[-/ ]? ?q([1-4])$/.exec(t))) return quarterEnd(Number(m[1]), Number(m[2]));
  if ((m = /^q([1-4]) ?[-/ ]? ?(\d{4})$/.exec(t))) return quarterEnd(Number(m[2]), Number(m[1]));
  if ((m = /^(?:fy ?)?(\d{4})$/.exec(t))) return yearEnd(Number(m[1]));
  return null;
}

/**
 * A period: a date (it ends that day), a month, a quarter, or a year. A whole number from 1000
 * to 9999 is read as a year (a cell holding 2026 means the year, not Excel's day 2026 of 1905).
 */
export function parsePeriod(
  value: CellValue,
  textCache?: Map<string, Period | null>
): Parsed<Period> {
  if (isBlank(value)) return null;
  if (isCellError(value)) return errorOf(value);
  if (typeof value === "number" && Number.isInteger(value) && value >= 1000 && value <= 9999) {
    const p = yearEnd(value);
    return p ?? invalid(value);
  }
  if (typeof value === "string") {
    let p = textCache?.get(value);
    if (p === undefined) {
      p = parsePeriodText(value);
      textCache?.set(value, p);
    }
    return p ?? invalid(value);
  }
  const date = parseDate(value);
  return typeof date === "number" ? { end: date } : date;
}

/** Yes/no settings: yes, no, true, false, y, n, 1, 0, on, off, or a boolean cell. */
export function parseYesNo(value: CellValue): Parsed<boolean> {
  if (isBlank(value)) return null;
  if (isCellError(value)) return errorOf(value);
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : invalid(value);
  const t = String(value).trim().toLowerCase();
  if (["yes", "y", "true", "on", "1"].includes(t)) return true;
  if (["no", "n", "false", "off", "0"].includes(t)) return false;
  return invalid(value);
}

/** Lower case, with `_`, `-` and runs of spaces folded into one space: how enumerations compare. */
export function normaliseWords(text: string): string {
  return text.toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
}

/** Builds a reader for an enumeration from `{canonical: [synonyms…]}`. */
export function enumeration<T extends string>(
  synonyms: Record<T, string[]>
): (value: CellValue) => Parsed<T> {
  const lookup = new Map<string, T>();
  for (const canonical of Object.keys(synonyms) as T[]) {
    lookup.set(normaliseWords(canonical), canonical);
    for (const s of synonyms[canonical]) lookup.set(normaliseWords(s), canonical);
  }
  return (value) => {
    if (isBlank(value)) return null;
    if (isCellError(value)) return errorOf(value);
    const hit = lookup.get(normaliseWords(String(value)));
    return hit === undefined ? invalid(value) : hit;
  };
}

export type Direction = "higher" | "lower" | "range";
export type Aggregation = "sum" | "average" | "last" | "min" | "max";
export type Frequency = "monthly" | "quarterly" | "annual" | "weekly";

export const parseDirection = enumeration<Direction>({
  higher: ["higher is better", "up", "increase", "max", "maximise", "maximize"],
  lower: ["lower is better", "down", "decrease", "min", "minimise", "minimize"],
  range: ["target range", "band", "within"],
});

export const parseAggregation = enumeration<Aggregation>({
  sum: ["total", "cumulative"],
  average: ["avg", "mean"],
  last: ["latest", "point in time"],
  min: [],
  max: [],
});

export const parseFrequency = enumeration<Frequency>({
  monthly: [],
  quarterly: [],
  annual: ["yearly"],
  weekly: [],
});
