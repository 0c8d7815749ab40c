/**
 * The actual of each KPI (SPEC 4.1): the aggregation of its check-ins whose period ends on or
 * before the as-of date, else the KPI sheet's Actual cell. A KPI that has check-ins takes its
 * actual from them alone, even when none counts yet, so a stale Actual cell never mixes in.
 */
import { Day } from "../dates";
import { CheckInTable } from "../check-in-table";
import { Kpi, Model, isBroken } from "../model";
import { aggregate } from "./math";

export interface KpiActual {
  actual: number | null;
  /** True when the KPI has readable check-ins (then the Actual cell is not used). */
  fromCheckIns: boolean;
  /** How many check-ins were counted. */
  counted: number;
}

/** The usable check-ins of each existing KPI, as indexes into the table, in row order. */
export function groupCheckIns(model: Model): Map<string, number[]> {
  const byKpi = new Map<string, number[]>();
  const { checkIns } = model;
  for (let i = 0; i < checkIns.length; i++) {
    if (!checkIns.usable(i)) continue;
    const kpi = checkIns.kpi[i];
    if (!model.kpis.has(kpi)) continue;
    const list = byKpi.get(kpi);
    if (list) list.push(i);
    else byKpi.set(kpi, [i]);
  }
  return byKpi;
}

export function kpiActual(
  kpi: Kpi,
  indexes: readonly number[] | undefined,
  table: CheckInTable,
  asOf: Day
): KpiActual {
  if (!indexes || indexes.length === 0) {
    return { actual: kpi.actual, fromCheckIns: false, counted: kpi.actual === null ? 0 : 1 };
  }
  const counted = indexes.filter((i) => table.end(i) <= asOf);
  if (isBroken(kpi, "aggregation"))
    return { actual: null, fromCheckIns: true, counted: counted.length };
  // By period end, ties in row order, so `last` is the last row of the latest period.
  counted.sort((x, y) => table.end(x) - table.end(y) || table.row(x) - table.row(y));
  const values = counted.map((i) => table.actual(i));
  return {
    actual: aggregate(values, kpi.aggregation ?? "last"),
    fromCheckIns: true,
    counted: counted.length,
  };
}
