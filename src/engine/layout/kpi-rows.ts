/**
 * The KPI-shaped rows of every sheet the layout reader understood, as plain records: each field
 * a cell (value and where it was read), with KRAs and owners filled down, taken from section rows
 * or from the sheet name, and text targets and rating scales turned into numbers (SPEC 2.1).
 */
import { a1 } from "../address";
import { CellLocation } from "../findings";
import { CellValue, SheetGrid, isBlank } from "../grid";
import { displayText, isFailure, parseNumber, parsePeriod } from "../values";
import { SheetLayout } from "./sheet-layout";
import { parseTextTarget } from "./text-target";
import { Role, periodEnd, periodHeader, ratingScale } from "./vocabulary";

/** A value and the user's cell it came from. */
export interface Sourced {
  value: CellValue;
  at: CellLocation;
}

/** The KPI fields a layout row can give, as in the KPIs sheet of SPEC section 2. */
export type KpiField =
  | "unit"
  | "direction"
  | "baseline"
  | "target"
  | "targetMax"
  | "weight"
  | "aggregation"
  | "frequency"
  | "actual";

export const KPI_FIELDS: readonly KpiField[] = [
  "unit",
  "direction",
  "baseline",
  "target",
  "targetMax",
  "weight",
  "aggregation",
  "frequency",
  "actual",
];

export interface PeriodValue {
  /** The day the period ends; null when the period cell could not be read (then `period` is it). */
  end: number | null;
  label: string;
  period?: Sourced;
  cell: Sourced;
}

/**
 * A period cell of a KPI row that is still blank (a month not reported yet): no check-in now, but
 * the live scorecard links it, so the value typed there later counts without a rebuild (SPEC 8).
 */
export interface OpenPeriodCell {
  measure: "actual" | "target";
  end: number;
  at: CellLocation;
}

export interface LayoutRow {
  sheet: string;
  /** Grid index of the row on its sheet. */
  row: number;
  name: Sourced;
  kpiId: Sourced | null;
  kra: Sourced | null;
  kraId: Sourced | null;
  kraWeight: Sourced | null;
  owner: Sourced | null;
  fields: Partial<Record<KpiField, Sourced>>;
  actuals: PeriodValue[];
  targets: PeriodValue[];
  open: OpenPeriodCell[];
}

/**
 * A user's cell, its A1 address made only when asked: the layout reader keeps one for every cell
 * it reads (hundreds of thousands at 5,000 people) and findings ask for few of them.
 */
class SheetCell implements CellLocation {
  constructor(
    readonly sheet: string,
    private readonly row: number,
    private readonly col: number
  ) {}
  get cell(): string {
    return a1(this.row, this.col);
  }
}

export function locationOf(sheet: SheetGrid, row: number, col: number): CellLocation {
  return new SheetCell(sheet.name, (sheet.rowOffset ?? 0) + row, (sheet.colOffset ?? 0) + col);
}

/** Where a value that no cell holds (an owner taken from the sheet name) is said to come from. */
export function sheetLocation(sheet: SheetGrid): CellLocation {
  return { sheet: sheet.name, cell: "A1" };
}

function sourced(layout: SheetLayout, row: number, role: Role): Sourced | null {
  const col = layout.fields[role];
  if (col === undefined) return null;
  const value = layout.sheet.rows[row]?.[col];
  return isBlank(value) ? null : { value, at: locationOf(layout.sheet, row, col) };
}

/** A text target becomes its number, with its operator's direction and a span's upper end. */
function applyTextTarget(fields: Partial<Record<KpiField, Sourced>>): void {
  const target = fields.target;
  const parsed = target ? parseTextTarget(target.value) : null;
  if (!target || !parsed) return;
  fields.target = { value: parsed.target, at: target.at };
  if (parsed.targetMax !== null && !fields.targetMax)
    fields.targetMax = { value: parsed.targetMax, at: target.at };
  if (parsed.direction && !fields.direction)
    fields.direction = { value: parsed.direction, at: target.at };
}

/** The top of the rating scale stated by the rating column's header or a note on the sheet. */
function scaleOf(layout: SheetLayout): number | null {
  const col = layout.fields.rating;
  if (col === undefined) return null;
  const header = layout.columns[col]?.header ?? "";
  const fromHeader = ratingScale(header);
  if (fromHeader !== null) return fromHeader;
  for (const cells of layout.sheet.rows)
    for (const v of cells ?? []) {
      const s = typeof v === "string" && /scale|rating|score/i.test(v) ? ratingScale(v) : null;
      if (s !== null) return s;
    }
  return null;
}

export interface SheetContext {
  /** The owner of every row, from the sheet name or a Layout setting. */
  owner: Sourced | null;
  /** The period of every row, from the sheet name. */
  period: { end: number; label: string } | null;
  /** The year of month headers or Month cells that give none. */
  fallbackYear: number;
}

/** The KPI rows of one sheet, in sheet order. */
export function layoutRows(layout: SheetLayout, ctx: SheetContext): LayoutRow[] {
  const { sheet, fields } = layout;
  const rows: LayoutRow[] = [];
  const scale = fields.actual === undefined && fields.target === undefined ? scaleOf(layout) : null;
  const carried: Partial<Record<"kra" | "kraId" | "kraWeight" | "owner", Sourced | null>> = {};
  const fill = (key: "kra" | "kraId" | "kraWeight" | "owner", own: Sourced | null) => {
    if (own) carried[key] = own;
    return own ?? carried[key] ?? null;
  };
  for (const { row, kind } of layout.rows) {
    const cells = sheet.rows[row] ?? [];
    if (kind === "section") {
      // A section row names the KRA of the rows below it (and may carry its weight).
      const first = cells.findIndex((v) => !isBlank(v));
      carried.kra = { value: cells[first], at: locationOf(sheet, row, first) };
      carried.kraId = null;
      carried.kraWeight = sourced(layout, row, "kraWeight") ?? sourced(layout, row, "weight");
      continue;
    }
    if (kind !== "data") continue;
    const name = sourced(layout, row, "name") ?? sourced(layout, row, "kpiId");
    if (!name) continue;
    const own: Partial<Record<KpiField, Sourced>> = {};
    for (const f of KPI_FIELDS) {
      const s = sourced(layout, row, f);
      if (s) own[f] = s;
    }
    if (scale !== null) {
      const rating = sourced(layout, row, "rating");
      if (rating) own.actual = rating;
      own.target = {
        value: scale,
        at: locationOf(sheet, layout.headerRows[0], fields.rating as number),
      };
      own.direction = { value: "higher", at: own.target.at };
    } else if (!own.actual && fields.rating !== undefined) {
      const rating = sourced(layout, row, "rating");
      if (rating) own.actual = rating;
    }
    applyTextTarget(own);
    const actuals: PeriodValue[] = [];
    const targets: PeriodValue[] = [];
    const open: OpenPeriodCell[] = [];
    for (const p of layout.periods) {
      const value = cells[p.col];
      if (p.measure !== "actual" && p.measure !== "target") continue;
      if (isBlank(value)) {
        open.push({ measure: p.measure, end: p.end, at: locationOf(sheet, row, p.col) });
        continue;
      }
      let cell: Sourced = { value, at: locationOf(sheet, row, p.col) };
      const text = p.measure === "target" ? parseTextTarget(value) : null;
      if (text) {
        // `< 120` under a quarter: that quarter's target, and the KPI's direction.
        cell = { value: text.target, at: cell.at };
        if (text.direction && !own.direction)
          own.direction = { value: text.direction, at: cell.at };
      }
      (p.measure === "actual" ? actuals : targets).push({ end: p.end, label: p.label, cell });
    }
    if (layout.kind === "check-ins") {
      // Long format: the row is one check-in (and maybe that period's target) of its KPI.
      const period = longPeriod(layout, row, ctx.fallbackYear);
      const value = own.actual ?? sourced(layout, row, "value");
      const parsed = period ? parsePeriod(period.value) : null;
      const end = parsed && !isFailure(parsed) ? parsed.end : null;
      const label = period ? displayText(period.value) : "";
      if (value && period) actuals.push({ end, label, period, cell: value });
      if (own.target && period) targets.push({ end, label, period, cell: own.target });
      delete own.actual;
      delete own.target;
    } else if (ctx.period) {
      // A sheet per period: its Actual and Target are that period's.
      if (own.actual) actuals.push({ ...ctx.period, cell: own.actual });
      else if (fields.actual !== undefined)
        open.push({
          measure: "actual",
          end: ctx.period.end,
          at: locationOf(sheet, row, fields.actual),
        });
      if (own.target) targets.push({ ...ctx.period, cell: own.target });
    }
    rows.push({
      sheet: sheet.name,
      row,
      name,
      kpiId: layout.fields.name !== undefined ? sourced(layout, row, "kpiId") : null,
      kra: fill("kra", sourced(layout, row, "kra")),
      kraId: fill("kraId", sourced(layout, row, "kraId")),
      kraWeight: fill("kraWeight", sourced(layout, row, "kraWeight")),
      owner: fill("owner", sourced(layout, row, "owner")) ?? ctx.owner,
      fields: own,
      actuals,
      targets,
      open,
    });
  }
  return rows;
}

/** The period of a long-format row: a date, a period, or a month joined with a year column. */
export function longPeriod(layout: SheetLayout, row: number, fallbackYear: number): Sourced | null {
  const date = sourced(layout, row, "date") ?? sourced(layout, row, "period");
  const month = sourced(layout, row, "month");
  const year = sourced(layout, row, "year");
  if (date && !month) return date;
  if (!month) return null;
  const p = periodHeader(month.value);
  const y = year ? parseNumber(year.value) : null;
  if (!p) return month;
  const withYear = typeof y === "number" && !isFailure(y) ? y : fallbackYear;
  const end = periodEnd(p, p.year ?? withYear);
  return end === null ? month : { value: new Date(end * 86_400_000), at: month.at };
}
