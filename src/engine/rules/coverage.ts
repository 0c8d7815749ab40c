/**
 * low-coverage (SPEC section 3): an owner's score that rests on less than Coverage Min of its KPI
 * weight is provisional. One finding per such owner, at its first KRA's Owner cell, naming the
 * KPIs that lack an attainment so the analyst knows what to chase.
 */
import { Findings } from "../findings";
import { BrokenLinks, live } from "../links";
import { Kra, Model } from "../model";
import { cellOf } from "../read/region";
import { Scores } from "../scoring/scores";
import { groupBy } from "../collections";
import { ownerKind } from "./references";
import { ownerLabel } from "../names";

const LISTED = 5;

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function checkCoverage(
  model: Model,
  broken: BrokenLinks,
  scores: Scores,
  findings: Findings
): void {
  const provisional = [...scores.owners.values()].filter((o) => o.provisional && o.score !== null);
  if (provisional.length === 0) return; // the usual case: no grouping needed
  const krasOf = groupBy(model.kras.values(), (k) => live(broken, "kra", k.id, "owner", k.owner));
  const missingOf = groupBy(model.kpis.values(), (k) =>
    scores.kpis.get(k.id)?.attainment === null ? live(broken, "kpi", k.id, "kra", k.kra) : null
  );
  for (const owner of provisional) {
    if (owner.score === null) continue;
    const kras = krasOf.get(owner.id) as Kra[];
    const missing: string[] = [];
    for (const kra of kras) for (const k of missingOf.get(kra.id) ?? []) missing.push(k.id);
    const listed = missing.slice(0, LISTED).join(", ");
    const more = missing.length > LISTED ? ` and ${missing.length - LISTED} more` : "";
    findings.add(
      "low-coverage",
      cellOf(kras[0].ref, "owner"),
      ownerKind(model, owner.id) ?? "kra",
      owner.id,
      `The score of ${ownerLabel(model, owner.id)} (${pct(owner.score)}) rests on ${pct(owner.coverage)} of its KPI weight, less than Coverage Min (${pct(model.settings.coverageMin)}), so the score and rating are provisional.${missing.length ? ` Enter actuals for ${listed}${more}.` : ""}`
    );
  }
}
