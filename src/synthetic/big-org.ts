/**
 * Synthetic organisations for benchmarks: N people in teams of about 20 under a few divisions,
 * 4 KRAs × 3 KPIs per person, 12 monthly check-ins per KPI (at 5,000 people: 60,000 KPIs and
 * 720,000 check-ins), as the SheetData the xlsx writer and the in-memory grids both use.
 */
import { CellValue, WorkbookGrids } from "../engine/grid";
import { round, seeded } from "./random";
import { SheetData, toGrid } from "./sheet-data";

const DIRECTIONS = ["higher", "lower", "range", null] as const;
const AGGREGATIONS = ["sum", "average", "last", "min", "max", null] as const;
const MONTHS = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, "0")}`);

/**
 * `checkInMonths` below 12 leaves the year's last months without check-ins: the organisation
 * before they came back, for the check-in cycle's bench (`split` asks for them).
 */
export function bigOrganisation(people: number, seed = 1, checkInMonths = 12): SheetData[] {
  const random = seeded(seed);
  const teams = Math.max(1, Math.ceil(people / 20));
  const divisions = Math.max(1, Math.ceil(teams / 10));
  const org: CellValue[][] = [["ORG", "Organisation", null]];
  for (let d = 0; d < divisions; d++) org.push([`D${d}`, `Division ${d}`, "ORG"]);
  for (let t = 0; t < teams; t++) org.push([`T${t}`, `Team ${t}`, `D${t % divisions}`]);
  const staff: CellValue[][] = [];
  const kras: CellValue[][] = [];
  const kpis: CellValue[][] = [];
  const actuals: CellValue[][] = [];
  for (let p = 0; p < people; p++) {
    const team = p % teams;
    staff.push([`P${p}`, `Person ${p}`, `T${team}`, p < teams ? null : `P${team}`]);
    for (let r = 0; r < 4; r++) {
      const kra = `R${p}-${r}`;
      kras.push([kra, `Area ${r}`, `P${p}`, `O${r % 6}`, null, 25]);
      for (let k = 0; k < 3; k++) {
        const id = `K${p}-${r}-${k}`;
        const direction = DIRECTIONS[(p + r + k) % DIRECTIONS.length];
        const aggregation = AGGREGATIONS[(p + k) % AGGREGATIONS.length];
        const target = 50 + Math.floor(random() * 100);
        const baseline = direction === "lower" ? target * 1.5 : k === 0 ? null : target * 0.5;
        kpis.push([
          id,
          kra,
          `Measure ${k}`,
          direction,
          baseline,
          target,
          direction === "range" ? target * 1.2 : null,
          k === 2 ? 34 : 33,
          aggregation,
        ]);
        for (const month of MONTHS.slice(0, checkInMonths))
          actuals.push([
            id,
            month,
            round(target * (0.6 + random() * 0.7) * (aggregation === "sum" ? 1 / 12 : 1), 2),
          ]);
      }
    }
  }
  return [
    { name: "Org", header: ["Unit ID", "Unit Name", "Parent Unit ID"], rows: org },
    { name: "People", header: ["Person ID", "Name", "Unit ID", "Manager ID"], rows: staff },
    {
      name: "Goals",
      header: ["Goal ID", "Goal"],
      rows: [
        ["G0", "Grow"],
        ["G1", "Serve"],
        ["G2", "Thrive"],
      ],
    },
    {
      name: "Objectives",
      header: ["Objective ID", "Goal ID", "Objective"],
      rows: Array.from({ length: 6 }, (_, o) => [`O${o}`, `G${o % 3}`, `Objective ${o}`]),
    },
    {
      name: "KRAs",
      header: ["KRA ID", "KRA", "Owner", "Objective ID", "Parent KRA ID", "Weight"],
      rows: kras,
    },
    {
      name: "KPIs",
      header: [
        "KPI ID",
        "KRA ID",
        "KPI",
        "Direction",
        "Baseline",
        "Target",
        "Target Max",
        "Weight",
        "Aggregation",
      ],
      rows: kpis,
    },
    { name: "Actuals", header: ["KPI ID", "Period", "Actual"], rows: actuals },
    {
      name: "Settings",
      header: ["Setting", "Value"],
      rows: [
        ["As Of", "2026-12-31"],
        ["KRA Count Min", 3],
        ["KRA Count Max", 5],
      ],
    },
  ];
}

export function gridsOf(sheets: readonly SheetData[]): WorkbookGrids {
  return { sheets: sheets.map((s) => ({ name: s.name, rows: toGrid(s) })) };
}
