/**
 * How each sheet was read (SPEC 2.2), as data that `validate --explain` prints and the task
 * pane's import screen shows: its kind, header row(s), what each column is, which rows were data
 * and which were skipped, and what was derived from where.
 */
import { columnLetters } from "../address";
import { Analysis } from "../analyze";
import { appendAll } from "../collections";
import { Region } from "../read/region";
import { SHEET_BY_KIND, SheetKind } from "../schema";
import { RowKind } from "./sheet-layout";
import { SheetReading } from "./workbook-layout";
import { Role } from "./vocabulary";

export interface ColumnDescription {
  /** Sheet column letter. */
  column: string;
  header: string;
  /** What the column was read as, in words (`KPI name`, `Jan target`); null when ignored. */
  meaning: string | null;
}

export interface RowRange {
  /** 1-based sheet rows, inclusive. */
  from: number;
  to: number;
  kind: RowKind;
}

export interface SheetDescription {
  sheet: string;
  /** `KPIs`, `KRAs`, `Check-ins (long format)`, or null when the sheet was not read. */
  readAs: string | null;
  /** `template format` for the canonical reading, `own layout` for the layout reader. */
  how: "template format" | "own layout" | "not read";
  headerRows: number[];
  columns: ColumnDescription[];
  rows: RowRange[];
  derived: string[];
  kpis: number;
  checkIns: number;
  /** Why a sheet was not read, when it came close. */
  note: string | null;
}

const ROLE_WORDS: Record<Role, string | null> = {
  rowNumber: "row number (not an ID)",
  kpiId: "KPI ID",
  name: "KPI name",
  kra: "KRA",
  kraId: "KRA ID",
  kraWeight: "KRA weight",
  owner: "owner",
  target: "target",
  targetMax: "target max",
  actual: "actual",
  weight: "weight",
  unit: "unit",
  direction: "direction",
  baseline: "baseline",
  frequency: "frequency",
  aggregation: "aggregation",
  rating: "rating (actual against the scale's top)",
  value: "value",
  month: "month",
  year: "year",
  date: "date",
  period: "period",
  forecast: null,
  percent: null,
  note: null,
  total: null,
};

function ranges(rows: { row: number; kind: RowKind }[], top: number): RowRange[] {
  const out: RowRange[] = [];
  for (const { row, kind } of rows) {
    const at = top + row + 1;
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.to === at - 1) last.to = at;
    else out.push({ from: at, to: at, kind });
  }
  return out.filter((r) => r.kind !== "blank");
}

function derivedOf(reading: SheetReading): string[] {
  const { layout } = reading;
  const f = layout.fields;
  const letter = (c: number | undefined) =>
    c === undefined ? "" : columnLetters((layout.sheet.colOffset ?? 0) + c);
  const out: string[] = [];
  if (f.kpiId === undefined)
    out.push(
      f.owner !== undefined || reading.derived.some((d) => d.startsWith("owner"))
        ? `KPI IDs from the owner and KPI name (column ${letter(f.name)})`
        : `KPI IDs from the KPI names (column ${letter(f.name)})`
    );
  if (f.kra !== undefined) out.push(`KRAs from column ${letter(f.kra)} (filled down)`);
  else if (f.kraId !== undefined) out.push(`KRAs from the codes in column ${letter(f.kraId)}`);
  if (layout.rows.some((r) => r.kind === "section")) out.push("KRAs from the section rows");
  if (f.owner !== undefined) out.push(`owners from column ${letter(f.owner)} (filled down)`);
  appendAll(out, reading.derived);
  if (layout.periods.length > 0) {
    const labels = [...new Set(layout.periods.map((p) => p.label))];
    const measures = [...new Set(layout.periods.map((p) => p.measure))].join("/");
    out.push(
      `periods across: ${labels[0]} … ${labels[labels.length - 1]} (${labels.length}, ${measures})${layout.yearFrom ? `; year from ${layout.yearFrom}` : ""}`
    );
  }
  if (
    f.rating !== undefined &&
    f.target === undefined &&
    !layout.periods.some((p) => p.measure === "target")
  )
    out.push("targets from the rating scale");
  return out;
}

function fromReading(reading: SheetReading): SheetDescription {
  const { layout } = reading;
  const top = layout.sheet.rowOffset ?? 0;
  const left = layout.sheet.colOffset ?? 0;
  const read = layout.kind !== "none";
  return {
    sheet: layout.sheet.name,
    readAs: !read ? null : layout.kind === "kpis" ? "KPIs" : "Check-ins (long format)",
    how: read ? "own layout" : "not read",
    headerRows: layout.headerRows.map((r) => top + r + 1),
    columns: layout.columns.map((c) => ({
      column: columnLetters(left + c.col),
      header: c.header,
      meaning: c.period
        ? c.period.measure === "actual" || c.period.measure === "target"
          ? `${c.period.label} ${c.period.measure}`
          : null
        : c.role
          ? ROLE_WORDS[c.role]
          : null,
    })),
    rows: ranges(layout.rows, top),
    derived: read ? derivedOf(reading) : [],
    kpis: reading.kpis,
    checkIns: reading.checkIns,
    note:
      !read && layout.near
        ? `found only ${layout.near.headers.map((h) => `"${h}"`).join(", ")} on row ${top + layout.near.row + 1}; a header needs a KPI name column and one more known column`
        : null,
  };
}

function fromRegion(kind: SheetKind, region: Region): SheetDescription {
  const { grid } = region;
  const top = grid.rowOffset ?? 0;
  const left = grid.colOffset ?? 0;
  const byColumn = new Map<number, string>();
  for (const f of region.spec.fields) {
    const c = region.columns[f.key];
    if (c !== undefined) byColumn.set(c, f.label);
  }
  const header = grid.rows[region.headerRow] ?? [];
  const dataEnd = Math.min(region.endRow, grid.rows.length);
  return {
    sheet: grid.name,
    readAs: SHEET_BY_KIND[kind].name + (region.table ? ` (table ${region.table})` : ""),
    how: "template format",
    headerRows: [top + region.headerRow + 1],
    columns: header.map((v, c) => ({
      column: columnLetters(left + c),
      header: typeof v === "string" || typeof v === "number" ? String(v) : "",
      meaning: byColumn.get(c) ?? null,
    })),
    rows:
      dataEnd > region.firstRow
        ? [{ from: top + region.firstRow + 1, to: top + dataEnd, kind: "data" }]
        : [],
    derived: [],
    kpis: 0,
    checkIns: 0,
    note: null,
  };
}

/** Every sheet the reading touched, in workbook order: the template's sheets, then the layout's. */
export function describeReading(analysis: Analysis): SheetDescription[] {
  const out: SheetDescription[] = [];
  const layoutSheets = new Set(analysis.readings.map((r) => r.layout.sheet.name));
  for (const [kind, region] of Object.entries(analysis.model.regions) as [SheetKind, Region][]) {
    if (!region || region.origins || layoutSheets.has(region.grid.name)) continue;
    out.push(fromRegion(kind, region));
  }
  appendAll(out, analysis.readings.map(fromReading));
  return out;
}
