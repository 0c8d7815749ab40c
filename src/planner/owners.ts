/**
 * The order in which owners, their KRAs and their KPIs appear in generated sheets: units top-down
 * (each unit before the units under it, siblings in sheet order), then people in sheet order,
 * then owners the workbook does not describe.
 */
import { Analysis } from "../engine/analyze";
import { groupBy } from "../engine/collections";
import { live } from "../engine/links";
import { Kpi, Kra } from "../engine/model";

export interface OwnerBlock {
  id: string;
  kind: "unit" | "person" | null;
  /** How a reader knows the owner: `Sales (SAL)`. */
  label: string;
  kras: { kra: Kra; kpis: Kpi[] }[];
}

export function unitsTopDown(analysis: Analysis): string[] {
  const { model, broken } = analysis;
  const children = groupBy(model.units.values(), (u) =>
    live(broken, "unit", u.id, "parent", u.parent)
  );
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    order.push(id);
    for (const child of children.get(id) ?? []) visit(child.id);
  };
  for (const u of model.units.values())
    if (live(broken, "unit", u.id, "parent", u.parent) === null) visit(u.id);
  for (const u of model.units.keys()) visit(u); // units caught in a loop still appear
  return order;
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
    const name =
      owner.kind === "unit"
        ? model.units.get(id)?.name
        : owner.kind === "person"
          ? model.people.get(id)?.name
          : null;
    blocks.push({
      id,
      kind: owner.kind,
      label: name ? `${name} (${id})` : id,
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
