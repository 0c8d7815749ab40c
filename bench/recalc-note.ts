/** The `recalc` row's notes, the same in the bench's output and the README's table. */
import { fmt } from "./format";

export function recalcNote(r: Record<string, unknown>): string {
  const preLive =
    r.preLiveMs === undefined
      ? ""
      : `; ×${fmt(r.preLiveRatio, 2)} the pre-live bench's ${fmt(r.preLiveMs)} ms (generated sheets alone)`;
  const checked =
    r.mismatches === undefined
      ? ""
      : r.mismatches === 0
        ? `; all ${fmt(r.kpis)} KPIs' and their KRAs', owners' and units' figures equal the engine's`
        : `; ${fmt(r.mismatches)} cells differ from the engine's: ${(r.firstMismatches as string[]).join("; ")}`;
  const perCheckIn =
    r.helperFormulasPerCheckIn === undefined
      ? ""
      : ` (${fmt(r.helperFormulasPerCheckIn, 2)} per check-in)`;
  return `×${fmt(r.ratio, 2)} the build before it was live, links as values and no helper sheet, ${fmt(r.staticMs)} ms (goal ≤ ×1.5)${preLive}; ${fmt(r.formulasPerKpiRow, 1)} formulas per KPI row, ${fmt(r.helperFormulasPerKpi, 1)} per KPI on the helper sheet${perCheckIn}${checked}`;
}
