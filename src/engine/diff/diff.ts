/**
 * `diff` (SPEC 7): why scores moved between two readings of a workbook. Every owner, KRA and KPI
 * whose score changed, with the changes behind it — its own, its KPIs' and KRAs' (as they were
 * in either workbook), and the workbook-wide ones — largest movement first.
 */
import { Analysis } from "../analyze";
import { isoFromDay } from "../dates";
import { TOLERANCE } from "../scoring/math";
import { Change, workbookChanges } from "./changes";

export type { Change, ChangeKind } from "./changes";
export { describeChange } from "./changes";

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

function moved(before: number | null, after: number | null): boolean {
  if (before === null || after === null) return before !== after;
  return Math.abs(after - before) > TOLERANCE;
}

/** How far a score moved; a score that appears or disappears moves by its whole size. */
function size(m: Movement): number {
  return m.delta !== null ? Math.abs(m.delta) : Math.abs(m.before ?? m.after ?? 0);
}

export function diffAnalyses(before: Analysis, after: Analysis): WorkbookDiff {
  const changes = workbookChanges(before, after);
  const [m0, m1] = [before.model, after.model];
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
    entity: Movement["entity"],
    ids: Iterable<string>,
    scoreIn: (a: Analysis, id: string) => number | null,
    nameOf: (id: string) => string | null,
    own: Map<string, number[]>
  ) => {
    for (const id of ids) {
      const [b, a] = [scoreIn(before, id), scoreIn(after, id)];
      if (!moved(b, a)) continue;
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
  const union = (a: Iterable<string>, b: Iterable<string>) => new Set([...a, ...b]);
  consider(
    "owner",
    union(before.scores.owners.keys(), after.scores.owners.keys()),
    (a, id) => a.scores.owners.get(id)?.score ?? null,
    (id) => m1.people.get(id)?.name ?? m1.units.get(id)?.name ?? m0.people.get(id)?.name ?? null,
    byOwner
  );
  consider(
    "kra",
    union(before.scores.kras.keys(), after.scores.kras.keys()),
    (a, id) => a.scores.kras.get(id)?.score ?? null,
    (id) => m1.kras.get(id)?.name ?? m0.kras.get(id)?.name ?? null,
    byKra
  );
  consider(
    "kpi",
    union(before.scores.kpis.keys(), after.scores.kpis.keys()),
    (a, id) => a.scores.kpis.get(id)?.attainment ?? null,
    (id) => m1.kpis.get(id)?.name ?? m0.kpis.get(id)?.name ?? null,
    byKpi
  );
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
