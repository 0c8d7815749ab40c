/**
 * The Mapping screen's data: for each sheet kind, which sheet holds it and which header holds each
 * field — as found now — and the choices the user has. Saving writes `Sheet Kind` and
 * `Column Kind.Field` rows to Settings (SPEC section 5), which the command line honours too.
 */
import { Analysis } from "../../engine/analyze";
import { WorkbookGrids } from "../../engine/grid";
import { HEADER_SEARCH_ROWS, headerText } from "../../engine/read/locate";
import { Region } from "../../engine/read/region";
import { SHEETS, SheetKind } from "../../engine/schema";
import { SettingValue } from "../../planner/settings-edit";

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
    const region = analysis.model.regions[spec.kind];
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

/** Every sheet and table a kind can be mapped to. */
export function sheetChoices(grids: WorkbookGrids): string[] {
  return [...grids.sheets.map((s) => s.name), ...(grids.tables ?? []).map((t) => t.name)];
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
