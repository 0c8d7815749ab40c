/**
 * What it takes to score one KPI, decided once: the effective direction, thresholds, and the
 * problems that stop it from being scored or given a status. The KPI rules turn the problems into
 * findings; scoring uses the same decision, so the two never disagree.
 */
import { Kpi, isBroken } from "../model";
import { Settings } from "../settings";
import { Direction } from "../values";
import { inferDirection } from "./math";

export type KpiProblem =
  | "range-without-max"
  | "range-reversed"
  | "thresholds-reversed"
  | "target-equals-baseline"
  | "zero-target"
  | "direction-conflict";

export interface KpiDefinition {
  /** Null when the direction cell is unreadable or there is no target to infer it from. */
  direction: Direction | null;
  greenAt: number;
  amberAt: number;
  problems: KpiProblem[];
  /** False when a field attainment depends on is missing, unreadable or contradictory. */
  scorable: boolean;
  /** False when the thresholds are unreadable or reversed (no status then). */
  statusable: boolean;
}

export function defineKpi(kpi: Kpi, settings: Settings): KpiDefinition {
  const problems: KpiProblem[] = [];
  const t = kpi.target;
  const b = kpi.baseline;
  const explicit = kpi.direction;
  const direction: Direction | null = isBroken(kpi, "direction")
    ? null
    : (explicit ?? (t === null ? null : inferDirection(t, b)));

  if (direction === "range" && t !== null) {
    if (kpi.targetMax === null && !isBroken(kpi, "targetMax")) problems.push("range-without-max");
    else if (kpi.targetMax !== null && t > kpi.targetMax) problems.push("range-reversed");
  }
  const greenAt = kpi.greenAt ?? settings.greenAt;
  const amberAt = kpi.amberAt ?? settings.amberAt;
  const ownThresholds = kpi.greenAt !== null || kpi.amberAt !== null;
  if (ownThresholds && amberAt > greenAt) problems.push("thresholds-reversed");
  if (t !== null && b !== null && t === b) problems.push("target-equals-baseline");
  if (t === 0 && b === null && (direction !== "range" || kpi.targetMax === 0))
    problems.push("zero-target");
  if (
    t !== null &&
    b !== null &&
    ((explicit === "higher" && t < b) || (explicit === "lower" && t > b))
  )
    problems.push("direction-conflict");

  const dependsOn = [
    "target",
    "direction",
    "baseline",
    ...(direction === "range" ? ["targetMax"] : []),
  ];
  const scorable =
    t !== null &&
    direction !== null &&
    !dependsOn.some((f) => isBroken(kpi, f)) &&
    !problems.some(
      (p) =>
        p === "range-without-max" ||
        p === "range-reversed" ||
        p === "target-equals-baseline" ||
        p === "zero-target"
    );
  const statusable =
    !isBroken(kpi, "greenAt") &&
    !isBroken(kpi, "amberAt") &&
    !problems.includes("thresholds-reversed");
  return { direction, greenAt, amberAt, problems, scorable, statusable };
}
