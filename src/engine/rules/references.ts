/**
 * unknown-reference: an ID that points at nothing. A reference into a sheet kind the workbook
 * does not have at all is not checked: the smallest workbook (KRAs and KPIs only) names owners
 * freely, and flagging every row of it would bury the findings that matter.
 */
import { Entity, Findings } from "../findings";
import { Model } from "../model";
import { RowRef, cellOf } from "../read/region";
import { BrokenLinks, linkKey } from "../links";
import { IdSuggester } from "./did-you-mean";

export type OwnerKind = "unit" | "person";

/** An owner ID names a unit first, else a person (SPEC: "an org unit ID or a person ID"). */
export function ownerKind(model: Model, owner: string | null): OwnerKind | null {
  if (owner === null) return null;
  if (model.units.has(owner)) return "unit";
  if (model.people.has(owner)) return "person";
  return null;
}

export function checkReferences(model: Model, findings: Findings): BrokenLinks {
  const broken: BrokenLinks = new Set();
  // Suggesters are built on the first unknown reference into each set: most workbooks have none.
  const suggesters = new Map<string, IdSuggester>();
  const didYouMean = (field: string, typed: string) => {
    let s = suggesters.get(field);
    if (!s) {
      s = suggesterFor(model, field);
      suggesters.set(field, s);
    }
    return s.hint(typed);
  };
  const has = (kind: keyof Model["regions"]) => model.regions[kind] !== undefined;
  const check = (
    entity: Entity,
    id: string,
    ref: RowRef,
    field: string,
    target: string | null,
    exists: boolean,
    what: string,
    advice: string
  ) => {
    if (target === null || exists) return;
    broken.add(linkKey(entity, id, field));
    findings.add(
      "unknown-reference",
      cellOf(ref, field),
      entity,
      id,
      `${what} "${target}", which does not exist.${didYouMean(`${entity}.${field}`, target)} ${advice}`
    );
  };
  if (has("org")) {
    for (const u of model.units.values()) {
      check(
        "unit",
        u.id,
        u.ref,
        "parent",
        u.parent,
        model.units.has(u.parent ?? ""),
        `Unit ${u.id} names the parent unit`,
        "Type an existing Unit ID, or leave it blank for the top of the organisation."
      );
    }
  }
  for (const p of model.people.values()) {
    if (has("org"))
      check(
        "person",
        p.id,
        p.ref,
        "unit",
        p.unit,
        model.units.has(p.unit ?? ""),
        `Person ${p.id} is placed in unit`,
        "Type an existing Unit ID from the Org sheet."
      );
    check(
      "person",
      p.id,
      p.ref,
      "manager",
      p.manager,
      model.people.has(p.manager ?? ""),
      `Person ${p.id} reports to manager`,
      "Type the Person ID of an existing person, or leave it blank."
    );
  }
  if (has("goals")) {
    for (const o of model.objectives.values()) {
      check(
        "objective",
        o.id,
        o.ref,
        "goal",
        o.goal,
        model.goals.has(o.goal ?? ""),
        `Objective ${o.id} serves the goal`,
        "Type an existing Goal ID."
      );
    }
  }
  const ownersKnown = has("org") || has("people");
  for (const k of model.kras.values()) {
    if (ownersKnown)
      check(
        "kra",
        k.id,
        k.ref,
        "owner",
        k.owner,
        ownerKind(model, k.owner) !== null,
        `KRA ${k.id} is owned by`,
        "Type an existing Unit ID or Person ID."
      );
    if (has("objectives"))
      check(
        "kra",
        k.id,
        k.ref,
        "objective",
        k.objective,
        model.objectives.has(k.objective ?? ""),
        `KRA ${k.id} links to the objective`,
        "Type an existing Objective ID."
      );
    check(
      "kra",
      k.id,
      k.ref,
      "parent",
      k.parent,
      model.kras.has(k.parent ?? ""),
      `KRA ${k.id} names the parent KRA`,
      "Type an existing KRA ID, or leave it blank for a top-level KRA."
    );
  }
  for (const kpi of model.kpis.values()) {
    check(
      "kpi",
      kpi.id,
      kpi.ref,
      "kra",
      kpi.kra,
      model.kras.has(kpi.kra ?? ""),
      `KPI ${kpi.id} belongs to the KRA`,
      "Type an existing KRA ID."
    );
  }
  if (has("kpis")) {
    const { checkIns } = model;
    for (let i = 0; i < checkIns.length; i++) {
      const kpi = checkIns.kpi[i];
      if (model.kpis.has(kpi)) continue;
      findings.add(
        "unknown-reference",
        checkIns.cell(i, "kpi"),
        "actual",
        kpi,
        `A check-in reports on KPI "${kpi}", which does not exist.${didYouMean("actual.kpi", kpi)} Type an existing KPI ID; this value is not counted until then.`
      );
    }
  }
  return broken;
}

/** The IDs a reference field may name. */
function suggesterFor(model: Model, field: string): IdSuggester {
  switch (field) {
    case "unit.parent":
    case "person.unit":
      return new IdSuggester(model.units.keys());
    case "person.manager":
      return new IdSuggester(model.people.keys());
    case "objective.goal":
      return new IdSuggester(model.goals.keys());
    case "kra.owner":
      return new IdSuggester(model.units.keys(), model.people.keys());
    case "kra.objective":
      return new IdSuggester(model.objectives.keys());
    case "kra.parent":
    case "kpi.kra":
      return new IdSuggester(model.kras.keys());
    default:
      return new IdSuggester(model.kpis.keys());
  }
}
