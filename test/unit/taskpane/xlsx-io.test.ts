/** The file mode's reader and writer over the package reader and writer: bytes in, grids or new bytes out, the old bytes untouched. */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { planTemplate } from "../../../src/planner/template";
import { applyEdit, readGrids, writePlan } from "../../../src/taskpane/ports/xlsx-io";

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
});
