/**
 * The scoring math of SPEC section 4, on plain numbers. The engine, the custom functions and the
 * planner's tests all call these; there is no second copy of a formula anywhere.
 */
import type { Aggregation, Direction } from "../values";

/** Every comparison with a threshold or band forgives this much floating-point error (SPEC 4). */
export const TOLERANCE = 1e-9;

export type Status = "green" | "amber" | "red";

/** Blank direction: `lower` when a baseline is given and the target is below it, else `higher`. */
export function inferDirection(
  target: number,
  baseline: number | null
): Exclude<Direction, "range"> {
  return baseline !== null && target < baseline ? "lower" : "higher";
}

export interface RawInput {
  actual: number;
  target: number;
  direction: Direction;
  baseline: number | null;
  /** Required for `range`; ignored otherwise. */
  targetMax: number | null;
}

/**
 * Raw attainment, or null where a divisor is 0 (attainment undefined). A `range` without
 * targetMax is the caller's to reject; here it is treated as the single point [t, t].
 */
export function rawAttainment({
  actual: a,
  target: t,
  direction,
  baseline: b,
  targetMax,
}: RawInput): number | null {
  if (direction === "range") {
    const u = targetMax ?? t;
    if (a >= t && a <= u) return 1;
    const below = a < t;
    const bound = below ? t : u;
    const divisor = bound !== 0 ? Math.abs(bound) : u - t;
    if (divisor === 0) return null;
    return 1 - (below ? t - a : a - u) / divisor;
  }
  if (b !== null) {
    const divisor = direction === "higher" ? t - b : b - t;
    if (divisor === 0) return null;
    return (direction === "higher" ? a - b : b - a) / divisor;
  }
  if (t === 0) return null;
  return direction === "higher" ? 1 + (a - t) / Math.abs(t) : 1 + (t - a) / Math.abs(t);
}

export function clampAttainment(raw: number, cap: number, floor: number): number {
  return Math.min(cap, Math.max(floor, raw));
}

/** Green at or above greenAt, amber at or above amberAt, else red, each forgiving TOLERANCE. */
export function statusOf(attainment: number, greenAt: number, amberAt: number): Status {
  if (attainment >= greenAt - TOLERANCE) return "green";
  if (attainment >= amberAt - TOLERANCE) return "amber";
  return "red";
}

/** Rating 5…1 from a score and four descending bands, forgiving TOLERANCE at each band. */
export function ratingOf(score: number, bands: readonly number[]): number {
  for (let i = 0; i < bands.length; i++) if (score >= bands[i] - TOLERANCE) return 5 - i;
  return 1;
}

/**
 * Σ wᵢ·xᵢ / Σ wᵢ over the pairs whose value and weight are both present; null when nothing
 * counts or the weights add up to 0.
 */
export function weightedMean(
  values: readonly (number | null)[],
  weights: readonly (number | null)[]
): number | null {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const w = weights[i];
    if (v === null || w === null) continue;
    sum += w * v;
    total += w;
  }
  return total === 0 ? null : sum / total;
}

export function mean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** One weight as SPEC section 4 reads it in its group: blank → 1 when all are blank, else 0; unusable → left out. */
function effectiveWeight(
  weight: number | null,
  unusable: boolean,
  anyGiven: boolean
): number | null {
  return unusable ? null : (weight ?? (anyGiven ? 0 : 1));
}

/**
 * Weights of one group as SPEC section 4 reads them: all blank → all 1; some blank → blanks are
 * 0. A null in `unusable` positions (negative or unreadable) leaves that item out.
 */
export function groupWeights(
  weights: readonly (number | null)[],
  unusable: readonly boolean[]
): (number | null)[] {
  const anyGiven = weights.some((w, i) => w !== null && !unusable[i]);
  return weights.map((w, i) => effectiveWeight(w, unusable[i], anyGiven));
}

/** Whether any usable weight of the group is given (then blanks count 0, else all count 1). */
function anyWeightGiven<T>(
  items: readonly T[],
  weightOf: (item: T) => number | null,
  unusable: (item: T) => boolean
): boolean {
  for (const item of items) if (weightOf(item) !== null && !unusable(item)) return true;
  return false;
}

/**
 * The weighted mean of a group with its weights read as `groupWeights` reads them, without
 * building arrays: the engine scores tens of thousands of groups.
 */
export function groupMean<T>(
  items: readonly T[],
  weightOf: (item: T) => number | null,
  unusable: (item: T) => boolean,
  valueOf: (item: T) => number | null
): number | null {
  const anyGiven = anyWeightGiven(items, weightOf, unusable);
  let sum = 0;
  let total = 0;
  for (const item of items) {
    const w = effectiveWeight(weightOf(item), unusable(item), anyGiven);
    const v = valueOf(item);
    if (v === null || w === null) continue;
    sum += w * v;
    total += w;
  }
  return total === 0 ? null : sum / total;
}

/**
 * The share of a group's weight (read as `groupMean` reads it) whose item has a value: a score's
 * coverage (SPEC section 4). 0 when the group has no weight at all.
 */
export function groupCoverage<T>(
  items: readonly T[],
  weightOf: (item: T) => number | null,
  unusable: (item: T) => boolean,
  valueOf: (item: T) => number | null
): number {
  const anyGiven = anyWeightGiven(items, weightOf, unusable);
  let covered = 0;
  let total = 0;
  for (const item of items) {
    const w = effectiveWeight(weightOf(item), unusable(item), anyGiven);
    if (w === null) continue;
    total += w;
    if (valueOf(item) !== null) covered += w;
  }
  return total === 0 ? 0 : covered / total;
}

/** Below Coverage Min (forgiving TOLERANCE), a score is provisional. */
export function isProvisional(coverage: number, coverageMin: number): boolean {
  return coverage < coverageMin - TOLERANCE;
}

/** Values in row order; `last` is the last one (callers order check-ins by period first). */
export function aggregate(values: readonly number[], method: Aggregation): number | null {
  if (values.length === 0) return null;
  switch (method) {
    case "sum":
      return values.reduce((s, v) => s + v, 0);
    case "average":
      return values.reduce((s, v) => s + v, 0) / values.length;
    case "last":
      return values[values.length - 1];
    case "min":
      return values.reduce((m, v) => (v < m ? v : m), Infinity);
    case "max":
      return values.reduce((m, v) => (v > m ? v : m), -Infinity);
  }
}

/**
 * The share of the cycle elapsed on `asOf`: days from start to min(asOf, end), inclusive, over the
 * cycle's length (end − start + 1), between 0 and 1.
 */
export function elapsedShare(cycleStart: number, cycleEnd: number, asOf: number): number | null {
  const length = cycleEnd - cycleStart + 1;
  if (length <= 0) return null;
  const elapsed = Math.min(asOf, cycleEnd) - cycleStart + 1;
  return Math.max(0, Math.min(length, elapsed)) / length;
}

/** Why a pace has no value: a cycle that ends before it starts, or nothing expected yet (or target = baseline). */
export type PaceProblem = "cycle" | "nothing-expected";

/**
 * Pace (SPEC 6, `KPI.PACE`): the attainment of `actual` against the straight line from the
 * baseline (0 when blank) at Cycle Start to the target at Cycle End, on `asOf`, bounded by cap
 * and floor. The scorecard's Pace column computes the same with native formulas.
 */
export function paceAttainment(
  actual: number,
  target: number,
  cycle: { start: number; end: number; asOf: number },
  baseline: number,
  bounds: { cap: number; floor: number }
): number | PaceProblem {
  const share = elapsedShare(cycle.start, cycle.end, cycle.asOf);
  if (share === null) return "cycle";
  const expected = baseline + (target - baseline) * share;
  if (expected === baseline) return "nothing-expected";
  const direction = inferDirection(target, baseline);
  const r = rawAttainment({ actual, target: expected, direction, baseline, targetMax: null });
  return r === null ? "nothing-expected" : clampAttainment(r, bounds.cap, bounds.floor);
}
