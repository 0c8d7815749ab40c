/**
 * `stale-actual` (SPEC 3): a KPI whose latest counted check-in is more than one period of its
 * Frequency behind the as-of date. One period of grace is the reporting lag everyone has: on
 * 30 June a monthly KPI checked in for May is on time, one last checked in for April is stale.
 */
import { Day, isoFromDay, ymdFromDay } from "../dates";
import { Findings } from "../findings";
import { Model } from "../model";
import { cellOf } from "../read/region";
import { Frequency } from "../values";

const NOUN: Record<Frequency, string> = {
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
  annual: "year",
};

/** The number of the period of `frequency` that holds `day` (consecutive periods differ by 1). */
export function periodNumber(day: Day, frequency: Frequency): number {
  // 1970-01-01 was a Thursday: weeks start on Monday, as ISO weeks do.
  if (frequency === "weekly") return Math.floor((day + 3) / 7);
  const { year, month: m } = ymdFromDay(day);
  const month = m - 1;
  if (frequency === "monthly") return year * 12 + month;
  if (frequency === "quarterly") return year * 4 + Math.floor(month / 3);
  return year;
}

export function checkStaleActuals(
  model: Model,
  byKpi: Map<string, Int32Array>,
  findings: Findings
): void {
  const { asOf, checkIns } = model;
  for (const [id, list] of byKpi) {
    const kpi = model.kpis.get(id);
    const frequency = kpi?.frequency ?? null;
    if (!kpi || frequency === null) continue;
    let latest = -Infinity;
    for (const i of list) {
      const end = checkIns.end(i);
      if (end <= asOf && end > latest) latest = end;
    }
    // No counted check-in at all is missing-actual's to report.
    if (latest === -Infinity) continue;
    const behind = periodNumber(asOf, frequency) - periodNumber(latest, frequency);
    if (behind <= 1) continue;
    const noun = NOUN[frequency];
    findings.add(
      "stale-actual",
      cellOf(kpi.ref, "id"),
      "kpi",
      id,
      `KPI ${id} is ${frequency} but its latest check-in is for the period ending ${isoFromDay(latest)}, ${behind} ${noun}s before the as-of date ${isoFromDay(asOf)}; its score rests on old figures. Add the missing check-ins on the ${model.regions.actuals?.grid.name ?? "Actuals"} sheet, or correct its Frequency.`
    );
  }
}
