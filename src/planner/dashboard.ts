/** The Dashboard sheet: per unit, its KPIs by status (its own and its people's, down the tree) and its scores. */
import { Analysis } from "../engine/analyze";
import { live } from "../engine/links";
import { statusByUnitChart } from "./charts";
import { unitsTopDown } from "./owners";
import { CellPlan, SheetPlan } from "./plan";

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
  for (const kpi of scores.kpis.values()) {
    const kra = kpi.kra === null ? undefined : model.kras.get(kpi.kra);
    const owner = kra ? live(broken, "kra", kra.id, "owner", kra.owner) : null;
    let unit = owner === null ? null : unitOfOwner(owner);
    const seen = new Set<string>();
    while (unit !== null && counts.has(unit) && !seen.has(unit)) {
      seen.add(unit);
      (counts.get(unit) as Counts)[kpi.status ?? "none"]++;
      unit = live(broken, "unit", unit, "parent", model.units.get(unit)?.parent ?? null);
    }
  }
  const order = unitsTopDown(analysis);
  for (const id of order) {
    const parent = live(broken, "unit", id, "parent", model.units.get(id)?.parent ?? null);
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
      { value: own?.rating ?? null },
    ]);
  }
  const last = rows.length;
  const cap = model.settings.cap;
  return {
    kind: "dashboard",
    name,
    rows,
    columnWidths: [36, 10, 8, 8, 8, 10, 12, 17, 8],
    frozen: { rows: 3, columns: 1 },
    conditionalFormats:
      last > 3
        ? [
            { kind: "dataBar", range: `G4:G${last}`, min: 0, max: cap, color: "FF63BE7B" },
            { kind: "dataBar", range: `H4:H${last}`, min: 0, max: cap, color: "FF5B9BD5" },
          ]
        : [],
    print: { landscape: true, fitToWidth: true, repeatRows: "3:3" },
    tabColor: "FFBF8F00",
    charts: last > 3 ? [statusByUnitChart(4, last, "K3")] : [],
  };
}
