/**
 * Findings about one KPI's definition: invalid-range, invalid-thresholds, target-equals-baseline,
 * zero-target and direction-conflict, from the same decision scoring uses (kpi-definition).
 */
import { Findings } from "../findings";
import { Kpi } from "../model";
import { cellOf } from "../read/region";
import { KpiDefinition, KpiProblem } from "../scoring/kpi-definition";

type Rule =
  | "invalid-range"
  | "invalid-thresholds"
  | "target-equals-baseline"
  | "zero-target"
  | "direction-conflict";

const RULE_OF: Record<KpiProblem, Rule> = {
  "range-without-max": "invalid-range",
  "range-reversed": "invalid-range",
  "thresholds-reversed": "invalid-thresholds",
  "target-equals-baseline": "target-equals-baseline",
  "zero-target": "zero-target",
  "direction-conflict": "direction-conflict",
};

function describe(
  problem: KpiProblem,
  kpi: Kpi,
  def: KpiDefinition
): { field: string; message: string } {
  const k = `KPI ${kpi.id}`;
  switch (problem) {
    case "range-without-max":
      return {
        field: "targetMax",
        message: `${k} has Direction "range" but no Target Max, so it cannot be scored. Type the upper end of the target range in Target Max.`,
      };
    case "range-reversed":
      return {
        field: "targetMax",
        message: `${k} has Target ${kpi.target} above Target Max ${kpi.targetMax}, so it cannot be scored. Make Target the lower end of the range and Target Max the upper end.`,
      };
    case "thresholds-reversed":
      return {
        field: kpi.amberAt !== null ? "amberAt" : "greenAt",
        message: `${k} has Amber At ${def.amberAt} above Green At ${def.greenAt}, so it gets no status. Make Amber At at most Green At.`,
      };
    case "target-equals-baseline":
      return {
        field: "target",
        message: `${k} has Target equal to Baseline (${kpi.target}), so attainment is undefined. Change the target or the baseline.`,
      };
    case "zero-target":
      return {
        field: "target",
        message: `${k} has a Target of 0 and no Baseline, so attainment is undefined. Add a Baseline to measure progress from.`,
      };
    case "direction-conflict":
      return {
        field: "direction",
        message: `${k} says "${kpi.direction}" is better, but its Target (${kpi.target}) is ${kpi.direction === "higher" ? "below" : "above"} its Baseline (${kpi.baseline}). Check the Direction, the Target and the Baseline.`,
      };
  }
}

export function checkKpiDefinitions(
  kpis: Map<string, Kpi>,
  definitions: Map<string, KpiDefinition>,
  findings: Findings
): void {
  for (const kpi of kpis.values()) {
    const def = definitions.get(kpi.id) as KpiDefinition;
    for (const problem of def.problems) {
      const { field, message } = describe(problem, kpi, def);
      findings.add(RULE_OF[problem], cellOf(kpi.ref, field), "kpi", kpi.id, message);
    }
  }
}
