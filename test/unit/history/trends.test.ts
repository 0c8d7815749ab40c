/** The Trends sheet and its charts: the table holds the history, and every chart series points at it. */
import { parseA1 } from "../../../src/engine/address";
import { Day, dayFromYmd } from "../../../src/engine/dates";
import { historyOf } from "../../../src/engine/history/history";
import {
  CHART_CONTENT_TYPE,
  DRAWING_CONTENT_TYPE,
  chartParts,
  sheetRange,
} from "../../../src/adapters/xlsx/chart-parts";
import { planWorkbook } from "../../../src/planner";
import { CellPlan, ChartPlan, SheetPlan } from "../../../src/planner/plan";
import { TRENDS_HEADER_ROW, periodLabel, planTrends, trendOf } from "../../../src/planner/trends";
import { KPI_HEADER, KRA_HEADER, analyze, kpi, workbook } from "../../support/workbook";
import { Recalculated } from "../../support/recalc";

const sheets = {
  Org: [
    ["Unit ID", "Unit Name", "Parent Unit ID"],
    ["U1", "Company", null],
    ["U2", "Sales", "U1"],
  ],
  People: [
    ["Person ID", "Name", "Unit ID"],
    ["P1", "Ana", "U2"],
    ["P2", "Bo", "U2"],
  ],
  KRAs: [
    KRA_HEADER,
    ["R1", "Revenue", "P1", null, null, null],
    ["R2", "Service", "P2", null, null, null],
  ],
  KPIs: [
    KPI_HEADER,
    kpi("K1", { kra: "R1", target: 100, aggregation: "last" }),
    kpi("K2", { kra: "R2", target: 100, aggregation: "last" }),
  ],
  Actuals: [
    ["KPI ID", "Period", "Actual"],
    ["K1", "2026-04", 80],
    ["K1", "2026-05", 95],
    ["K1", "2026-06", 100],
    ["K2", "2026-04", 100],
    ["K2", "2026-05", 100],
    ["K2", "2026-06", 85],
  ],
};

/** The cells of an A1 range on a plan: one row or one column. */
function cells(plan: SheetPlan, range: string): (CellPlan | null)[] {
  const [from, to] = range.split(":").map((c) => parseA1(c) as { row: number; col: number });
  const out: (CellPlan | null)[] = [];
  for (let r = from.row; r <= to.row; r++)
    for (let c = from.col; c <= to.col; c++) out.push(plan.rows[r]?.[c] ?? null);
  return out;
}
const values = (plan: SheetPlan, range: string) => cells(plan, range).map((c) => c?.value ?? null);
/** The first cells of the row a series range lies on: Kind, ID, Name. */
const rowLabels = (plan: SheetPlan, range: string) => {
  const row = (parseA1(range.split(":")[0]) as { row: number }).row;
  return plan.rows[row].slice(0, 3).map((c) => c?.value ?? null);
};

describe("the Trends sheet", () => {
  const analysis = analyze(sheets);
  const history = historyOf(analysis);
  const plan = planTrends(analysis) as SheetPlan;
  const [line, status] = plan.charts as ChartPlan[];

  it("is planned only when there are check-ins, after the dashboard", () => {
    expect(planWorkbook(analysis).sheets.map((s) => s.kind)).toEqual([
      "scorecard",
      "cascade",
      "findings",
      "dashboard",
      "trends",
      "lastbuild",
      "periods",
    ]);
    expect(planTrends(analyze({ KRAs: sheets.KRAs, KPIs: sheets.KPIs }))).toBeNull();
  });

  it("holds the history by period, with a trend mark per row", () => {
    expect(values(plan, `D${TRENDS_HEADER_ROW}:G${TRENDS_HEADER_ROW}`)).toEqual([
      "Apr 2026",
      "May 2026",
      "Jun 2026",
      "Trend",
    ]);
    const row = (id: string) =>
      plan.rows.find((r) => r[1]?.value === id && r[0]?.value === "KPI")?.map((c) => c?.value);
    expect(row("K1")).toEqual(["KPI", "K1", "KPI K1", 0.8, 0.95, 1, "▲ up"]);
    expect(row("K2")).toEqual(["KPI", "K2", "KPI K2", 1, 1, 0.85, "▼ down"]);
    expect(history?.units.get("U2")).toEqual([0.9, 0.975, 0.925]);
  });

  it("has charts whose categories are the period headers and whose series are the table's rows", () => {
    const n = history?.periods.length ?? 0;
    expect(values(plan, line.categories)).toEqual(
      history?.periods.map((p) => periodLabel(p, "month"))
    );
    expect(cells(plan, line.categories)).toHaveLength(n);
    expect(line.series.map((s) => s.name)).toEqual(["Organisation", "Company", "Sales"]);
    expect(line.series.map((s) => rowLabels(plan, s.values))).toEqual([
      ["Organisation", null, "All people"],
      ["Unit", "U1", "Company"],
      ["Unit", "U2", "Sales"],
    ]);
    expect(values(plan, line.series[2].values)).toEqual(history?.units.get("U2"));
    expect(status.series.map((s) => rowLabels(plan, s.values))).toEqual([
      ["KPIs", null, "Green"],
      ["KPIs", null, "Amber"],
      ["KPIs", null, "Red"],
    ]);
    // Apr: K1 red (0.8), K2 green; May: amber + green; Jun: green + red.
    expect(status.series.map((s) => values(plan, s.values))).toEqual([
      [1, 1, 1],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });

  it("gives the dashboard a status-by-unit chart over its own count columns", () => {
    const built = planWorkbook(analysis);
    const dash = built.sheets.find((s) => s.kind === "dashboard") as SheetPlan;
    const book = Recalculated.of(workbook(sheets), built);
    // The counts are formulas over the scorecard: what they compute is what the chart plots.
    const computed = (range: string) => {
      const [from, to] = range.split(":").map((c) => parseA1(c) as { row: number; col: number });
      const all = book.values(dash.name);
      const out: unknown[] = [];
      for (let r = from.row; r <= to.row; r++)
        for (let c = from.col; c <= to.col; c++) out.push(all[r]?.[c] ?? null);
      return out;
    };
    const [chart] = dash.charts as ChartPlan[];
    expect(values(dash, chart.categories)).toEqual(["Company", "Sales"]);
    expect(chart.series.map((s) => [s.name, computed(s.values)])).toEqual([
      ["Green", [1, 1]],
      ["Amber", [0, 0]],
      ["Red", [1, 1]],
    ]);
  });
});

describe("chart parts", () => {
  const plan = planTrends(analyze(sheets)) as SheetPlan;
  const made = chartParts("KPI Trends", plan.charts as ChartPlan[], { drawing: 3, firstChart: 5 });

  it("are a drawing, its relationships and one chart part each, with their content types", () => {
    expect(made.parts.map((p) => [p.path, p.contentType])).toEqual([
      ["xl/drawings/drawing3.xml", DRAWING_CONTENT_TYPE],
      ["xl/drawings/_rels/drawing3.xml.rels", null],
      ["xl/charts/chart5.xml", CHART_CONTENT_TYPE],
      ["xl/charts/chart6.xml", CHART_CONTENT_TYPE],
    ]);
    expect(made.drawingRelTarget).toBe("../drawings/drawing3.xml");
    const rels = made.parts[1].xml;
    expect(rels).toContain('Id="rId1"');
    expect(rels).toContain('Target="../charts/chart5.xml"');
    expect(rels).toContain('Target="../charts/chart6.xml"');
    const drawing = made.parts[0].xml;
    expect(drawing.match(/r:id="rId\d"/g)).toEqual(['r:id="rId1"', 'r:id="rId2"']);
    expect(drawing).toContain("<xdr:from><xdr:col>0</xdr:col>");
  });

  it("plot formulas over the trends table's cells, with the sheet name quoted", () => {
    (plan.charts as ChartPlan[]).forEach((chart, i) => {
      const xml = made.parts[2 + i].xml;
      const formulas = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
      const expected = chart.series.flatMap((s) => [
        sheetRange("KPI Trends", chart.categories),
        sheetRange("KPI Trends", s.values),
      ]);
      expect(formulas).toEqual(expected);
      expect(formulas[0]).toBe(`'KPI Trends'!$D$${TRENDS_HEADER_ROW}:$F$${TRENDS_HEADER_ROW}`);
      expect(xml).toContain(
        chart.type === "line" ? "<c:lineChart>" : '<c:grouping val="stacked"/>'
      );
    });
  });

  it("escape names and quote sheet names with apostrophes", () => {
    expect(sheetRange("Ana's <KPIs>", "a1:b2")).toBe("'Ana''s <KPIs>'!$A$1:$B$2");
    const xml = chartParts(
      "Ana's",
      [{ ...(plan.charts as ChartPlan[])[0], title: "R&D <x>\u0001" }],
      {
        drawing: 1,
        firstChart: 1,
      }
    ).parts[2].xml;
    expect(xml).toContain("<a:t>R&amp;D &lt;x&gt;</a:t>");
    expect(xml).toContain("<c:f>'Ana''s'!$D$");
  });
});

describe("trend marks and period labels", () => {
  it("compare the last two values, flat within half a point", () => {
    expect(trendOf([0.5, 0.9])).toBe("up");
    expect(trendOf([0.9, 0.5])).toBe("down");
    expect(trendOf([0.9, 0.904])).toBe("flat");
    expect(trendOf([0.9])).toBeNull();
    expect(trendOf([null, 0.9])).toBeNull();
  });

  it("name months, quarters and a cut-short last period", () => {
    const d = (y: number, m: number, day: number) => dayFromYmd(y, m, day) as Day;
    expect(periodLabel(d(2026, 3, 31), "month")).toBe("Mar 2026");
    expect(periodLabel(d(2026, 3, 31), "quarter")).toBe("Q1 2026");
    expect(periodLabel(d(2026, 6, 15), "month")).toBe("15 Jun 2026");
  });
});
