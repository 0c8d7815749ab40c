/**
 * The latest counted check-in of each KPI, with its Note and Confidence (SPEC 4.3), for showing
 * beside the value it gave: by period end, ties by the last row, as `last` aggregates.
 */
import { Analysis } from "../analyze";
import { CheckInView } from "../check-in-table";
import { Day, isoFromDay } from "../dates";
import { groupCheckIns } from "../scoring/actuals";

export type LatestCheckIn = CheckInView & { end: Day; actual: number };

const cache = new WeakMap<Analysis, Map<string, LatestCheckIn>>();

export function latestCheckIns(analysis: Analysis): Map<string, LatestCheckIn> {
  const known = cache.get(analysis);
  if (known) return known;
  const { model } = analysis;
  const table = model.checkIns;
  const latest = new Map<string, LatestCheckIn>();
  for (const [kpi, list] of groupCheckIns(model)) {
    let best = -1;
    for (const i of list) {
      if (table.end(i) > model.asOf) continue;
      if (
        best < 0 ||
        table.end(i) > table.end(best) ||
        (table.end(i) === table.end(best) && table.row(i) > table.row(best))
      )
        best = i;
    }
    if (best >= 0) latest.set(kpi, table.at(best) as LatestCheckIn);
  }
  cache.set(analysis, latest);
  return latest;
}

/** A cell comment for the KPI's latest value, when its check-in carries a note or a confidence. */
export function checkInComment(analysis: Analysis, kpi: string): { comment?: string } {
  const c = latestCheckIns(analysis).get(kpi);
  if (!c || (c.note === null && c.confidence === null)) return {};
  const lines = [`Latest check-in: period ending ${isoFromDay(c.end)}, ${c.actual}`];
  if (c.note !== null) lines.push(`Note: ${c.note}`);
  if (c.confidence !== null) lines.push(`Confidence: ${c.confidence}`);
  return { comment: lines.join("\n") };
}
