/**
 * Targets per period (SPEC 4.2): from periods-across layouts or the optional `Targets` sheet
 * (Phasing, Period Targets). The effective target at the as-of date is the KPI's aggregation of
 * the period targets whose period counts; the KPI sheet's Target stays as the original.
 */
import { Day } from "../dates";
import { CellLocation, Findings } from "../findings";
import { CellValue, SheetGrid, WorkbookGrids, isBlank } from "../grid";
import { Kpi } from "../model";
import { headerText } from "../read/locate";
import { aggregate } from "../scoring/math";
import { normaliseHeader, normaliseSheetName } from "../schema";
import { displayText, isFailure, parseId, parseNumber, parsePeriod } from "../values";
import { locationOf } from "./kpi-rows";
import { PeriodTarget } from "./workbook-layout";

const TARGET_SHEETS = new Set(["targets", "phasing", "periodtargets"]);
const COLUMNS: Record<string, string[]> = {
  kpi: ["kpiid", "kpi"],
  period: ["period", "date", "month", "quarter"],
  target: ["target"],
};

function targetSheet(workbook: WorkbookGrids): SheetGrid | null {
  return workbook.sheets.find((s) => TARGET_SHEETS.has(normaliseSheetName(s.name))) ?? null;
}

/** The rows of a `Targets` sheet (KPI ID*, Period*, Target*), each bad cell a finding. */
export function readTargetsSheet(workbook: WorkbookGrids, findings: Findings): PeriodTarget[] {
  const sheet = targetSheet(workbook);
  if (!sheet) return [];
  const headerAt = sheet.rows.findIndex((cells, r) => r < 20 && headerColumns(cells).count >= 2);
  if (headerAt < 0) return [];
  const { cols } = headerColumns(sheet.rows[headerAt]);
  const out: PeriodTarget[] = [];
  if (cols.kpi === undefined || cols.period === undefined || cols.target === undefined) {
    findings.add(
      "missing-column",
      locationOf(sheet, headerAt, 0),
      "kpi",
      null,
      `Sheet "${sheet.name}" needs the columns KPI ID, Period and Target to give targets per period.`
    );
    return out;
  }
  for (let r = headerAt + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const kpi = parseId(cells[cols.kpi]);
    if (kpi === null || isFailure(kpi)) continue;
    const period = parsePeriod(cells[cols.period]);
    if (period === null || isFailure(period)) {
      findings.add(
        isFailure(period) && period.kind === "error" ? "cell-error" : "invalid-date",
        locationOf(sheet, r, cols.period),
        "kpi",
        kpi,
        `Period target of KPI ${kpi}: the period "${displayText(cells[cols.period])}" cannot be read. Type a period such as 2026-03, Q1 2026 or 2026-03-31.`
      );
      continue;
    }
    out.push({
      kpi,
      end: period.end,
      value: cells[cols.target],
      at: locationOf(sheet, r, cols.target),
    });
  }
  return out;
}

function headerColumns(cells: readonly CellValue[] | undefined) {
  const cols: Partial<Record<string, number>> = {};
  let count = 0;
  (cells ?? []).forEach((v, c) => {
    const key = normaliseHeader(headerText(v));
    for (const [field, names] of Object.entries(COLUMNS))
      if (cols[field] === undefined && names.includes(key)) {
        cols[field] = c;
        count++;
      }
  });
  return { cols, count };
}

function readTarget(t: PeriodTarget, findings: Findings): number | null {
  if (isBlank(t.value)) return null;
  const n = parseNumber(t.value);
  if (!isFailure(n)) return n;
  findings.add(
    n.kind === "error" ? "cell-error" : "invalid-number",
    t.at as CellLocation,
    "kpi",
    t.kpi,
    n.kind === "error"
      ? `Period target of KPI ${t.kpi} holds the error value ${n.text}. Fix the formula or type the target.`
      : `Period target of KPI ${t.kpi} is "${n.text}", which is not a number.`
  );
  return null;
}

/**
 * Sets each KPI's target to its effective target at the as-of date, keeping the KPI sheet's
 * value as `originalTarget`. A KPI with period targets of which none counts yet has no target.
 */
export function applyPeriodTargets(
  kpis: Map<string, Kpi>,
  targets: readonly PeriodTarget[],
  asOf: Day,
  findings: Findings
): void {
  const byKpi = new Map<string, { end: number; value: number }[]>();
  for (const t of targets) {
    if (!kpis.has(t.kpi)) continue;
    const value = readTarget(t, findings);
    if (value === null) continue;
    byKpi.set(t.kpi, [...(byKpi.get(t.kpi) ?? []), { end: t.end, value }]);
  }
  for (const [id, list] of byKpi) {
    const kpi = kpis.get(id) as Kpi;
    const counted = list.filter((t) => t.end <= asOf).sort((a, b) => a.end - b.end);
    kpi.originalTarget = kpi.target;
    kpi.target = aggregate(
      counted.map((t) => t.value),
      kpi.aggregation ?? "last"
    );
  }
}
