/**
 * Chart plans and cell notes through Office.js. Charts use ExcelApi 1.1–1.8 (series set one by
 * one from ranges, axis number format), inside the 1.9 the writer already requires. Cell notes
 * need ExcelApi 1.18, which older Excel lacks: there they are left out, the value still written.
 */
import { ChartPlan, SheetPlan } from "../../planner/plan";

/** The requirement set of `worksheet.notes`; checked at run time, not declared in the manifest. */
export const NOTES_EXCEL_API = "1.18";

function chartType(plan: ChartPlan): Excel.ChartType {
  if (plan.type === "line") return Excel.ChartType.lineMarkers;
  if (plan.type === "bar") return Excel.ChartType.barClustered;
  return Excel.ChartType.columnStacked;
}

/** A range is one row when both ends sit on the same row: its series then run by rows. */
function seriesBy(range: string): Excel.ChartSeriesBy {
  const rows = range.split(":").map((cell) => cell.replace(/^\$?[A-Za-z]+\$?/, ""));
  return rows[0] === rows[rows.length - 1] ? Excel.ChartSeriesBy.rows : Excel.ChartSeriesBy.columns;
}

/** The cell `columns` right and `rows` down of an A1 cell. */
function offsetCell(
  sheet: Excel.Worksheet,
  cell: string,
  rows: number,
  columns: number
): Excel.Range {
  return sheet.getRange(cell).getOffsetRange(rows, columns);
}

export function addCharts(sheet: Excel.Worksheet, charts: readonly ChartPlan[]): void {
  for (const plan of charts) {
    const [first, ...rest] = plan.series;
    if (!first) continue;
    const chart = sheet.charts.add(
      chartType(plan),
      sheet.getRange(first.values),
      seriesBy(first.values)
    );
    chart.title.text = plan.title;
    chart.legend.position = Excel.ChartLegendPosition.bottom;
    const categories = sheet.getRange(plan.categories);
    const style = (series: Excel.ChartSeries, color: string | undefined) => {
      series.setXAxisValues(categories);
      if (!color) return;
      if (plan.type === "line") series.format.line.color = `#${color}`;
      else series.format.fill.setSolidColor(`#${color}`);
    };
    const head = chart.series.getItemAt(0);
    head.name = first.name;
    style(head, first.color);
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(sheet.getRange(s.values));
      style(series, s.color);
    }
    if (plan.valueFormat) chart.axes.valueAxis.numberFormat = plan.valueFormat;
    chart.setPosition(
      plan.anchor,
      offsetCell(sheet, plan.anchor, plan.size.rows - 1, plan.size.columns - 1)
    );
  }
}

/** The plan's cell comments as Excel notes, where this Excel has them. */
export function addNotes(sheet: Excel.Worksheet, plan: SheetPlan, supported: boolean): number {
  if (!supported) return 0;
  let added = 0;
  plan.rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!cell?.comment) return;
      sheet.notes.add(sheet.getCell(r, c), cell.comment);
      added++;
    })
  );
  return added;
}

/** Whether the running Excel has cell notes (false outside Office, as in tests). */
export function notesSupported(): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", NOTES_EXCEL_API) === true
  );
}
