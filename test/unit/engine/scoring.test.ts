/** Scoring of SPEC section 4: the math, the statuses and bands, weights, rollups, actuals and prorating. */
import {
  clampAttainment,
  elapsedShare,
  groupWeights,
  inferDirection,
  ratingOf,
  rawAttainment,
  statusOf,
  weightedMean,
  aggregate,
} from "../../../src/engine/scoring/math";
import { KPI_HEADER, KRA_HEADER, analyze, kpi, kra, minimal } from "../../support/workbook";

const raw = (
  actual: number,
  target: number,
  direction: "higher" | "lower" | "range",
  baseline: number | null = null,
  targetMax: number | null = null
) => rawAttainment({ actual, target, direction, baseline, targetMax });

describe("raw attainment", () => {
  it("higher with a baseline: (a − b) / (t − b)", () => {
    expect(raw(75, 100, "higher", 50)).toBe(0.5);
    expect(raw(40, 100, "higher", 50)).toBe(-0.2);
  });
  it("lower with a baseline: (b − a) / (b − t)", () => {
    expect(raw(8, 5, "lower", 10)).toBe(0.4);
  });
  it("higher without a baseline: 1 + (a − t)/|t|, which is a/t for t > 0", () => {
    expect(raw(90, 100, "higher")).toBe(0.9);
    expect(raw(-90, -100, "higher")).toBeCloseTo(1.1);
    expect(raw(-110, -100, "higher")).toBeCloseTo(0.9);
  });
  it("lower without a baseline: 10% over target gives 0.9", () => {
    expect(raw(110, 100, "lower")).toBeCloseTo(0.9);
    expect(raw(90, 100, "lower")).toBeCloseTo(1.1);
    expect(raw(-110, -100, "lower")).toBeCloseTo(1.1);
  });
  it("range: 1 inside, falling off by |t| below and |u| above", () => {
    expect(raw(30, 30, "range", null, 40)).toBe(1);
    expect(raw(40, 30, "range", null, 40)).toBe(1);
    expect(raw(27, 30, "range", null, 40)).toBeCloseTo(0.9);
    expect(raw(44, 30, "range", null, 40)).toBeCloseTo(0.9);
  });
  it("range: uses u − t where the divisor is 0", () => {
    expect(raw(-5, 0, "range", null, 10)).toBeCloseTo(0.5);
    expect(raw(5, -10, "range", null, 0)).toBeCloseTo(0.5);
    expect(raw(1, 0, "range", null, 0)).toBeNull();
  });
  it("is undefined where a divisor is 0", () => {
    expect(raw(5, 0, "higher")).toBeNull();
    expect(raw(5, 0, "lower")).toBeNull();
    expect(raw(5, 10, "higher", 10)).toBeNull();
    expect(raw(5, 10, "lower", 10)).toBeNull();
  });
  it("infers lower only when a baseline is given and the target is below it", () => {
    expect(inferDirection(5, 10)).toBe("lower");
    expect(inferDirection(15, 10)).toBe("higher");
    expect(inferDirection(-5, null)).toBe("higher");
  });
  it("clamps between floor and cap", () => {
    expect(clampAttainment(1.5, 1.2, 0)).toBe(1.2);
    expect(clampAttainment(-0.3, 1.2, 0)).toBe(0);
    expect(clampAttainment(0.7, 1.2, 0)).toBe(0.7);
  });
});

describe("status and rating, forgiving 1e-9", () => {
  it("is amber at 0.8999999999999999 with Amber At 0.9", () => {
    expect(0.3 * 3).toBe(0.8999999999999999);
    expect(statusOf(0.3 * 3, 1, 0.9)).toBe("amber");
  });
  it.each([
    [1, "green"],
    [1 - 5e-10, "green"],
    [1 - 2e-9, "amber"],
    [0.9, "amber"],
    [0.9 - 2e-9, "red"],
    [0, "red"],
  ])("attainment %p is %s", (att, status) => {
    expect(statusOf(att, 1, 0.9)).toBe(status);
  });
  it.each([
    [1.2, 5],
    [1.1, 5],
    [1.1 - 5e-10, 5],
    [1.0999, 4],
    [1, 4],
    [0.95, 3],
    [0.9, 3],
    [0.75, 2],
    [0.7499, 1],
    [0, 1],
  ])("score %p rates %p", (score, rating) => {
    expect(ratingOf(score, [1.1, 1.0, 0.9, 0.75])).toBe(rating);
  });
});

describe("weights and means", () => {
  it("all blank → all 1; some blank → blanks 0; unusable → left out", () => {
    expect(groupWeights([null, null], [false, false])).toEqual([1, 1]);
    expect(groupWeights([3, null], [false, false])).toEqual([3, 0]);
    expect(groupWeights([3, null, 2], [false, false, true])).toEqual([3, 0, null]);
  });
  it("normalises weights that do not add up to 100", () => {
    expect(weightedMean([1, 0.5], [3, 1])).toBe(0.875);
  });
  it("has no score when no value counts or the weights add up to 0", () => {
    expect(weightedMean([null], [1])).toBeNull();
    expect(weightedMean([1, 1], [0, 0])).toBeNull();
  });
  it("aggregates", () => {
    expect(aggregate([1, 5, 3], "sum")).toBe(9);
    expect(aggregate([1, 5, 3], "average")).toBe(3);
    expect(aggregate([1, 5, 3], "last")).toBe(3);
    expect(aggregate([1, 5, 3], "min")).toBe(1);
    expect(aggregate([1, 5, 3], "max")).toBe(5);
    expect(aggregate([], "sum")).toBeNull();
  });
  it("measures the elapsed share of a cycle, inclusive", () => {
    expect(elapsedShare(0, 9, 4)).toBe(0.5);
    expect(elapsedShare(0, 9, 20)).toBe(1);
    expect(elapsedShare(10, 19, 5)).toBe(0);
  });
});

describe("KPI scores in a workbook", () => {
  it("scores each direction, with percent strings and text numbers", () => {
    const a = analyze(
      minimal({
        kpis: [
          kpi("H", { target: "$1,000", actual: "1,100" }),
          kpi("L", { direction: "Lower is better", target: "5%", baseline: "10%", actual: 0.08 }),
          kpi("I", { target: 40, baseline: 50, actual: 45 }),
          kpi("R", { direction: "Band", target: 30, targetMax: 40, actual: 44 }),
          kpi("C", { target: 10, actual: 50 }),
          kpi("F", { baseline: 0, target: 10, actual: -50 }),
        ],
      })
    );
    const k = (id: string) => a.scores.kpis.get(id);
    expect(k("H")).toMatchObject({
      direction: "higher",
      target: 1000,
      actual: 1100,
      attainment: 1.1,
      status: "green",
    });
    expect(k("H")?.raw).toBeCloseTo(1.1, 12);
    expect(k("L")?.raw).toBeCloseTo(0.4, 12);
    expect(k("L")?.status).toBe("red");
    expect(k("I")).toMatchObject({ direction: "lower", raw: 0.5 });
    expect(k("R")?.attainment).toBeCloseTo(0.9, 12);
    expect(k("R")?.status).toBe("amber");
    expect(k("C")).toMatchObject({ raw: 5, attainment: 1.2 });
    expect(k("F")).toMatchObject({ raw: -5, attainment: 0, status: "red" });
  });
  it("honours Cap, Floor, Green At and Amber At settings and a KPI's own thresholds", () => {
    const a = analyze({
      ...minimal({
        kpis: [
          kpi("A", { actual: 150 }),
          kpi("B", { actual: 80 }),
          kpi("C", { actual: 80, greenAt: 0.8, amberAt: 0.5 }),
        ],
      }),
      Settings: [
        ["Setting", "Value"],
        ["Cap", "150%"],
        ["Floor", 0.5],
        ["Green At", 0.95],
        ["Amber At", 0.85],
      ],
    });
    expect(a.scores.kpis.get("A")?.attainment).toBe(1.5);
    expect(a.scores.kpis.get("B")).toMatchObject({ attainment: 0.8, status: "red" });
    expect(a.scores.kpis.get("C")?.status).toBe("green");
  });
});

describe("KRA and owner scores", () => {
  const wb = (kraWeights: (number | null)[], kpiRows: ReturnType<typeof kpi>[]) => ({
    KRAs: [
      KRA_HEADER,
      kra("R1", { weight: kraWeights[0] }),
      kra("R2", { weight: kraWeights[1] }),
      kra("R3", { weight: kraWeights[2] }),
    ],
    KPIs: [KPI_HEADER, ...kpiRows],
  });
  it("KRA score is the weighted mean over KPIs with an attainment", () => {
    const a = analyze(
      wb(
        [null, null, null],
        [
          kpi("K1", { actual: 100, weight: 3 }),
          kpi("K2", { actual: 50, weight: 1 }),
          kpi("K3", { actual: null, weight: 5 }),
          kpi("K4", { kra: "R2" }),
          kpi("K5", { kra: "R3" }),
        ]
      )
    );
    expect(a.scores.kras.get("R1")?.score).toBe(0.875);
  });
  it("some blank KPI weights count as 0", () => {
    const a = analyze(
      wb(
        [null, null, null],
        [
          kpi("K1", { actual: 100, weight: 1 }),
          kpi("K2", { actual: 50 }),
          kpi("K4", { kra: "R2" }),
          kpi("K5", { kra: "R3" }),
        ]
      )
    );
    expect(a.scores.kras.get("R1")?.score).toBe(1);
  });
  it("a KRA with no scored KPI or zero total weight has no score", () => {
    const a = analyze(
      wb(
        [null, null, null],
        [kpi("K1", { actual: null }), kpi("K4", { kra: "R2", weight: 0 }), kpi("K5", { kra: "R3" })]
      )
    );
    expect(a.scores.kras.get("R1")?.score).toBeNull();
    expect(a.scores.kras.get("R2")?.score).toBeNull();
  });
  it("owner score weighs KRAs by their weights and gives a rating", () => {
    const a = analyze(
      wb(
        [50, 30, 20],
        [
          kpi("K1", { actual: 120 }),
          kpi("K4", { kra: "R2", actual: 100 }),
          kpi("K5", { kra: "R3", actual: 50 }),
        ]
      )
    );
    const owner = a.scores.owners.get("P1");
    expect(owner?.score).toBeCloseTo(0.6 + 0.3 + 0.1, 12);
    expect(owner?.rating).toBe(4);
    expect(owner?.kind).toBeNull();
  });
});

describe("rollups up the cascade", () => {
  const a = analyze({
    Org: [
      ["Unit ID", "Parent Unit ID"],
      ["CO", null],
      ["OPS", "CO"],
      ["WH", "OPS"],
      ["FIN", "CO"],
    ],
    People: [
      ["Person ID", "Unit ID"],
      ["P1", "WH"],
      ["P2", "OPS"],
      ["P3", "FIN"],
    ],
    Goals: [
      ["Goal ID", "Goal"],
      ["G1", "Grow"],
      ["G2", "Idle"],
    ],
    Objectives: [
      ["Objective ID", "Goal ID", "Objective"],
      ["O1", "G1", "a"],
      ["O2", "G1", "b"],
    ],
    KRAs: [
      KRA_HEADER,
      kra("CO-1", { owner: "CO", objective: "O1" }),
      kra("P1-1", { owner: "P1", parent: "CO-1" }),
      kra("P2-1", { owner: "P2", parent: "CO-1", objective: "O2" }),
      kra("P3-1", { owner: "P3", objective: "O2" }),
    ],
    KPIs: [
      KPI_HEADER,
      kpi("K1", { kra: "CO-1", actual: 90 }),
      kpi("K2", { kra: "P1-1", actual: 100 }),
      kpi("K3", { kra: "P2-1", actual: 80 }),
      kpi("K4", { kra: "P3-1", actual: 110 }),
    ],
  });
  it("cascadeScore is the mean of the child KRAs' scores", () => {
    expect(a.scores.kras.get("CO-1")?.cascadeScore).toBeCloseTo(0.9, 12);
    expect(a.scores.kras.get("P1-1")?.cascadeScore).toBeNull();
  });
  it("objective and goal scores are plain means", () => {
    expect(a.scores.objectives.get("O1")).toBeCloseTo(0.9, 12);
    expect(a.scores.objectives.get("O2")).toBeCloseTo(0.95, 12);
    expect(a.scores.goals.get("G1")).toBeCloseTo(0.925, 12);
    expect(a.scores.goals.get("G2")).toBeNull();
  });
  it("teamScore is the mean owner score of the people at or below the unit", () => {
    expect(a.scores.units.get("WH")).toBeCloseTo(1, 12);
    expect(a.scores.units.get("OPS")).toBeCloseTo(0.9, 12);
    expect(a.scores.units.get("CO")).toBeCloseTo((1 + 0.8 + 1.1) / 3, 12);
    expect(a.scores.owners.get("CO")).toMatchObject({ kind: "unit" });
    expect(a.scores.owners.get("P1")).toMatchObject({ kind: "person", rating: 4 });
  });
});

describe("the actual of a KPI", () => {
  const withCheckIns = (
    aggregation: string | null,
    rows: unknown[][],
    settings: unknown[][] = [],
    asOf?: number
  ) =>
    analyze(
      {
        ...minimal({ kpis: [kpi("A", { aggregation, actual: 999 })] }),
        Actuals: [["KPI ID", "Period", "Actual"], ...rows] as never,
        Settings: [["Setting", "Value"], ...settings] as never,
      },
      { asOf }
    ).scores.kpis.get("A");
  const rows = [
    ["A", "2026-03", 30],
    ["A", "2026-01", 10],
    ["A", "2026-02", 20],
    ["A", "2026-09", 90],
  ];
  it.each([
    ["sum", 60],
    ["average", 20],
    [null, 30],
    ["last", 30],
    ["min", 10],
    ["max", 30],
  ])("%s of the check-ins up to the as-of date is %p", (aggregation, actual) => {
    expect(withCheckIns(aggregation, rows)?.actual).toBe(actual);
  });
  it("last takes the last row of the latest period", () => {
    expect(
      withCheckIns("last", [
        ["A", "2026-03", 30],
        ["A", "Q1 2026", 35],
        ["A", "2026-01", 10],
      ])?.actual
    ).toBe(35);
  });
  it("uses --as-of over the As Of setting, and never goes past Cycle End", () => {
    const d = (m: number, day: number) => Date.UTC(2026, m - 1, day) / 86400000;
    expect(withCheckIns("sum", rows, [["As Of", "2026-01-31"]])?.actual).toBe(10);
    expect(withCheckIns("sum", rows, [["As Of", "2026-01-31"]], d(2, 28))?.actual).toBe(30);
    expect(
      withCheckIns(
        "sum",
        rows,
        [
          ["Cycle Start", "2026-01-01"],
          ["Cycle End", "2026-02-28"],
        ],
        d(12, 31)
      )?.actual
    ).toBe(30);
  });
  it("falls back to the Actual cell only for KPIs without check-ins", () => {
    expect(
      analyze(minimal({ kpis: [kpi("A", { actual: 42 })] })).scores.kpis.get("A")?.actual
    ).toBe(42);
  });
  it("prorates the target of sum KPIs when Prorate Targets is yes", () => {
    const settings = [
      ["Cycle Start", "2026-01-01"],
      ["Cycle End", "2026-12-31"],
      ["Prorate Targets", "yes"],
      ["As Of", "2026-03-31"],
    ];
    const a = withCheckIns("sum", rows, settings);
    expect(a?.target).toBeCloseTo((100 * 90) / 365, 12);
    expect(a?.actual).toBe(60);
    const notSum = withCheckIns("last", rows, settings);
    expect(notSum?.target).toBe(100);
  });
});
