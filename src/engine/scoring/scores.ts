/**
 * Scores of SPEC section 4: each KPI's effective target, raw attainment, attainment and status;
 * KRA scores; owner scores and ratings; and the rollups up the cascade.
 */
import { Kpi, Kra, Model, Unit, isBroken } from "../model";
import { preorder } from "../tree";
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
  groupCoverage,
  groupMean,
  isProvisional,
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
  /** The share of the KPIs' weight that had an attainment (SPEC section 4). */
  coverage: number;
  /** Coverage below Coverage Min: the score is shown as provisional. */
  provisional: boolean;
}

export interface OwnerScore {
  id: string;
  kind: OwnerKind | null;
  score: number | null;
  rating: number | null;
  /** The KRAs' coverages, weighted by the KRAs' weights (a KRA without a score counts 0). */
  coverage: number;
  provisional: boolean;
}

/** A unit's coverage: the mean coverage of the people its teamScore rests on. */
export interface UnitCoverage {
  coverage: number;
  provisional: boolean;
}

export interface Scores {
  kpis: Map<string, KpiScore>;
  kras: Map<string, KraScore>;
  owners: Map<string, OwnerScore>;
  units: Map<string, number | null>;
  unitCoverage: Map<string, UnitCoverage>;
  objectives: Map<string, number | null>;
  goals: Map<string, number | null>;
}

export interface ScoreInputs {
  model: Model;
  broken: BrokenLinks;
  definitions: Map<string, KpiDefinition>;
  actuals: Map<string, KpiActual>;
  /** KPIs a rule left unscored until fixed (scale-mismatch, a non-finite attainment). */
  unscored?: ReadonlySet<string>;
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
  model: Model,
  unscored: ReadonlySet<string> | undefined
): KpiScore {
  // A KPI with targets per period follows them instead (SPEC 4.2): no prorating.
  const prorate = kpi.aggregation === "sum" && kpi.originalTarget === undefined ? share : 1;
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
  if (unscored?.has(kpi.id)) return base;
  const raw = rawAttainment({
    actual: got.actual,
    target,
    direction: def.direction,
    baseline: kpi.baseline,
    targetMax,
  });
  // Never a non-finite number: it cannot be written into a workbook, nor compared.
  if (raw === null || !Number.isFinite(raw)) return base;
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

/**
 * Who belongs to whom, as the scores walk the cascade: the same for every period of a history
 * (SPEC 4.3 scores a dozen period ends over one model), so it is worked out once per model.
 */
interface ScoreShape {
  kpisOfKra: Map<string, Kpi[]>;
  krasOfOwner: Map<string, Kra[]>;
  childrenOf: Map<string, string[]>;
  krasOfObjective: Map<string, string[]>;
  objectivesOfGoal: Map<string, string[]>;
  /** Each person's unit, for its team score. */
  unitOf: Map<string, string>;
  /** Units parents first, each with its parent (null at a root or a cycle's entry). */
  units: { id: string; parent: string | null }[];
}

const shapes = new WeakMap<BrokenLinks, { model: Model; size: number; shape: ScoreShape }>();

function shapeOf(model: Model, broken: BrokenLinks): ScoreShape {
  const known = shapes.get(broken);
  const same = (m: Model) =>
    m.kpis === model.kpis &&
    m.kras === model.kras &&
    m.objectives === model.objectives &&
    m.units === model.units &&
    m.people === model.people;
  if (known && known.size === broken.size && same(known.model)) return known.shape;
  const shape: ScoreShape = {
    kpisOfKra: new Map(),
    krasOfOwner: new Map(),
    childrenOf: new Map(),
    krasOfObjective: new Map(),
    objectivesOfGoal: new Map(),
    unitOf: new Map(),
    units: [],
  };
  for (const kpi of model.kpis.values()) {
    const kra = live(broken, "kpi", kpi.id, "kra", kpi.kra);
    if (kra !== null) pushTo(shape.kpisOfKra, kra, kpi);
  }
  for (const kra of model.kras.values()) {
    const owner = live(broken, "kra", kra.id, "owner", kra.owner);
    if (owner !== null) pushTo(shape.krasOfOwner, owner, kra);
    const parent = live(broken, "kra", kra.id, "parent", kra.parent);
    if (parent !== null) pushTo(shape.childrenOf, parent, kra.id);
    const objective = live(broken, "kra", kra.id, "objective", kra.objective);
    if (objective !== null) pushTo(shape.krasOfObjective, objective, kra.id);
  }
  for (const o of model.objectives.values()) {
    const goal = live(broken, "objective", o.id, "goal", o.goal);
    if (goal !== null) pushTo(shape.objectivesOfGoal, goal, o.id);
  }
  for (const person of model.people.values()) {
    const unit = live(broken, "person", person.id, "unit", person.unit);
    if (unit !== null) shape.unitOf.set(person.id, unit);
  }
  const parentOf = (u: string) =>
    live(broken, "unit", u, "parent", (model.units.get(u) as Unit).parent);
  for (const id of preorder(model.units.keys(), parentOf)) {
    const parent = parentOf(id);
    shape.units.push({ id, parent: parent === id ? null : parent });
  }
  shapes.set(broken, { model, size: broken.size, shape });
  return shape;
}

export function computeScores({
  model,
  broken,
  definitions,
  actuals,
  unscored,
}: ScoreInputs): Scores {
  const shape = shapeOf(model, broken);
  const share = prorateShare(model);
  const kpis = new Map<string, KpiScore>();
  for (const kpi of model.kpis.values())
    kpis.set(
      kpi.id,
      scoreKpi(
        kpi,
        definitions.get(kpi.id) as KpiDefinition,
        actuals.get(kpi.id) as KpiActual,
        share,
        model,
        unscored
      )
    );

  const kras = new Map<string, KraScore>();
  const attainmentOf = (k: Kpi) => (kpis.get(k.id) as KpiScore).attainment;
  for (const kra of model.kras.values()) {
    const ofKra = shape.kpisOfKra.get(kra.id) ?? [];
    const score = groupScore(ofKra, attainmentOf);
    const coverage = weightCoverage(ofKra, attainmentOf);
    kras.set(kra.id, {
      id: kra.id,
      owner: kra.owner,
      score,
      cascadeScore: null,
      coverage,
      provisional: score !== null && isProvisional(coverage, model.settings.coverageMin),
    });
  }
  const kraScore = (id: string) => kras.get(id)?.score ?? null;
  for (const [parent, children] of shape.childrenOf) {
    const k = kras.get(parent);
    if (k) k.cascadeScore = mean(children.map(kraScore));
  }

  const owners = new Map<string, OwnerScore>();
  for (const [owner, list] of shape.krasOfOwner) {
    const score = groupScore(list, (k) => kraScore(k.id));
    const coverage = groupMean(
      list,
      (k) => k.weight,
      (k) => isBroken(k, "weight"),
      (k) => (kraScore(k.id) === null ? 0 : (kras.get(k.id) as KraScore).coverage)
    );
    owners.set(owner, {
      id: owner,
      kind: ownerKind(model, owner),
      score,
      rating: score === null ? null : ratingOf(score, model.settings.ratingBands),
      coverage: coverage ?? 0,
      provisional: score !== null && isProvisional(coverage ?? 0, model.settings.coverageMin),
    });
  }

  const objectives = new Map<string, number | null>();
  for (const o of model.objectives.values())
    objectives.set(o.id, mean((shape.krasOfObjective.get(o.id) ?? []).map(kraScore)));
  const goals = new Map<string, number | null>();
  for (const g of model.goals.values())
    goals.set(
      g.id,
      mean((shape.objectivesOfGoal.get(g.id) ?? []).map((o) => objectives.get(o) ?? null))
    );

  const team = teamScores(model, shape, owners);
  return { kpis, kras, owners, ...team, objectives, goals };
}

function weightCoverage<T extends { weight: number | null; broken: readonly string[] }>(
  items: readonly T[],
  valueOf: (item: T) => number | null
): number {
  return groupCoverage(
    items,
    (i) => i.weight,
    (i) => isBroken(i, "weight"),
    valueOf
  );
}

interface TeamSums {
  sum: number;
  n: number;
  coverage: number;
  people: number;
}

/**
 * Each unit's teamScore: the mean owner score of the people in it or in any unit below it; and its
 * coverage, the mean coverage of those people. Sums per unit are added up the tree once, children
 * before parents, so a deep chain of units costs no more than a flat one.
 */
function teamScores(
  model: Model,
  shape: ScoreShape,
  owners: Map<string, OwnerScore>
): Pick<Scores, "units" | "unitCoverage"> {
  const sums = new Map<string, TeamSums>();
  for (const u of model.units.keys()) sums.set(u, { sum: 0, n: 0, coverage: 0, people: 0 });
  for (const person of model.people.values()) {
    const owner = owners.get(person.id);
    if (!owner || owner.kind !== "person") continue;
    const unit = shape.unitOf.get(person.id);
    const acc = unit === undefined ? undefined : sums.get(unit);
    if (!acc) continue;
    acc.people += 1;
    acc.coverage += owner.score === null ? 0 : owner.coverage;
    if (owner.score === null) continue;
    acc.sum += owner.score;
    acc.n += 1;
  }
  const units = new Map<string, number | null>();
  const unitCoverage = new Map<string, UnitCoverage>();
  for (let i = shape.units.length - 1; i >= 0; i--) {
    const { id, parent } = shape.units[i];
    const acc = sums.get(id) as TeamSums;
    const up = parent === null ? undefined : sums.get(parent);
    if (up) {
      up.sum += acc.sum;
      up.n += acc.n;
      up.coverage += acc.coverage;
      up.people += acc.people;
    }
  }
  for (const u of model.units.keys()) {
    const acc = sums.get(u) as TeamSums;
    units.set(u, acc.n ? acc.sum / acc.n : null);
    const coverage = acc.people ? acc.coverage / acc.people : 0;
    unitCoverage.set(u, {
      coverage,
      provisional: acc.n > 0 && isProvisional(coverage, model.settings.coverageMin),
    });
  }
  return { units, unitCoverage };
}
