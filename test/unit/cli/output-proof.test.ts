/** Which existing files count as earlier outputs of kpi-cascade, replaced without --force. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { isKpiCascadeOutput, isKpiCascadeReport } from "../../../src/cli/output-proof";
import { rawXlsx } from "../../support/raw-xlsx";

const SHEETS = [{ name: "Data", rows: [["x", 1]] }];

describe("isKpiCascadeOutput", () => {
  it("recognises the generated-sheet marker names, with or without a namespace prefix", async () => {
    const marked = await rawXlsx({
      sheets: SHEETS,
      definedNames: `<definedName name="KPICascade_scorecard">'Data'!$A$1</definedName>`,
    });
    expect(isKpiCascadeOutput(marked)).toBe(true);
    const prefixed = await rawXlsx({ sheets: SHEETS });
    const zip = await JSZip.loadAsync(prefixed);
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) as string;
    zip.file(
      "xl/workbook.xml",
      xml.replace(
        "</workbook>",
        `<x:definedNames xmlns:x="urn:x"><x:definedName name="KPICascade_cascade" hidden="1">'Data'!$A$1</x:definedName></x:definedNames></workbook>`
      )
    );
    expect(isKpiCascadeOutput(await zip.generateAsync({ type: "uint8array" }))).toBe(true);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("KPI Scorecard");
    wb.definedNames.add("'KPI Scorecard'!$A$1", "KPICascade_scorecard");
    expect(isKpiCascadeOutput(new Uint8Array(await wb.xlsx.writeBuffer()))).toBe(true);
  });

  it("says no for a user's workbook, anything not a zip, and a damaged one", async () => {
    expect(isKpiCascadeOutput(await rawXlsx({ sheets: SHEETS }))).toBe(false);
    expect(
      isKpiCascadeOutput(
        await rawXlsx({
          sheets: SHEETS,
          definedNames: `<definedName name="Totals">'Data'!$A$1</definedName>`,
        })
      )
    ).toBe(false);
    expect(isKpiCascadeOutput(Buffer.from("hello"))).toBe(false);
    expect(isKpiCascadeOutput(new Uint8Array(0))).toBe(false);
    const damaged = Buffer.from(
      await rawXlsx({
        sheets: SHEETS,
        definedNames: `<definedName name="KPICascade_scorecard">'Data'!$A$1</definedName>`,
      })
    );
    damaged.fill(0, 30, damaged.length - 200); // the local data gone, the directory kept
    expect(isKpiCascadeOutput(damaged)).toBe(false);
  });
});

describe("isKpiCascadeReport", () => {
  it("recognises a report by its version and findings, and nothing else", () => {
    const bytes = (v: unknown) => Buffer.from(JSON.stringify(v));
    expect(isKpiCascadeReport(bytes({ version: 1, asOf: "2026-06-30", findings: [] }))).toBe(true);
    expect(isKpiCascadeReport(bytes({ version: 1 }))).toBe(false);
    expect(isKpiCascadeReport(bytes({ findings: [] }))).toBe(false);
    expect(isKpiCascadeReport(bytes([1, 2]))).toBe(false);
    expect(isKpiCascadeReport(Buffer.from("{not json"))).toBe(false);
  });
});
