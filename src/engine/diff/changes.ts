/**
 * What was edited between two readings of a workbook, entity by entity: check-ins added, removed
 * or edited, target revisions, weight changes, KPIs and KRAs added or removed or moved, other
 * definition edits, settings and the as-of date. Only what scoring reads is compared.
 */
import { Analysis } from "../analyze";
import { isoFromDay } from "../dates";
import { Kpi, Kra } from "../model";
import { Settings } from "../settings";

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

const SETTINGS: (keyof Settings)[] = [
  "cycleStart",
  "cycleEnd",
  "cap",
  "floor",
  "greenAt",
  "amberAt",
  "ratingBands",
  "prorateTargets",
];

const KPI_DEFINITION: (keyof Kpi)[] = [
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

/** Each KPI's check-ins as `period end → values in row order`, for the usable ones. */
function checkInsByKpi(a: Analysis): Map<string, Map<number, number[]>> {
  const table = a.model.checkIns;
  const out = new Map<string, Map<number, number[]>>();
  const order = [...Array(table.length).keys()]
    .filter((i) => table.usable(i))
    .sort((x, y) => table.row(x) - table.row(y));
  for (const i of order) {
    const kpi = table.kpi[i];
    const periods = out.get(kpi) ?? new Map<number, number[]>();
    out.set(kpi, periods);
    const list = periods.get(table.end(i)) ?? [];
    periods.set(table.end(i), list);
    list.push(table.actual(i));
  }
  return out;
}

function checkInChanges(before: Analysis, after: Analysis, changes: Change[]): void {
  const [b, a] = [checkInsByKpi(before), checkInsByKpi(after)];
  for (const kpi of new Set([...b.keys(), ...a.keys()])) {
    const [pb, pa] = [b.get(kpi) ?? new Map(), a.get(kpi) ?? new Map()];
    const ends = [...new Set([...pb.keys(), ...pa.keys()])].sort((x, y) => x - y);
    for (const end of ends) {
      const [vb, va] = [pb.get(end) ?? [], pa.get(end) ?? []];
      for (let k = 0; k < Math.max(vb.length, va.length); k++) {
        const [x, y] = [vb[k] ?? null, va[k] ?? null];
        if (x === y) continue;
        const kind =
          x === null ? "check-in-added" : y === null ? "check-in-removed" : "check-in-edited";
        changes.push({ kind, entity: "kpi", id: kpi, field: isoFromDay(end), before: x, after: y });
      }
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

function kpiChanges(k0: Kpi, k1: Kpi, changes: Change[]): void {
  const push = fieldChanges("kpi", k1.id, changes);
  push("target-revised", "target", k0.target, k1.target);
  push("weight-changed", "weight", k0.weight, k1.weight);
  push("kpi-moved", "kra", k0.kra, k1.kra);
  push("actual-edited", "actual", k0.actual, k1.actual);
  for (const f of KPI_DEFINITION) push("definition-changed", f, k0[f], k1[f]);
}

function kraChanges(r0: Kra, r1: Kra, changes: Change[]): void {
  const push = fieldChanges("kra", r1.id, changes);
  push("weight-changed", "weight", r0.weight, r1.weight);
  push("kra-moved", "owner", r0.owner, r1.owner);
  push("definition-changed", "parent", r0.parent, r1.parent);
  push("definition-changed", "objective", r0.objective, r1.objective);
}

/** Records added and removed records, and compares the ones in both. */
function recordChanges<T extends { id: string; name: string | null }>(
  entity: "kpi" | "kra",
  before: Map<string, T>,
  after: Map<string, T>,
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

export function workbookChanges(before: Analysis, after: Analysis): Change[] {
  const changes: Change[] = [];
  const [m0, m1] = [before.model, after.model];
  if (m0.asOf !== m1.asOf)
    changes.push({
      kind: "as-of",
      entity: "workbook",
      id: null,
      field: "As Of",
      before: isoFromDay(m0.asOf),
      after: isoFromDay(m1.asOf),
    });
  for (const s of SETTINGS)
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
  checkInChanges(before, after, changes);
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
