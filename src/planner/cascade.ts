/** The Cascade sheet: Goal → Objective → KRA (→ child KRAs) → KPI as an indented tree, with owners and scores. */
import { Analysis } from "../engine/analyze";
import { groupBy } from "../engine/collections";
import { live } from "../engine/links";
import { Kra } from "../engine/model";
import { CellPlan, SheetPlan } from "./plan";

const PCT = "0.0%";
const STATUS_LABEL = { green: "Green", amber: "Amber", red: "Red" } as const;
const HEADERS = ["Cascade", "Level", "ID", "Owner", "Score", "Status"];

export function planCascade(analysis: Analysis, name = "KPI Cascade"): SheetPlan {
  const { model, broken, scores } = analysis;
  const rows: (CellPlan | null)[][] = [
    [{ value: "Cascade — goals to KPIs", style: "title" }],
    [],
    HEADERS.map((h) => ({ value: h, style: "header" })),
  ];
  const line = (
    indent: number,
    level: string,
    label: string | null,
    id: string,
    owner: string | null,
    score: number | null,
    status: string | null = null,
    style?: CellPlan["style"]
  ) =>
    rows.push([
      { value: label ?? id, indent, style },
      { value: level },
      { value: id },
      { value: owner },
      { value: score, format: PCT },
      { value: status },
    ]);

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

  const kraTree = (kra: Kra, indent: number) => {
    if (shown.has(kra.id)) return;
    shown.add(kra.id);
    const s = scores.kras.get(kra.id);
    line(indent, "KRA", kra.name, kra.id, kra.owner, s?.score ?? null, null, "kra");
    for (const kpi of kpisOf.get(kra.id) ?? []) {
      const k = scores.kpis.get(kpi.id);
      line(
        indent + 1,
        "KPI",
        kpi.name,
        kpi.id,
        kpi.owner ?? kra.owner,
        k?.attainment ?? null,
        k?.status ? STATUS_LABEL[k.status] : null
      );
    }
    for (const child of childrenOf.get(kra.id) ?? []) kraTree(child, indent + 1);
  };

  for (const goal of model.goals.values()) {
    line(
      0,
      "Goal",
      goal.name,
      goal.id,
      goal.owner,
      scores.goals.get(goal.id) ?? null,
      null,
      "owner"
    );
    for (const objective of objectivesOf.get(goal.id) ?? []) {
      line(
        1,
        "Objective",
        objective.name,
        objective.id,
        objective.owner,
        scores.objectives.get(objective.id) ?? null,
        null,
        "subtitle"
      );
      for (const kra of krasOfObjective.get(objective.id) ?? []) kraTree(kra, 2);
    }
  }
  const rest = [...model.kras.values()].filter(
    (k) =>
      !shown.has(k.id) &&
      (live(broken, "kra", k.id, "parent", k.parent) === null || !model.kras.has(k.parent ?? ""))
  );
  if (rest.length) {
    rows.push([{ value: "KRAs not linked to a goal", style: "owner" }]);
    for (const kra of rest) kraTree(kra, 1);
  }
  for (const kra of model.kras.values()) if (!shown.has(kra.id)) kraTree(kra, 1); // KRAs inside a parent loop
  return {
    kind: "cascade",
    name,
    rows,
    columnWidths: [60, 10, 12, 12, 10, 10],
    frozen: { rows: 3, columns: 0 },
    conditionalFormats:
      rows.length > 3
        ? [
            {
              kind: "dataBar",
              range: `E4:E${rows.length}`,
              min: 0,
              max: model.settings.cap,
              color: "FF5B9BD5",
            },
          ]
        : [],
    print: { landscape: true, fitToWidth: true, repeatRows: "3:3" },
    tabColor: "FF2F5597",
  };
}
