/** What the Overview screen shows, computed from an analysis: roles, counts, health, the organisation's score. */
import { Analysis } from "../../engine/analyze";
import { isoFromDay } from "../../engine/dates";
import { Severity } from "../../engine/findings";
import { SHEETS, SheetKind } from "../../engine/schema";
import { Status, mean } from "../../engine/scoring/math";

export interface SheetRole {
  kind: SheetKind;
  label: string;
  /** The sheet that plays the role, or null when none was found. */
  sheet: string | null;
  table: string | null;
}

export interface Overview {
  asOf: string;
  roles: SheetRole[];
  counts: { label: string; value: number }[];
  findings: Record<Severity, number>;
  statuses: Record<Status | "none", number>;
  /** The top unit's owner score; with no single top unit, the mean of the goals' scores. */
  organisationScore: number | null;
  organisationRating: number | null;
}

export function overviewOf({ model, findings, scores }: Analysis): Overview {
  const roles = SHEETS.map((spec) => {
    const region = model.regions[spec.kind];
    return {
      kind: spec.kind,
      label: spec.name,
      sheet: region?.grid.name ?? null,
      table: region?.table ?? null,
    };
  });
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  const statuses: Overview["statuses"] = { green: 0, amber: 0, red: 0, none: 0 };
  for (const k of scores.kpis.values()) statuses[k.status ?? "none"]++;
  const tops = [...model.units.values()].filter((u) => !u.parent || !model.units.has(u.parent));
  const top = tops.length === 1 ? scores.owners.get(tops[0].id) : undefined;
  const organisationScore = top?.score ?? mean([...scores.goals.values()]);
  return {
    asOf: isoFromDay(model.asOf),
    roles,
    counts: [
      { label: "Units", value: model.units.size },
      { label: "People", value: model.people.size },
      { label: "Goals", value: model.goals.size },
      { label: "Objectives", value: model.objectives.size },
      { label: "KRAs", value: model.kras.size },
      { label: "KPIs", value: model.kpis.size },
      { label: "Check-ins", value: model.checkIns.length },
    ],
    findings: bySeverity,
    statuses,
    organisationScore,
    organisationRating: top?.rating ?? null,
  };
}
