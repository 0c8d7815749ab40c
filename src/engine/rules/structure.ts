/**
 * The shape of the cascade: orphan-kra, misaligned-cascade, kra-without-kpi,
 * objective-without-kra, goal-without-objective, too-many-goals and kra-count.
 */
import { groupBy } from "../collections";
import { Findings } from "../findings";
import { BrokenLinks, live } from "../links";
import { Model, isBroken } from "../model";
import { cellOf } from "../read/region";
import { ownerKind } from "./references";
import { Ancestry } from "../tree";

/** Where an owner sits in the org tree: a unit at itself, a person at their unit. */
function position(model: Model, broken: BrokenLinks, owner: string | null): string | null {
  const kind = ownerKind(model, owner);
  if (kind === "unit") return owner;
  if (kind === "person")
    return live(
      broken,
      "person",
      owner as string,
      "unit",
      model.people.get(owner as string)?.unit ?? null
    );
  return null;
}

export function checkStructure(model: Model, broken: BrokenLinks, findings: Findings): void {
  const { kras, kpis, objectives, goals, settings } = model;
  const kpiCount = groupBy(kpis.values(), (k) => live(broken, "kpi", k.id, "kra", k.kra));
  const linkedObjectives = new Set<string>();
  let units: Ancestry | null = null; // built on first need: most workbooks cascade within units
  const isAtOrBelow = (unit: string, ancestor: string) =>
    (units ??= new Ancestry(model.units.keys(), (u) =>
      live(broken, "unit", u, "parent", model.units.get(u)?.parent ?? null)
    )).isAtOrBelow(unit, ancestor);
  for (const kra of kras.values()) {
    const objective = live(broken, "kra", kra.id, "objective", kra.objective);
    if (objective !== null) linkedObjectives.add(objective);
    if (
      objectives.size > 0 &&
      kra.objective === null &&
      kra.parent === null &&
      !isBroken(kra, "objective") &&
      !isBroken(kra, "parent")
    ) {
      findings.add(
        "orphan-kra",
        cellOf(kra.ref, "id"),
        "kra",
        kra.id,
        `KRA ${kra.id} links to no objective and has no parent KRA, so it has no line of sight to the organisation's goals. Fill in its Objective ID or Parent KRA ID.`
      );
    }
    const parentId = live(broken, "kra", kra.id, "parent", kra.parent);
    const parent = parentId === null ? undefined : kras.get(parentId);
    if (parent) {
      const mine = position(model, broken, live(broken, "kra", kra.id, "owner", kra.owner));
      const theirs = position(model, broken, live(broken, "kra", parent.id, "owner", parent.owner));
      if (mine !== null && theirs !== null && !isAtOrBelow(mine, theirs)) {
        findings.add(
          "misaligned-cascade",
          cellOf(kra.ref, "owner"),
          "kra",
          kra.id,
          `KRA ${kra.id} (owner ${kra.owner}, in ${mine}) cascades from KRA ${parent.id} (owner ${parent.owner}, in ${theirs}), but ${mine} is not ${theirs} or a unit below it. Cascade from a KRA higher up the owner's own line, or change the owner.`
        );
      }
    }
    if (!kpiCount.has(kra.id)) {
      findings.add(
        "kra-without-kpi",
        cellOf(kra.ref, "id"),
        "kra",
        kra.id,
        `KRA ${kra.id} has no KPI, so it cannot be scored. Add at least one KPI with KRA ID ${kra.id}.`
      );
    }
  }
  const linkedGoals = new Set<string>();
  for (const o of objectives.values()) {
    const goal = live(broken, "objective", o.id, "goal", o.goal);
    if (goal !== null) linkedGoals.add(goal);
    if (!linkedObjectives.has(o.id)) {
      findings.add(
        "objective-without-kra",
        cellOf(o.ref, "id"),
        "objective",
        o.id,
        `Objective ${o.id} has no KRA linked to it, so nobody is accountable for it. Link a KRA to it through the KRA's Objective ID.`
      );
    }
  }
  for (const g of goals.values()) {
    if (!linkedGoals.has(g.id)) {
      findings.add(
        "goal-without-objective",
        cellOf(g.ref, "id"),
        "goal",
        g.id,
        `Goal ${g.id} has no objective, so nothing measures progress towards it. Add an objective with Goal ID ${g.id}.`
      );
    }
  }
  if (goals.size > settings.goalCountMax) {
    const extra = [...goals.values()][settings.goalCountMax];
    findings.add(
      "too-many-goals",
      cellOf(extra.ref, "id"),
      "goal",
      extra.id,
      `The workbook has ${goals.size} goals; at most ${settings.goalCountMax} keep the organisation focused. Merge or drop goals (from ${extra.id} on), or raise "Goal Count Max" in Settings.`
    );
  }
  for (const [owner, list] of groupBy(kras.values(), (k) =>
    live(broken, "kra", k.id, "owner", k.owner)
  )) {
    if (list.length >= settings.kraCountMin && list.length <= settings.kraCountMax) continue;
    findings.add(
      "kra-count",
      cellOf(list[0].ref, "owner"),
      ownerKind(model, owner) ?? "kra",
      owner,
      `${owner} owns ${list.length} KRA${list.length === 1 ? "" : "s"} (${list.map((k) => k.id).join(", ")}); between ${settings.kraCountMin} and ${settings.kraCountMax} is expected. ${list.length < settings.kraCountMin ? "Add KRAs" : "Merge or drop KRAs"}, or change "KRA Count Min"/"KRA Count Max" in Settings.`
    );
  }
}
