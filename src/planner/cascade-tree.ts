/**
 * The cascade as a tree: Goal → Objective → KRA (→ child KRAs) → KPI, with owners, scores and
 * statuses. The Cascade sheet flattens it into indented rows; the task pane's Model screen shows
 * it as a tree. KRAs that reach no goal are gathered under one extra root so nothing is hidden.
 */
import { Analysis } from "../engine/analyze";
import { groupBy } from "../engine/collections";
import { live } from "../engine/links";
import { Kra } from "../engine/model";
import { ownerLabel } from "../engine/names";
import { Status } from "../engine/scoring/math";

export type CascadeLevel = "Goal" | "Objective" | "KRA" | "KPI" | "Unlinked";

export interface CascadeNode {
  level: CascadeLevel;
  id: string;
  label: string;
  /** The owner as a reader knows it, name first: `Ana Alvarez (P12)` (or the text of a goal's Owner cell). */
  owner: string | null;
  /** Goal, objective and KRA scores; a KPI's attainment. */
  score: number | null;
  status: Status | null;
  children: CascadeNode[];
}

export const UNLINKED_ID = "(unlinked)";

export function cascadeTree(analysis: Analysis): CascadeNode[] {
  const { model, broken, scores } = analysis;
  const objectivesOf = groupBy(model.objectives.values(), (o) =>
    live(broken, "objective", o.id, "goal", o.goal)
  );
  const krasOfObjective = groupBy(model.kras.values(), (k) =>
    live(broken, "kra", k.id, "objective", k.objective)
  );
  const childrenOf = groupBy(model.kras.values(), (k) =>
    live(broken, "kra", k.id, "parent", k.parent)
  );
  const kpisOf = groupBy(model.kpis.values(), (k) => live(broken, "kpi", k.id, "kra", k.kra));
  const shown = new Set<string>();
  const node = (
    level: CascadeLevel,
    id: string,
    label: string | null,
    owner: string | null,
    score: number | null,
    status: Status | null = null
  ): CascadeNode => ({
    level,
    id,
    label: label ?? id,
    owner: owner === null ? null : ownerLabel(model, owner),
    score,
    status,
    children: [],
  });

  /**
   * A KRA's node with its KPIs and, below them, its child KRAs down the cascade. Iterative: a
   * chain of parent KRAs may be thousands deep. Siblings keep their sheet order, and a KRA
   * already shown elsewhere (a loop) is not shown twice.
   */
  const kraNode = (top: Kra): CascadeNode => {
    const root = node("KRA", top.id, top.name, top.owner, null);
    const stack: { kra: Kra; into: CascadeNode | null }[] = [{ kra: top, into: null }];
    while (stack.length > 0) {
      const { kra, into } = stack.pop() as { kra: Kra; into: CascadeNode | null };
      if (shown.has(kra.id)) continue;
      shown.add(kra.id);
      const n = into === null ? root : node("KRA", kra.id, kra.name, kra.owner, null);
      n.score = scores.kras.get(kra.id)?.score ?? null;
      if (into) into.children.push(n);
      for (const kpi of kpisOf.get(kra.id) ?? []) {
        const k = scores.kpis.get(kpi.id);
        n.children.push(
          node("KPI", kpi.id, kpi.name, kpi.owner ?? kra.owner, k?.attainment ?? null, k?.status)
        );
      }
      const children = childrenOf.get(kra.id) ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ kra: children[i], into: n });
    }
    return root;
  };

  const roots: CascadeNode[] = [];
  for (const goal of model.goals.values()) {
    const g = node("Goal", goal.id, goal.name, goal.owner, scores.goals.get(goal.id) ?? null);
    for (const objective of objectivesOf.get(goal.id) ?? []) {
      const o = node(
        "Objective",
        objective.id,
        objective.name,
        objective.owner,
        scores.objectives.get(objective.id) ?? null
      );
      for (const kra of krasOfObjective.get(objective.id) ?? [])
        if (!shown.has(kra.id)) o.children.push(kraNode(kra));
      g.children.push(o);
    }
    roots.push(g);
  }
  const topLevel = [...model.kras.values()].filter(
    (k) =>
      !shown.has(k.id) &&
      (live(broken, "kra", k.id, "parent", k.parent) === null || !model.kras.has(k.parent ?? ""))
  );
  const unlinked = node("Unlinked", UNLINKED_ID, "KRAs not linked to a goal", null, null);
  for (const kra of topLevel) if (!shown.has(kra.id)) unlinked.children.push(kraNode(kra));
  // KRAs inside a loop of parent KRAs reach no top: show them too.
  for (const kra of model.kras.values())
    if (!shown.has(kra.id)) unlinked.children.push(kraNode(kra));
  if (unlinked.children.length) roots.push(unlinked);
  return roots;
}
