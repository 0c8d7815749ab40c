/**
 * Calendar days as whole numbers (days since 1970-01-01, UTC), so period arithmetic never meets
 * a time zone or a daylight-saving hour.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Excel's serial for 1970-01-01 in the 1900 date system. */
const EXCEL_EPOCH_OFFSET = 25_569;

/**
 * Dates are read only from 1900 to 9999: what Excel can show. A year outside (`+275760`, `0001`)
 * is a typing error, and reading it would print nonsense in every generated sheet.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

export function dayFromYmd(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > lastDayOfMonth(year, month)) return null;
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function lastDayOfMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function dayFromDate(date: Date): Day | null {
  const t = date.getTime();
  if (Number.isNaN(t)) return null;
  const year = date.getUTCFullYear();
  return year < FIRST_YEAR || year > LAST_YEAR ? null : Math.floor(t / MS_PER_DAY);
}

/**
 * An Excel serial (1900 system) to a day. Serials below 61 sit before Excel's fictitious
 * 29 February 1900, so they are one day later than the plain offset says.
 */
export function dayFromExcelSerial(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  return whole - EXCEL_EPOCH_OFFSET + (whole < 61 ? 1 : 0);
}

export function excelSerialFromDay(day: Day): number {
  const serial = day + EXCEL_EPOCH_OFFSET;
  return serial < 61 ? serial - 1 : serial;
}

export function ymdFromDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoFromDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function todayDay(now: Date = new Date()): Day {
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) as Day;
}
