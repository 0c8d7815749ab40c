/**
 * Scores of SPEC section 4: each KPI's effective target, raw attainment, attainment and status;
 * KRA scores; owner scores and ratings; and the rollups up the cascade.
 */
import { Kpi, Kra, Model, isBroken } from "../model";
import { OwnerKind, ownerKind } from "../rules/references";
import { BrokenLinks, live } from "../links";
import { Direction } from "../values";
import { KpiActual } from "./actuals";
import { pushTo } from "../collections";
import { KpiDefinition } from "./kpi-definition";
import {
  Status,
  clampAttainment,
  elapsedShare,
  groupMean,
  mean,
  ratingOf,
  rawAttainment,
  statusOf,
} from "./math";

export interface KpiScore {
  id: string;
  kra: string | null;
  direction: Direction | null;
  actual: number | null;
  /** The effective target: prorated where SPEC 4.1 says so. */
  target: number | null;
  targetMax: number | null;
  raw: number | null;
  attainment: number | null;
  status: Status | null;
}

export interface KraScore {
  id: string;
  owner: string | null;
  score: number | null;
  cascadeScore: number | null;
}

export interface OwnerScore {
  id: string;
  kind: OwnerKind | null;
  score: number | null;
  rating: number | null;
}

export interface Scores {
  kpis: Map<string, KpiScore>;
  kras: Map<string, KraScore>;
  owners: Map<string, OwnerScore>;
  units: Map<string, number | null>;
  objectives: Map<string, number | null>;
  goals: Map<string, number | null>;
}

export interface ScoreInputs {
  model: Model;
  broken: BrokenLinks;
  definitions: Map<string, KpiDefinition>;
  actuals: Map<string, KpiActual>;
}

/** The prorating share of the cycle for `sum` KPIs, or 1 where targets are not prorated. */
function prorateShare(model: Model): number {
  const { prorateTargets, cycleStart, cycleEnd } = model.settings;
  if (!prorateTargets || cycleStart === null || cycleEnd === null) return 1;
  return elapsedShare(cycleStart, cycleEnd, model.asOf) ?? 1;
}

function scoreKpi(
  kpi: Kpi,
  def: KpiDefinition,
  got: KpiActual,
  share: number,
  model: Model
): KpiScore {
  const prorate = kpi.aggregation === "sum" ? share : 1;
  const target = kpi.target === null ? null : kpi.target * prorate;
  const targetMax = kpi.targetMax === null ? null : kpi.targetMax * prorate;
  const base: KpiScore = {
    id: kpi.id,
    kra: kpi.kra,
    direction: def.direction,
    actual: got.actual,
    target,
    targetMax,
    raw: null,
    attainment: null,
    status: null,
  };
  if (!def.scorable || got.actual === null || target === null || def.direction === null)
    return base;
  const raw = rawAttainment({
    actual: got.actual,
    target,
    direction: def.direction,
    baseline: kpi.baseline,
    targetMax,
  });
  if (raw === null) return base;
  base.raw = raw;
  base.attainment = clampAttainment(raw, model.settings.cap, model.settings.floor);
  base.status = def.statusable ? statusOf(base.attainment, def.greenAt, def.amberAt) : null;
  return base;
}

/** Weighted mean of a group, with SPEC's blank-weight rules and unusable weights left out. */
function groupScore<T extends { weight: number | null; broken: readonly string[] }>(
  items: readonly T[],
  scoreOf: (item: T) => number | null
): number | null {
  return groupMean(
    items,
    (i) => i.weight,
    (i) => isBroken(i, "weight"),
    scoreOf
  );
}

export function computeScores({ model, broken, definitions, actuals }: ScoreInputs): Scores {
  const share = prorateShare(model);
  const kpis = new Map<string, KpiScore>();
  const kpisOfKra = new Map<string, Kpi[]>();
  for (const kpi of model.kpis.values()) {
    kpis.set(
      kpi.id,
      scoreKpi(
        kpi,
        definitions.get(kpi.id) as KpiDefinition,
        actuals.get(kpi.id) as KpiActual,
        share,
        model
      )
    );
    const kra = live(broken, "kpi", kpi.id, "kra", kpi.kra);
    if (kra !== null) pushTo(kpisOfKra, kra, kpi);
  }

  const kras = new Map<string, KraScore>();
  const krasOfOwner = new Map<string, Kra[]>();
  const childrenOf = new Map<string, string[]>();
  const krasOfObjective = new Map<string, string[]>();
  for (const kra of model.kras.values()) {
    const score = groupScore(
      kpisOfKra.get(kra.id) ?? [],
      (k) => (kpis.get(k.id) as KpiScore).attainment
    );
    kras.set(kra.id, { id: kra.id, owner: kra.owner, score, cascadeScore: null });
    const owner = live(broken, "kra", kra.id, "owner", kra.owner);
    if (owner !== null) pushTo(krasOfOwner, owner, kra);
    const parent = live(broken, "kra", kra.id, "parent", kra.parent);
    if (parent !== null) pushTo(childrenOf, parent, kra.id);
    const objective = live(broken, "kra", kra.id, "objective", kra.objective);
    if (objective !== null) pushTo(krasOfObjective, objective, kra.id);
  }
  const kraScore = (id: string) => kras.get(id)?.score ?? null;
  for (const [parent, children] of childrenOf) {
    const k = kras.get(parent);
    if (k) k.cascadeScore = mean(children.map(kraScore));
  }

  const owners = new Map<string, OwnerScore>();
  for (const [owner, list] of krasOfOwner) {
    const score = groupScore(list, (k) => kraScore(k.id));
    owners.set(owner, {
      id: owner,
      kind: ownerKind(model, owner),
      score,
      rating: score === null ? null : ratingOf(score, model.settings.ratingBands),
    });
  }

  const objectives = new Map<string, number | null>();
  for (const o of model.objectives.values())
    objectives.set(o.id, mean((krasOfObjective.get(o.id) ?? []).map(kraScore)));
  const objectivesOfGoal = new Map<string, string[]>();
  for (const o of model.objectives.values()) {
    const goal = live(broken, "objective", o.id, "goal", o.goal);
    if (goal !== null) pushTo(objectivesOfGoal, goal, o.id);
  }
  const goals = new Map<string, number | null>();
  for (const g of model.goals.values())
    goals.set(g.id, mean((objectivesOfGoal.get(g.id) ?? []).map((o) => objectives.get(o) ?? null)));

  return { kpis, kras, owners, units: teamScores(model, broken, owners), objectives, goals };
}

/** Each unit's teamScore: the mean owner score of the people in it or in any unit below it. */
function teamScores(
  model: Model,
  broken: BrokenLinks,
  owners: Map<string, OwnerScore>
): Map<string, number | null> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const person of model.people.values()) {
    const score = owners.get(person.id)?.score ?? null;
    if (score === null || owners.get(person.id)?.kind !== "person") continue;
    let unit = live(broken, "person", person.id, "unit", person.unit);
    const seen = new Set<string>();
    while (unit !== null && model.units.has(unit) && !seen.has(unit)) {
      seen.add(unit);
      const acc = sums.get(unit) ?? { sum: 0, n: 0 };
      acc.sum += score;
      acc.n += 1;
      sums.set(unit, acc);
      unit = live(
        broken,
        "unit",
        unit,
        "parent",
        (model.units.get(unit) as { parent: string | null }).parent
      );
    }
  }
  const units = new Map<string, number | null>();
  for (const u of model.units.keys()) {
    const acc = sums.get(u);
    units.set(u, acc ? acc.sum / acc.n : null);
  }
  return units;
}
