/** Every finding rule of SPEC section 3: it fires where it should, at the right cell, and stays quiet otherwise. */
import { RULE_IDS, RULE_SEVERITY } from "../../../src/engine/findings";
import {
  KPI_HEADER,
  KRA_HEADER,
  analyze,
  findingsOf,
  kpi,
  kra,
  minimal,
  rules,
} from "../../support/workbook";

const ORG = [
  ["Unit ID", "Unit Name", "Parent Unit ID"],
  ["CO", "Company", null],
  ["OPS", "Operations", "CO"],
  ["WH", "Warehouse", "OPS"],
  ["FIN", "Finance", "CO"],
];
const PEOPLE = [
  ["Person ID", "Name", "Unit ID", "Manager ID"],
  ["P1", "Ann", "WH", null],
  ["P2", "Bob", "FIN", "P1"],
];

describe("the minimal workbook", () => {
  it("has no findings at all", () => {
    expect(analyze(minimal()).findings).toEqual([]);
  });
});

describe("missing-sheet", () => {
  it("fires for a missing KRAs or KPIs sheet, pointing at the first sheet", () => {
    // A KPIs sheet alone is read (its KRA column yields the KRAs, SPEC 2.1); KRAs alone are not.
    const a = analyze({ Notes: [["hello"]], KRAs: minimal().KRAs });
    const f = findingsOf(a, "missing-sheet");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: "error",
      sheet: "Notes",
      cell: "A1",
      entity: "workbook",
    });
    expect(f[0].message).toContain('"KPIs"');
  });
  it("fires twice for an empty workbook and never throws on zero sheets", () => {
    expect(rules(analyze({}))).toEqual(["missing-sheet", "missing-sheet"]);
  });
});

describe("missing-column", () => {
  it("fires for a required column that is absent, at the header row", () => {
    const a = analyze({
      ...minimal(),
      KPIs: [["Title"], ["KPI ID", "KRA ID", "KPI"], ["K1", "R1", "x"]],
    });
    const f = findingsOf(a, "missing-column");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: "KPIs", cell: "A2", entity: "kpi" });
    expect(f[0].message).toContain('"Target"');
    // The KPI still exists, without per-row missing-target noise.
    expect(findingsOf(a, "missing-target")).toHaveLength(0);
  });
  it("fires for every required column when no header row is found in the first 10 rows", () => {
    const rows = [...Array(10).fill(["note"]), ["KPI ID", "KRA ID", "KPI", "Target"]];
    const a = analyze({ ...minimal(), KPIs: rows });
    expect(
      findingsOf(a, "missing-column").map((f) => f.message.match(/"([^"]+)" is missing/)?.[1])
    ).toEqual(["KPI ID", "KRA ID", "KPI", "Target"]);
  });
});

describe("missing-id", () => {
  it("fires for a row with data and a blank ID, at the ID cell", () => {
    const a = analyze(minimal({ kpis: [[null, "R1", "Orphan row", null, null, 5]] }));
    expect(findingsOf(a, "missing-id")[0]).toMatchObject({
      sheet: "KPIs",
      cell: "A5",
      entity: "kpi",
      id: null,
    });
  });
  it("skips fully blank rows", () => {
    const a = analyze(minimal({ kpis: [[null, null, "  ", null]] }));
    expect(rules(a)).toEqual([]);
  });
  it("fires for a check-in without a KPI ID", () => {
    const a = analyze({
      ...minimal(),
      Actuals: [
        ["KPI ID", "Period", "Actual"],
        [null, "2026-01", 4],
      ],
    });
    expect(findingsOf(a, "missing-id")[0]).toMatchObject({
      sheet: "Actuals",
      cell: "A2",
      entity: "actual",
    });
  });
});

describe("duplicate-id", () => {
  it("fires once per repeat, at the repeat, and keeps the first row", () => {
    const a = analyze(minimal({ kpis: [kpi("K1", { actual: 50 }), kpi("K1", { actual: 10 })] }));
    const f = findingsOf(a, "duplicate-id");
    expect(f.map((x) => x.cell)).toEqual(["A5", "A6"]);
    expect(a.scores.kpis.get("K1")?.actual).toBe(100);
  });
  it("treats 7 and '7 ' as the same ID", () => {
    const a = analyze(minimal({ kpis: [kpi("7"), kpi(" 7 " as string)] }));
    expect(a.findings.filter((f) => f.rule === "duplicate-id")).toHaveLength(1);
    const b = analyze(
      minimal({ kpis: [[7, "R1", "x", null, null, 1, null, null, null, null, null, 1], kpi("7")] })
    );
    expect(findingsOf(b, "duplicate-id")).toHaveLength(1);
  });
  it("is case-sensitive", () => {
    expect(findingsOf(analyze(minimal({ kpis: [kpi("k1")] })), "duplicate-id")).toHaveLength(0);
  });
});

describe("missing-value", () => {
  it("fires for a KPI without name or KRA ID, a KRA without name", () => {
    const a = analyze(
      minimal({ kpis: [kpi("K9", { name: null, kra: null })], kras: [kra("R9", { name: "" })] })
    );
    expect(findingsOf(a, "missing-value").map((f) => `${f.entity}:${f.cell}`)).toEqual([
      "kra:B5",
      "kpi:B5",
      "kpi:C5",
    ]);
  });
  it("fires for goals, objectives and check-ins", () => {
    const a = analyze({
      ...minimal(),
      Goals: [
        ["Goal ID", "Goal"],
        ["G1", null],
      ],
      Objectives: [
        ["Objective ID", "Goal ID", "Objective"],
        ["O1", null, null],
      ],
      Actuals: [
        ["KPI ID", "Period", "Actual"],
        ["K1", null, null],
      ],
    });
    expect(findingsOf(a, "missing-value").map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      "Goals!B2",
      "Objectives!B2",
      "Objectives!C2",
      "Actuals!B2",
      "Actuals!C2",
    ]);
  });
});

describe("missing-owner", () => {
  it("fires for a KRA with a blank owner", () => {
    const a = analyze(minimal({ kras: [kra("R9", { owner: null })] }));
    expect(findingsOf(a, "missing-owner")[0]).toMatchObject({ cell: "C5", id: "R9" });
  });
});

describe("missing-target", () => {
  it("fires for a blank target and not for a text target (that is invalid-number)", () => {
    const a = analyze(
      minimal({ kpis: [kpi("K8", { target: null }), kpi("K9", { target: "TBD" })] })
    );
    expect(findingsOf(a, "missing-target").map((f) => f.id)).toEqual(["K8"]);
    expect(findingsOf(a, "invalid-number").map((f) => f.id)).toEqual(["K9"]);
    expect(a.scores.kpis.get("K8")?.attainment).toBeNull();
  });
});

describe("unknown-reference", () => {
  it("fires for each kind of reference", () => {
    const a = analyze({
      Org: [...ORG, ["X", "Lost", "NOPE"]],
      People: [...PEOPLE, ["P3", "Cy", "NOUNIT", "NOBODY"]],
      Goals: [
        ["Goal ID", "Goal"],
        ["G1", "Grow"],
      ],
      Objectives: [
        ["Objective ID", "Goal ID", "Objective"],
        ["O1", "G1", "Sell"],
        ["O2", "G9", "Buy"],
      ],
      KRAs: [
        KRA_HEADER,
        kra("R1", { objective: "O1" }),
        kra("R2", { objective: "O1" }),
        kra("R3", { objective: "O1" }),
        kra("R4", { owner: "ZZ", objective: "O9", parent: "R0" }),
      ],
      KPIs: [
        KPI_HEADER,
        kpi("K1"),
        kpi("K2", { kra: "R2" }),
        kpi("K3", { kra: "R3" }),
        kpi("K4", { kra: "R4" }),
        kpi("K5", { kra: "R404" }),
      ],
      Actuals: [
        ["KPI ID", "Period", "Actual"],
        ["K404", "2026-01", 1],
      ],
    });
    expect(findingsOf(a, "unknown-reference").map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      "Org!C6",
      "People!C4",
      "People!D4",
      "Objectives!B3",
      "KRAs!C5",
      "KRAs!D5",
      "KRAs!E5",
      "KPIs!B6",
      "Actuals!A2",
    ]);
  });
  it("does not check owners when the workbook has no Org or People sheet", () => {
    expect(
      findingsOf(analyze(minimal({ kras: [kra("R9", { owner: "Anyone" })] })), "unknown-reference")
    ).toHaveLength(0);
  });
  it("accepts an owner that is a unit or a person", () => {
    const a = analyze({
      Org: ORG,
      People: PEOPLE,
      ...minimal({ kras: [kra("R8", { owner: "OPS" }), kra("R9", { owner: "P2" })] }),
    });
    expect(findingsOf(a, "unknown-reference")).toHaveLength(0);
  });
});

describe("cycle", () => {
  it("reports one finding per loop, listing its members, for units, managers and KRAs", () => {
    const a = analyze({
      Org: [
        ["Unit ID", "Parent Unit ID"],
        ["A", "B"],
        ["B", "C"],
        ["C", "A"],
        ["D", "A"],
      ],
      People: [
        ["Person ID", "Manager ID"],
        ["P1", "P1"],
      ],
      ...minimal({ kras: [kra("R7", { parent: "R8" }), kra("R8", { parent: "R7" })] }),
    });
    const f = findingsOf(a, "cycle");
    expect(f.map((x) => `${x.sheet}!${x.cell}`)).toEqual(["Org!B2", "People!B2", "KRAs!E5"]);
    expect(f[0].message).toContain("A → B → C → A");
    expect(f[1].message).toContain("P1 → P1");
    expect(f[2].message).toContain("R7, R8");
  });
  it("stays quiet for a tree", () => {
    expect(findingsOf(analyze({ Org: ORG, ...minimal() }), "cycle")).toHaveLength(0);
  });
});

describe("cell-error", () => {
  it("fires for an error value in a known column, and the value is missing", () => {
    const a = analyze(minimal({ kpis: [kpi("K9", { actual: { error: "#DIV/0!" } })] }));
    expect(findingsOf(a, "cell-error")[0]).toMatchObject({ cell: "L5", id: "K9" });
    expect(findingsOf(a, "cell-error")[0].message).toContain("#DIV/0!");
    expect(findingsOf(a, "missing-actual")).toHaveLength(0);
  });
  it("ignores errors in unknown columns", () => {
    const kpis = minimal().KPIs.map((r, i) => [...r, i === 0 ? "Scratch" : { error: "#REF!" }]);
    expect(analyze({ ...minimal(), KPIs: kpis }).findings).toEqual([]);
  });
});

describe("invalid-number, invalid-date, invalid-value", () => {
  it("fire for unreadable numbers, dates, periods and enumerations", () => {
    const a = analyze({
      ...minimal({
        kpis: [kpi("K9", { baseline: "lots", direction: "sideways", aggregation: "median" })],
      }),
      Objectives: [
        ["Objective ID", "Goal ID", "Objective", "Due Date"],
        ["O1", "G1", "x", "soon"],
      ],
      Actuals: [
        ["KPI ID", "Period", "Actual"],
        ["K1", "Smarch", 5],
      ],
    });
    expect(findingsOf(a, "invalid-number").map((f) => f.cell)).toEqual(["E5"]);
    expect(findingsOf(a, "invalid-date").map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      "Objectives!D2",
      "Actuals!B2",
    ]);
    expect(findingsOf(a, "invalid-value").map((f) => f.cell)).toEqual(["D5", "I5"]);
    expect(a.scores.kpis.get("K9")?.attainment).toBeNull();
  });
});

describe("invalid-weight", () => {
  it("fires for a negative weight and leaves that KPI out of its KRA score", () => {
    const a = analyze(minimal({ kpis: [kpi("K9", { kra: "R1", weight: -1, actual: 0 })] }));
    expect(findingsOf(a, "invalid-weight")[0]).toMatchObject({ cell: "H5", id: "K9" });
    expect(a.scores.kras.get("R1")?.score).toBe(1);
  });
  it("accepts a weight of 0", () => {
    expect(
      findingsOf(analyze(minimal({ kpis: [kpi("K9", { weight: 0 })] })), "invalid-weight")
    ).toHaveLength(0);
  });
});

describe("invalid-range", () => {
  it("fires for a range without Target Max and for Target > Target Max", () => {
    const a = analyze(
      minimal({
        kpis: [
          kpi("K8", { direction: "range" }),
          kpi("K9", { direction: "range", target: 10, targetMax: 5 }),
        ],
      })
    );
    expect(findingsOf(a, "invalid-range").map((f) => `${f.id}@${f.cell}`)).toEqual([
      "K8@G5",
      "K9@G6",
    ]);
    expect(a.scores.kpis.get("K9")?.attainment).toBeNull();
  });
  it("stays quiet for a proper range and for Target Max on a non-range KPI", () => {
    const a = analyze(
      minimal({
        kpis: [
          kpi("K8", { direction: "range", target: 5, targetMax: 5 }),
          kpi("K9", { targetMax: 1 }),
        ],
      })
    );
    expect(findingsOf(a, "invalid-range")).toHaveLength(0);
  });
});

describe("invalid-thresholds", () => {
  it("fires when a KPI's Amber At is above its Green At (own or from settings)", () => {
    const a = analyze(
      minimal({ kpis: [kpi("K8", { greenAt: 0.8, amberAt: 0.9 }), kpi("K9", { greenAt: 0.85 })] })
    );
    expect(findingsOf(a, "invalid-thresholds").map((f) => `${f.id}@${f.cell}`)).toEqual([
      "K8@K5",
      "K9@J6",
    ]);
    expect(a.scores.kpis.get("K8")).toMatchObject({ attainment: 1, status: null });
  });
  it("fires for reversed thresholds in Settings, whose defaults then hold", () => {
    const a = analyze({
      ...minimal(),
      Settings: [
        ["Setting", "Value"],
        ["Green At", 0.8],
        ["Amber At", 0.95],
      ],
    });
    expect(findingsOf(a, "invalid-thresholds")[0]).toMatchObject({
      sheet: "Settings",
      entity: "setting",
    });
    expect(a.model.settings.greenAt).toBe(1);
    expect(a.model.settings.amberAt).toBe(0.9);
  });
});

describe("target-equals-baseline", () => {
  it("fires when baseline equals target", () => {
    const a = analyze(minimal({ kpis: [kpi("K9", { baseline: 100, target: 100 })] }));
    expect(findingsOf(a, "target-equals-baseline")[0]).toMatchObject({ cell: "F5" });
    expect(findingsOf(a, "zero-target")).toHaveLength(0);
    expect(a.scores.kpis.get("K9")?.attainment).toBeNull();
  });
});

describe("orphan-kra", () => {
  it("fires when the workbook has objectives and a KRA has neither objective nor parent", () => {
    const objectives = [
      ["Objective ID", "Goal ID", "Objective"],
      ["O1", "G1", "x"],
    ];
    const a = analyze({
      ...minimal({ kras: [kra("R8", { objective: "O1" }), kra("R9", { parent: "R8" })] }),
      Objectives: objectives,
    });
    expect(findingsOf(a, "orphan-kra").map((f) => f.id)).toEqual(["R1", "R2", "R3"]);
  });
  it("stays quiet without objectives", () => {
    expect(findingsOf(analyze(minimal()), "orphan-kra")).toHaveLength(0);
  });
});

describe("misaligned-cascade", () => {
  const base = (owner: string) => ({
    Org: ORG,
    People: PEOPLE,
    KRAs: [KRA_HEADER, kra("R1", { owner: "OPS" }), kra("R2", { owner, parent: "R1" })],
    KPIs: [KPI_HEADER, kpi("K1"), kpi("K2", { kra: "R2" })],
  });
  it("fires when the child owner is outside the parent owner's subtree", () => {
    const f = findingsOf(analyze(base("FIN")), "misaligned-cascade");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", cell: "C3", id: "R2" });
    expect(findingsOf(analyze(base("P2")), "misaligned-cascade")).toHaveLength(1);
  });
  it("stays quiet at or below the parent owner (a person sits at their unit)", () => {
    for (const owner of ["OPS", "WH", "P1"])
      expect(findingsOf(analyze(base(owner)), "misaligned-cascade")).toHaveLength(0);
  });
});

describe("direction-conflict", () => {
  it("fires for higher with target below baseline and lower with target above", () => {
    const a = analyze(
      minimal({
        kpis: [
          kpi("K8", { direction: "higher", baseline: 50, target: 40, actual: 45 }),
          kpi("K9", { direction: "lower", baseline: 10, target: 20 }),
        ],
      })
    );
    expect(findingsOf(a, "direction-conflict").map((f) => `${f.id}@${f.cell}`)).toEqual([
      "K8@D5",
      "K9@D6",
    ]);
  });
  it("stays quiet when the direction is inferred", () => {
    expect(
      findingsOf(
        analyze(minimal({ kpis: [kpi("K8", { baseline: 50, target: 40 })] })),
        "direction-conflict"
      )
    ).toHaveLength(0);
  });
});

describe("zero-target", () => {
  it("fires for target 0 without a baseline, and attainment is undefined", () => {
    const a = analyze(minimal({ kpis: [kpi("K9", { target: 0, actual: 0 })] }));
    expect(findingsOf(a, "zero-target")[0]).toMatchObject({ severity: "warning", cell: "F5" });
    expect(a.scores.kpis.get("K9")?.attainment).toBeNull();
  });
  it("stays quiet with a baseline, and for a range [0, u] that is well defined", () => {
    const a = analyze(
      minimal({
        kpis: [
          kpi("K8", { target: 0, baseline: 5, actual: 1 }),
          kpi("K9", { direction: "range", target: 0, targetMax: 10, actual: 3 }),
        ],
      })
    );
    expect(findingsOf(a, "zero-target")).toHaveLength(0);
    expect(a.scores.kpis.get("K8")?.attainment).toBeCloseTo(0.8);
  });
});

describe("weights-sum and partial-weights", () => {
  const kpis = (w: (number | null)[]) =>
    minimal({ kras: [kra("R9")], kpis: w.map((weight, i) => kpi(`W${i}`, { kra: "R9", weight })) });
  it("weights-sum fires when all weights are given and add up to neither 100 nor 1", () => {
    const f = findingsOf(analyze(kpis([50, 40])), "weights-sum");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ entity: "kra", id: "R9", cell: "H5" });
  });
  it.each([[[60, 40]], [[60, 40.4]], [[0.5, 0.5]], [[0.5, 0.504]], [[null, null]]])(
    "stays quiet for %j",
    (w) => {
      expect(findingsOf(analyze(kpis(w)), "weights-sum")).toHaveLength(0);
    }
  );
  it.each([[[60, 40.6]], [[0.5, 0.506]]])("fires just outside the tolerance: %j", (w) => {
    expect(findingsOf(analyze(kpis(w)), "weights-sum")).toHaveLength(1);
  });
  it("partial-weights fires when some weights are blank, at the first blank", () => {
    const a = analyze(kpis([60, null, 40]));
    expect(findingsOf(a, "partial-weights")[0]).toMatchObject({ cell: "H6", id: "R9" });
    expect(findingsOf(a, "weights-sum")).toHaveLength(0);
  });
  it("checks each owner's KRA weights too", () => {
    const a = analyze({
      ...minimal(),
      KRAs: [
        KRA_HEADER,
        kra("R1", { weight: 50 }),
        kra("R2", { weight: 20 }),
        kra("R3", { weight: null }),
      ],
    });
    expect(findingsOf(a, "partial-weights")[0]).toMatchObject({
      sheet: "KRAs",
      cell: "F4",
      id: "P1",
    });
  });
});

describe("kra-count", () => {
  it("fires for owners with fewer or more KRAs than the settings allow", () => {
    const kras = [
      KRA_HEADER,
      kra("A1", { owner: "X" }),
      ...["B1", "B2", "B3", "B4", "B5", "B6"].map((id) => kra(id, { owner: "Y" })),
    ];
    const kpis = [KPI_HEADER, ...kras.slice(1).map((r, i) => kpi(`K${i}`, { kra: r[0] }))];
    const a = analyze({ KRAs: kras, KPIs: kpis });
    expect(findingsOf(a, "kra-count").map((f) => f.id)).toEqual(["X", "Y"]);
    const relaxed = analyze({
      KRAs: kras,
      KPIs: kpis,
      Settings: [
        ["Setting", "Value"],
        ["KRA Count Min", 1],
        ["KRA Count Max", 6],
      ],
    });
    expect(findingsOf(relaxed, "kra-count")).toHaveLength(0);
  });
});

describe("too-many-goals, goal-without-objective, objective-without-kra, kra-without-kpi", () => {
  it("fire where the cascade has gaps", () => {
    const a = analyze({
      Goals: [
        ["Goal ID", "Goal"],
        ["G1", "a"],
        ["G2", "b"],
        ["G3", "c"],
        ["G4", "d"],
      ],
      Objectives: [
        ["Objective ID", "Goal ID", "Objective"],
        ["O1", "G1", "x"],
        ["O2", "G2", "y"],
        ["O3", "G3", "z"],
        ["O4", "G3", "w"],
      ],
      KRAs: [
        KRA_HEADER,
        kra("R1", { objective: "O1" }),
        kra("R2", { objective: "O2" }),
        kra("R3", { objective: "O3" }),
        kra("R4", { objective: "O3", owner: "Q" }),
      ],
      KPIs: minimal().KPIs,
    });
    expect(findingsOf(a, "too-many-goals")).toEqual([
      expect.objectContaining({ id: "G4", cell: "A5", severity: "warning" }),
    ]);
    expect(findingsOf(a, "goal-without-objective").map((f) => f.id)).toEqual(["G4"]);
    expect(findingsOf(a, "objective-without-kra").map((f) => f.id)).toEqual(["O4"]);
    expect(findingsOf(a, "kra-without-kpi").map((f) => f.id)).toEqual(["R4"]);
  });
  it("too-many-goals honours Goal Count Max", () => {
    const goals = [
      ["Goal ID", "Goal"],
      ["G1", "a"],
      ["G2", "b"],
    ];
    const a = analyze({
      ...minimal(),
      Goals: goals,
      Settings: [
        ["Setting", "Value"],
        ["Goal Count Max", 1],
      ],
    });
    expect(findingsOf(a, "too-many-goals").map((f) => f.id)).toEqual(["G2"]);
  });
});

describe("check-in rules", () => {
  const actuals = (rows: unknown[][], settings: unknown[][] = []) =>
    analyze({
      ...minimal(),
      Actuals: [["KPI ID", "Period", "Actual"], ...rows] as never,
      Settings: [["Setting", "Value"], ...settings] as never,
    });
  it("missing-actual fires for a KPI with neither check-ins nor an Actual", () => {
    const a = analyze(minimal({ kpis: [kpi("K9", { actual: null })] }));
    expect(findingsOf(a, "missing-actual")[0]).toMatchObject({
      id: "K9",
      cell: "L5",
      severity: "warning",
    });
  });
  it("missing-actual fires when every check-in is after the as-of date", () => {
    const a = actuals([["K1", "2026-09", 5]]);
    expect(findingsOf(a, "missing-actual").map((f) => f.id)).toEqual(["K1"]);
    expect(findingsOf(a, "future-period")[0]).toMatchObject({
      severity: "info",
      sheet: "Actuals",
      cell: "B2",
    });
  });
  it("duplicate-actual fires for two check-ins of one period (any way of writing it), and both count", () => {
    const a = actuals([
      ["K1", "2026-03", 40],
      ["K1", "2026-03-31", 60],
      ["K1", "Mar 2026", 10],
    ]);
    expect(findingsOf(a, "duplicate-actual").map((f) => f.cell)).toEqual(["B3", "B4"]);
    expect(a.scores.kpis.get("K1")?.actual).toBe(10);
  });
  it("period-out-of-cycle fires outside Cycle Start … Cycle End", () => {
    const a = actuals(
      [
        ["K1", "2025-12", 5],
        ["K1", "2026-01", 5],
        ["K1", "2027-01", 5],
      ],
      [
        ["Cycle Start", "2026-01-01"],
        ["Cycle End", "2026-12-31"],
      ]
    );
    expect(findingsOf(a, "period-out-of-cycle").map((f) => f.cell)).toEqual(["B2", "B4"]);
  });
});

describe("unknown-setting", () => {
  it("fires for a setting name that is not in SPEC section 5", () => {
    const a = analyze({
      ...minimal(),
      Settings: [
        ["Setting", "Value"],
        ["Colour scheme", "blue"],
        ["cap", 1.5],
      ],
    });
    expect(findingsOf(a, "unknown-setting")).toEqual([
      expect.objectContaining({ cell: "A2", entity: "setting", id: "Colour scheme" }),
    ]);
    expect(a.model.settings.cap).toBe(1.5);
  });
});

describe("the rule catalogue", () => {
  it("has exactly the rule IDs and severities of SPEC section 3", () => {
    // SPEC section 3's, and unlinked-check-in of the live scorecard (issue 12, docs/decisions.md).
    expect(RULE_IDS).toHaveLength(43);
    expect(
      Object.entries(RULE_SEVERITY)
        .filter(([, s]) => s === "info")
        .map(([r]) => r)
    ).toEqual(["future-period", "skipped-rows", "inferred-direction"]);
    expect(RULE_SEVERITY["ambiguous-column"]).toBe("warning");
    // collect's rules (SPEC 7): raised on returned check-in files, never by analysing a workbook.
    expect(RULE_SEVERITY["check-in-conflict"]).toBe("error");
    expect(RULE_SEVERITY["unknown-contributor"]).toBe("warning");
  });
});
