/** The Dashboard sheet: per unit, its KPIs by status (its own and its people's, down the tree) and its scores. */
import { Analysis } from "../engine/analyze";
import { live } from "../engine/links";
import { statusByUnitChart } from "./charts";
import { unitsTopDown } from "./owners";
import { CellPlan, SheetPlan } from "./plan";
import { documentPrint } from "./plan-print";
import { isoFromDay } from "../engine/dates";
import { ratingText } from "./rating-text";

const PCT = "0.0%";
const HEADERS = [
  "Unit",
  "ID",
  "Green",
  "Amber",
  "Red",
  "No status",
  "Team score",
  "Unit's own score",
  "Rating",
  "Coverage",
];

export function planDashboard(analysis: Analysis, name = "KPI Dashboard"): SheetPlan {
  const { model, broken, scores } = analysis;
  const depth = new Map<string, number>();
  const unitOfOwner = (owner: string): string | null => {
    if (model.units.has(owner)) return owner;
    return live(broken, "person", owner, "unit", model.people.get(owner)?.unit ?? null);
  };
  type Counts = { green: number; amber: number; red: number; none: number };
  const counts = new Map<string, Counts>();
  for (const u of model.units.keys()) counts.set(u, { green: 0, amber: 0, red: 0, none: 0 });
  // Each KPI counts at its owner's unit; the counts then add up the tree once, children before
  // parents, so a deep chain of units costs no more than a flat one.
  for (const kpi of scores.kpis.values()) {
    const kra = kpi.kra === null ? undefined : model.kras.get(kpi.kra);
    const owner = kra ? live(broken, "kra", kra.id, "owner", kra.owner) : null;
    const unit = owner === null ? null : unitOfOwner(owner);
    const c = unit === null ? undefined : counts.get(unit);
    if (c) c[kpi.status ?? "none"]++;
  }
  const order = unitsTopDown(analysis);
  const parentOf = (id: string) =>
    live(broken, "unit", id, "parent", model.units.get(id)?.parent ?? null);
  for (let i = order.length - 1; i >= 0; i--) {
    const parent = parentOf(order[i]);
    const up = parent === null || parent === order[i] ? undefined : counts.get(parent);
    if (!up) continue;
    const c = counts.get(order[i]) as Counts;
    up.green += c.green;
    up.amber += c.amber;
    up.red += c.red;
    up.none += c.none;
  }
  for (const id of order) {
    const parent = parentOf(id);
    depth.set(id, parent === null ? 0 : (depth.get(parent) ?? 0) + 1);
  }
  const rows: (CellPlan | null)[][] = [
    [{ value: "Dashboard — KPIs and scores by unit", style: "title" }],
    [],
    HEADERS.map((h) => ({ value: h, style: "header" })),
  ];
  for (const id of order) {
    const c = counts.get(id) as Counts;
    const own = scores.owners.get(id);
    rows.push([
      { value: model.units.get(id)?.name ?? id, indent: Math.min(depth.get(id) ?? 0, 10) },
      { value: id },
      { value: c.green },
      { value: c.amber },
      { value: c.red },
      { value: c.none },
      { value: scores.units.get(id) ?? null, format: PCT },
      { value: own?.score ?? null, format: PCT },
      { value: ratingText(own) },
      { value: own ? own.coverage : null, format: "0%" },
    ]);
  }
  const last = rows.length;
  const cap = model.settings.cap;
  return {
    kind: "dashboard",
    name,
    rows,
    columnWidths: [36, 10, 8, 8, 8, 10, 12, 17, 30, 10],
    frozen: { rows: 3, columns: 1 },
    conditionalFormats:
      last > 3
        ? [
            { kind: "dataBar", range: `G4:G${last}`, min: 0, max: cap, color: "FF63BE7B" },
            { kind: "dataBar", range: `H4:H${last}`, min: 0, max: cap, color: "FF5B9BD5" },
            {
              kind: "expression",
              range: `H4:J${last}`,
              formula: `AND(ISNUMBER($J4),$J4<${model.settings.coverageMin}-1E-9)`,
              style: "muted",
            },
          ]
        : [],
    print: documentPrint("Dashboard", isoFromDay(model.asOf), 3),
    tabColor: "FFBF8F00",
    charts: last > 3 ? [statusByUnitChart(4, last, "K3")] : [],
  };
}
