/**
 * The actual of each KPI (SPEC 4.1): the aggregation of its check-ins whose period ends on or
 * before the as-of date, else the KPI sheet's Actual cell. A KPI that has check-ins takes its
 * actual from them alone, even when none counts yet, so a stale Actual cell never mixes in.
 */
import { Day } from "../dates";
import { CheckIn, Kpi, Model, isBroken } from "../model";
import { aggregate } from "./math";

export interface KpiActual {
  actual: number | null;
  /** True when the KPI has readable check-ins (then the Actual cell is not used). */
  fromCheckIns: boolean;
  /** How many check-ins were counted. */
  counted: number;
}

function usable(c: CheckIn): boolean {
  return c.period !== null && c.actual !== null;
}

export function groupCheckIns(model: Model): Map<string, CheckIn[]> {
  const byKpi = new Map<string, CheckIn[]>();
  for (const c of model.checkIns) {
    if (!usable(c) || !model.kpis.has(c.kpi)) continue;
    const list = byKpi.get(c.kpi);
    if (list) list.push(c);
    else byKpi.set(c.kpi, [c]);
  }
  return byKpi;
}

export function kpiActual(
  kpi: Kpi,
  checkIns: readonly CheckIn[] | undefined,
  asOf: Day
): KpiActual {
  if (!checkIns || checkIns.length === 0) {
    return { actual: kpi.actual, fromCheckIns: false, counted: kpi.actual === null ? 0 : 1 };
  }
  const counted = checkIns.filter((c) => (c.period as { end: Day }).end <= asOf);
  if (isBroken(kpi, "aggregation"))
    return { actual: null, fromCheckIns: true, counted: counted.length };
  // Stable sort: by period end, ties in row order, so `last` is the last row of the latest period.
  counted.sort(
    (x, y) =>
      (x.period as { end: Day }).end - (y.period as { end: Day }).end || x.ref.row - y.ref.row
  );
  const values = counted.map((c) => c.actual as number);
  return {
    actual: aggregate(values, kpi.aggregation ?? "last"),
    fromCheckIns: true,
    counted: counted.length,
  };
}
