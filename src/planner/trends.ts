/**
 * The Trends sheet (SPEC section 8): the history of SPEC 4.3 as a table — the organisation, units,
 * KPI status counts, owners, KRAs and KPIs by period — with a trend mark per row against the
 * previous period, and two native charts over the table's own cells above it.
 */
import { Analysis } from "../engine/analyze";
import { columnLetters } from "../engine/address";
import { Day, isoFromDay, lastDayOfMonth, ymdFromDay } from "../engine/dates";
import { History, Series, historyOf } from "../engine/history/history";
import { PeriodLength } from "../engine/history/periods";
import { statusSeries } from "./charts";
import { ownerBlocks, unitsTopDown } from "./owners";
import { CellPlan, ChartPlan, SheetFields, SheetInBlocks, SheetPlan } from "./plan";
import { rowsInBlocks, wholeSheet } from "./sheet-blocks";

const PCT = "0.0%";
/** The table starts below the charts, so the sheet opens on the pictures. */
export const TRENDS_HEADER_ROW = 25;
/** Columns before the periods: Kind, ID, Name. */
export const FIRST_PERIOD_COLUMN = 3;
/** A line chart with more lines than this is a tangle: the organisation and the top units only. */
const MAX_UNIT_LINES = 11;
/** A change smaller than half a percentage point is flat: it rounds away in a 0.0% cell. */
export const FLAT_BAND = 0.005;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `Mar 2026`, `Q1 2026`, or `15 Jun 2026` for a period that the as-of date cuts short. */
export function periodLabel(end: Day, length: PeriodLength): string {
  const { year, month, day } = ymdFromDay(end);
  if (day !== lastDayOfMonth(year, month)) return `${day} ${MONTHS[month - 1]} ${year}`;
  if (length === "quarter" && month % 3 === 0) return `Q${month / 3} ${year}`;
  return `${MONTHS[month - 1]} ${year}`;
}

export type Trend = "up" | "flat" | "down";

/** The last value against the one before it; null when either is missing. */
export function trendOf(series: Series): Trend | null {
  const n = series.length;
  if (n < 2) return null;
  const [before, now] = [series[n - 2], series[n - 1]];
  if (before === null || now === null) return null;
  if (Math.abs(now - before) < FLAT_BAND) return "flat";
  return now > before ? "up" : "down";
}

const TREND_TEXT: Record<Trend, string> = { up: "▲ up", flat: "► flat", down: "▼ down" };

/** The mean of the people's scores by period (of every owner's when the workbook has no people). */
function organisationSeries(analysis: Analysis, history: History): Series {
  const owners = [...analysis.scores.owners.values()];
  const people = owners.filter((o) => o.kind === "person");
  const ids = (people.length ? people : owners).map((o) => o.id);
  return history.periods.map((_, p) => {
    let sum = 0;
    let n = 0;
    for (const id of ids) {
      const v = history.owners.get(id)?.[p] ?? null;
      if (v === null) continue;
      sum += v;
      n++;
    }
    return n === 0 ? null : sum / n;
  });
}

function statusCounts(history: History): Record<"green" | "amber" | "red", number[]> {
  const counts = {
    green: history.periods.map(() => 0),
    amber: history.periods.map(() => 0),
    red: history.periods.map(() => 0),
  };
  for (const statuses of history.kpiStatuses.values())
    statuses.forEach((s, p) => {
      if (s !== null) counts[s][p]++;
    });
  return counts;
}

interface Line {
  kind: string;
  id: string | null;
  name: string;
  values: Series;
  format: string;
  trend: boolean;
}

export function planTrends(analysis: Analysis, name = "KPI Trends"): SheetPlan | null {
  const sheet = trendsInBlocks(analysis, name);
  return sheet && wholeSheet(sheet);
}

/**
 * The Trends sheet a block of rows at a time: at 5,000 people its table holds 85,000 lines of a
 * dozen numbers, each made as it is written.
 */
export function trendsInBlocks(analysis: Analysis, name = "KPI Trends"): SheetInBlocks | null {
  const history = historyOf(analysis);
  if (history === null) return null;
  const { model } = analysis;
  const n = history.periods.length;
  const lines: Line[] = [];
  const score = (kind: string, id: string | null, label: string, values: Series): Line => ({
    kind,
    id,
    name: label,
    values,
    format: PCT,
    trend: true,
  });
  lines.push(score("Organisation", null, "All people", organisationSeries(analysis, history)));
  const units = unitsTopDown(analysis);
  for (const id of units)
    lines.push(score("Unit", id, model.units.get(id)?.name ?? id, history.units.get(id) ?? []));
  const counts = statusCounts(history);
  for (const status of ["green", "amber", "red"] as const)
    lines.push({
      kind: "KPIs",
      id: null,
      name: status[0].toUpperCase() + status.slice(1),
      values: counts[status],
      format: "0",
      trend: false,
    });
  const blocks = ownerBlocks(analysis);
  for (const b of blocks) lines.push(score("Owner", b.id, b.label, history.owners.get(b.id) ?? []));
  for (const b of blocks)
    for (const { kra } of b.kras)
      lines.push(score("KRA", kra.id, kra.name ?? kra.id, history.kras.get(kra.id) ?? []));
  for (const b of blocks)
    for (const { kpis } of b.kras)
      for (const kpi of kpis)
        lines.push(score("KPI", kpi.id, kpi.name ?? kpi.id, history.kpis.get(kpi.id) ?? []));

  const trendColumn = FIRST_PERIOD_COLUMN + n;
  const top: (CellPlan | null)[][] = [
    [{ value: `Trends — scores by period, as of ${isoFromDay(model.asOf)}`, style: "title" }],
    [
      {
        value:
          "Each period column is the score as of that period's end, scored as the as-of score is; the last is the as-of date. Trend compares the last two periods.",
        style: "note",
      },
    ],
  ];
  while (top.length < TRENDS_HEADER_ROW - 1) top.push([]);
  top.push([
    { value: "Kind", style: "header" },
    { value: "ID", style: "header" },
    { value: "Name", style: "header" },
    ...history.periods.map((p): CellPlan => ({
      value: periodLabel(p, history.periodLength),
      style: "header",
    })),
    { value: "Trend", style: "header" },
  ]);
  const lineRow = (line: Line): CellPlan[] => {
    const trend = line.trend ? trendOf(line.values) : null;
    return [
      { value: line.kind },
      { value: line.id },
      { value: line.name },
      ...line.values.map((v): CellPlan => ({ value: v, format: line.format })),
      { value: trend === null ? null : TREND_TEXT[trend] },
    ];
  };
  function* rowBlocks(): Generator<(CellPlan | null)[][]> {
    yield top;
    yield* rowsInBlocks(lines, lineRow);
  }

  const rowOf = (index: number) => TRENDS_HEADER_ROW + 1 + index;
  const across = (index: number) =>
    `${columnLetters(FIRST_PERIOD_COLUMN)}${rowOf(index)}:${columnLetters(trendColumn - 1)}${rowOf(index)}`;
  const categories = `${columnLetters(FIRST_PERIOD_COLUMN)}${TRENDS_HEADER_ROW}:${columnLetters(trendColumn - 1)}${TRENDS_HEADER_ROW}`;
  const statusRow = 1 + units.length;
  const charts: ChartPlan[] = [
    {
      type: "line",
      title: "Score by period: organisation and units",
      categories,
      series: lines
        .slice(0, 1 + Math.min(units.length, MAX_UNIT_LINES))
        .map((line, i) => ({ name: i === 0 ? "Organisation" : line.name, values: across(i) })),
      valueFormat: "0%",
      anchor: "A3",
      size: { columns: 4, rows: 21 },
    },
    {
      type: "stackedColumn",
      title: "KPIs by status and period",
      categories,
      series: statusSeries([across(statusRow), across(statusRow + 1), across(statusRow + 2)]),
      anchor: "E3",
      size: { columns: 8, rows: 21 },
    },
  ];
  const trendValues = `${columnLetters(trendColumn)}${TRENDS_HEADER_ROW + 1}:${columnLetters(trendColumn)}${rowOf(lines.length - 1)}`;
  const head: SheetFields = {
    kind: "trends",
    name,
    columnWidths: [12, 14, 40, ...history.periods.map(() => 11), 10],
    conditionalFormats: [
      { kind: "textEquals", range: trendValues, text: TREND_TEXT.up, style: "green" },
      { kind: "textEquals", range: trendValues, text: TREND_TEXT.down, style: "red" },
    ],
    print: {
      landscape: true,
      fitToWidth: true,
      repeatRows: `${TRENDS_HEADER_ROW}:${TRENDS_HEADER_ROW}`,
    },
    tabColor: "FF2F75B5",
    charts,
  };
  const rowCount = TRENDS_HEADER_ROW + lines.length;
  return { head, rowCount, width: trendColumn + 1, blocks: rowBlocks() };
}
