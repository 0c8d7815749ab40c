/**
 * The import screen's data (SPEC 2.2): each sheet as it was read — a preview of its first rows,
 * columns labelled, skipped rows marked — with the user's correction saved as a `Layout <sheet>`
 * row; and for each sheet kind, which sheet holds it and which header holds each
 * field — as found now — and the choices the user has. Saving writes `Sheet Kind` and
 * `Column Kind.Field` rows to Settings (SPEC section 5), which the command line honours too.
 */
import { Analysis } from "../../engine/analyze";
import { isLastBuildSheet } from "../../engine/diff/signature";
import { WorkbookGrids } from "../../engine/grid";
import { HEADER_SEARCH_ROWS, headerText } from "../../engine/read/locate";
import { Region } from "../../engine/read/region";
import { SHEETS, SheetKind } from "../../engine/schema";
import { SettingValue } from "../../planner/settings-edit";
import { SheetDescription, describeReading } from "../../engine/layout/describe";
import { parseLayoutChoice } from "../../engine/layout/layout-setting";
import { RowKind } from "../../engine/layout/sheet-layout";
import { displayText } from "../../engine/values";

export interface FieldMapping {
  key: string;
  label: string;
  required: boolean;
  /** The header text of the column found for the field, or "" when none was. */
  header: string;
}

export interface KindMapping {
  kind: SheetKind;
  label: string;
  /** The sheet or table found, or "". */
  sheet: string;
  fields: FieldMapping[];
  /** Header texts the user can pick from on that sheet. */
  headers: string[];
}

const text = (v: unknown) => headerText(v).trim();

/** The header row's texts; with no header row found, every text in the first rows. */
function headerChoices(region: Region): string[] {
  const { rows } = region.grid;
  const found = Object.keys(region.columns).length > 0;
  const lines = found ? [rows[region.headerRow] ?? []] : rows.slice(0, HEADER_SEARCH_ROWS);
  const out = new Set<string>();
  for (const line of lines) for (const v of line) if (text(v)) out.add(text(v));
  return [...out];
}

export function mappingOf(analysis: Analysis): KindMapping[] {
  return SHEETS.filter((s) => s.kind !== "settings").map((spec) => {
    // A region the layout reader built is shown above, as a sheet reading, not as a mapping.
    const found = analysis.model.regions[spec.kind];
    const region = found?.origins ? undefined : found;
    const header = region ? (region.grid.rows[region.headerRow] ?? []) : [];
    return {
      kind: spec.kind,
      label: spec.name,
      sheet: region ? (region.table ?? region.grid.name) : "",
      fields: spec.fields.map((f) => {
        const col = region?.columns[f.key];
        return {
          key: f.key,
          label: f.label,
          required: f.required,
          header: col === undefined ? "" : text(header[col]),
        };
      }),
      headers: region ? headerChoices(region) : [],
    };
  });
}

/** Every sheet and table a kind can be mapped to (not the hidden sheet of the last build's figures). */
export function sheetChoices(grids: WorkbookGrids): string[] {
  const sheets = grids.sheets.filter((s) => !isLastBuildSheet(s));
  return [...sheets.map((s) => s.name), ...(grids.tables ?? []).map((t) => t.name)];
}

/** The Settings rows for what the user changed: `Sheet KPIs`, `Column KPIs.Target`. */
export function mappingChanges(
  before: KindMapping[],
  after: KindMapping[]
): Map<string, SettingValue> {
  const changes = new Map<string, SettingValue>();
  for (const next of after) {
    const was = before.find((b) => b.kind === next.kind);
    if (!was) continue;
    if (next.sheet !== was.sheet) changes.set(`Sheet ${next.label}`, next.sheet || null);
    for (const field of next.fields) {
      const old = was.fields.find((f) => f.key === field.key)?.header ?? "";
      if (field.header !== old)
        changes.set(`Column ${next.label}.${field.label}`, field.header || null);
    }
  }
  return changes;
}

/** How a row of a sheet preview was read: skipped rows are shown greyed. */
export type PreviewRowKind = RowKind | "title" | "header-row";

export interface PreviewRow {
  /** 1-based sheet row. */
  row: number;
  kind: PreviewRowKind;
  cells: string[];
}

/** The user's correction of one sheet's reading, saved as its `Layout <sheet>` row. */
export interface LayoutDraft {
  kind: "" | "kpis" | "check-ins" | "ignore";
  /** `3` or `3-4`; "" keeps the header found. */
  headerRows: string;
  ownerFromSheet: boolean;
}

export interface SheetPreview {
  description: SheetDescription;
  /** Column letters of the preview, left to right. */
  columns: string[];
  rows: PreviewRow[];
  layout: LayoutDraft;
}

const PREVIEW_BELOW_HEADER = 10;
const PREVIEW_COLUMNS = 12;

/** The Layout row's value for a draft; "" when it asks for nothing. */
export function layoutValue(d: LayoutDraft): string {
  const parts: string[] = [];
  if (d.kind) parts.push(d.kind);
  if (d.headerRows.trim()) {
    const rows = d.headerRows.trim().replace(/\s+/g, "");
    parts.push(`header row${rows.includes("-") ? "s" : ""} ${rows}`);
  }
  if (d.ownerFromSheet) parts.push("owner from sheet name");
  return parts.join("; ");
}

/** The draft as saved in Settings (what was guessed without a Layout row is in the description). */
function draftOf(saved: string): LayoutDraft {
  const { choice } = parseLayoutChoice(saved);
  return {
    kind: choice.kind ?? "",
    headerRows: choice.headerRows?.join("-") ?? "",
    ownerFromSheet: choice.ownerFromSheet ?? false,
  };
}

/** Each sheet as it was read: the first rows with their kinds, the labels of its columns. */
export function previewsOf(analysis: Analysis, grids: WorkbookGrids): SheetPreview[] {
  const saved = savedLayouts(grids);
  return describeReading(analysis).map((description) => {
    const grid = grids.sheets.find((s) => s.name === description.sheet);
    const top = grid?.rowOffset ?? 0;
    const kinds = new Map<number, PreviewRowKind>();
    for (const r of description.rows)
      for (let row = r.from; row <= r.to; row++) kinds.set(row, r.kind);
    const lastHeader = description.headerRows[description.headerRows.length - 1] ?? 0;
    const end = Math.min(top + (grid?.rows.length ?? 0), lastHeader + PREVIEW_BELOW_HEADER);
    const rows: PreviewRow[] = [];
    for (let row = top + 1; row <= end; row++) {
      const cells = (grid?.rows[row - top - 1] ?? []).slice(0, PREVIEW_COLUMNS);
      rows.push({
        row,
        kind: description.headerRows.includes(row)
          ? "header-row"
          : row < (description.headerRows[0] ?? 0)
            ? "title"
            : (kinds.get(row) ?? "blank"),
        cells: Array.from(
          { length: Math.min(PREVIEW_COLUMNS, description.columns.length) },
          (_, c) => displayText(cells[c] ?? null)
        ),
      });
    }
    return {
      description,
      columns: description.columns.slice(0, PREVIEW_COLUMNS).map((c) => c.column),
      rows,
      layout: draftOf(saved.get(description.sheet) ?? ""),
    };
  });
}

/** `Layout <sheet>` rows already in the workbook's Settings, by sheet name. */
function savedLayouts(grids: WorkbookGrids): Map<string, string> {
  const out = new Map<string, string>();
  const settings = grids.sheets.find((s) => s.name.toLowerCase() === "settings");
  for (const row of settings?.rows ?? []) {
    const m = /^\s*layout\s+(.+)$/i.exec(text(row[0]));
    if (m) out.set(m[1].trim(), text(row[1]));
  }
  return out;
}

/** The `Layout <sheet>` rows for what the user changed. */
export function layoutChanges(
  before: readonly SheetPreview[],
  after: readonly SheetPreview[]
): Map<string, SettingValue> {
  const changes = new Map<string, SettingValue>();
  for (const next of after) {
    const was = before.find((b) => b.description.sheet === next.description.sheet);
    if (!was) continue;
    const value = layoutValue(next.layout);
    if (value !== layoutValue(was.layout))
      changes.set(`Layout ${next.description.sheet}`, value || null);
  }
  return changes;
}
