/**
 * weights-sum and partial-weights, for each owner's KRAs and each KRA's KPIs. A group with an
 * unusable weight (negative or unreadable) already has an error and is not checked further.
 */
import { Entity, Findings } from "../findings";
import { Kpi, Kra, Model, isBroken } from "../model";
import { ownerKind } from "./references";
import { BrokenLinks, live } from "../links";
import { cellOf } from "../read/region";
import { groupBy } from "../collections";

interface Weighted {
  id: string;
  weight: number | null;
  broken: readonly string[];
  ref: Kra["ref"];
}

const SUM_100 = { total: 100, slack: 0.5 };
const SUM_1 = { total: 1, slack: 0.005 };

function checkGroup(
  items: readonly Weighted[],
  entity: Entity,
  id: string,
  what: string,
  findings: Findings
): void {
  if (items.some((i) => isBroken(i, "weight"))) return;
  const blanks = items.filter((i) => i.weight === null);
  if (blanks.length === items.length) return;
  if (blanks.length > 0) {
    findings.add(
      "partial-weights",
      cellOf(blanks[0].ref, "weight"),
      entity,
      id,
      `${what}: ${blanks.map((b) => b.id).join(", ")} ${blanks.length === 1 ? "has" : "have"} no weight while others do, so ${blanks.length === 1 ? "it counts" : "they count"} as 0. Give every one a weight, or clear them all.`
    );
    return;
  }
  const sum = items.reduce((s, i) => s + (i.weight as number), 0);
  const near = (t: typeof SUM_100) => Math.abs(sum - t.total) <= t.slack;
  if (!near(SUM_100) && !near(SUM_1)) {
    findings.add(
      "weights-sum",
      cellOf(items[0].ref, "weight"),
      entity,
      id,
      `${what}: the weights of ${items.map((i) => i.id).join(", ")} add up to ${+sum.toFixed(6)}, not 100 (or 1). Scores are still normalised; adjust the weights so they add up to 100.`
    );
  }
}

export function checkWeights(model: Model, broken: BrokenLinks, findings: Findings): void {
  for (const [owner, kras] of groupBy(model.kras.values(), (k) => k.owner)) {
    checkGroup(kras, ownerKind(model, owner) ?? "kra", owner, `The KRAs of ${owner}`, findings);
  }
  for (const [kra, kpis] of groupBy<Kpi>(model.kpis.values(), (k) =>
    live(broken, "kpi", k.id, "kra", k.kra)
  )) {
    checkGroup(kpis, "kra", kra, `The KPIs of KRA ${kra}`, findings);
  }
}
