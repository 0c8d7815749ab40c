/**
 * The periods of a history (SPEC 4.3): month or quarter ends from the cycle's start up to the
 * as-of date. Months when any KPI is monthly or weekly; quarters when KPIs name only quarterly or
 * annual frequencies; with no Frequency anywhere, months unless every check-in ends a quarter.
 */
import { Day, dayFromYmd, lastDayOfMonth, ymdFromDay } from "../dates";
import { Model } from "../model";

/** A history longer than this keeps its latest periods: a chart of 400 months helps nobody. */
export const MAX_PERIODS = 36;

export type PeriodLength = "month" | "quarter";

function isQuarterEnd(day: Day): boolean {
  const { year, month, day: d } = ymdFromDay(day);
  return month % 3 === 0 && d === lastDayOfMonth(year, month);
}

export function periodLength(model: Model, ends: readonly Day[]): PeriodLength {
  let named = false;
  for (const kpi of model.kpis.values()) {
    if (kpi.frequency === "monthly" || kpi.frequency === "weekly") return "month";
    if (kpi.frequency !== null) named = true;
  }
  if (named) return "quarter";
  return ends.length > 0 && ends.every(isQuarterEnd) ? "quarter" : "month";
}

/**
 * The period ends of the history, ascending. The last is the as-of date itself when it falls
 * inside a period, so the history's last point is the score the rest of the report shows.
 */
export function historyPeriods(model: Model, checkInEnds: readonly Day[]): Day[] {
  const asOf = model.asOf;
  let start = model.settings.cycleStart;
  if (start === null) for (const e of checkInEnds) if (start === null || e < start) start = e;
  if (start === null || start > asOf) return [asOf];
  const step = periodLength(model, checkInEnds) === "month" ? 1 : 3;
  // Months counted from year 0, so a period is one integer and a long history is skipped, not walked.
  const monthIndex = (day: Day) => {
    const { year, month } = ymdFromDay(day);
    return year * 12 + month - 1;
  };
  const last = monthIndex(asOf);
  // The first period is the one (month or calendar quarter) that holds the start.
  let index = monthIndex(start);
  if (step === 3) index += 2 - (index % 3);
  index = Math.max(index, last - step * (MAX_PERIODS + 1));
  const ends: Day[] = [];
  for (; index <= last; index += step) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const end = dayFromYmd(year, month, lastDayOfMonth(year, month));
    if (end !== null && end <= asOf) ends.push(end);
  }
  if (ends.length === 0 || ends[ends.length - 1] < asOf) ends.push(asOf);
  return ends.slice(-MAX_PERIODS);
}
