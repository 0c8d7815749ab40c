/** `inferred-direction` (SPEC 3): a KPI with no Direction read as `lower` because Target < Baseline. */
import { Findings } from "../findings";
import { Kpi, isBroken } from "../model";
import { cellOf } from "../read/region";
import { KpiDefinition } from "../scoring/kpi-definition";

export function checkInferredDirections(
  kpis: Map<string, Kpi>,
  definitions: Map<string, KpiDefinition>,
  findings: Findings
): void {
  for (const kpi of kpis.values()) {
    if (kpi.direction !== null || isBroken(kpi, "direction")) continue;
    if (definitions.get(kpi.id)?.direction !== "lower") continue;
    findings.add(
      "inferred-direction",
      cellOf(kpi.ref, "direction"),
      "kpi",
      kpi.id,
      `KPI ${kpi.id} has no Direction; it is read as "lower is better" because its Target (${kpi.target}) is below its Baseline (${kpi.baseline}). Set Direction to "lower" to confirm, or to "higher" if the target is meant to be beaten.`
    );
  }
}
