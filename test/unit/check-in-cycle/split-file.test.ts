/**
 * A check-in file as a package (issue 14): sheet protection without a password, unlocked input
 * cells, the number check and the drop-down, the locked structure and the very hidden marker are
 * all in the XML, and an independent reader (ExcelJS) sees them too.
 */
import ExcelJS from "exceljs";
import { readWorkbookInput } from "../../../src/adapters/workbook-input";
import {
  checkInFileBytes,
  masterIdentity,
  readReturnedFile,
} from "../../../src/adapters/check-in-files";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { planSplit } from "../../../src/planner/check-in-cycle";
import { readMarker } from "../../../src/planner/check-in-cycle/marker";
import { packageParts } from "../../support/package-diff";
import { sampleMaster, typeInto } from "../../support/check-in-files";

let file: Uint8Array;
let parts: Map<string, Buffer>;
const text = (name: string) => (parts.get(name) as Buffer).toString("utf8");

beforeAll(async () => {
  const master = await sampleMaster();
  const input = readWorkbookInput(master, "master.xlsx");
  if (!input?.reading) throw new Error("no package");
  const analysis = analyzeWorkbook(input.grids);
  const split = planSplit(analysis, masterIdentity(analysis, input.reading, "master.xlsx"), {
    by: "owner",
  });
  const emma = split.files.find((f) => f.recipient.id === "P07");
  if (!emma) throw new Error("no file for P07");
  file = checkInFileBytes(split.planFile(emma));
  parts = await packageParts(file);
});

describe("a check-in file's package", () => {
  it("protects every sheet without a password, leaving columns and rows resizable", () => {
    for (const sheet of ["sheet1", "sheet2", "sheet3"]) {
      const xml = text(`xl/worksheets/${sheet}.xml`);
      const protection = /<sheetProtection [^>]*\/>/.exec(xml)?.[0] ?? "";
      expect(protection).toContain('sheet="1"');
      expect(protection).toContain('formatColumns="0"');
      expect(protection).not.toMatch(/password|hashValue/i);
      // CT_Worksheet order: right after the sheet data.
      expect(xml.indexOf("</sheetData><sheetProtection")).toBeGreaterThan(0);
    }
  });

  it("leaves only the Actual, Note and Confidence cells of the rows to fill unlocked", () => {
    const styles = text("xl/styles.xml");
    const xfs = (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").match(
      /<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g
    ) as string[];
    const unlocked = new Set(
      xfs.map((xf, i) => (xf.includes('<protection locked="0"/>') ? i : -1)).filter((i) => i >= 0)
    );
    expect(unlocked.size).toBeGreaterThan(0);
    const sheet = text("xl/worksheets/sheet1.xml");
    const open = [...sheet.matchAll(/<c r="([A-Z]+)(\d+)" s="(\d+)"/g)]
      .filter((m) => unlocked.has(Number(m[3])))
      .map((m) => `${m[1]}${m[2]}`);
    const expected = [8, 9, 10, 11, 12, 13].flatMap((r) => [`J${r}`, `K${r}`, `L${r}`]);
    expect(open.sort()).toEqual(expected.sort());
  });

  it("checks the Actual is a number and offers Low, Medium, High for Confidence", () => {
    const sheet = text("xl/worksheets/sheet1.xml");
    const validations = sheet.match(/<dataValidation [\s\S]*?<\/dataValidation>/g) ?? [];
    expect(validations).toHaveLength(2);
    expect(validations[0]).toMatch(/type="decimal"[^>]*operator="between"/);
    expect(validations[0]).toContain('sqref="J8:J13"');
    expect(validations[0]).toContain(
      "<formula1>-1000000000000000</formula1><formula2>1000000000000000</formula2>"
    );
    expect(validations[1]).toMatch(/type="list" errorStyle="warning"/);
    expect(validations[1]).toContain('sqref="L8:L13"');
    expect(validations[1]).toContain("<formula1>&quot;Low,Medium,High&quot;</formula1>");
  });

  it("locks the structure and keeps the marker on a very hidden sheet named by a checked marker", () => {
    const workbook = text("xl/workbook.xml");
    expect(workbook).toMatch(/<workbookProtection lockStructure="1"\/><bookViews>/);
    expect(workbook).toMatch(
      /<sheet name="KPI Cascade" sheetId="3" state="veryHidden" r:id="rId\d+"\/>/
    );
    expect(workbook).toMatch(
      /<definedName name="KPICascade_checkin_[0-9a-f]{16}" hidden="1">'KPI Cascade'!\$A\$1<\/definedName>/
    );
  });

  it("is read the same by ExcelJS: protection, unlocked cells, validations, hidden marker", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Check-ins") as ExcelJS.Worksheet;
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(
      true
    );
    expect(ws.getCell("J8").protection?.locked).toBe(false);
    expect(ws.getCell("A8").protection?.locked).not.toBe(false);
    expect(ws.getCell("J8").dataValidation).toMatchObject({ type: "decimal" });
    expect(ws.getCell("L9").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Low,Medium,High"'],
    });
    expect(wb.getWorksheet("KPI Cascade")?.state).toBe("veryHidden");
  });
});

describe("the marker", () => {
  it("names the master, the owner, the cycle and every row sent, with their checksum", () => {
    const read = readReturnedFile(file, "emma.xlsx");
    if (!read.ok) throw new Error(read.reason);
    expect(read.file.marker).toEqual({ sheet: "KPI Cascade", intact: true });
    const marker = readMarker(
      read.file.grids.sheets.find((s) => s.name === "KPI Cascade") as never
    );
    expect(marker).toMatchObject({
      version: 1,
      owner: "P07",
      ownerLabel: "Emma Walsh (P07)",
      by: "owner",
      cycle: "2025-07-01 to 2026-06-30",
      asOf: "2026-06-30",
      master: { name: "master.xlsx" },
    });
    expect(marker.master.kpis).toMatch(/^[0-9a-f]{16}$/);
    expect(
      marker.rows.filter((r) => r.sheet === "fill").map((r) => [r.kpi, r.period, r.end])
    ).toEqual(
      ["K-040", "K-041", "K-042", "K-043", "K-075", "K-076"].map((k) => [
        k,
        "Jun 2026",
        "2026-06-30",
      ])
    );
    expect(marker.rows.filter((r) => r.sheet === "so-far")).toHaveLength(6);
  });

  it("is no longer trusted once its sheet is edited", () => {
    const forged = typeInto(file, { B7: "P12" }, "KPI Cascade");
    const read = readReturnedFile(forged, "forged.xlsx");
    expect(read.ok && read.file.marker).toEqual({ sheet: "KPI Cascade", intact: false });
  });
});
