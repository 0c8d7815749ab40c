/**
 * Check-in findings: missing-actual, duplicate-actual, period-out-of-cycle and future-period.
 */
import { isoFromDay } from "../dates";
import { Findings } from "../findings";
import { Model, isBroken } from "../model";
import { cellOf } from "../read/region";
import { KpiActual } from "../scoring/actuals";

export function checkCheckIns(
  model: Model,
  byKpi: Map<string, Int32Array>,
  findings: Findings
): void {
  const { cycleStart, cycleEnd } = model.settings;
  const { asOf, checkIns } = model;
  for (const [kpi, list] of byKpi) {
    const seen = new Set<number>();
    for (const i of list) {
      const end = checkIns.end(i);
      const at = () => checkIns.cell(i, "period");
      if (seen.has(end)) {
        findings.add(
          "duplicate-actual",
          at(),
          "actual",
          kpi,
          `KPI ${kpi} has two check-ins for the period ending ${isoFromDay(end)}; both count. Delete or correct one of them.`
        );
      }
      seen.add(end);
      if ((cycleStart !== null && end < cycleStart) || (cycleEnd !== null && end > cycleEnd)) {
        findings.add(
          "period-out-of-cycle",
          at(),
          "actual",
          kpi,
          `The check-in of KPI ${kpi} for the period ending ${isoFromDay(end)} falls outside the cycle (${cycleStart === null ? "…" : isoFromDay(cycleStart)} to ${cycleEnd === null ? "…" : isoFromDay(cycleEnd)}). Check the period, or the Cycle Start and Cycle End settings.`
        );
      }
      if (end > asOf) {
        findings.add(
          "future-period",
          at(),
          "actual",
          kpi,
          `The check-in of KPI ${kpi} for the period ending ${isoFromDay(end)} is after the as-of date ${isoFromDay(asOf)}, so it is not counted yet.`
        );
      }
    }
  }
}

export function checkMissingActuals(
  model: Model,
  actuals: Map<string, KpiActual>,
  findings: Findings
): void {
  for (const kpi of model.kpis.values()) {
    const got = actuals.get(kpi.id) as KpiActual;
    if (got.actual !== null) continue;
    // An unreadable Actual cell or Aggregation already has its error.
    if (got.fromCheckIns ? isBroken(kpi, "aggregation") : isBroken(kpi, "actual")) continue;
    findings.add(
      "missing-actual",
      cellOf(
        kpi.ref,
        got.fromCheckIns || kpi.ref.region.columns.actual === undefined ? "id" : "actual"
      ),
      "kpi",
      kpi.id,
      `KPI ${kpi.id} has no actual as of ${isoFromDay(model.asOf)}, so it is not scored. Add a check-in for it on the ${model.regions.actuals?.grid.name ?? "Actuals"} sheet${got.fromCheckIns ? "" : " or fill in its Actual cell"}.`
    );
  }
}
