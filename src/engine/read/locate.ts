/**
 * Finding each sheet kind in the workbook (SPEC section 2): by a mapping row of Settings, by sheet
 * name, or by Excel table name; then its header row (the first of the first 10 rows with two
 * known column names) and its columns (by header, by synonym, or by a `Column Kind.Field` mapping).
 */
import { SheetGrid, TableRef, WorkbookGrids } from "../grid";
import { CellLocation, Findings } from "../findings";
import { SHEETS, SheetKind, SheetSpec, normaliseHeader, normaliseSheetName } from "../schema";
import { Region } from "./region";

/** The header row is looked for among this many rows at the top of a sheet (SPEC section 2). */
export const HEADER_SEARCH_ROWS = 10;

/** A mapping row of Settings: which sheet, or which header, the user chose, and where they said so. */
export interface MappingChoice {
  text: string;
  at: CellLocation;
}

export interface Mappings {
  sheets: Partial<Record<SheetKind, MappingChoice>>;
  columns: Partial<Record<SheetKind, Record<string, MappingChoice>>>;
  /** `Layout <sheet>` rows (SPEC 2.2), read by the layout reader. */
  layouts?: { sheet: string; text: string; at: CellLocation }[];
}

export const NO_MAPPINGS: Mappings = { sheets: {}, columns: {} };

function sheetNames(spec: SheetSpec): Set<string> {
  return new Set([spec.name, ...spec.synonyms].map(normaliseSheetName));
}

/** Header text → field key, in the order a column is claimed: mapping, canonical label, synonym. */
function headerPasses(
  spec: SheetSpec,
  mapped: Record<string, MappingChoice> | undefined
): Map<string, string>[] {
  const byMapping = new Map<string, string>();
  for (const [key, choice] of Object.entries(mapped ?? {}))
    byMapping.set(normaliseHeader(choice.text), key);
  const byLabel = new Map(spec.fields.map((f) => [normaliseHeader(f.label), f.key]));
  const bySynonym = new Map<string, string>();
  for (const f of spec.fields)
    for (const s of f.synonyms)
      if (!bySynonym.has(normaliseHeader(s))) bySynonym.set(normaliseHeader(s), f.key);
  return [byMapping, byLabel, bySynonym];
}

/** A header cell's text: text or a number, anything else is no header. */
export function headerText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** Assigns columns of one header row to fields; each column and each field is used once. */
function matchColumns(
  header: readonly unknown[],
  from: number,
  to: number,
  passes: Map<string, string>[]
) {
  const columns: Record<string, number> = {};
  const taken = new Set<number>();
  const normalised: string[] = [];
  for (let c = from; c < to; c++) normalised[c] = normaliseHeader(headerText(header[c]));
  for (const pass of passes) {
    for (let c = from; c < to; c++) {
      if (taken.has(c) || !normalised[c]) continue;
      const key = pass.get(normalised[c]);
      if (key !== undefined && columns[key] === undefined) {
        columns[key] = c;
        taken.add(c);
      }
    }
  }
  return columns;
}

function sheetRegion(spec: SheetSpec, grid: SheetGrid, passes: Map<string, string>[]): Region {
  const rowOffset = grid.rowOffset ?? 0;
  const searchEnd = Math.min(grid.rows.length, HEADER_SEARCH_ROWS - rowOffset);
  for (let r = 0; r < searchEnd; r++) {
    const cells = grid.rows[r] ?? [];
    const columns = matchColumns(cells, 0, cells.length, passes);
    if (Object.keys(columns).length >= 2) {
      return {
        spec,
        grid,
        headerRow: r,
        firstRow: r + 1,
        endRow: grid.rows.length,
        columns,
        table: null,
      };
    }
  }
  return { spec, grid, headerRow: 0, firstRow: 0, endRow: 0, columns: {}, table: null };
}

function tableRegion(
  spec: SheetSpec,
  grid: SheetGrid,
  table: TableRef,
  passes: Map<string, string>[]
): Region {
  const top = table.top - (grid.rowOffset ?? 0);
  const left = table.left - (grid.colOffset ?? 0);
  const columns = matchColumns(grid.rows[top] ?? [], left, left + table.colCount, passes);
  return {
    spec,
    grid,
    headerRow: top,
    firstRow: top + 1,
    endRow: top + table.rowCount,
    columns,
    table: table.name,
  };
}

export interface Located {
  regions: Partial<Record<SheetKind, Region>>;
}

interface Candidate {
  grid: SheetGrid;
  table: TableRef | null;
}

function findByName(workbook: WorkbookGrids, name: string): Candidate | null {
  const wanted = normaliseSheetName(name);
  const grid = workbook.sheets.find((s) => normaliseSheetName(s.name) === wanted);
  if (grid) return { grid, table: null };
  return findTable(workbook, (t) => normaliseSheetName(t.name) === wanted);
}

function findTable(workbook: WorkbookGrids, test: (t: TableRef) => boolean): Candidate | null {
  for (const table of workbook.tables ?? []) {
    const grid = workbook.sheets.find((s) => s.name === table.sheet);
    if (grid && test(table)) return { grid, table };
  }
  return null;
}

function regionOf(spec: SheetSpec, candidate: Candidate, passes: Map<string, string>[]): Region {
  return candidate.table
    ? tableRegion(spec, candidate.grid, candidate.table, passes)
    : sheetRegion(spec, candidate.grid, passes);
}

/**
 * Locates one kind. A mapping wins over names (it is the user's explicit choice); among sheets
 * whose names match, the first that has a header row is used, so a stray empty `KPI` sheet does
 * not hide a real `KPIs` sheet; Excel tables are looked at after sheet names.
 */
export function locateKind(
  workbook: WorkbookGrids,
  spec: SheetSpec,
  mappings: Mappings,
  claimed: Set<SheetGrid>,
  findings: Findings
): Region | null {
  const passes = headerPasses(spec, mappings.columns[spec.kind]);
  const mapped = mappings.sheets[spec.kind];
  if (mapped) {
    const candidate = findByName(workbook, mapped.text);
    if (candidate) return regionOf(spec, candidate, passes);
    findings.add(
      "invalid-value",
      mapped.at,
      "setting",
      `Sheet ${spec.name}`,
      `Setting "Sheet ${spec.name}" names "${mapped.text}", but the workbook has no sheet or table of that name. Correct the name or clear the setting.`
    );
  }
  const names = sheetNames(spec);
  const byName = workbook.sheets.filter(
    (s) => !claimed.has(s) && names.has(normaliseSheetName(s.name))
  );
  const regions = byName.map((grid) => sheetRegion(spec, grid, passes));
  const withHeader = regions.find((r) => Object.keys(r.columns).length > 0);
  if (withHeader ?? regions[0]) return withHeader ?? regions[0];
  const table = findTable(workbook, (t) => names.has(normaliseSheetName(t.name)));
  return table ? regionOf(spec, table, passes) : null;
}

/** Every kind but Settings (which must be read first, for its mappings). */
export function locateAll(
  workbook: WorkbookGrids,
  mappings: Mappings,
  settingsGrid: SheetGrid | null,
  findings: Findings
): Located {
  const claimed = new Set<SheetGrid>(settingsGrid ? [settingsGrid] : []);
  const regions: Partial<Record<SheetKind, Region>> = {};
  for (const spec of SHEETS) {
    if (spec.kind === "settings") continue;
    const region = locateKind(workbook, spec, mappings, claimed, findings);
    if (!region) continue;
    regions[spec.kind] = region;
    if (!region.table) claimed.add(region.grid);
    checkMappedColumns(region, mappings, findings);
  }
  return { regions };
}

function checkMappedColumns(region: Region, mappings: Mappings, findings: Findings): void {
  const header = region.grid.rows[region.headerRow] ?? [];
  const mappedCell = (key: string) => region.columns[key];
  for (const [key, choice] of Object.entries(mappings.columns[region.spec.kind] ?? {})) {
    const col = mappedCell(key);
    if (
      col !== undefined &&
      normaliseHeader(headerText(header[col])) === normaliseHeader(choice.text)
    )
      continue;
    const label = region.spec.fields.find((f) => f.key === key)?.label ?? key;
    findings.add(
      "invalid-value",
      choice.at,
      "setting",
      `Column ${region.spec.name}.${label}`,
      `Setting "Column ${region.spec.name}.${label}" names the header "${choice.text}", but sheet "${region.grid.name}" has no such column. Correct the header text or clear the setting.`
    );
  }
}

/** The Settings sheet, found by name or table only. */
export function locateSettings(workbook: WorkbookGrids): Region | null {
  const spec = SHEETS.find((s) => s.kind === "settings") as SheetSpec;
  return locateKind(workbook, spec, NO_MAPPINGS, new Set(), new Findings());
}
