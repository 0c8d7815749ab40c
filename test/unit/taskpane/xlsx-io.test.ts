/** The file mode's reader and writer over the package reader and writer: bytes in, grids or new bytes out, the old bytes untouched. */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { WorkbookGrids } from "../../../src/engine/grid";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { planWorkbook } from "../../../src/planner";
import { planTemplate } from "../../../src/planner/template";
import { applyEdit, readGrids, writePlan } from "../../../src/taskpane/ports/xlsx-io";
import { whatChanged } from "../../../src/taskpane/worker/changes-view";
import { paneView } from "../../../src/taskpane/worker/pane-view";

async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("KRAs").addRows([
    ["KRA ID", "KRA", "Owner"],
    ["R1", "Revenue", "U1"],
  ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const names = async (bytes: Uint8Array) => (await readGrids(bytes)).sheets.map((s) => s.name);

describe("xlsx-io", () => {
  it("reads grids, and writes a plan into new bytes that read back with its sheets", async () => {
    const bytes = await xlsx();
    expect((await readGrids(bytes)).sheets[0].rows[1]).toEqual(["R1", "Revenue", "U1"]);
    const { bytes: written, sheets } = await writePlan(bytes, { sheets: planTemplate(["kpis"]) });
    expect(sheets).toEqual(["KPIs"]);
    expect(await names(written)).toEqual(["KRAs", "KPIs"]);
    // The bytes given are never changed: reading them again gives the workbook as it was.
    expect(await names(bytes)).toEqual(["KRAs"]);
    const edited = await applyEdit(written, {
      sheet: "Settings",
      create: true,
      writes: [{ address: "A1", value: "Cap" }],
    });
    expect(await names(edited)).toEqual(["KRAs", "KPIs", "Settings"]);
    expect(await names(written)).toEqual(["KRAs", "KPIs"]);
  });

  it("starts a new workbook from empty bytes, and refuses what is not a workbook", async () => {
    expect(
      await names((await writePlan(new Uint8Array(0), { sheets: planTemplate(["kras"]) })).bytes)
    ).toEqual(["KRAs"]);
    await expect(readGrids(new Uint8Array([1, 2, 3, 4]))).rejects.toThrow(
      "This file is not a workbook the pane reads (.xlsx, .xlsm, .xls, .ods or .csv)."
    );
  });

  it("opens a .csv (told by its name) or an .xls as a new .xlsx holding its data, and builds into it", async () => {
    const csv = new TextEncoder().encode("KRA ID,KRA,Owner\nR1,Revenue,U1\n");
    expect((await readGrids(csv, "kras.csv")).sheets[0].rows[1]).toEqual(["R1", "Revenue", "U1"]);
    const { bytes: built } = await writePlan(csv, { sheets: planTemplate(["kpis"]) });
    expect(await names(built)).toEqual(["kras", "KPIs"]);
    const xls = readFileSync(path.join(__dirname, "../../fixtures/xls/sample-company.xls"));
    const grids = await readGrids(new Uint8Array(xls), "sample.xls");
    expect(grids.sheets.map((s) => s.name)).toContain("KPIs");
  });

  it("reads a build back without scanning its output sheets, and sees what a full reading sees", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_WORKBOOK));
    const built = await writePlan(bytes, planWorkbook(analyzeWorkbook(await readGrids(bytes))));
    const quick = await readGrids(built.bytes);
    const full = readPackage(built.bytes).grids;
    const rows = (grids: WorkbookGrids, name: string) =>
      grids.sheets.find((s) => s.name === name)?.rows.length;
    // The scorecard is read as an empty grid; the last build's figures are read in full.
    expect(rows(full, "KPI Scorecard")).toBeGreaterThan(10);
    expect(rows(quick, "KPI Scorecard")).toBe(0);
    expect(rows(quick, "KPI Last Build")).toBe(rows(full, "KPI Last Build"));
    expect(quick.sheets.map((s) => s.name)).toEqual(full.sheets.map((s) => s.name));
    // Every screen shows the same, What changed included.
    const quickAnalysis = analyzeWorkbook(quick);
    const fullAnalysis = analyzeWorkbook(full);
    expect(paneView(quickAnalysis, quick, [])).toEqual(paneView(fullAnalysis, full, []));
    expect(whatChanged(quick, quickAnalysis).view).toEqual(whatChanged(full, fullAnalysis).view);
    // The writer's checksums stand in for the sheets': the next build replaces every sheet.
    const again = await writePlan(built.bytes, planWorkbook(quickAnalysis));
    expect(again.sheets).toEqual(built.sheets);
    expect(again.kept).toEqual([]);
    expect(readPackage(again.bytes).grids.sheets.map((s) => s.name)).toEqual(
      full.sheets.map((s) => s.name)
    );
  });
});
