/** Which existing files count as earlier outputs of kpi-cascade, replaced without --force. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  OUTPUT_NAMESPACE,
  isKpiCascadeOutput,
  isKpiCascadeReport,
} from "../../../src/cli/output-proof";
import { rawXlsx } from "../../support/raw-xlsx";

const SHEETS = [{ name: "Data", rows: [["x", 1]] }];
const PART = `<?xml version="1.0"?><kpiCascade xmlns="${OUTPUT_NAMESPACE}" version="1"/>`;

describe("isKpiCascadeOutput", () => {
  it("recognises the custom XML part, under its own name or the itemN.xml name Excel gives it", async () => {
    expect(
      isKpiCascadeOutput(
        await rawXlsx({ sheets: SHEETS, parts: { "customXml/kpiCascade.xml": PART } })
      )
    ).toBe(true);
    expect(
      isKpiCascadeOutput(await rawXlsx({ sheets: SHEETS, parts: { "customXml/item1.xml": PART } }))
    ).toBe(true);
  });

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

  it("says no for a user's workbook, other custom parts, item properties, and anything not a zip", async () => {
    expect(isKpiCascadeOutput(await rawXlsx({ sheets: SHEETS }))).toBe(false);
    expect(
      isKpiCascadeOutput(
        await rawXlsx({
          sheets: SHEETS,
          definedNames: `<definedName name="Totals">'Data'!$A$1</definedName>`,
          parts: {
            "customXml/item1.xml": `<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>`,
            "customXml/itemProps1.xml": `<ds:datastoreItem xmlns:ds="x">${OUTPUT_NAMESPACE}</ds:datastoreItem>`,
            "xl/kpiCascade.xml": PART,
          },
        })
      )
    ).toBe(false);
    expect(isKpiCascadeOutput(Buffer.from("hello"))).toBe(false);
    expect(isKpiCascadeOutput(new Uint8Array(0))).toBe(false);
    const damaged = Buffer.from(
      await rawXlsx({ sheets: SHEETS, parts: { "customXml/item1.xml": PART } })
    );
    damaged.fill(0, 30, damaged.length - 200); // the local data gone, the directory kept
    expect(isKpiCascadeOutput(damaged)).toBe(false);
  });

  it("reads stored (uncompressed) parts too", async () => {
    const zip = new JSZip();
    zip.file("customXml/item2.xml", PART);
    expect(isKpiCascadeOutput(await zip.generateAsync({ type: "uint8array" }))).toBe(true);
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
