/**
 * Both writers apply a plan's print setup (page breaks, header and footer, wrapped text, greyed
 * provisional scores), and neither ever writes a non-finite number as a number.
 */
import JSZip from "jszip";
import { applyPlanToExcel, formulaInput } from "../../../src/adapters/office/write-plan";
import { emptyWorkbook, writePlan } from "../../../src/adapters/xlsx/write";
import { SheetPlan } from "../../../src/planner/plan";
import { FakeWorkbook, installExcelEnums } from "../../support/fake-excel";

beforeAll(installExcelEnums);

const sheet: SheetPlan = {
  kind: "scorecard",
  name: "KPI Scorecard",
  rows: [
    [{ value: "Owner" }, { value: "Score" }],
    [{ value: "R&D (U1)" }, { value: 0.8, format: "0%" }],
    [{ value: "a long message", wrap: true }, { value: Infinity }],
    [{ value: "Bo (P2)" }, { value: NaN }],
  ],
  columnWidths: [20, 10],
  conditionalFormats: [{ kind: "expression", range: "B2:B4", formula: "$B2<0.5", style: "muted" }],
  print: {
    landscape: true,
    fitToWidth: true,
    repeatRows: "1:1",
    breaksBefore: [4],
    header: { left: "{file}", right: "As of 2026-06-30" },
    footer: { right: "Page {page} of {pages}" },
  },
};

describe("the package writer", () => {
  it("writes page breaks, header and footer, wrapped cells and the greying rule; no Infinity or NaN", async () => {
    const zip = await JSZip.loadAsync(writePlan(emptyWorkbook(), { sheets: [sheet] }).bytes);
    const xml = await (zip.file("xl/worksheets/sheet1.xml") as JSZip.JSZipObject).async("string");
    expect(xml).toMatch(
      /<rowBreaks count="1" manualBreakCount="1"><brk id="3" max="\d+" man="1"\/><\/rowBreaks>/
    );
    expect(xml).toContain("<oddHeader>&amp;L&amp;F&amp;RAs of 2026-06-30</oddHeader>");
    expect(xml).toContain("<oddFooter>&amp;RPage &amp;P of &amp;N</oddFooter>");
    expect(xml).toMatch(/<cfRule type="expression"[^>]*><formula>\$B2&lt;0.5<\/formula>/);
    expect(xml).not.toMatch(/<v>(Infinity|-Infinity|NaN)<\/v>/);
    const styles = await (zip.file("xl/styles.xml") as JSZip.JSZipObject).async("string");
    expect(styles).toContain('wrapText="1"');
  });
});

describe("the Office.js writer", () => {
  it("adds the page breaks, header and footer, wrap and the greying rule", async () => {
    const fake = new FakeWorkbook();
    await applyPlanToExcel(fake.context(), { sheets: [sheet] });
    const log = (fake.sheet("KPI Scorecard")?.log ?? []).map(
      (l) => `${l.path} ${JSON.stringify(l.value)}`
    );
    expect(log).toContain('horizontalPageBreaks.add() ["A4"]');
    expect(log).toContain('pageLayout.headersFooters.defaultForAllPages.leftHeader "&F"');
    expect(log).toContain(
      'pageLayout.headersFooters.defaultForAllPages.rightFooter "Page &P of &N"'
    );
    expect(log.some((l) => /^ranges\(A3\)\.format\.wrapText true/.test(l))).toBe(true);
    expect(log.some((l) => /custom\.rule\.formula "=\$B2<0.5"/.test(l))).toBe(true);
  });
  it("never sends Infinity or NaN as a number", () => {
    expect(formulaInput({ value: Infinity })).toBe("");
    expect(formulaInput({ value: NaN })).toBe("");
    expect(formulaInput({ value: 1.5 })).toBe(1.5);
  });
});
