/** Finding sheets, tables, header rows and columns (SPEC section 2) and the mapping settings (section 5). */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import {
  KPI_HEADER,
  KRA_HEADER,
  AS_OF,
  analyze,
  findingsOf,
  kpi,
  kra,
  minimal,
  workbook,
} from "../../support/workbook";

describe("sheets by name", () => {
  it.each([
    ["Key Result Areas", "Key Performance Indicators"],
    ["kra", "kpi"],
    ["KRAs", "Metrics"],
    ["KRAs", "Measures"],
    ["tbl_KRAs", "tbl-KPIs"],
    ["key_result-areas", "KEY PERFORMANCE INDICATORS"],
  ])("finds %j and %j", (kraName, kpiName) => {
    const m = minimal();
    const a = analyze({ [kraName]: m.KRAs, [kpiName]: m.KPIs });
    expect(a.findings).toEqual([]);
    expect(a.model.kpis.size).toBe(3);
  });
  it.each([
    ["Org Units", "org"],
    ["Organisation", "org"],
    ["Organization", "org"],
    ["Units", "org"],
    ["Departments", "org"],
    ["Employees", "people"],
    ["Staff", "people"],
    ["Roster", "people"],
    ["Check-ins", "actuals"],
    ["Checkins", "actuals"],
    ["Results", "actuals"],
    ["Measurements", "actuals"],
  ])("finds %j as %s", (name, kind) => {
    const a = analyze({ ...minimal(), [name]: [["ID", "Name", "Unit", "KPI", "Period", "Value"]] });
    expect(a.model.regions[kind as "org"]?.grid.name).toBe(name);
  });
  it("prefers a same-named sheet that has a header over an empty one", () => {
    const m = minimal();
    const a = analyzeWorkbook(
      {
        sheets: [
          { name: "KPI", rows: [["nothing here"]] },
          { name: "KPIs", rows: m.KPIs },
          { name: "KRAs", rows: m.KRAs },
        ],
      },
      { today: AS_OF }
    );
    expect(a.model.regions.kpis?.grid.name).toBe("KPIs");
    expect(a.findings).toEqual([]);
  });
});

describe("Excel tables", () => {
  it("finds a kind by table name, with the table's own header row and extent", () => {
    const rows = [
      ["Team list"],
      [],
      ["", "", ""],
      ["", "Emp ID", "Employee Name", "Team"],
      ["", "P1", "Ann", "OPS"],
      ["", "P2", "Bob", "OPS"],
      ["", "total", "", ""],
    ];
    const wb = workbook({ ...minimal(), "Sheet 3": rows }, [
      { name: "tblStaff", sheet: "Sheet 3", top: 3, left: 1, rowCount: 3, colCount: 3 },
    ]);
    const a = analyzeWorkbook(wb, { today: AS_OF });
    expect(a.model.regions.people?.table).toBe("tblStaff");
    expect([...a.model.people.keys()]).toEqual(["P1", "P2"]);
    expect(a.model.people.get("P2")?.unit).toBe("OPS");
  });
  it("points findings at real cells inside the table", () => {
    const rows = [["x"], ["", "KPI ID", "KRA ID", "KPI", "Target"], ["", "K1", "R1", "a", "lots"]];
    const m = minimal();
    const wb = workbook({ KRAs: m.KRAs, Data: rows }, [
      { name: "KPIs", sheet: "Data", top: 1, left: 1, rowCount: 2, colCount: 4 },
    ]);
    const a = analyzeWorkbook(wb, { today: AS_OF });
    expect(findingsOf(a, "invalid-number")[0]).toMatchObject({ sheet: "Data", cell: "E3" });
  });
});

describe("header rows and columns", () => {
  it("skips title rows and finds the header among the first 10 rows", () => {
    const a = analyze({
      KRAs: [["My KRAs"], ["notes", "more notes"], KRA_HEADER, kra("R1"), kra("R2"), kra("R3")],
      KPIs: minimal().KPIs,
    });
    expect(a.model.kras.size).toBe(3);
    const b = analyze({
      KRAs: [...Array(9).fill(["title"]), KRA_HEADER, kra("R1"), kra("R2"), kra("R3")],
      KPIs: minimal().KPIs,
    });
    expect(b.model.kras.size).toBe(3);
  });
  it("counts the offset of a used range that does not start at A1", () => {
    const a = analyzeWorkbook(
      {
        sheets: [
          { name: "KRAs", rows: minimal().KRAs, rowOffset: 4, colOffset: 2 },
          { name: "KPIs", rows: [...minimal().KPIs, kpi("K9", { target: "x" })] },
        ],
      },
      { today: AS_OF }
    );
    expect(a.findings[0]).toMatchObject({ rule: "invalid-number", cell: "F5" });
    const b = analyzeWorkbook(
      {
        sheets: [
          {
            name: "KRAs",
            rows: [...minimal().KRAs, kra("R9", { owner: null })],
            rowOffset: 4,
            colOffset: 2,
          },
          { name: "KPIs", rows: minimal().KPIs },
        ],
      },
      { today: AS_OF }
    );
    expect(findingsOf(b, "missing-owner")[0].cell).toBe("E9");
  });
  it("matches headers in any order, any case, ignoring punctuation and a trailing *", () => {
    const header = [
      "target*",
      "KPI",
      "kpi_id",
      "Kra Id",
      "POLARITY",
      "Start Value",
      "Upper-Target",
    ];
    const a = analyze({
      KRAs: minimal().KRAs,
      KPIs: [header, [50, "x", "K1", "R1", "range", null, 60]],
    });
    expect(a.model.kpis.get("K1")).toMatchObject({ target: 50, direction: "range", targetMax: 60 });
  });
  it.each([
    ["Unit ID", ["Unit", "Unit Code", "Org ID", "ID"]],
    ["Parent Unit ID", ["Parent", "Parent ID", "Parent Unit"]],
  ])("Org column %s has synonyms %j", (_, synonyms) => {
    for (const s of synonyms) {
      const rows = [
        [
          s === "ID" || s.startsWith("Unit") || s === "Org ID" ? s : "Unit ID",
          s.startsWith("Parent") ? s : "Parent Unit ID",
        ],
        ["A", null],
        ["B", "A"],
      ];
      const a = analyze({ ...minimal(), Org: rows });
      expect(a.model.units.get("B")?.parent).toBe("A");
    }
  });
  it("knows the synonyms of every KPI column", () => {
    const header = [
      "ID",
      "KRA",
      "Measure",
      "Unit of Measure",
      "Polarity",
      "Start",
      "Goal Value",
      "Max Target",
      "Weight",
      "Rollup",
      "Frequency",
      "Green At",
      "Amber At",
      "Owner",
      "Current",
    ];
    const a = analyze({
      KRAs: minimal().KRAs,
      KPIs: [
        header,
        ["K1", "R1", "m", "%", "higher", 1, 2, 3, 4, "Total", "Yearly", 1, 0.5, "P1", 1.5],
      ],
    });
    expect(a.model.kpis.get("K1")).toMatchObject({
      kra: "R1",
      name: "m",
      unit: "%",
      direction: "higher",
      baseline: 1,
      target: 2,
      targetMax: 3,
      weight: 4,
      aggregation: "sum",
      frequency: "annual",
      greenAt: 1,
      amberAt: 0.5,
      owner: "P1",
      actual: 1.5,
    });
  });
  it("knows the synonyms of the other sheets' columns", () => {
    const a = analyze({
      People: [
        ["Employee ID", "Full Name", "Department", "Reports To", "Designation"],
        ["P1", "Ann", "U", null, "CEO"],
        ["P2", "Bob", "U", "P1", "Dev"],
      ],
      Goals: [
        ["ID", "Goal Statement", "Period", "Owner"],
        ["G1", "Grow", "FY26", "Ann"],
      ],
      Objectives: [
        ["ID", "Goal", "Statement", "Owner", "Deadline"],
        ["O1", "G1", "Sell", "Ann", "2026-12-31"],
      ],
      KRAs: [
        ["ID", "Area", "Owner ID", "Objective", "Parent", "Weight"],
        ["R1", "a", "P1", "O1", null, 1],
      ],
      KPIs: [
        ["KPI ID", "KRA ID", "Indicator", "Target", "Actual Value"],
        ["K1", "R1", "x", 1, 1],
      ],
      Results: [
        ["KPI", "Quarter", "Result", "Comment"],
        ["K1", "Q1 2026", 1, "ok"],
      ],
    });
    expect(a.model.people.get("P2")).toMatchObject({
      name: "Bob",
      unit: "U",
      manager: "P1",
      role: "Dev",
    });
    expect(a.model.objectives.get("O1")?.goal).toBe("G1");
    expect(a.model.kras.get("R1")).toMatchObject({ owner: "P1", objective: "O1" });
    expect(a.model.checkIns.at(0)).toMatchObject({ kpi: "K1", actual: 1, note: "ok" });
  });
  it("keeps unknown columns untouched and ignores them", () => {
    const kpis = minimal().KPIs.map((r, i) => ["note", ...r, i === 0 ? "Comments" : "=SUM(A1)"]);
    kpis[0][0] = "Scratch";
    const a = analyze({ ...minimal(), KPIs: kpis });
    expect(a.findings).toEqual([]);
  });
});

describe("mapping settings", () => {
  it("Sheet KPIs names the sheet that holds the KPIs", () => {
    const m = minimal();
    const a = analyze({
      KRAs: m.KRAs,
      "Q3 numbers": m.KPIs,
      Settings: [
        ["Setting", "Value"],
        ["Sheet KPIs", "Q3 numbers"],
      ],
    });
    expect(a.model.kpis.size).toBe(3);
    expect(a.findings).toEqual([]);
  });
  it("Column KPIs.Target names the header that holds the target", () => {
    const kpis = [
      ["KPI ID", "KRA ID", "KPI", "Plan 2026"],
      ["K1", "R1", "x", 200],
      ["K2", "R2", "y", 1],
      ["K3", "R3", "z", 1],
    ];
    const a = analyze({
      KRAs: minimal().KRAs,
      KPIs: kpis,
      Settings: [
        ["Setting", "Value"],
        ["Column KPIs.Target", "Plan 2026"],
      ],
    });
    expect(a.model.kpis.get("K1")?.target).toBe(200);
    expect(findingsOf(a, "missing-column")).toHaveLength(0);
  });
  it("a mapping to a sheet or header that does not exist is invalid-value on the Settings row", () => {
    const a = analyze({
      ...minimal(),
      Settings: [
        ["Setting", "Value"],
        ["Sheet KPIs", "Nope"],
        ["Column KRAs.Weight", "Heft"],
      ],
    });
    expect(
      findingsOf(a, "invalid-value")
        .map((f) => `${f.sheet}!${f.cell}`)
        .sort()
    ).toEqual(["Settings!B2", "Settings!B3"]);
    expect(a.model.kpis.size).toBe(3);
  });
  it("a mapping of an unknown kind or field is an unknown setting", () => {
    const a = analyze({
      ...minimal(),
      Settings: [
        ["Setting", "Value"],
        ["Sheet Budgets", "x"],
        ["Column KPIs.Colour", "y"],
      ],
    });
    expect(findingsOf(a, "unknown-setting")).toHaveLength(2);
  });
});

describe("settings", () => {
  const settings = (rows: unknown[][]) =>
    analyze({ ...minimal(), Settings: [["Setting", "Value"], ...rows] as never });
  it("reads every setting", () => {
    const a = settings([
      ["Cycle Start", "2026-01-01"],
      ["Cycle End", 46387],
      ["As Of", "2026-03-31"],
      ["Cap", 1.5],
      ["Floor", "-10%"],
      ["Green At", "95%"],
      ["Amber At", 0.8],
      ["Rating Bands", "120%; 100%; 80%; 60%"],
      ["Prorate Targets", "Yes"],
      ["KRA Count Min", 2],
      ["KRA Count Max", 7],
      ["Goal Count Max", 4],
    ]);
    expect(a.findings).toEqual([]);
    expect(a.model.settings).toMatchObject({
      cap: 1.5,
      floor: -0.1,
      greenAt: 0.95,
      amberAt: 0.8,
      ratingBands: [1.2, 1, 0.8, 0.6],
      prorateTargets: true,
      kraCountMin: 2,
      kraCountMax: 7,
      goalCountMax: 4,
    });
  });
  it("a bad value is a finding and the default holds", () => {
    const a = settings([
      ["Cap", "big"],
      ["Cycle Start", "someday"],
      ["Rating Bands", "1, 2, 3"],
      ["Prorate Targets", "perhaps"],
      ["KRA Count Max", 2.5],
    ]);
    expect(a.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([
      "invalid-number@B2",
      "invalid-date@B3",
      "invalid-number@B4",
      "invalid-value@B5",
      "invalid-number@B6",
    ]);
    expect(a.model.settings).toMatchObject({
      cap: 1.2,
      cycleStart: null,
      ratingBands: [1.1, 1, 0.9, 0.75],
      prorateTargets: false,
      kraCountMax: 5,
    });
  });
  it("reads a Settings sheet without a header row", () => {
    const a = analyze({ ...minimal(), Settings: [["Cap", 2]] });
    expect(a.model.settings.cap).toBe(2);
  });
  it("a repeated setting is a duplicate and the first one holds", () => {
    const a = settings([
      ["Cap", 2],
      ["cap", 3],
    ]);
    expect(findingsOf(a, "duplicate-id")[0]).toMatchObject({ cell: "A3", entity: "setting" });
    expect(a.model.settings.cap).toBe(2);
  });
});

describe("nothing in the input changes", () => {
  it("leaves the grids exactly as they were", () => {
    const wb = workbook({
      ...minimal({ kpis: [kpi("K9", { target: " 1,200 " })] }),
      Settings: [["Cap", 2]],
    });
    const before = JSON.stringify(wb);
    analyzeWorkbook(wb, { today: AS_OF });
    expect(JSON.stringify(wb)).toBe(before);
  });
  it("KPI_HEADER is what the helpers assume", () => {
    expect(KPI_HEADER).toHaveLength(12);
  });
});
