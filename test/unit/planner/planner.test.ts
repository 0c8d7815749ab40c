/** The planner's sheets: what each holds, in which order, and the formulas it writes. */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { planWorkbook } from "../../../src/planner";
import { cellLink, formulaString } from "../../../src/planner/findings-sheet";
import { CellPlan, SheetPlan } from "../../../src/planner/plan";
import { SC, rawFormula, ratingFormula } from "../../../src/planner/scorecard";
import { AS_OF, KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";
import { columnLetters } from "../../../src/engine/address";
import { Recalculated } from "../../support/recalc";

const sheets = {
  Org: [
    ["Unit ID", "Unit Name", "Parent Unit ID"],
    ["CO", "Company", null],
    ["OPS", "Operations", "CO"],
    ["WH", "Warehouse", "OPS"],
  ],
  People: [
    ["Person ID", "Name", "Unit ID"],
    ["P1", "Ann", "WH"],
    ["P2", "Bob", "OPS"],
  ],
  Goals: [
    ["Goal ID", "Goal"],
    ["G1", "Grow"],
  ],
  Objectives: [
    ["Objective ID", "Goal ID", "Objective"],
    ["O1", "G1", "Sell more"],
  ],
  KRAs: [
    KRA_HEADER,
    kra("P2-1", { owner: "P2", parent: "CO-1" }),
    kra("P1-1", { owner: "P1", parent: "CO-1", weight: 2 }),
    kra("WH-1", { owner: "WH", parent: "CO-1" }),
    kra("CO-1", { owner: "CO", objective: "O1" }),
  ],
  KPIs: [
    KPI_HEADER,
    kpi("K1", { kra: "CO-1", actual: 90 }),
    kpi("K2", { kra: "P1-1", direction: "lower", baseline: 10, target: 5, actual: 6 }),
    kpi("K3", { kra: "P2-1", direction: "range", target: 3, targetMax: 5, actual: 7 }),
    kpi("K4", { kra: "WH-1", target: "TBD" }),
    kpi("K5", { kra: "P1-1", greenAt: 0.8, amberAt: 0.5 }),
  ],
};
const analysis = analyzeWorkbook(workbook(sheets), { today: AS_OF });
const plan = planWorkbook(analysis);
const sheet = (kind: SheetPlan["kind"]) => plan.sheets.find((s) => s.kind === kind) as SheetPlan;
const column = (s: SheetPlan, c: number) => s.rows.map((r) => r[c]);
const values = (cells: (CellPlan | null)[]) => cells.map((c) => c?.value ?? null);

describe("the scorecard", () => {
  const sc = sheet("scorecard");
  const kinds = values(column(sc, SC.kind));
  const ids = values(column(sc, SC.id));
  it("has a block per owner: units top-down, then people", () => {
    const owners = ids.filter((_, i) => kinds[i] === "owner");
    expect(owners).toEqual(["CO", "WH", "P1", "P2"]);
    const rows = ids.map((id, i) => `${kinds[i]}:${id}`).filter((x) => /^(owner|kra|kpi):/.test(x));
    expect(rows).toEqual([
      "owner:CO",
      "kra:CO-1",
      "kpi:K1",
      "owner:WH",
      "kra:WH-1",
      "kpi:K4",
      "owner:P1",
      "kra:P1-1",
      "kpi:K2",
      "kpi:K5",
      "owner:P2",
      "kra:P2-1",
      "kpi:K3",
    ]);
  });
  it("writes attainment, status, scores and rating as formulas, and no raw formula for an unscorable KPI", () => {
    const row = (id: string) => sc.rows[ids.indexOf(id)];
    expect(row("K1")[SC.raw]?.formula).toBe(rawFormula("higher", false, ids.indexOf("K1") + 1));
    const H = columnLetters(SC.raw);
    expect(row("K1")[SC.attainment]?.formula).toMatch(
      new RegExp(`^IF\\(${H}\\d+="","",MIN\\(\\$B\\$2,MAX\\(\\$D\\$2,${H}\\d+\\)\\)\\)$`)
    );
    expect(row("K1")[SC.status]?.formula).toContain('"Green"');
    expect(row("K4")[SC.raw]?.value).toBeNull();
    expect(row("P1")[SC.status]?.formula).toBe(
      ratingFormula(`${columnLetters(SC.attainment)}${ids.indexOf("P1") + 1}`)
    );
    const R = columnLetters(SC.kpiWeighted);
    expect(row("P1-1")[SC.attainment]?.formula).toMatch(new RegExp(`SUM\\(${R}\\d+:${R}\\d+\\)`));
  });
  it("links a KPI's own thresholds to its cells and refers to the settings' otherwise", () => {
    const row = (id: string) => sc.rows[ids.indexOf(id)];
    expect(row("K5")[SC.greenAt]?.formula).toBe("KPIs!J6");
    expect(row("K1")[SC.greenAt]?.formula).toBe("$F$2");
  });
  it("puts every conditional format on a bounded range", () => {
    for (const cf of sc.conditionalFormats ?? [])
      for (const part of cf.range.split(" ")) expect(part).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
  });
});

describe("formulas", () => {
  it("spell out each direction of SPEC section 4", () => {
    expect(rawFormula("higher", true, 7)).toBe('IF(H7="","",IF(E7=D7,"",(H7-D7)/(E7-D7)))');
    expect(rawFormula("lower", true, 7)).toBe('IF(H7="","",IF(D7=E7,"",(D7-H7)/(D7-E7)))');
    expect(rawFormula("higher", false, 7)).toBe('IF(H7="","",IF(E7=0,"",1+(H7-E7)/ABS(E7)))');
    expect(rawFormula("lower", false, 7)).toBe('IF(H7="","",IF(E7=0,"",1+(E7-H7)/ABS(E7)))');
    expect(rawFormula("range", false, 7)).toContain("IF(AND(H7>=E7,H7<=G7),1,");
  });
  it("quote workbook text so it cannot break out of a string", () => {
    expect(formulaString('say "hi"')).toBe('"say ""hi"""');
    expect(cellLink('Bob\'s "KPIs"', "A7")).toBe(
      'HYPERLINK("#\'Bob\'\'s ""KPIs""\'!A7","Bob\'s ""KPIs""!A7")'
    );
  });
});

describe("the other sheets", () => {
  it("findings: one row per finding, errors first, each linked to its cell", () => {
    const f = sheet("findings");
    const body = f.rows.slice(3);
    expect(body).toHaveLength(analysis.findings.length);
    expect(body[0][0]?.value).toBe("error");
    expect(body[0][2]?.formula).toMatch(/^HYPERLINK\("#'KPIs'!F5","KPIs!F5"\)$/);
  });
  it("cascade: goal → objective → KRA → child KRAs → KPIs, indented", () => {
    const c = sheet("cascade");
    const tree = c.rows.slice(3).map((r) => `${r[0]?.indent ?? 0}:${r[2]?.value}`);
    expect(tree).toEqual([
      "0:G1",
      "1:O1",
      "2:CO-1",
      "3:K1",
      "3:P2-1",
      "4:K3",
      "3:P1-1",
      "4:K2",
      "4:K5",
      "3:WH-1",
      "4:K4",
    ]);
  });
  it("dashboard: KPIs by status per unit, counting the units and people below it", () => {
    const d = sheet("dashboard");
    // The counts are formulas over the scorecard: what matters is what they compute.
    const book = Recalculated.of(analysis.workbook, plan);
    const computed = book.values(d.name);
    book.destroy();
    const counts = (id: string) =>
      computed[d.rows.findIndex((r) => r[1]?.value === id)].slice(2, 6);
    // K1 amber (CO); K2 red and K5 green (P1, in WH); K3 red (P2, in OPS); K4 unscored (WH).
    expect(counts("CO")).toEqual([1, 1, 2, 1]);
    expect(counts("WH")).toEqual([1, 0, 1, 1]);
  });
});
