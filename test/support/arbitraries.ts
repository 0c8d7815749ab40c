/** fast-check generators: arbitrary (hostile) grids, and well-formed organisations for invariants. */
import fc from "fast-check";
import { CellValue, WorkbookGrids } from "../../src/engine/grid";
import { SHEETS } from "../../src/engine/schema";

const headerWords = SHEETS.flatMap((s) => s.fields.flatMap((f) => [f.label, ...f.synonyms]));
const sheetNames = [
  ...SHEETS.flatMap((s) => [s.name, ...s.synonyms]),
  "Notes",
  "Sheet1",
  "tblKPIs",
];
const words = [
  "higher",
  "lower",
  "range",
  "Up",
  "sum",
  "avg",
  "last",
  "min",
  "max",
  "Yes",
  "no",
  "2026-03",
  "Q1 2026",
  "FY2026",
  "Mar 2026",
  "2026-02-30",
  "Cap",
  "Green At",
  "Rating Bands",
  "Sheet KPIs",
  "Column KPIs.Target",
  "K1",
  "R1",
  "P1",
  "U1",
  "O1",
  "G1",
  "1,200",
  "$5",
  "85%",
  "(5)",
  "=SUM(A1)",
  "+1-2",
  "TBD",
  "",
  "  ",
];

export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...headerWords, ...words) },
  { weight: 2, arbitrary: fc.double({ noNaN: false, min: -1e6, max: 1e6 }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 60000 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date(-1e13), max: new Date(1e13) }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!").map((error) => ({ error })),
  }
);

const rows = fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 14 });

/** Sheets with names unique as Excel requires (case-insensitively); names may still collide once normalised. */
export const arbitraryWorkbook: fc.Arbitrary<WorkbookGrids> = fc
  .uniqueArray(
    fc.record({
      name: fc.constantFrom(...sheetNames),
      rows,
      rowOffset: fc.nat(3),
      colOffset: fc.nat(3),
    }),
    { maxLength: 7, selector: (s) => s.name.toLowerCase() }
  )
  .map((sheets) => ({ sheets }));

/** Well-formed organisations: unique IDs, unique check-in periods, so row order must not matter. */
export const arbitraryOrganisation: fc.Arbitrary<Record<string, CellValue[][]>> = fc
  .record({
    units: fc.integer({ min: 1, max: 4 }),
    people: fc.integer({ min: 1, max: 6 }),
    krasPerOwner: fc.integer({ min: 1, max: 4 }),
    kpis: fc.array(
      fc.record({
        direction: fc.constantFrom(null, "higher", "lower", "range"),
        baseline: fc.option(fc.integer({ min: -50, max: 150 }), { nil: null }),
        target: fc.integer({ min: -100, max: 200 }),
        span: fc.integer({ min: 0, max: 50 }),
        weight: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
        aggregation: fc.constantFrom(null, "sum", "average", "last", "min", "max"),
        values: fc.array(fc.double({ min: -200, max: 300, noNaN: true }), { maxLength: 6 }),
      }),
      { minLength: 1, maxLength: 30 }
    ),
    cap: fc.constantFrom(1.2, 1.5, 1),
    floor: fc.constantFrom(0, -0.5, 0.2),
  })
  .map(({ units, people, krasPerOwner, kpis, cap, floor }) => {
    const org: CellValue[][] = [["Unit ID", "Parent Unit ID"]];
    for (let u = 0; u < units; u++) org.push([`U${u}`, u === 0 ? null : `U${Math.floor(u / 2)}`]);
    const ppl: CellValue[][] = [["Person ID", "Unit ID"]];
    for (let p = 0; p < people; p++) ppl.push([`P${p}`, `U${p % units}`]);
    const kras: CellValue[][] = [["KRA ID", "KRA", "Owner", "Parent KRA ID", "Weight"]];
    const owners = [...Array(units).keys()]
      .map((u) => `U${u}`)
      .concat([...Array(people).keys()].map((p) => `P${p}`));
    owners.forEach((owner, o) => {
      for (let k = 0; k < krasPerOwner; k++)
        kras.push([
          `R${o}-${k}`,
          "area",
          owner,
          o > 0 ? `R0-${k % krasPerOwner}` : null,
          (k + 1) * 10,
        ]);
    });
    const kraIds = kras.slice(1).map((r) => r[0] as string);
    const kpiRows: CellValue[][] = [
      [
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
    ];
    const actuals: CellValue[][] = [["KPI ID", "Period", "Actual"]];
    kpis.forEach((k, i) => {
      kpiRows.push([
        `K${i}`,
        kraIds[i % kraIds.length],
        "measure",
        k.direction,
        k.baseline,
        k.target,
        k.target + k.span,
        k.weight,
        k.aggregation,
      ]);
      k.values.forEach((v, m) =>
        actuals.push([`K${i}`, `2026-${String(m + 1).padStart(2, "0")}`, v])
      );
    });
    const settings: CellValue[][] = [
      ["Setting", "Value"],
      ["Cap", cap],
      ["Floor", floor],
      ["As Of", "2026-12-31"],
    ];
    return {
      Org: org,
      People: ppl,
      KRAs: kras,
      KPIs: kpiRows,
      Actuals: actuals,
      Settings: settings,
    };
  });
