/**
 * One side of a `diff`: what the comparison reads of a workbook's analysis — the as-of date, the
 * settings that move scores, the KPI and KRA fields scoring reads, the check-ins, and the
 * scores. It comes from an analysis (`sideOf`), or from the figures a build kept in the workbook
 * (snapshot.ts), whose check-ins are a digest rather than every value.
 */
import { Analysis } from "../analyze";
import { Day } from "../dates";
import { Kpi, Kra } from "../model";
import { TOLERANCE } from "../scoring/math";
import { Settings } from "../settings";
import type { CheckInDigest } from "./check-in-digest";

export type KpiFacts = Pick<
  Kpi,
  | "id"
  | "name"
  | "kra"
  | "target"
  | "weight"
  | "actual"
  | "direction"
  | "baseline"
  | "targetMax"
  | "aggregation"
  | "greenAt"
  | "amberAt"
>;

export type KraFacts = Pick<Kra, "id" | "name" | "owner" | "weight" | "parent" | "objective">;

/** The settings whose change moves scores, in the order a diff lists them. */
export const DIFF_SETTINGS = [
  "cycleStart",
  "cycleEnd",
  "cap",
  "floor",
  "greenAt",
  "amberAt",
  "ratingBands",
  "prorateTargets",
] as const satisfies readonly (keyof Settings)[];

export type DiffSettings = Pick<Settings, (typeof DIFF_SETTINGS)[number]>;

/**
 * One KPI's usable check-ins by period end, ascending, and within a period in row order: two
 * columns rather than a map of lists, since a workbook of 5,000 people holds 720,000.
 */
export interface KpiCheckIns {
  ends: number[];
  values: number[];
}

export type ScoredEntity = "owner" | "kra" | "kpi";

export interface DiffSide {
  asOf: Day;
  settings: DiffSettings;
  kpis: ReadonlyMap<string, KpiFacts>;
  kras: ReadonlyMap<string, KraFacts>;
  /** A person's or unit's name. */
  ownerName(id: string): string | null;
  /** Owner and KRA scores and KPI attainments; an ID absent or null has no score. */
  scores: Record<ScoredEntity, ReadonlyMap<string, number | null>>;
  /** Every usable check-in by KPI, or (the figures a build kept) a digest of them. */
  checkIns: { exact: Map<string, KpiCheckIns> } | { digest: CheckInDigest };
  /**
   * Scores closer than this did not move: the engine's tolerance, or the precision a build kept
   * its scores at.
   */
  precision: number;
}

/** A side read from a workbook now, with every check-in. */
export type ExactSide = DiffSide & { checkIns: { exact: Map<string, KpiCheckIns> } };

/** Each KPI's usable check-ins, KPIs in the order of their first check-in's row. */
export function checkInsByKpi(a: Analysis): Map<string, KpiCheckIns> {
  const table = a.model.checkIns;
  const order: number[] = [];
  let inRowOrder = true;
  for (let i = 0; i < table.length; i++) {
    if (!table.usable(i)) continue;
    if (order.length > 0 && table.row(i) < table.row(order[order.length - 1])) inRowOrder = false;
    order.push(i);
  }
  if (!inRowOrder) order.sort((x, y) => table.row(x) - table.row(y));
  const out = new Map<string, KpiCheckIns>();
  for (const i of order) {
    const kpi = table.kpi[i];
    let list = out.get(kpi);
    if (!list) out.set(kpi, (list = { ends: [], values: [] }));
    list.ends.push(table.end(i));
    list.values.push(table.actual(i));
  }
  for (const [kpi, list] of out) out.set(kpi, byPeriod(list));
  return out;
}

/** The check-ins sorted by period end, keeping row order within a period. */
function byPeriod(list: KpiCheckIns): KpiCheckIns {
  const { ends, values } = list;
  let sorted = true;
  for (let i = 1; i < ends.length && sorted; i++) sorted = ends[i - 1] <= ends[i];
  if (sorted) return list;
  const order = [...ends.keys()].sort((x, y) => ends[x] - ends[y] || x - y);
  return { ends: order.map((i) => ends[i]), values: order.map((i) => values[i]) };
}

export function sideOf(a: Analysis): ExactSide {
  const { model, scores } = a;
  const map = <T>(entries: Iterable<T>, key: (t: T) => string, value: (t: T) => number | null) => {
    const out = new Map<string, number | null>();
    for (const e of entries) out.set(key(e), value(e));
    return out;
  };
  return {
    asOf: model.asOf,
    settings: model.settings,
    kpis: model.kpis,
    kras: model.kras,
    ownerName: (id) => model.people.get(id)?.name ?? model.units.get(id)?.name ?? null,
    scores: {
      owner: map(
        scores.owners.values(),
        (o) => o.id,
        (o) => o.score
      ),
      kra: map(
        scores.kras.values(),
        (r) => r.id,
        (r) => r.score
      ),
      kpi: map(
        scores.kpis.values(),
        (k) => k.id,
        (k) => k.attainment
      ),
    },
    checkIns: { exact: checkInsByKpi(a) },
    precision: TOLERANCE,
  };
}
