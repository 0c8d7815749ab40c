/**
 * The package reader agrees with ExcelJS's full reader (an independent implementation, kept as the
 * bench's baseline), finds tables (with header and totals rows), and keeps sheet order.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import { gridsFromWorkbook, loadWorkbook, toCellValue } from "../../../bench/baseline/exceljs-read";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";

const streamGrids = async (bytes: Uint8Array) => readPackage(bytes).grids;

async function workbookWithTables(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Zeta").getCell("A1").value = "first tab";
  const ws = wb.addWorksheet("Data & more");
  ws.getCell("A1").value = "title";
  ws.addTable({
    name: "tblKPIs",
    ref: "B3",
    headerRow: true,
    totalsRow: true,
    columns: [
      { name: "KPI ID", totalsRowLabel: "Total" },
      { name: "Target", totalsRowFunction: "sum" },
    ],
    rows: [
      ["K1", 5],
      ["K2", 7],
    ],
  });
  ws.getCell("E9").value = { formula: "1+1", result: 2 };
  ws.getCell("E10").value = { richText: [{ text: "rich " }, { text: "text" }] };
  ws.getCell("E11").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell("E12").value = new Date(Date.UTC(2026, 2, 31));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("reading .xlsx", () => {
  it("reads the same grids and tables as ExcelJS's full reader, on the sample workbook", async () => {
    const bytes = await fs.readFile(SAMPLE_WORKBOOK);
    const full = gridsFromWorkbook(await loadWorkbook(bytes));
    const streamed = await streamGrids(bytes);
    expect(streamed.sheets.map((s) => s.name)).toEqual(full.sheets.map((s) => s.name));
    expect(streamed).toEqual(full);
    expect(streamed.tables).toEqual([
      { name: "tblStaff", sheet: "Team Roster", top: 0, left: 0, rowCount: 13, colCount: 5 },
    ]);
  });

  it("finds a table below a title, leaves its totals row out, and reads every kind of value", async () => {
    const bytes = await workbookWithTables();
    for (const grids of [await streamGrids(bytes), gridsFromWorkbook(await loadWorkbook(bytes))]) {
      expect(grids.sheets.map((s) => s.name)).toEqual(["Zeta", "Data & more"]);
      expect(grids.tables).toEqual([
        { name: "tblKPIs", sheet: "Data & more", top: 2, left: 1, rowCount: 3, colCount: 2 },
      ]);
      const rows = grids.sheets[1].rows;
      expect(rows[8][4]).toBe(2);
      expect(rows[9][4]).toBe("rich text");
      expect(rows[10][4]).toEqual({ error: "#REF!" });
      expect(rows[11][4]).toEqual(new Date(Date.UTC(2026, 2, 31)));
    }
  });

  it("reads a package laid out as ExcelJS's browser build writes it (strings first, workbook part last)", async () => {
    const bytes = await fs.readFile(SAMPLE_WORKBOOK);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const first = [
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
    ];
    const order = [
      ...first,
      ...names.filter((n) => !first.includes(n) && n !== "xl/workbook.xml"),
      "xl/workbook.xml",
    ];
    const reordered = new JSZip();
    for (const name of order) reordered.file(name, await zip.file(name)!.async("uint8array"));
    const moved = await reordered.generateAsync({ type: "uint8array" });
    const expected = gridsFromWorkbook(await loadWorkbook(bytes));
    expect(await streamGrids(moved)).toEqual(expected);
  });

  it("turns ExcelJS values into plain cell values (the baseline reader)", () => {
    expect(toCellValue({ text: "link", hyperlink: "http://x" })).toBe("link");
    expect(
      toCellValue({ formula: "A1", result: undefined } as unknown as ExcelJS.CellValue)
    ).toBeNull();
    expect(toCellValue(null)).toBeNull();
  });
});
