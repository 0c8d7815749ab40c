/**
 * How one sheet is laid out (SPEC 2.1): where its header is (one row, or a row of period groups
 * over a row of Target/Actual measures), what each column holds, and what each row below is —
 * data, a repeated header, a total, a section row naming the KRA of the rows under it, a
 * footnote, or blank. Pure and positional: it reads cells, never names.
 */
import { CellValue, SheetGrid, isBlank } from "../grid";
import { headerText } from "../read/locate";
import { normaliseHeader } from "../schema";
import {
  Measure,
  NAME_WORD,
  PeriodHeader,
  Role,
  measureOf,
  periodEnd,
  periodHeader,
  roleOfHeader,
  yearIn,
} from "./vocabulary";

/** The header is looked for among this many rows at the top of a sheet (SPEC 2.1). */
export const LAYOUT_HEADER_ROWS = 20;

export type RowKind = "data" | "header" | "total" | "section" | "footnote" | "blank";

export interface PeriodColumn {
  col: number;
  /** The header as written (`Jan`, `Q1 2026`). */
  label: string;
  end: number;
  measure: Measure;
}

export interface ColumnReading {
  col: number;
  header: string;
  role: Role | null;
  period: PeriodColumn | null;
}

export interface RowReading {
  row: number;
  kind: RowKind;
}

export interface SheetLayout {
  sheet: SheetGrid;
  /** `kpis`: a list of KPIs (periods across or not); `check-ins`: long format; `none`: not read. */
  kind: "kpis" | "check-ins" | "none";
  /** Grid indexes of the header row(s). */
  headerRows: number[];
  columns: ColumnReading[];
  /** The column of each role (the first, when several carry it). */
  fields: Partial<Record<Role, number>>;
  periods: PeriodColumn[];
  rows: RowReading[];
  /** Roles carried by several columns that are not periods: the first is used. */
  ambiguous: { role: Role; cols: number[] }[];
  /** Where the year of a period header without one came from. */
  yearFrom: string | null;
  /** For a sheet not read: the nearest thing to a header that was found, for the message. */
  near: { row: number; headers: string[] } | null;
}

export interface LayoutContext {
  /** The year for month headers that carry none, when neither sheet name nor title gives one. */
  fallbackYear: number;
  /** A header row range the user set with a `Layout` setting (grid indexes). */
  headerRows?: number[];
}

const text = (v: CellValue) => headerText(v).trim();

/** A single header cell read as a period with a measure (`Jan Target`, `Actual Q1`), or null. */
function periodWithMeasure(value: CellValue): { p: PeriodHeader; m: Measure } | null {
  const t = text(value);
  const m = /^(.+?)[\s\-_]+(\S+)$/.exec(t);
  if (!m) return null;
  const [a, b] = [m[1], m[2]];
  const p1 = periodHeader(a);
  const m1 = measureOf(b);
  if (p1 && m1) return { p: p1, m: m1 };
  const p2 = periodHeader(b);
  const m2 = measureOf(a);
  if (p2 && m2) return { p: p2, m: m2 };
  return null;
}

interface CellRole {
  role: Role | null;
  period: { p: PeriodHeader; m: Measure } | null;
}

function cellRole(value: CellValue): CellRole {
  const p = periodHeader(value);
  if (p) return { role: null, period: { p, m: "actual" } };
  const pm = periodWithMeasure(value);
  if (pm) return { role: null, period: pm };
  const t = text(value);
  if (!t) return { role: null, period: null };
  if (normaliseHeader(t) === NAME_WORD) return { role: "name", period: null };
  return { role: roleOfHeader(t), period: null };
}

function knownCount(cells: readonly CellValue[]): { count: number; headers: string[] } {
  const headers: string[] = [];
  for (const v of cells) {
    const r = cellRole(v);
    if (r.role || r.period) headers.push(text(v));
  }
  return { count: headers.length, headers };
}

function measureCount(cells: readonly CellValue[]): number {
  let n = 0;
  for (const v of cells) if (measureOf(text(v))) n++;
  return n;
}

/** A header row names a KPI (or its ID) and at least one other known column. */
function isHeader(cells: readonly CellValue[]): boolean {
  let hasName = false;
  let known = 0;
  for (const v of cells) {
    const r = cellRole(v);
    if (r.role === "name" || r.role === "kpiId") hasName = true;
    if (r.role || r.period) known++;
  }
  return hasName && known >= 2;
}

function findHeader(sheet: SheetGrid, ctx: LayoutContext) {
  if (ctx.headerRows && ctx.headerRows.length > 0) return ctx.headerRows;
  const end = Math.min(sheet.rows.length, LAYOUT_HEADER_ROWS - (sheet.rowOffset ?? 0));
  for (let r = 0; r < end; r++) {
    const cells = sheet.rows[r] ?? [];
    if (!isHeader(cells)) continue;
    const below = sheet.rows[r + 1] ?? [];
    const above = r > 0 ? (sheet.rows[r - 1] ?? []) : [];
    if (measureCount(below) >= 2 && cells.some((v) => periodHeader(v))) return [r, r + 1];
    if (measureCount(cells) >= 2 && above.some((v) => periodHeader(v))) return [r - 1, r];
    return [r];
  }
  return null;
}

function nearestHeader(sheet: SheetGrid): SheetLayout["near"] {
  const end = Math.min(sheet.rows.length, LAYOUT_HEADER_ROWS);
  let best: SheetLayout["near"] = null;
  for (let r = 0; r < end; r++) {
    const { count, headers } = knownCount(sheet.rows[r] ?? []);
    if (count > (best?.headers.length ?? 0)) best = { row: r, headers };
  }
  return best;
}

/** The year for period headers that carry none: the sheet name, a title above the header, else the cycle. */
function yearOf(sheet: SheetGrid, headerTop: number, ctx: LayoutContext) {
  const fromName = yearIn(sheet.name);
  if (fromName !== null) return { year: fromName, from: `sheet name "${sheet.name}"` };
  for (let r = 0; r < headerTop; r++)
    for (const v of sheet.rows[r] ?? []) {
      const y = typeof v === "string" ? yearIn(v) : null;
      if (y !== null) return { year: y, from: `title "${v}"` };
    }
  return { year: ctx.fallbackYear, from: `the cycle (${ctx.fallbackYear})` };
}

function readColumns(sheet: SheetGrid, headerRows: number[], year: number) {
  const width = Math.max(0, ...headerRows.map((r) => (sheet.rows[r] ?? []).length));
  const columns: ColumnReading[] = [];
  const groupRow = headerRows.length > 1 ? (sheet.rows[headerRows[0]] ?? []) : null;
  const mainRow = sheet.rows[headerRows[headerRows.length - 1]] ?? [];
  let group: { p: PeriodHeader; label: string } | null = null;
  let lastMonth = 0;
  let yearShift = 0;
  const endOf = (p: PeriodHeader) => {
    if (p.kind === "month" && p.year === null) {
      if (p.index < lastMonth) yearShift++;
      lastMonth = p.index;
    }
    return periodEnd(p, year + (p.year === null ? yearShift : 0)) ?? 0;
  };
  let groupEnd = 0;
  for (let c = 0; c < width; c++) {
    const own = cellRole(mainRow[c]);
    let header = text(mainRow[c]);
    let period: PeriodColumn | null = null;
    if (groupRow) {
      const g = groupRow[c];
      const gp = periodHeader(g);
      if (gp) {
        group = { p: gp, label: text(g) };
        groupEnd = endOf(gp);
      } else if (!isBlank(g)) group = null;
      const m = measureOf(header);
      if (group && m) {
        period = { col: c, label: group.label, end: groupEnd, measure: m };
        header = `${group.label} ${header}`;
      } else if (!header) header = text(g);
    }
    let role = own.role;
    if (!period && own.period)
      period = { col: c, label: header, end: endOf(own.period.p), measure: own.period.m };
    if (!period && !role && !text(mainRow[c]) && groupRow) role = cellRole(groupRow[c]).role;
    columns.push({ col: c, header, role: period ? null : role, period });
  }
  return columns;
}

/** The KPI-name column may be headed `Name` only when no other column names the KPI. */
function settleNames(columns: ColumnReading[]): void {
  const named = columns.filter((c) => c.role === "name");
  if (named.length < 2) return;
  const plain = named.filter((c) => normaliseHeader(c.header) === NAME_WORD);
  if (plain.length < named.length) for (const c of plain) c.role = "owner";
}

const IGNORED: ReadonlySet<Role> = new Set<Role>(["percent", "note", "total", "forecast"]);

function fieldsOf(columns: ColumnReading[]) {
  const fields: Partial<Record<Role, number>> = {};
  const all = new Map<Role, number[]>();
  for (const c of columns) {
    if (!c.role) continue;
    all.set(c.role, [...(all.get(c.role) ?? []), c.col]);
    if (fields[c.role] === undefined) fields[c.role] = c.col;
  }
  const ambiguous = [...all]
    .filter(([role, cols]) => cols.length > 1 && !IGNORED.has(role))
    .map(([role, cols]) => ({ role, cols }));
  return { fields, ambiguous };
}

const TOTAL = /^(?:grand\s+|sub[\s-]?)?totals?\b|^sum\b|^overall\b|^average\b|^ytd total\b/i;
const FOOTNOTE = /^(?:\*|note|notes|source|remark|\(|†|#\s)/i;

function classifyRows(
  sheet: SheetGrid,
  headerRows: number[],
  columns: ColumnReading[],
  fields: Partial<Record<Role, number>>
): RowReading[] {
  const first = headerRows[headerRows.length - 1] + 1;
  const headerKeys = columns.map((c) =>
    normaliseHeader(text(sheet.rows[headerRows[headerRows.length - 1]]?.[c.col]))
  );
  const nameCol = fields.name ?? fields.kpiId ?? -1;
  const labelCols = [fields.rowNumber, fields.kra, fields.name, fields.kpiId].filter(
    (c): c is number => c !== undefined
  );
  const groupCols = new Set(
    [fields.kra, fields.kraWeight, fields.kraId, fields.rowNumber].filter((c) => c !== undefined)
  );
  const rows: RowReading[] = [];
  for (let r = first; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const filled: number[] = [];
    for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) filled.push(c);
    let kind: RowKind;
    if (filled.length === 0) kind = "blank";
    else if (
      filled.filter((c) => headerKeys[c] && normaliseHeader(text(cells[c])) === headerKeys[c])
        .length >= 2
    )
      kind = "header";
    else if ([...labelCols, filled[0]].some((c) => TOTAL.test(text(cells[c])))) kind = "total";
    else if (filled.every((c) => c === filled[0] || groupCols.has(c)))
      // One cell (or only the KRA's own columns): a section naming the KRA below, or a footnote.
      kind =
        FOOTNOTE.test(text(cells[filled[0]])) || text(cells[filled[0]]).length > 60
          ? "footnote"
          : "section";
    else if (nameCol >= 0 && !isBlank(cells[nameCol])) kind = "data";
    else kind = filled.some((c) => typeof cells[c] === "string") ? "footnote" : "total";
    rows.push({ row: r, kind });
  }
  // A one-cell row with no data below it is a footnote, not a section.
  let dataBelow = false;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i].kind === "data") dataBelow = true;
    else if (rows[i].kind === "section" && !dataBelow) rows[i].kind = "footnote";
    else if (rows[i].kind === "section") dataBelow = false;
  }
  return rows;
}

function kindOf(
  fields: Partial<Record<Role, number>>,
  periods: PeriodColumn[]
): SheetLayout["kind"] {
  const named = fields.name !== undefined || fields.kpiId !== undefined;
  if (!named) return "none";
  const valued =
    fields.value !== undefined || fields.actual !== undefined || fields.rating !== undefined;
  const dated = [fields.month, fields.date, fields.period].some((c) => c !== undefined);
  if (dated && valued && periods.length === 0) return "check-ins";
  return "kpis";
}

export function readSheetLayout(sheet: SheetGrid, ctx: LayoutContext): SheetLayout {
  const headerRows = findHeader(sheet, ctx);
  if (!headerRows) {
    return {
      sheet,
      kind: "none",
      headerRows: [],
      columns: [],
      fields: {},
      periods: [],
      rows: [],
      ambiguous: [],
      yearFrom: null,
      near: nearestHeader(sheet),
    };
  }
  const { year, from } = yearOf(sheet, headerRows[0], ctx);
  const columns = readColumns(sheet, headerRows, year);
  settleNames(columns);
  const { fields, ambiguous } = fieldsOf(columns);
  const periods = columns.flatMap((c) => (c.period ? [c.period] : []));
  return {
    sheet,
    kind: kindOf(fields, periods),
    headerRows,
    columns,
    fields,
    periods,
    rows: classifyRows(sheet, headerRows, columns, fields),
    ambiguous,
    yearFrom: periods.some((p) => p.label && !/\d{2}/.test(p.label)) ? from : null,
    near: null,
  };
}
