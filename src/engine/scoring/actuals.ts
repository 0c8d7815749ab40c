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

/**
 * The usable check-ins of each existing KPI, as indexes into the table in row order. Built by a
 * counting sort into one buffer (one view per KPI), not by growing an array per KPI.
 */
export function groupCheckIns(model: Model): Map<string, Int32Array> {
  const { checkIns, kpis } = model;
  const ordinal = new Map<string, number>();
  for (const id of kpis.keys()) ordinal.set(id, ordinal.size);
  const owner = new Int32Array(checkIns.length).fill(-1);
  const counts = new Int32Array(kpis.size + 1);
  for (let i = 0; i < checkIns.length; i++) {
    if (!checkIns.usable(i)) continue;
    const k = ordinal.get(checkIns.kpi[i]);
    if (k === undefined) continue;
    owner[i] = k;
    counts[k + 1]++;
  }
  for (let k = 0; k < kpis.size; k++) counts[k + 1] += counts[k];
  const order = new Int32Array(counts[kpis.size]);
  const next = counts.slice(0, kpis.size);
  for (let i = 0; i < checkIns.length; i++) if (owner[i] >= 0) order[next[owner[i]]++] = i;
  const byKpi = new Map<string, Int32Array>();
  let k = 0;
  for (const id of kpis.keys()) {
    if (counts[k + 1] > counts[k]) byKpi.set(id, order.subarray(counts[k], counts[k + 1]));
    k++;
  }
  return byKpi;
}

export function kpiActual(
  kpi: Kpi,
  indexes: Int32Array | undefined,
  table: CheckInTable,
  asOf: Day
): KpiActual {
  if (!indexes || indexes.length === 0) {
    return { actual: kpi.actual, fromCheckIns: false, counted: kpi.actual === null ? 0 : 1 };
  }
  const counted: number[] = [];
  for (const i of indexes) if (table.end(i) <= asOf) counted.push(i);
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
