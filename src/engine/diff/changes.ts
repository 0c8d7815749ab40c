/**
 * What was edited between two readings of a workbook, entity by entity: check-ins added, removed
 * or edited, target revisions, weight changes, KPIs and KRAs added or removed or moved, other
 * definition edits, settings and the as-of date. Only what scoring reads is compared.
 */
import { isoFromDay } from "../dates";
import { digestChanges } from "./check-in-digest";
import { DIFF_SETTINGS, DiffSide, ExactSide, KpiCheckIns, KpiFacts, KraFacts } from "./side";

export type ChangeKind =
  | "as-of"
  | "setting"
  | "kpi-added"
  | "kpi-removed"
  | "kra-added"
  | "kra-removed"
  | "check-in-added"
  | "check-in-removed"
  | "check-in-edited"
  /** Several check-ins of a KPI edited or removed since a build whose figures keep only a digest. */
  | "check-ins-changed"
  | "actual-edited"
  | "target-revised"
  | "weight-changed"
  | "kpi-moved"
  | "kra-moved"
  | "definition-changed";

export type Value = number | string | boolean | null;

export interface Change {
  kind: ChangeKind;
  /** `workbook` for the as-of date and settings, which touch every score. */
  entity: "kpi" | "kra" | "workbook";
  id: string | null;
  /** The field or setting changed, or the check-in's period (ISO end date). */
  field: string | null;
  before: Value;
  after: Value;
}

const KPI_DEFINITION: (keyof KpiFacts)[] = [
  "direction",
  "baseline",
  "targetMax",
  "aggregation",
  "greenAt",
  "amberAt",
];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function shown(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return JSON.stringify(v);
}

function exactChanges(
  b: ReadonlyMap<string, KpiCheckIns>,
  a: ReadonlyMap<string, KpiCheckIns>,
  changes: Change[]
): void {
  const none: KpiCheckIns = { ends: [], values: [] };
  for (const kpi of new Set([...b.keys(), ...a.keys()])) {
    const [B, A] = [b.get(kpi) ?? none, a.get(kpi) ?? none];
    let [i, j] = [0, 0];
    // Both lists run by period end: walk them side by side, a period at a time.
    while (i < B.ends.length || j < A.ends.length) {
      const end = Math.min(B.ends[i] ?? Infinity, A.ends[j] ?? Infinity);
      let [i2, j2] = [i, j];
      while (i2 < B.ends.length && B.ends[i2] === end) i2++;
      while (j2 < A.ends.length && A.ends[j2] === end) j2++;
      for (let k = 0; k < Math.max(i2 - i, j2 - j); k++) {
        const x = i + k < i2 ? B.values[i + k] : null;
        const y = j + k < j2 ? A.values[j + k] : null;
        if (x === y) continue;
        const kind =
          x === null ? "check-in-added" : y === null ? "check-in-removed" : "check-in-edited";
        changes.push({ kind, entity: "kpi", id: kpi, field: isoFromDay(end), before: x, after: y });
      }
      [i, j] = [i2, j2];
    }
  }
}

/** Records a field's change on one KPI or KRA, when the two values differ. */
function fieldChanges(entity: "kpi" | "kra", id: string, changes: Change[]) {
  return (kind: ChangeKind, field: string, before: unknown, after: unknown) => {
    if (!same(before, after))
      changes.push({ kind, entity, id, field, before: shown(before), after: shown(after) });
  };
}

function kpiChanges(k0: KpiFacts, k1: KpiFacts, changes: Change[]): void {
  const push = fieldChanges("kpi", k1.id, changes);
  push("target-revised", "target", k0.target, k1.target);
  push("weight-changed", "weight", k0.weight, k1.weight);
  push("kpi-moved", "kra", k0.kra, k1.kra);
  push("actual-edited", "actual", k0.actual, k1.actual);
  for (const f of KPI_DEFINITION) push("definition-changed", f, k0[f], k1[f]);
}

function kraChanges(r0: KraFacts, r1: KraFacts, changes: Change[]): void {
  const push = fieldChanges("kra", r1.id, changes);
  push("weight-changed", "weight", r0.weight, r1.weight);
  push("kra-moved", "owner", r0.owner, r1.owner);
  push("definition-changed", "parent", r0.parent, r1.parent);
  push("definition-changed", "objective", r0.objective, r1.objective);
}

/** Records added and removed records, and compares the ones in both. */
function recordChanges<T extends { id: string; name: string | null }>(
  entity: "kpi" | "kra",
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  compare: (r0: T, r1: T, changes: Change[]) => void,
  changes: Change[]
): void {
  for (const [id, r1] of after) {
    const r0 = before.get(id);
    if (r0) compare(r0, r1, changes);
    else
      changes.push({
        kind: `${entity}-added`,
        entity,
        id,
        field: null,
        before: null,
        after: r1.name,
      });
  }
  for (const [id, r0] of before)
    if (!after.has(id))
      changes.push({
        kind: `${entity}-removed`,
        entity,
        id,
        field: null,
        before: r0.name,
        after: null,
      });
}

export function workbookChanges(m0: DiffSide, m1: ExactSide): Change[] {
  const changes: Change[] = [];
  if (m0.asOf !== m1.asOf)
    changes.push({
      kind: "as-of",
      entity: "workbook",
      id: null,
      field: "As Of",
      before: isoFromDay(m0.asOf),
      after: isoFromDay(m1.asOf),
    });
  for (const s of DIFF_SETTINGS)
    if (!same(m0.settings[s], m1.settings[s]))
      changes.push({
        kind: "setting",
        entity: "workbook",
        id: null,
        field: s,
        before: shown(m0.settings[s]),
        after: shown(m1.settings[s]),
      });
  recordChanges("kpi", m0.kpis, m1.kpis, kpiChanges, changes);
  recordChanges("kra", m0.kras, m1.kras, kraChanges, changes);
  if ("exact" in m0.checkIns) exactChanges(m0.checkIns.exact, m1.checkIns.exact, changes);
  else digestChanges(m0.checkIns.digest, m1.checkIns.exact, changes);
  return changes;
}

const show = (v: Value) => (v === null ? "blank" : String(v));

/** One line a person reads: what changed, where, from what to what. */
export function describeChange(c: Change): string {
  const what = c.entity === "kra" ? `KRA ${c.id}` : `KPI ${c.id}`;
  const fromTo = `${show(c.before)} → ${show(c.after)}`;
  switch (c.kind) {
    case "as-of":
      return `As-of date ${fromTo}`;
    case "setting":
      return `Setting ${c.field}: ${fromTo}`;
    case "kpi-added":
    case "kra-added":
      return `${what} added${c.after === null ? "" : ` (${c.after})`}`;
    case "kpi-removed":
    case "kra-removed":
      return `${what} removed${c.before === null ? "" : ` (${c.before})`}`;
    case "check-in-added":
      return `New check-in for ${what}, period ending ${c.field}: ${show(c.after)}`;
    case "check-in-removed":
      return `Check-in for ${what}, period ending ${c.field}, removed (was ${show(c.before)})`;
    case "check-in-edited":
      return `Check-in for ${what}, period ending ${c.field}, edited: ${fromTo}`;
    case "check-ins-changed":
      return `Check-ins for ${what} up to the period ending ${c.field} edited or removed since the last build (${show(c.before)} then, ${show(c.after)} of them still there)`;
    case "target-revised":
      return `Target of ${what} revised: ${fromTo}`;
    case "weight-changed":
      return `Weight of ${what}: ${fromTo}`;
    case "actual-edited":
      return `Actual cell of ${what}: ${fromTo}`;
    case "kpi-moved":
      return `${what} moved from KRA ${show(c.before)} to ${show(c.after)}`;
    case "kra-moved":
      return `${what} moved from owner ${show(c.before)} to ${show(c.after)}`;
    case "definition-changed":
      return `${what} ${c.field}: ${fromTo}`;
  }
}
