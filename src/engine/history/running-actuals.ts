/**
 * Each KPI's actual as of a rising sequence of dates, kept up to date as check-ins come into
 * count, instead of re-aggregating every check-in at every date. The sums are taken in the same
 * order as `aggregate` takes them (period end, then row), so the numbers are identical to the
 * as-of actual's, not merely close.
 */
import { Day } from "../dates";
import { CheckInTable } from "../check-in-table";
import { Kpi, Model, isBroken } from "../model";
import { KpiActual, kpiActual } from "../scoring/actuals";

interface Running {
  kpi: Kpi;
  /** Check-in indexes by period end, ties in row order. */
  order: Int32Array;
  /** How many of `order` count so far. */
  next: number;
  sum: number;
  min: number;
  max: number;
  /** The value handed to scoring, updated in place. */
  actual: KpiActual;
}

export class RunningActuals {
  /** The actual of every KPI as of the last `advance`; the same objects throughout. */
  readonly actuals = new Map<string, KpiActual>();
  private readonly running: Running[] = [];

  constructor(
    model: Model,
    byKpi: Map<string, Int32Array>,
    private readonly table: CheckInTable
  ) {
    for (const kpi of model.kpis.values()) {
      const indexes = byKpi.get(kpi.id);
      if (!indexes || indexes.length === 0) {
        // Without check-ins the actual is the Actual cell whatever the date.
        this.actuals.set(kpi.id, kpiActual(kpi, indexes, table, model.asOf));
        continue;
      }
      const order = Int32Array.from(indexes).sort(
        (x, y) => table.end(x) - table.end(y) || table.row(x) - table.row(y)
      );
      const actual: KpiActual = { actual: null, fromCheckIns: true, counted: 0 };
      this.actuals.set(kpi.id, actual);
      this.running.push({ kpi, order, next: 0, sum: 0, min: Infinity, max: -Infinity, actual });
    }
  }

  /** Counts every check-in whose period ends on or before `day` (days must not go down). */
  advance(day: Day): void {
    const table = this.table;
    for (const r of this.running) {
      const { order } = r;
      let { next, sum, min, max } = r;
      while (next < order.length && table.end(order[next]) <= day) {
        const v = table.actual(order[next]);
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
        next++;
      }
      r.next = next;
      r.sum = sum;
      r.min = min;
      r.max = max;
      r.actual.counted = next;
      r.actual.actual = next === 0 || isBroken(r.kpi, "aggregation") ? null : this.valueOf(r, next);
    }
  }

  private valueOf(r: Running, counted: number): number {
    switch (r.kpi.aggregation ?? "last") {
      case "sum":
        return r.sum;
      case "average":
        return r.sum / counted;
      case "last":
        return this.table.actual(r.order[counted - 1]);
      case "min":
        return r.min;
      case "max":
        return r.max;
    }
  }
}
