/**
 * The engine as the judge of a recalculated build (SPEC 8, issue 12): every KPI's actual,
 * target, attainment, status, pace and forecast, every KRA's and owner's score, coverage and
 * rating on the scorecard, every unit's counts and scores on the dashboard and every score on the
 * cascade must equal the engine's (within 1e-9). Works on any recalculation: HyperFormula in unit
 * tests, LibreOffice's saved values in the end-to-end suite.
 */
import { Analysis } from "../../src/engine/analyze";
import { elapsedShare, paceAttainment } from "../../src/engine/scoring/math";
import { RATING_LABELS } from "../../src/engine/settings";
import { CATALOGUE } from "../../src/functions/catalogue";
import { FunctionError } from "../../src/functions/runner";
import { WorkbookPlan } from "../../src/planner/plan";
import { SC } from "../../src/planner/scorecard";
import { ratingText } from "../../src/planner/rating-text";
import { cascadeTree } from "../../src/planner/cascade-tree";
import { live } from "../../src/engine/links";
import { preorder } from "../../src/engine/tree";

export type Cell = number | string | boolean | { error: string } | null;
/** A recalculated cell of a planned sheet, by its planned name and 0-based coordinates. */
export type Reader = (sheet: string, row: number, col: number) => Cell;

const STATUS = { green: "Green", amber: "Amber", red: "Red" } as const;

/** The engine's pace for a KPI row (null where the scorecard leaves it blank). */
export function enginePace(analysis: Analysis, id: string): number | null {
  const { model, scores, definitions } = analysis;
  const { cycleStart: start, cycleEnd: end, cap, floor } = model.settings;
  const kpi = model.kpis.get(id);
  const score = scores.kpis.get(id);
  if (!kpi || !score || start === null || end === null || start > end) return null;
  if (!definitions.get(id)?.scorable || score.direction === "range") return null;
  if (kpi.originalTarget !== undefined || score.actual === null || kpi.target === null) return null;
  const pace = paceAttainment(
    score.actual,
    kpi.target,
    { start, end, asOf: model.asOf },
    kpi.baseline ?? 0,
    { cap, floor }
  );
  return typeof pace === "number" ? pace : null;
}

/** The engine's forecast for a `sum` KPI: KPI.FORECAST over its actual, by days of the cycle. */
export function engineForecast(analysis: Analysis, id: string): number | null {
  const { model, scores } = analysis;
  const { cycleStart: start, cycleEnd: end } = model.settings;
  const actual = scores.kpis.get(id)?.actual ?? null;
  if (model.kpis.get(id)?.aggregation !== "sum" || actual === null) return null;
  if (start === null || end === null || start > end) return null;
  const days = end - start + 1;
  const elapsed = Math.round((elapsedShare(start, end, model.asOf) as number) * days);
  const result = CATALOGUE.FORECAST.body([[[actual]], elapsed, days]);
  return result instanceof FunctionError || typeof result !== "number" ? null : result;
}

function differs(sheet: Cell, engine: number | string | null, tolerance = 1e-9): boolean {
  if (engine === null) return !(sheet === null || sheet === "");
  if (typeof engine === "string") return sheet !== engine;
  if (typeof sheet !== "number") return true;
  return Math.abs(sheet - engine) > tolerance * Math.max(1, Math.abs(engine));
}

/** Each difference between the recalculated sheets and the engine, as a line naming the cell. */
export function mismatches(analysis: Analysis, plan: WorkbookPlan, read: Reader): string[] {
  const out: string[] = [];
  const { scores } = analysis;
  const check = (where: string, sheet: Cell, engine: number | string | null) => {
    if (differs(sheet, engine))
      out.push(`${where}: sheet ${JSON.stringify(sheet)}, engine ${JSON.stringify(engine)}`);
  };
  const scorecard = plan.sheets.find((s) => s.kind === "scorecard");
  if (!scorecard) return ["no scorecard"];
  scorecard.rows.forEach((line, r) => {
    const kind = line[SC.kind]?.value;
    const id = String(line[SC.id]?.value);
    const at = (c: number) => read(scorecard.name, r, c);
    const where = (what: string) => `${scorecard.name} row ${r + 1} ${kind} ${id} ${what}`;
    if (kind === "kpi") {
      const k = scores.kpis.get(id);
      check(where("actual"), at(SC.actual), k?.actual ?? null);
      if (k?.target !== null) check(where("target"), at(SC.target), k?.target ?? null);
      check(where("attainment"), at(SC.attainment), k?.attainment ?? null);
      check(where("status"), at(SC.status) ?? "", k?.status ? STATUS[k.status] : "");
      check(where("pace"), at(SC.pace), enginePace(analysis, id));
      check(where("forecast"), at(SC.forecast), engineForecast(analysis, id));
    } else if (kind === "kra") {
      const k = scores.kras.get(id);
      check(where("score"), at(SC.attainment), k?.score ?? null);
      check(where("coverage"), at(SC.coverage), k?.coverage ?? null);
    } else if (kind === "owner") {
      const o = scores.owners.get(id);
      check(where("score"), at(SC.attainment), o?.score ?? null);
      check(where("rating"), at(SC.status) ?? "", o?.rating ?? "");
      check(where("coverage"), at(SC.coverage), o?.coverage ?? null);
      const label = o?.rating
        ? `${RATING_LABELS[o.rating - 1]}${o.provisional ? " (provisional)" : ""}`
        : "";
      check(where("rating label"), at(SC.weight) ?? "", label);
    }
  });
  out.push(...dashboardMismatches(analysis, plan, read));
  out.push(...cascadeMismatches(analysis, plan, read));
  return out;
}

function dashboardMismatches(analysis: Analysis, plan: WorkbookPlan, read: Reader): string[] {
  const sheet = plan.sheets.find((s) => s.kind === "dashboard");
  if (!sheet) return [];
  const { scores, model } = analysis;
  const counts = engineCounts(analysis);
  const out: string[] = [];
  sheet.rows.forEach((line, r) => {
    const id = line[1]?.value;
    if (r < 3 || typeof id !== "string" || !model.units.has(id)) return;
    const at = (c: number) => read(sheet.name, r, c);
    const own = scores.owners.get(id);
    const expect = (c: number, what: string, engine: number | string | null) => {
      if (differs(at(c), engine))
        out.push(
          `${sheet.name} row ${r + 1} ${id} ${what}: sheet ${JSON.stringify(at(c))}, engine ${JSON.stringify(engine)}`
        );
    };
    const c = counts.get(id) ?? [0, 0, 0, 0];
    ["green", "amber", "red", "no status"].forEach((what, i) => expect(2 + i, what, c[i]));
    expect(6, "team score", scores.units.get(id) ?? null);
    expect(7, "own score", own?.score ?? null);
    expect(8, "rating", ratingText(own));
    expect(9, "coverage", own ? own.coverage : null);
  });
  return out;
}

function cascadeMismatches(analysis: Analysis, plan: WorkbookPlan, read: Reader): string[] {
  const sheet = plan.sheets.find((s) => s.kind === "cascade");
  if (!sheet) return [];
  const out: string[] = [];
  // The tree in the sheet's order: the same walk as the planner's.
  const nodes: { score: number | null; status: string | null; label: string }[] = [];
  const stack = cascadeTree(analysis).reverse();
  while (stack.length) {
    const n = stack.pop() as ReturnType<typeof cascadeTree>[number];
    nodes.push({
      score: n.score,
      status: n.status ? STATUS[n.status] : null,
      label: `${n.level} ${n.id}`,
    });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  nodes.forEach((n, i) => {
    const r = 3 + i;
    if (n.label.startsWith("Unlinked")) return;
    const score = read(sheet.name, r, 4);
    if (differs(score, n.score))
      out.push(
        `${sheet.name} row ${r + 1} ${n.label} score: sheet ${JSON.stringify(score)}, engine ${n.score}`
      );
    const status = read(sheet.name, r, 5);
    if (differs(status ?? "", n.status ?? ""))
      out.push(
        `${sheet.name} row ${r + 1} ${n.label} status: sheet ${JSON.stringify(status)}, engine ${n.status}`
      );
  });
  return out;
}

/** Each unit's KPIs by status (green, amber, red, none): at their owner's unit, then up the tree. */
function engineCounts(analysis: Analysis): Map<string, number[]> {
  const { model, broken, scores } = analysis;
  const counts = new Map<string, number[]>();
  for (const u of model.units.keys()) counts.set(u, [0, 0, 0, 0]);
  const order = ["green", "amber", "red"];
  for (const kpi of scores.kpis.values()) {
    const kra = kpi.kra === null ? undefined : model.kras.get(kpi.kra);
    const owner = kra ? live(broken, "kra", kra.id, "owner", kra.owner) : null;
    const unit =
      owner === null
        ? null
        : model.units.has(owner)
          ? owner
          : live(broken, "person", owner, "unit", model.people.get(owner)?.unit ?? null);
    const c = unit === null ? undefined : counts.get(unit);
    if (c) c[kpi.status ? order.indexOf(kpi.status) : 3]++;
  }
  const units = preorder(model.units.keys(), (id) =>
    live(broken, "unit", id, "parent", model.units.get(id)?.parent ?? null)
  );
  for (let i = units.length - 1; i >= 0; i--) {
    const parent = live(
      broken,
      "unit",
      units[i],
      "parent",
      model.units.get(units[i])?.parent ?? null
    );
    const up = parent === null || parent === units[i] ? undefined : counts.get(parent);
    if (up) (counts.get(units[i]) as number[]).forEach((n, k) => (up[k] += n));
  }
  return counts;
}
