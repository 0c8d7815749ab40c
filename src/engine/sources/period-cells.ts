/**
 * The cells behind each KPI's actual and period targets, for the live scorecard (SPEC 8): every
 * check-in cell of the KPI with the day its period ends (as the engine read it: `Mar 2026` ends
 * on 31 March), the period cells of periods-across layouts that are still blank (a value typed
 * there later counts), and the cells of its targets per period (SPEC 4.2). Also the rows below
 * the check-ins that the scorecard's formulas watch, so a check-in added there counts too.
 */
import { Analysis } from "../analyze";
import { Day } from "../dates";
import { isBlank } from "../grid";
import { dataRows } from "../read/region";
import { isFailure, parseNumber } from "../values";
import { columnLetters } from "../address";
import { Source, checkInSource } from "./cell-source";

export interface PeriodCell {
  /** The day the period ends. */
  end: Day;
  source: Source;
  /** The value the engine read there; null when blank or unreadable (the cell then counts nothing). */
  value: number | null;
  /** The order of reading: ties of one period go by it (the last row is `last`). */
  order: number;
}

export interface KpiPeriodCells {
  /** Sorted by period end, ties in row order: the last of a block is the `last` check-in. */
  checkIns: PeriodCell[];
  /** Set only for a KPI whose target the engine took from targets per period. */
  periodTargets: PeriodCell[] | null;
}

/** Sorts cells by period end, ties by their order of reading. */
function byEnd(cells: PeriodCell[]): PeriodCell[] {
  return cells.sort((a, b) => a.end - b.end || a.order - b.order);
}

/**
 * The source of each check-in's value on a canonical check-ins sheet, without making a cell
 * address twice: a build at 5,000 people reads 720,000 of them.
 */
function canonicalSources(
  analysis: Analysis
): ((i: number, value: number | null) => Source) | null {
  const region = analysis.model.checkIns.region;
  const col = region?.columns.actual;
  if (!region || col === undefined || region.origins || region.grid.merges?.length) return null;
  const { grid } = region;
  const letters = columnLetters((grid.colOffset ?? 0) + col);
  const top = (grid.rowOffset ?? 0) + 1;
  const table = analysis.model.checkIns;
  return (i, value) => {
    const row = table.row(i);
    const at = { sheet: grid.name, cell: `${letters}${top + row}` };
    const own = grid.rows[row]?.[col];
    return typeof own === "string" && value !== null
      ? (checkInSource(analysis.workbook, at, value) as Source)
      : { kind: "link", at };
  };
}

const cache = new WeakMap<Analysis, Map<string, KpiPeriodCells>>();

/** Each KPI's period cells (KPIs with none are absent). */
export function kpiPeriodCells(analysis: Analysis): Map<string, KpiPeriodCells> {
  const known = cache.get(analysis);
  if (known) return known;
  const { model, workbook } = analysis;
  const actuals = new Map<string, PeriodCell[]>();
  const targets = new Map<string, PeriodCell[]>();
  const add = (into: typeof actuals, kpi: string, cell: PeriodCell): void => {
    const list = into.get(kpi);
    if (list) list.push(cell);
    else into.set(kpi, [cell]);
  };
  const table = model.checkIns;
  if (table.region?.columns.actual !== undefined) {
    const canonical = canonicalSources(analysis);
    for (let i = 0; i < table.length; i++) {
      const end = table.end(i);
      // A period the engine cannot read never counts; its row is not linked.
      if (Number.isNaN(end) || !model.kpis.has(table.kpi[i])) continue;
      const actual = table.actual(i);
      const value = Number.isNaN(actual) ? null : actual;
      const source = canonical
        ? canonical(i, value)
        : checkInSource(workbook, table.cell(i, "actual"), value);
      add(actuals, table.kpi[i], { end, source, value, order: table.row(i) });
    }
  }
  model.openCells.forEach((o, i) => {
    if (!model.kpis.has(o.kpi)) return;
    // After every row read: a blank cell filled in later is the newest of its period.
    const order = Number.MAX_SAFE_INTEGER - model.openCells.length + i;
    const source = checkInSource(workbook, o.at, null);
    add(o.measure === "actual" ? actuals : targets, o.kpi, {
      end: o.end,
      source,
      value: null,
      order,
    });
  });
  model.periodTargets.forEach((t, i) => {
    if (!model.kpis.has(t.kpi) || isBlank(t.value)) return;
    const parsed = parseNumber(t.value);
    const value = parsed === null || isFailure(parsed) ? null : parsed;
    const source = checkInSource(workbook, t.at, value);
    add(targets, t.kpi, { end: t.end, source, value, order: i });
  });
  const cells = new Map<string, KpiPeriodCells>();
  for (const kpi of model.kpis.values()) {
    const a = actuals.get(kpi.id);
    // Only where the engine took the target from targets per period (SPEC 4.2).
    const t = kpi.originalTarget !== undefined ? targets.get(kpi.id) : undefined;
    if (!a && !t) continue;
    cells.set(kpi.id, { checkIns: a ? byEnd(a) : [], periodTargets: t ? byEnd(t) : null });
  }
  cache.set(analysis, cells);
  return cells;
}

/**
 * The rows below a check-ins sheet that the scorecard's formulas also read, so check-ins added
 * there count without a rebuild (SPEC 8): `rows` rows from `from`, 0-based sheet coordinates.
 * Only for a check-ins sheet in the canonical shape (one check-in per row, with a KPI ID).
 */
export interface CheckInRoom {
  sheet: string;
  /** The Excel table the check-ins are in, if any (it grows into these rows). */
  table: string | null;
  /** 0-based sheet columns. */
  kpi: number;
  period: number;
  actual: number;
  /** 0-based sheet row of the first row below the last check-in. */
  from: number;
  rows: number;
}

/**
 * The helper sheet's row 2 records the rows it reads: this label, the check-ins sheet's name and
 * the last row (1-based) the formulas read. Validate compares it with the check-ins there now.
 */
export const ROOM_RECORD_LABEL = "Check-ins read to row";

/**
 * How many rows below the check-ins the formulas watch: one period's check-ins for every KPI,
 * at least 100 rows and at most 1,000. Every KPI's actual scans them, so the cost of a
 * recalculation grows with KPIs × rows: the cap keeps it linear (docs/decisions.md).
 */
export function roomRows(kpis: number): number {
  return Math.min(1000, Math.max(100, kpis));
}

export function checkInRoom(analysis: Analysis): CheckInRoom | null {
  const { model } = analysis;
  const region = model.regions.actuals;
  if (!region || region.origins) return null;
  const { kpi, period, actual } = region.columns;
  if (kpi === undefined || period === undefined || actual === undefined) return null;
  const rows = dataRows(region);
  const last = rows.length > 0 ? rows[rows.length - 1] : region.headerRow;
  const top = region.grid.rowOffset ?? 0;
  const left = region.grid.colOffset ?? 0;
  return {
    sheet: region.grid.name,
    table: region.table,
    kpi: left + kpi,
    period: left + period,
    actual: left + actual,
    from: top + last + 1,
    rows: roomRows(model.kpis.size),
  };
}
