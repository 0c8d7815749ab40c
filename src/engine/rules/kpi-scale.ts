/**
 * scale-mismatch and non-finite attainments: KPIs whose numbers would score nonsense. Such a KPI
 * is left unscored (the set this returns) until the cell is fixed.
 *
 * - scale-mismatch (SPEC section 3): actual 95 against target 0.96 — one is a percentage typed as
 *   a whole number. Scoring it gave a raw attainment near 100 and a green status.
 * - invalid-number: an attainment that is not a finite number (a target of 1e-320 divides 1 into
 *   Infinity), at the target cell that caused it.
 */
import { Findings } from "../findings";
import { Kpi, Model } from "../model";
import { cellOf } from "../read/region";
import { KpiActual } from "../scoring/actuals";
import { KpiDefinition } from "../scoring/kpi-definition";
import { rawAttainment } from "../scoring/math";

/** A fraction and a whole-number percentage: the smaller at most this, the larger at most 100 times more. */
const FRACTION_MAX = 1.5;
const FACTOR_LOW = 50;
const FACTOR_HIGH = 200;

/** True when `a` and `b` differ by a factor near 100 the way 95 and 0.96 do. */
export function looksLikeScaleMismatch(a: number, b: number): boolean {
  const [small, large] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a];
  if (small === 0 || Math.sign(small) !== Math.sign(large)) return false;
  // A fraction (0.96) beside a whole-number percentage (95): the smaller at most 1.5, the larger above.
  if (Math.abs(small) > FRACTION_MAX || Math.abs(large) <= FRACTION_MAX) return false;
  const factor = Math.abs(large / small);
  return factor >= FACTOR_LOW && factor <= FACTOR_HIGH;
}

export function checkKpiScale(
  model: Model,
  definitions: Map<string, KpiDefinition>,
  actuals: Map<string, KpiActual>,
  findings: Findings
): Set<string> {
  const unscored = new Set<string>();
  for (const kpi of model.kpis.values()) {
    const def = definitions.get(kpi.id) as KpiDefinition;
    const actual = (actuals.get(kpi.id) as KpiActual).actual;
    const target = kpi.target;
    if (!def.scorable || def.direction === null || actual === null || target === null) continue;
    if (looksLikeScaleMismatch(actual, target)) {
      unscored.add(kpi.id);
      findings.add(
        "scale-mismatch",
        cellOf(kpi.ref, "target"),
        "kpi",
        kpi.id,
        `${kpiName(kpi)}: the actual ${actual} and the target ${target} differ by a factor of about 100, so one of them looks like a percentage typed as a whole number (95 for 95%). The KPI is left unscored until fixed: write both as fractions (0.95, or 95%) or both as whole numbers.`
      );
      continue;
    }
    // Inputs are within ±1e15 (values.ts), so only a divisor this close to 0 can overflow.
    if (!nearZeroDivisor(target, kpi.baseline, kpi.targetMax)) continue;
    const raw = rawAttainment({
      actual,
      target,
      direction: def.direction,
      baseline: kpi.baseline,
      targetMax: kpi.targetMax,
    });
    if (raw === null || Number.isFinite(raw)) continue;
    unscored.add(kpi.id);
    findings.add(
      "invalid-number",
      cellOf(kpi.ref, "target"),
      "kpi",
      kpi.id,
      `${kpiName(kpi)}: the attainment of actual ${actual} against target ${target} is too large to be a number, so the KPI is left unscored. Check the target (and baseline) for a typing error.`
    );
  }
  return unscored;
}

function kpiName(kpi: Kpi): string {
  return kpi.name ? `KPI ${kpi.id} (${kpi.name})` : `KPI ${kpi.id}`;
}

/** Below this, dividing a number of up to 1e15 may leave the doubles (≈1.8e308). */
const OVERFLOW_DIVISOR = 1e-280;

function nearZeroDivisor(
  target: number,
  baseline: number | null,
  targetMax: number | null
): boolean {
  const tiny = (x: number) => x !== 0 && Math.abs(x) < OVERFLOW_DIVISOR;
  return (
    tiny(target) ||
    (baseline !== null && tiny(target - baseline)) ||
    (targetMax !== null && (tiny(targetMax) || tiny(targetMax - target)))
  );
}
