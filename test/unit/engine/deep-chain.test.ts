/**
 * A cascade 10,000 KRAs deep — each the parent of the next — through every stage that walks the
 * tree: the engine, the report, the planner, the package writer and its reader, the Office.js
 * writer, and the pane's engine with its model tree (opened to the bottom) and its messages to the
 * page (structured clone, as postMessage copies them). A recursive walk overflows the stack here.
 */
import { writePlan, emptyWorkbook } from "../../../src/adapters/xlsx/write";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { applyPlanToExcel } from "../../../src/adapters/office/write-plan";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { CellValue } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import { planWorkbook } from "../../../src/planner";
import { createPaneEngine } from "../../../src/taskpane/worker/pane-engine";
import { FakeWorkbook, installExcelEnums } from "../../support/fake-excel";
import { fakeXlsxIo } from "../../support/fake-xlsx-io";
import { AS_OF, KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";

const DEPTH = 10_000;

function chain(): { KRAs: CellValue[][]; KPIs: CellValue[][] } {
  const kras: CellValue[][] = [KRA_HEADER];
  const kpis: CellValue[][] = [KPI_HEADER];
  for (let i = 0; i < DEPTH; i++) {
    kras.push(kra(`R${i}`, { parent: i === 0 ? null : `R${i - 1}`, owner: `P${i % 50}` }));
    kpis.push(kpi(`K${i}`, { kra: `R${i}` }));
  }
  return { KRAs: kras, KPIs: kpis };
}

beforeAll(installExcelEnums);

describe(`a cascade ${DEPTH.toLocaleString("en-US")} KRAs deep`, () => {
  const grids = workbook(chain());
  const analysis = analyzeWorkbook(grids, { today: AS_OF });

  it("is analysed, reported and planned", () => {
    expect(analysis.model.kras.size).toBe(DEPTH);
    expect(analysis.scores.kras.get("R0")?.cascadeScore).toBe(1);
    expect(JSON.stringify(buildReport(analysis, { withHistory: true })).length).toBeGreaterThan(0);
    const plan = planWorkbook(analysis);
    const cascade = plan.sheets.find((s) => s.kind === "cascade");
    expect(cascade?.rows.length).toBeGreaterThan(DEPTH);
  });

  it("is written into a package that reads back, and through the Office.js writer", async () => {
    const plan = planWorkbook(analysis);
    const { bytes } = writePlan(emptyWorkbook(), plan);
    expect(readPackage(bytes).grids.sheets.map((s) => s.name)).toContain("KPI Cascade");
    const book = new FakeWorkbook([]);
    await applyPlanToExcel(book.context(), plan);
    expect(book.sheets.map((s) => s.name)).toContain("KPI Cascade");
  });

  it("lays out in the pane's model tree, opened to the bottom, and crosses to the page", async () => {
    const engine = createPaneEngine(async () => fakeXlsxIo);
    const view = await engine.analyze(grids, () => undefined);
    structuredClone(view);
    // Open the first KRA at each level, down to the last.
    let rows = view.roots;
    let depth = 0;
    for (;;) {
      const open = rows.find((r) => r.level !== "KPI" && r.childCount > 0);
      if (!open) break;
      rows = await engine.children(open.key);
      structuredClone(rows);
      depth++;
    }
    expect(depth).toBeGreaterThanOrEqual(DEPTH);
    // A search finds the deepest KRA, with its path of 9,999 KRAs above it.
    const found = await engine.search(`R${DEPTH - 1}`, 5);
    expect(found.rows[0].path.split(" › ").length).toBeGreaterThanOrEqual(DEPTH - 1);
  }, 60_000);
});
