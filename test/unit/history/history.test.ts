/** History (SPEC 4.3): periods, and the property that it equals the engine run as of each period end. */
import fc from "fast-check";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { Day, dayFromYmd, isoFromDay } from "../../../src/engine/dates";
import { WorkbookGrids } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import { Scores } from "../../../src/engine/scoring/scores";
import { computeHistory, hasHistory, historyOf } from "../../../src/engine/history/history";
import { arbitraryOrganisation, arbitraryWorkbook } from "../../support/arbitraries";
import {
  AS_OF,
  KPI_HEADER,
  KRA_HEADER,
  analyze,
  kpi as kpiRow,
  workbook,
} from "../../support/workbook";

function expectHistoryMatchesEngine(wb: WorkbookGrids, asOf: Day): void {
  const analysis = analyzeWorkbook(wb, { asOf, today: AS_OF });
  const history = computeHistory(analysis);
  if (history === null) return;
  history.periods.forEach((end, p) => {
    const { scores }: { scores: Scores } = analyzeWorkbook(wb, { asOf: end, today: AS_OF });
    const at = (m: Map<string, (number | null)[]>, id: string) => m.get(id)?.[p];
    for (const [id, k] of scores.kpis) {
      expect(at(history.kpis, id)).toBe(k.attainment);
      expect(history.kpiStatuses.get(id)?.[p]).toBe(k.status);
    }
    for (const [id, k] of scores.kras) expect(at(history.kras, id)).toBe(k.score);
    for (const [id, o] of scores.owners) expect(at(history.owners, id)).toBe(o.score);
    for (const [id, s] of scores.units) expect(at(history.units, id)).toBe(s);
    for (const [id, s] of scores.objectives) expect(at(history.objectives, id)).toBe(s);
    for (const [id, s] of scores.goals) expect(at(history.goals, id)).toBe(s);
    expect(history.kpis.size).toBe(scores.kpis.size);
    expect(history.owners.size).toBe(scores.owners.size);
  });
  expect(history.periods[history.periods.length - 1]).toBe(analysis.model.asOf);
}

const asOf2026 = fc.integer({ min: 0, max: 400 }).map((d) => (dayFromYmd(2026, 1, 1) as Day) + d);

describe("history equals the engine run as of each period end", () => {
  it("over well-formed organisations, with prorating and a cycle", () => {
    fc.assert(
      fc.property(
        arbitraryOrganisation,
        asOf2026,
        fc.boolean(),
        fc.constantFrom(null, "monthly", "quarterly"),
        (sheets, asOf, prorate, frequency) => {
          if (prorate)
            sheets.Settings.push(
              ["Cycle Start", "2026-01-01"],
              ["Cycle End", "2026-12-31"],
              ["Prorate Targets", "yes"]
            );
          if (frequency !== null) {
            sheets.KPIs[0].push("Frequency");
            for (let r = 1; r < sheets.KPIs.length; r += 2) sheets.KPIs[r][9] = frequency;
          }
          sheets.Objectives = [
            ["Objective ID", "Goal ID", "Objective"],
            ["O1", "G1", "x"],
          ];
          sheets.Goals = [
            ["Goal ID", "Goal"],
            ["G1", "g"],
          ];
          sheets.KRAs[0].push("Objective ID");
          for (let r = 1; r < sheets.KRAs.length; r++) sheets.KRAs[r].push("O1");
          expectHistoryMatchesEngine(workbook(sheets), asOf);
        }
      ),
      { numRuns: 150 }
    );
  });

  it("over arbitrary (hostile) grids", () => {
    fc.assert(
      fc.property(arbitraryWorkbook, asOf2026, (wb, asOf) => expectHistoryMatchesEngine(wb, asOf)),
      { numRuns: 200 }
    );
  });

  it("exists exactly where hasHistory, which does not work it out, says it does", () => {
    let without = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          arbitraryWorkbook,
          arbitraryOrganisation.map((sheets) => workbook(sheets))
        ),
        asOf2026,
        (wb, asOf) => {
          const analysis = analyzeWorkbook(wb, { asOf });
          const has = hasHistory(analysis);
          if (!has) without++;
          expect(has).toBe(historyOf(analysis) !== null);
        }
      ),
      { numRuns: 200 }
    );
    // Both cases were met.
    expect(without).toBeGreaterThan(0);
    expect(without).toBeLessThan(200);
  });
});

const PEOPLE = [
  ["Person ID", "Name"],
  ["P1", "Ana"],
];
const kras = [KRA_HEADER, ["R1", "Sales", "P1", null, null, null]];
const kpi = (id: string, frequency: string | null, aggregation = "sum") => [
  ...kpiRow(id, { kra: "R1", direction: "higher", target: 100, aggregation }),
  frequency,
];
const KPIS_HEADER = [...KPI_HEADER, "Frequency"];

describe("history periods", () => {
  const iso = (days: Day[]) => days.map(isoFromDay);

  it("are month ends from the first check-in to the as-of date, which ends the last (partial) period", () => {
    const a = analyze(
      {
        People: PEOPLE,
        KRAs: kras,
        KPIs: [KPIS_HEADER, kpi("K1", null)],
        Actuals: [
          ["KPI ID", "Period", "Actual"],
          ["K1", "2026-02", 50],
          ["K1", "2026-04", 25],
        ],
      },
      { asOf: dayFromYmd(2026, 5, 15) }
    );
    const h = computeHistory(a);
    expect(iso(h?.periods ?? [])).toEqual(["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-15"]);
    // Sum KPI: 50, 50, 75, 75 against 100.
    expect(h?.kpis.get("K1")).toEqual([0.5, 0.5, 0.75, 0.75]);
    expect(h?.owners.get("P1")).toEqual([0.5, 0.5, 0.75, 0.75]);
  });

  it("are quarters when KPIs name only quarterly or annual frequencies, from Cycle Start", () => {
    const a = analyze(
      {
        People: PEOPLE,
        Settings: [
          ["Setting", "Value"],
          ["Cycle Start", "2026-01-01"],
          ["Cycle End", "2026-12-31"],
        ],
        KRAs: kras,
        KPIs: [KPIS_HEADER, kpi("K1", "quarterly"), kpi("K2", "annual")],
        Actuals: [
          ["KPI ID", "Period", "Actual"],
          ["K1", "2026-05", 10],
        ],
      },
      { asOf: dayFromYmd(2026, 9, 30) }
    );
    expect(iso(computeHistory(a)?.periods ?? [])).toEqual([
      "2026-03-31",
      "2026-06-30",
      "2026-09-30",
    ]);
  });

  it("are months when any KPI is monthly, and quarters when every check-in ends a quarter", () => {
    const sheets = (freq: string | null) => ({
      People: PEOPLE,
      KRAs: kras,
      KPIs: [KPIS_HEADER, kpi("K1", freq), kpi("K2", "quarterly")],
      Actuals: [
        ["KPI ID", "Period", "Actual"],
        ["K1", "2026-Q1", 10],
        ["K1", "Q2 2026", 10],
      ],
    });
    const asOf = dayFromYmd(2026, 6, 30);
    expect(computeHistory(analyze(sheets("monthly"), { asOf }))?.periods).toHaveLength(4);
    const noFrequency = analyze(
      { ...sheets(null), KPIs: [KPIS_HEADER, kpi("K1", null)] },
      { asOf }
    );
    expect(iso(computeHistory(noFrequency)?.periods ?? [])).toEqual(["2026-03-31", "2026-06-30"]);
  });

  it("keep the latest 36 when the check-ins go back decades", () => {
    const a = analyze(
      {
        KRAs: kras,
        KPIs: [KPIS_HEADER, kpi("K1", "monthly")],
        Actuals: [
          ["KPI ID", "Period", "Actual"],
          ["K1", "1990-01", 1],
        ],
      },
      { asOf: dayFromYmd(2026, 6, 30) }
    );
    const periods = iso(computeHistory(a)?.periods ?? []);
    expect(periods).toHaveLength(36);
    expect(periods[35]).toBe("2026-06-30");
    expect(periods[0]).toBe("2023-07-31");
  });

  it("is absent from the report without check-ins, and in SPEC 4.3's shape with them", () => {
    const noCheckIns = analyze({
      People: PEOPLE,
      KRAs: kras,
      KPIs: [KPIS_HEADER, kpi("K1", null)],
    });
    expect(historyOf(noCheckIns)).toBeNull();
    expect(buildReport(noCheckIns)).not.toHaveProperty("history");
    const a = analyze({
      People: PEOPLE,
      KRAs: kras,
      KPIs: [KPIS_HEADER, kpi("K1", null, "last")],
      Actuals: [
        ["KPI ID", "Period", "Actual"],
        ["K1", "2026-05", 90],
        ["K1", "2026-06", 110],
      ],
    });
    expect(buildReport(a).history).toEqual({
      periods: ["2026-05-31", "2026-06-30"],
      kpis: { K1: [0.9, 1.1] },
      kras: { R1: [0.9, 1.1] },
      owners: { P1: [0.9, 1.1] },
      units: {},
      objectives: {},
      goals: {},
    });
  });
});
