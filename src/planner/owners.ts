/**
 * The order in which owners, their KRAs and their KPIs appear in generated sheets: units top-down
 * (each unit before the units under it, siblings in sheet order), then people in sheet order,
 * then owners the workbook does not describe.
 */
import { Analysis } from "../engine/analyze";
import { groupBy } from "../engine/collections";
import { live } from "../engine/links";
import { Kpi, Kra } from "../engine/model";
import { ownerLabel } from "../engine/names";
import { preorder } from "../engine/tree";

export interface OwnerBlock {
  id: string;
  kind: "unit" | "person" | null;
  /** How a reader knows the owner: `Sales (SAL)`. */
  label: string;
  kras: { kra: Kra; kpis: Kpi[] }[];
}

export function unitsTopDown(analysis: Analysis): string[] {
  const { model, broken } = analysis;
  return preorder(model.units.keys(), (id) =>
    live(broken, "unit", id, "parent", model.units.get(id)?.parent ?? null)
  );
}

export function ownerBlocks(analysis: Analysis): OwnerBlock[] {
  const { model, broken, scores } = analysis;
  const krasOf = groupBy(model.kras.values(), (k) => live(broken, "kra", k.id, "owner", k.owner));
  const kpisOf = groupBy(model.kpis.values(), (k) => live(broken, "kpi", k.id, "kra", k.kra));
  const ordered = [...unitsTopDown(analysis), ...model.people.keys(), ...scores.owners.keys()];
  const blocks: OwnerBlock[] = [];
  const seen = new Set<string>();
  for (const id of ordered) {
    const owner = scores.owners.get(id);
    if (!owner || seen.has(id)) continue;
    seen.add(id);
    blocks.push({
      id,
      kind: owner.kind,
      label: ownerLabel(model, id),
      kras: (krasOf.get(id) ?? []).map((kra) => ({ kra, kpis: kpisOf.get(kra.id) ?? [] })),
    });
  }
  return blocks;
}

/** The KPIs no owner block shows: no KRA, a KRA that does not exist, or a KRA with no owner. */
export function unassignedKpis(analysis: Analysis, blocks: readonly OwnerBlock[]): Kpi[] {
  const shown = new Set<string>();
  for (const b of blocks) for (const { kpis } of b.kras) for (const k of kpis) shown.add(k.id);
  return [...analysis.model.kpis.values()].filter((k) => !shown.has(k.id));
}
