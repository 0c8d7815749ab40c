/** Charts and notes through Office.js, over the typed fake of Excel. */
import { addNotes } from "../../../src/adapters/office/charts";
import { applyPlanToExcel } from "../../../src/adapters/office/write-plan";
import { ChartPlan, SheetPlan } from "../../../src/planner/plan";
import { FakeWorkbook, installExcelEnums } from "../../support/fake-excel";

beforeAll(installExcelEnums);

const chart: ChartPlan = {
  type: "line",
  title: "Score by period",
  categories: "D25:F25",
  series: [
    { name: "Organisation", values: "D26:F26" },
    { name: "Sales", values: "D27:F27", color: "63BE7B" },
  ],
  valueFormat: "0%",
  anchor: "A3",
  size: { columns: 4, rows: 21 },
};
const sheet: SheetPlan = {
  kind: "trends",
  name: "KPI Trends",
  rows: [[{ value: 1, comment: "Note: fine" }], [null, { value: 2 }]],
  columnWidths: [],
  charts: [
    chart,
    { ...chart, type: "stackedColumn", series: [{ name: "Green", values: "C4:C9" }] },
  ],
};

/** The fake's log as `path args`, with ranges shown by address. */
function calls(fake: FakeWorkbook, name: string): string[] {
  const show = (v: unknown) =>
    typeof v === "function"
      ? String((v as unknown as { __path: string }).__path)
      : JSON.stringify(v);
  return (fake.sheet(name)?.log ?? [])
    .filter((e) => /charts|notes/.test(e.path))
    .map(
      (e) => `${e.path} ${Array.isArray(e.value) ? e.value.map(show).join(", ") : show(e.value)}`
    );
}

describe("charts through Office.js", () => {
  it("adds each chart from its ranges, series by series, with title, colours, axis format and place", async () => {
    const fake = new FakeWorkbook(["KRAs"]);
    await applyPlanToExcel(fake.context(), { sheets: [sheet] });
    const log = calls(fake, "KPI Trends");
    expect(log).toEqual(
      expect.arrayContaining([
        'charts.add() "lineMarkers", range(D26:F26), "rows"',
        'charts.add().title.text "Score by period"',
        'charts.add().series.getItemAt().name "Organisation"',
        "charts.add().series.getItemAt().setXAxisValues() range(D25:F25)",
        'charts.add().series.add() "Sales"',
        "charts.add().series.add().setValues() range(D27:F27)",
        'charts.add().series.add().format.line.color "#63BE7B"',
        'charts.add().axes.valueAxis.numberFormat "0%"',
        'charts.add().setPosition() "A3", range(A3).getOffsetRange()',
        'charts.add() "columnStacked", range(C4:C9), "columns"',
      ])
    );
    expect(log.filter((l) => l.startsWith("charts.add() "))).toHaveLength(2);
    // Outside Office (no ExcelApi 1.18 to ask), notes are left out.
    expect(log.some((l) => l.startsWith("notes"))).toBe(false);
  });

  it("adds cell notes only where Excel has them", async () => {
    const fake = new FakeWorkbook(["KRAs"]);
    await applyPlanToExcel(fake.context(), { sheets: [] });
    const target = fake.context().workbook.worksheets.add("X") as unknown as Excel.Worksheet;
    expect(addNotes(target, sheet, false)).toBe(0);
    expect(addNotes(target, sheet, true)).toBe(1);
    expect(calls(fake, "X")).toEqual(['notes.add() cell(A1), "Note: fine"']);
  });
});
