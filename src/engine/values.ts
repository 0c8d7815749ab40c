/**
 * Reading cell values the way a person typed them (SPEC section 2, "Cell values", "Periods",
 * "Enumerations"). Every parser returns a tagged result so the caller can turn a failure into a
 * finding that points at the cell; none of them throws.
 */
import { CellValue, isBlank, isCellError } from "./grid";
import {
  Day,
  dayFromDate,
  dayFromExcelSerial,
  dayFromYmd,
  isoFromDay,
  lastDayOfMonth,
} from "./dates";
import type { DateOrder } from "./settings";

/** Why a cell could not be read: it holds an Excel error value, or text that is not what was wanted. */
export class ParseFailure {
  constructor(
    readonly kind: "error" | "invalid" | "ambiguous" | "out-of-range",
    /** The error value (`#N/A`) or the cell as a reader would see it. */
    readonly text: string,
    /** For an `ambiguous` date: what it reads as day-first and month-first. */
    readonly readings?: Readonly<Record<DateOrder, unknown>>
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

/**
 * The largest magnitude a number cell may hold (±1e15): beyond it sums of check-ins and weighted
 * means lose every digit that matters, or overflow to Infinity. No KPI is measured in more.
 */
export const NUMBER_LIMIT = 1e15;

export function parseNumber(value: CellValue): Parsed<number> {
  if (isBlank(value)) return null;
  if (isCellError(value)) return errorOf(value);
  let n: number | null = null;
  if (typeof value === "number") n = Number.isFinite(value) ? value : null;
  else if (typeof value === "string") n = parseNumberText(value);
  if (n === null) return invalid(value);
  return Math.abs(n) > NUMBER_LIMIT ? new ParseFailure("out-of-range", displayText(value)) : n;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function isoDay(text: string): Day | null {
  const m = ISO_DATE.exec(text);
  return m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const NAMED_MONTH_DATE = /^(\d{1,2})[ \-/.]?([a-z]+)\.?[ \-/.,]*(\d{4})$/;
const MONTH_NAME_FIRST = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;

/** What a text date such as `03/04/2026` reads as day-first and month-first (null: not a date that way). */
export interface TextDateReadings {
  dmy: Day | null;
  mdy: Day | null;
}

/** A two-digit year is this century's: people type `31/03/26` for 2026. */
function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/**
 * The readings of a date typed with numbers only (`31/03/2026`, `31.03.2026`, `3-31-2026`), or
 * null when the text has another shape.
 */
export function numericDateReadings(text: string): TextDateReadings | null {
  const m = NUMERIC_DATE.exec(text);
  if (!m) return null;
  const [a, b, year] = [Number(m[1]), Number(m[3]), fullYear(m[4])];
  return { dmy: dayFromYmd(year, b, a), mdy: dayFromYmd(year, a, b) };
}

/** `31-Mar-2026`, `31 March 2026`, `March 31, 2026`: the month's name settles the order. */
function namedMonthDay(text: string): Day | null {
  let m = NAMED_MONTH_DATE.exec(text);
  if (m && MONTHS[m[2]] !== undefined) return dayFromYmd(Number(m[3]), MONTHS[m[2]], Number(m[1]));
  m = MONTH_NAME_FIRST.exec(text);
  if (m && MONTHS[m[1]] !== undefined) return dayFromYmd(Number(m[3]), MONTHS[m[1]], Number(m[2]));
  return null;
}

/** Which order a text date settles on its own: `31/03/2026` only day-first, `3/31/2026` only month-first. */
export function orderOnlyReadable(text: string): DateOrder | null {
  const r = numericDateReadings(text.trim());
  if (!r || (r.dmy === null) === (r.mdy === null)) return null;
  return r.dmy !== null ? "dmy" : "mdy";
}

/**
 * A date typed as text: ISO, a month's name, or numbers in either order. Read the one way it can
 * be read; a text that reads as two different days is an `ambiguous` failure carrying both, for
 * the caller to settle with the workbook's date order.
 */
function textDay(source: string): Day | null | ParseFailure {
  const iso = isoDay(source.trim());
  const text = source.trim().toLowerCase().replace(/\s+/g, " ");
  if (iso !== null) return iso;
  const named = namedMonthDay(text);
  if (named !== null) return named;
  const r = numericDateReadings(text);
  if (!r) return null;
  if (r.dmy === null || r.mdy === null || r.dmy === r.mdy) return r.dmy ?? r.mdy;
  return new ParseFailure("ambiguous", source.trim(), { dmy: r.dmy, mdy: r.mdy });
}

/** How an ambiguous date reads in messages: `3 April 2026`. */
export function spokenDate(day: Day): string {
  const [y, m, d] = isoFromDay(day).split("-").map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A date: an Excel serial number, a JS date, ISO text `2026-03-31`, or text as people type it
 * (`31/03/2026`, `31.03.2026`, `3/31/2026`, `31-Mar-2026`; SPEC section 2). Years outside
 * 1900–9999 are not dates.
 */
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
    const day = textDay(value);
    return day === null ? invalid(value) : day;
  }
  return invalid(value);
}

/** Settles an ambiguous date by the workbook's order; other results pass through. */
export function settleDate<T>(parsed: Parsed<T>, order: DateOrder | null): Parsed<T> {
  if (!isFailure(parsed) || parsed.kind !== "ambiguous" || order === null) return parsed;
  return (parsed.readings as Record<DateOrder, T>)[order];
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

/**
 * Periods written as text; memoised by callers because check-ins repeat the same few labels. A
 * date that reads two ways is an `ambiguous` failure whose readings are periods.
 */
export function parsePeriodText(source: string): Period | null | ParseFailure {
  const t = source.trim().toLowerCase().replace(/\s+/g, " ");
  let m: RegExpExecArray | null;
  const day = textDay(source);
  if (isFailure(day)) {
    const r = day.readings as Record<DateOrder, Day>;
    return new ParseFailure("ambiguous", source.trim(), {
      dmy: { end: r.dmy },
      mdy: { end: r.mdy },
    });
  }
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
      const read = parsePeriodText(value);
      if (isFailure(read)) return read;
      p = read;
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
