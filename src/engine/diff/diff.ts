/**
 * `diff` (SPEC 7): why scores moved between two readings of a workbook. Every owner, KRA and KPI
 * whose score changed, with the changes behind it — its own, its KPIs' and KRAs' (as they were
 * in either workbook), and the workbook-wide ones — largest movement first.
 */
import { Analysis } from "../analyze";
import { isoFromDay } from "../dates";
import { Change, workbookChanges } from "./changes";
import { DiffSide, ExactSide, ScoredEntity, sideOf } from "./side";

export type { Change, ChangeKind } from "./changes";
export { describeChange } from "./changes";
export type { DiffSide } from "./side";

export interface Movement {
  entity: "owner" | "kra" | "kpi";
  id: string;
  name: string | null;
  before: number | null;
  after: number | null;
  /** after − before; null when the score appeared or disappeared. */
  delta: number | null;
  /** Indexes into the diff's `changes`. */
  changes: number[];
}

export interface WorkbookDiff {
  asOf: { before: string; after: string };
  changes: Change[];
  movements: Movement[];
}

const ENTITY_ORDER = { owner: 0, kra: 1, kpi: 2 };

function moved(before: number | null, after: number | null, precision: number): boolean {
  if (before === null || after === null) return before !== after;
  return Math.abs(after - before) > precision;
}

/** How far a score moved; a score that appears or disappears moves by its whole size. */
function size(m: Movement): number {
  return m.delta !== null ? Math.abs(m.delta) : Math.abs(m.before ?? m.after ?? 0);
}

export function diffAnalyses(before: Analysis, after: Analysis): WorkbookDiff {
  return diffSides(sideOf(before), sideOf(after));
}

/** The diff from either side — an analysis, or the figures a build kept — to a workbook now. */
export function diffSides(m0: DiffSide, m1: ExactSide): WorkbookDiff {
  const changes = workbookChanges(m0, m1);
  const precision = Math.max(m0.precision, m1.precision);
  const everywhere: number[] = [];
  const byKpi = new Map<string, number[]>();
  const byKra = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, id: string, i: number) => {
    const list = map.get(id) ?? [];
    if (!list.includes(i)) list.push(i);
    map.set(id, list);
  };
  changes.forEach((c, i) => {
    if (c.entity === "workbook") everywhere.push(i);
    else push(c.entity === "kpi" ? byKpi : byKra, c.id as string, i);
  });
  // A KPI's changes count for its KRA in either workbook; a KRA's for its owner in either.
  const kraOfKpi = (id: string) =>
    [m0.kpis.get(id)?.kra, m1.kpis.get(id)?.kra].filter((k): k is string => !!k);
  for (const [kpi, list] of byKpi)
    for (const kra of kraOfKpi(kpi)) for (const i of list) push(byKra, kra, i);
  const byOwner = new Map<string, number[]>();
  for (const [kra, list] of byKra)
    for (const owner of [m0.kras.get(kra)?.owner, m1.kras.get(kra)?.owner])
      if (owner) for (const i of list) push(byOwner, owner, i);

  const movements: Movement[] = [];
  const consider = (
    entity: ScoredEntity,
    nameOf: (id: string) => string | null,
    own: Map<string, number[]>
  ) => {
    const [s0, s1] = [m0.scores[entity], m1.scores[entity]];
    for (const id of new Set([...s0.keys(), ...s1.keys()])) {
      const [b, a] = [s0.get(id) ?? null, s1.get(id) ?? null];
      if (!moved(b, a, precision)) continue;
      movements.push({
        entity,
        id,
        name: nameOf(id),
        before: b,
        after: a,
        delta: b !== null && a !== null ? a - b : null,
        changes: [...(own.get(id) ?? []), ...everywhere].sort((x, y) => x - y),
      });
    }
  };
  consider("owner", (id) => m1.ownerName(id) ?? m0.ownerName(id), byOwner);
  consider("kra", (id) => m1.kras.get(id)?.name ?? m0.kras.get(id)?.name ?? null, byKra);
  consider("kpi", (id) => m1.kpis.get(id)?.name ?? m0.kpis.get(id)?.name ?? null, byKpi);
  movements.sort(
    (x, y) =>
      size(y) - size(x) ||
      ENTITY_ORDER[x.entity] - ENTITY_ORDER[y.entity] ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
  return {
    asOf: { before: isoFromDay(m0.asOf), after: isoFromDay(m1.asOf) },
    changes,
    movements,
  };
}

/** Indexes of the changes behind no movement, in order. */
export function unscoredChanges(diff: WorkbookDiff): number[] {
  const behind = new Set<number>();
  for (const m of diff.movements) for (const i of m.changes) behind.add(i);
  return diff.changes.flatMap((_, i) => (behind.has(i) ? [] : [i]));
}
