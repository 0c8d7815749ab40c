/** The Dashboard sheet: per unit, its KPIs by status (its own and its people's, down the tree) and its scores. */
import { Analysis } from "../engine/analyze";
import { columnLetters } from "../engine/address";
import { live } from "../engine/links";
import { statusByUnitChart } from "./charts";
import { unitsTopDown } from "./owners";
import { CellPlan, SheetPlan } from "./plan";
import { documentPrint } from "./plan-print";
import { isoFromDay } from "../engine/dates";
import { OwnerRows, SC, ScorecardIndex, scorecardRef } from "./scorecard";

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

/** Hidden columns L…Q: one row per owner, grouped by unit in the table's order. */
const OWNER = { id: 11, personScore: 12, green: 13, amber: 14, red: 15, kpis: 16 } as const;
const FIRST_ROW = 4;

/**
 * Each unit's KPIs by status and its scores, as formulas over the scorecard's cells (SPEC 8: the
 * dashboard moves with the scorecard). The hidden columns list every owner of a scorecard block,
 * grouped by unit in the table's order (units top-down), with its KPIs by status and, for a
 * person, the score: a unit and the units below it are then one run of that list, and its
 * counts and team score are plain SUM and AVERAGE over the run.
 */
export function planDashboard(
  analysis: Analysis,
  name: string,
  scorecard: ScorecardIndex
): SheetPlan {
  const { model, broken, scores } = analysis;
  const unitOfOwner = (owner: string): string | null => {
    if (model.units.has(owner)) return owner;
    return live(broken, "person", owner, "unit", model.people.get(owner)?.unit ?? null);
  };
  const order = unitsTopDown(analysis);
  const parentOf = (id: string) =>
    live(broken, "unit", id, "parent", model.units.get(id)?.parent ?? null);
  const depth = new Map<string, number>();
  for (const id of order) {
    const parent = parentOf(id);
    depth.set(id, parent === null ? 0 : (depth.get(parent) ?? 0) + 1);
  }
  // The owners of each unit: the unit itself first, then its people, in scorecard order.
  const ownersOf = new Map<string, string[]>(order.map((u) => [u, []]));
  for (const owner of scorecard.owners.keys()) {
    const unit = unitOfOwner(owner);
    const list = unit === null ? undefined : ownersOf.get(unit);
    if (list) list.push(owner);
  }
  // How many owners each unit's subtree holds, children before parents.
  const inSubtree = new Map<string, number>(order.map((u) => [u, ownersOf.get(u)?.length ?? 0]));
  for (let i = order.length - 1; i >= 0; i--) {
    const parent = parentOf(order[i]);
    if (parent !== null && parent !== order[i] && inSubtree.has(parent))
      inSubtree.set(
        parent,
        (inSubtree.get(parent) as number) + (inSubtree.get(order[i]) as number)
      );
  }
  const rows: (CellPlan | null)[][] = [
    [{ value: "Dashboard — KPIs and scores by unit", style: "title" }],
    [],
    [
      ...HEADERS.map((h) => ({ value: h, style: "header" as const })),
      null,
      ...["Owner", "Person's score", "Green", "Amber", "Red", "KPIs"].map((h) => ({
        value: h,
        style: "header" as const,
      })),
    ],
  ];
  const at = (c: number, r: number) => `${columnLetters(c)}${r}`;
  const sc = (column: number, row: number) => scorecardRef(scorecard, column, row);
  const hidden: (CellPlan | null)[][] = [];
  for (const id of order)
    for (const owner of ownersOf.get(id) ?? []) {
      const block = scorecard.owners.get(owner) as OwnerRows;
      const statuses = `${sc(SC.status, block.row + 1)}:$${columnLetters(SC.status)}$${block.last}`;
      const count = (text: string): CellPlan =>
        block.last > block.row ? { formula: `COUNTIF(${statuses},"${text}")` } : { value: 0 };
      hidden.push([
        { value: owner },
        scores.owners.get(owner)?.kind === "person"
          ? { formula: sc(SC.attainment, block.row), format: PCT }
          : null,
        count("Green"),
        count("Amber"),
        count("Red"),
        { value: block.kpis },
      ]);
    }
  let next = FIRST_ROW;
  order.forEach((id, i) => {
    const r = FIRST_ROW + i;
    const first = next;
    const last = first + (inSubtree.get(id) as number) - 1;
    next += ownersOf.get(id)?.length ?? 0;
    const sum = (c: number): CellPlan =>
      last >= first ? { formula: `SUM(${at(c, first)}:${at(c, last)})` } : { value: 0 };
    const own = scorecard.owners.get(id);
    const statusRef = own ? sc(SC.status, own.row) : null;
    rows.push([
      { value: model.units.get(id)?.name ?? id, indent: Math.min(depth.get(id) ?? 0, 10) },
      { value: id },
      sum(OWNER.green),
      sum(OWNER.amber),
      sum(OWNER.red),
      last >= first
        ? {
            formula: `SUM(${at(OWNER.kpis, first)}:${at(OWNER.kpis, last)})-${at(2, r)}-${at(3, r)}-${at(4, r)}`,
          }
        : { value: 0 },
      last >= first
        ? {
            formula: `IFERROR(AVERAGE(${at(OWNER.personScore, first)}:${at(OWNER.personScore, last)}),"")`,
            format: PCT,
          }
        : { value: null, format: PCT },
      own ? { formula: sc(SC.attainment, own.row), format: PCT } : { value: null, format: PCT },
      statusRef && own
        ? {
            formula: `IF(${statusRef}="","",${statusRef}&" "&${sc(SC.weight, own.row)})`,
          }
        : { value: null },
      own ? { formula: sc(SC.coverage, own.row), format: "0%" } : { value: null, format: "0%" },
    ]);
  });
  // The owner list sits in the hidden columns from the first table row down.
  hidden.forEach((cells, i) => {
    const r = FIRST_ROW - 1 + i;
    while (rows.length <= r) rows.push([]);
    const line = rows[r];
    while (line.length < OWNER.id) line.push(null);
    line.splice(OWNER.id, cells.length, ...cells);
  });
  const last = FIRST_ROW - 1 + order.length;
  const cap = model.settings.cap;
  return {
    kind: "dashboard",
    name,
    rows,
    columnWidths: [36, 10, 8, 8, 8, 10, 12, 17, 30, 10, 4, 12, 10, 8, 8, 8, 8],
    hiddenColumns: [
      10,
      OWNER.id,
      OWNER.personScore,
      OWNER.green,
      OWNER.amber,
      OWNER.red,
      OWNER.kpis,
    ],
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
