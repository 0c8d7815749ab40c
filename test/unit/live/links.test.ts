/**
 * The scorecard's cells are links to the cells they were read from (SPEC 8): targets, baselines,
 * target max, weights and thresholds are `='Sheet'!F7`; what cannot be linked holds its value with
 * a comment that says why; the as-of date, prorated and period targets are formulas.
 */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { dayFromYmd, excelSerialFromDay } from "../../../src/engine/dates";
import { CellValue, WorkbookGrids } from "../../../src/engine/grid";
import { planWorkbook } from "../../../src/planner";
import { CellPlan, SheetPlan, WorkbookPlan } from "../../../src/planner/plan";
import { SC } from "../../../src/planner/scorecard";
import { Recalculated } from "../../support/recalc";
import { mismatches } from "../../support/scorecard-check";
import { KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";

const TODAY = dayFromYmd(2026, 6, 30) as number;

function built(grids: WorkbookGrids): {
  plan: WorkbookPlan;
  sc: SheetPlan;
  row: (id: string) => CellPlan[];
} {
  const plan = planWorkbook(analyzeWorkbook(grids, { today: TODAY }));
  const sc = plan.sheets.find((s) => s.kind === "scorecard") as SheetPlan;
  const row = (id: string) => sc.rows.find((r) => r[SC.id]?.value === id) as CellPlan[];
  return { plan, sc, row };
}

/** The sheets recalculated, and the engine's judgement of them, after typing `edits`. */
function judged(
  grids: WorkbookGrids,
  plan: WorkbookPlan,
  edits: [string, string, CellValue][] = []
) {
  const book = Recalculated.of(grids, plan);
  const edited = structuredClone(grids);
  for (const [sheet, cell, value] of edits) {
    book.set(sheet, cell, value);
    const grid = edited.sheets.find((s) => s.name === sheet) as { rows: CellValue[][] };
    const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
    const col = m[1].charCodeAt(0) - 65;
    (grid.rows[Number(m[2]) - 1] ??= [])[col] = value;
  }
  const after = analyzeWorkbook(edited, { today: TODAY });
  const out = mismatches(after, plan, (s, r, c) => book.values(s)[r]?.[c] ?? null);
  const errors = book.errors(plan.sheets.map((s) => s.name));
  book.destroy();
  return { out, errors, after };
}

describe("links to the KPI and KRA sheets", () => {
  const grids = workbook({
    KRAs: [KRA_HEADER, kra("R1", { weight: 60 }), kra("R2", { weight: 40 })],
    KPIs: [
      KPI_HEADER,
      kpi("K1", {
        kra: "R1",
        baseline: 50,
        target: 100,
        weight: 70,
        greenAt: 0.95,
        amberAt: 0.8,
        actual: 90,
      }),
      kpi("K2", {
        kra: "R1",
        direction: "range",
        target: 10,
        targetMax: 20,
        weight: 30,
        actual: 25,
      }),
      kpi("K3", { kra: "R2", target: "85%", actual: 0.8 }),
      kpi("K4", { kra: "R2", target: { error: "#DIV/0!" }, actual: 3 }),
    ],
  });
  const { plan, row } = built(grids);

  it("refers to the cell each value was read from", () => {
    expect(row("K1")[SC.baseline].formula).toBe("KPIs!E2");
    expect(row("K1")[SC.target].formula).toBe("KPIs!F2");
    expect(row("K1")[SC.weight].formula).toBe("KPIs!H2");
    expect(row("K1")[SC.greenAt].formula).toBe("KPIs!J2");
    expect(row("K1")[SC.amberAt].formula).toBe("KPIs!K2");
    expect(row("K1")[SC.actual].formula).toBe("KPIs!L2");
    expect(row("K2")[SC.targetMax].formula).toBe("KPIs!G3");
    expect(row("R1")[SC.weight].formula).toBe("KRAs!F2");
    expect(row("R2")[SC.weight].formula).toBe("KRAs!F3");
  });

  it("holds what it cannot link, with a comment that says why", () => {
    expect(row("K3")[SC.target]).toMatchObject({
      value: 0.85,
      comment: expect.stringMatching(
        /Not linked: KPIs!F4 holds the text "85%", which KPI Cascade read as 0\.85/
      ),
    });
    expect(row("K3")[SC.target].formula).toBeUndefined();
    expect(row("K4")[SC.target]).toMatchObject({
      value: null,
      comment: expect.stringContaining("KPIs!F5 holds the error #DIV/0!"),
    });
  });

  it("follows edits of targets, baselines, thresholds, weights and actuals in the user's sheets", () => {
    const { out, errors, after } = judged(grids, plan, [
      ["KPIs", "F2", 80],
      ["KPIs", "E2", 40],
      ["KPIs", "J2", 0.9],
      ["KPIs", "H3", 90],
      ["KPIs", "L3", 15],
      ["KRAs", "F3", 10],
    ]);
    expect(errors).toEqual([]);
    expect(out).toEqual([]);
    expect(after.scores.kpis.get("K2")?.attainment).toBe(1);
  });
});

describe("sheet names formulas must quote", () => {
  it.each(["Sales KPIs", "Ana's KPIs", "R1C1", "2026"])("links into %s", (name) => {
    const grids = workbook({
      KRAs: [KRA_HEADER, kra("R1", { weight: 1 })],
      [name]: [KPI_HEADER, kpi("K1", { target: 100, actual: 90 })],
      Settings: [
        ["Setting", "Value"],
        ["Sheet KPIs", name],
      ],
    });
    const { plan, row } = built(grids);
    expect(row("K1")[SC.target].formula).toBe(`'${name.replace(/'/g, "''")}'!F2`);
    const { out, errors } = judged(grids, plan, [[name, "F2", 120]]);
    expect(errors).toEqual([]);
    expect(out).toEqual([]);
  });
});

describe("the as-of date, prorated targets and targets per period", () => {
  const grids = workbook({
    KRAs: [KRA_HEADER, kra("R1")],
    KPIs: [
      KPI_HEADER,
      kpi("K1", { target: 1200, aggregation: "sum", actual: null }),
      kpi("K2", { target: 100, aggregation: "last", actual: null }),
      kpi("K3", { target: 50, aggregation: "sum", actual: null }),
    ],
    Actuals: [
      ["KPI ID", "Period", "Actual"],
      ...["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"].flatMap((p, i) => [
        ["K1", p, 90 + i],
        ["K2", p, 80 + 3 * i],
        ["K3", p, 8],
      ]),
    ],
    Targets: [
      ["KPI ID", "Period", "Target"],
      ["K2", "2026-03", 90],
      ["K2", "2026-06", 95],
      ["K3", "Q1 2026", 30],
      ["K3", "Q2 2026", 20],
    ],
    Settings: [
      ["Setting", "Value"],
      ["Cycle Start", "2026-01-01"],
      ["Cycle End", "2026-12-31"],
      ["As Of", "2026-05-31"],
      ["Prorate Targets", "yes"],
    ],
  });
  const { plan, sc, row } = built(grids);

  it("puts the as-of date in B1 and counts to it, never past Cycle End", () => {
    expect(sc.rows[0][1]).toMatchObject({
      value: excelSerialFromDay(dayFromYmd(2026, 5, 31) as number),
    });
    expect(sc.rows[0][SC.kpiWeightUsed]?.formula).toBe("MIN($B$1,$F$1)");
    expect(row("K1")[SC.target].formula).toBe("KPIs!F2*$H$1");
  });

  it("prorates a sum KPI's target, but not one set per period (SPEC 4.2)", () => {
    const analysis = analyzeWorkbook(grids, { today: TODAY });
    const share = (dayFromYmd(2026, 5, 31)! - dayFromYmd(2026, 1, 1)! + 1) / 365;
    expect(analysis.scores.kpis.get("K1")?.target).toBeCloseTo(1200 * share, 9);
    expect(analysis.scores.kpis.get("K3")?.target).toBe(30);
  });

  it("shows the KPI sheet's target beside a target set per period", () => {
    expect(row("K2")[SC.originalTarget].formula).toBe("KPIs!F3");
    expect(row("K2")[SC.target].formula).toMatch(/^'KPI Periods'!\$I\$\d+$/);
    expect(row("K1")[SC.originalTarget]).toBeNull();
  });

  it.each([
    [
      "moves with a new as-of date",
      [["KPI Scorecard", "B1", excelSerialFromDay(dayFromYmd(2026, 2, 28) as number)]],
    ],
    [
      "past Cycle End, counts to Cycle End",
      [["KPI Scorecard", "B1", excelSerialFromDay(dayFromYmd(2027, 3, 1) as number)]],
    ],
    ["follows an edited target per period", [["Targets", "C3", 120]]],
    ["follows an edited check-in", [["Actuals", "C5", 400]]],
  ] as [string, [string, string, CellValue][]][])("%s as the engine", (_what, edits) => {
    const asOf = edits.find(([s]) => s === "KPI Scorecard")?.[2] as number | undefined;
    const book = Recalculated.of(grids, plan);
    const edited = structuredClone(grids);
    for (const [sheet, cell, value] of edits) {
      book.set(sheet, cell, value);
      if (sheet === "KPI Scorecard") continue;
      const grid = edited.sheets.find((s) => s.name === sheet) as { rows: CellValue[][] };
      grid.rows[Number(cell.slice(1)) - 1][cell.charCodeAt(0) - 65] = value;
    }
    const after = analyzeWorkbook(edited, {
      today: TODAY,
      asOf: asOf === undefined ? undefined : asOf - 25_569,
    });
    expect(mismatches(after, plan, (s, r, c) => book.values(s)[r]?.[c] ?? null)).toEqual([]);
    expect(book.errors(plan.sheets.map((s) => s.name))).toEqual([]);
    book.destroy();
  });
});

describe("values the layout reader worked out", () => {
  const grids = workbook({
    "Team KPIs": [
      ["Team scorecard 2026"],
      ["KPI", "Target", "Actual", "Weightage"],
      ["On-time delivery", "> 95%", 0.93, 60],
      ["Customer complaints", "< 5", 4, 40],
      ["Calls answered", 200, "1,150", 20],
    ],
  });
  const { row } = built(grids);

  it("are held with a comment: text targets, derived IDs, numbers typed as text", () => {
    expect(row("On-time delivery")[SC.target]).toMatchObject({
      value: 0.95,
      comment: expect.stringContaining(
        `'Team KPIs'!B3 holds the text "> 95%", which KPI Cascade read as 0.95`
      ),
    });
    expect(row("On-time delivery")[SC.id].comment).toContain(
      "this ID is made from the name in 'Team KPIs'!A3"
    );
    expect(row("Calls answered")[SC.target].formula).toBe("'Team KPIs'!B5");
    expect(row("Calls answered")[SC.actual]).toMatchObject({
      value: 1150,
      comment: expect.stringContaining('"1,150"'),
    });
    expect(row("Customer complaints")[SC.actual].formula).toBe("'Team KPIs'!C4");
    expect(row("On-time delivery")[SC.weight].formula).toBe("'Team KPIs'!D3");
  });
});
