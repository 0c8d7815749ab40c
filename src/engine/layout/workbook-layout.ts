/**
 * The layout reader (SPEC 2.1): where the canonical reading finds no usable KRAs and KPIs, the
 * workbook's own sheets are understood — tables anywhere, rows classified, IDs, KRAs and owners
 * derived, periods unpivoted, sheets of one shape combined — and turned into regions of the
 * canonical shape whose cells remember the user's cell they came from. Everything after this
 * (records, rules, scores) runs unchanged on them.
 */
import { a1, columnLetters } from "../address";
import { appendAll } from "../collections";
import { isoFromDay } from "../dates";
import { isGeneratedSheet } from "../generated-sheets";
import { CellLocation, Findings } from "../findings";
import { CellValue, SheetGrid, WorkbookGrids } from "../grid";
import { Region } from "../read/region";
import { SHEET_BY_KIND, SheetKind, normaliseSheetName } from "../schema";
import { displayText } from "../values";
import {
  KPI_FIELDS,
  LayoutRow,
  OpenPeriodCell,
  PeriodValue,
  Sourced,
  layoutRows,
  sheetLocation,
} from "./kpi-rows";
import { LayoutChoice, LayoutSettingRow, parseLayoutChoice } from "./layout-setting";
import { SheetLayout, readSheetLayout } from "./sheet-layout";
import { periodEnd, sheetPeriod } from "./vocabulary";

/** A target for one KPI and one period (SPEC 4.2), with the cell it was read from. */
export interface PeriodTarget {
  kpi: string;
  end: number;
  value: CellValue;
  at: CellLocation;
}

/** How one sheet was read, for `validate --explain` and the import screen (SPEC 2.2). */
export interface SheetReading {
  layout: SheetLayout;
  /** What was derived and from where, in plain words. */
  derived: string[];
  /** How many KPIs and check-ins the sheet gave. */
  kpis: number;
  checkIns: number;
}

/** A blank period cell of one KPI, which the live scorecard links (SPEC 8). */
export interface KpiOpenCell extends OpenPeriodCell {
  kpi: string;
}

export interface LayoutResult {
  regions: Partial<Record<SheetKind, Region>>;
  periodTargets: PeriodTarget[];
  readings: SheetReading[];
  openCells: KpiOpenCell[];
}

export interface LayoutInput {
  workbook: WorkbookGrids;
  /** What the canonical reader found (section 2). */
  regions: Partial<Record<SheetKind, Region>>;
  layoutSettings: readonly LayoutSettingRow[];
  /** The user mapped KRAs or KPIs with `Sheet …`/`Column …` rows: they chose the template format. */
  mappedByUser: boolean;
  fallbackYear: number;
  findings: Findings;
}

function usable(region: Region | undefined, ...keys: string[]): region is Region {
  return region !== undefined && keys.every((k) => region.columns[k] !== undefined);
}

/** The canonical reading suffices: KRAs with IDs and KPIs with IDs and KRA IDs. */
export function canonicalReadingWorks(regions: Partial<Record<SheetKind, Region>>): boolean {
  return usable(regions.kras, "id") && usable(regions.kpis, "id", "kra");
}

function choicesBySheet(input: LayoutInput): Map<SheetGrid, LayoutChoice> {
  const chosen = new Map<SheetGrid, LayoutChoice>();
  for (const row of input.layoutSettings) {
    const sheet = input.workbook.sheets.find(
      (s) => normaliseSheetName(s.name) === normaliseSheetName(row.sheet)
    );
    const { choice, unread } = parseLayoutChoice(row.text);
    if (!sheet || unread.length > 0) {
      input.findings.add(
        "invalid-value",
        row.at,
        "setting",
        `Layout ${row.sheet}`,
        sheet
          ? `Setting "Layout ${row.sheet}" has parts KPI Cascade cannot read: ${unread.map((u) => `"${u}"`).join(", ")}. Write it like "kpis; header rows 3-4; owner from sheet name".`
          : `Setting "Layout ${row.sheet}" names a sheet the workbook does not have. Correct the sheet name or clear the setting.`
      );
      if (!sheet) continue;
    }
    chosen.set(sheet, choice);
  }
  return chosen;
}

/** Sheets the canonical reader already read well, the Settings sheet and generated sheets. */
function claimedSheets(input: LayoutInput): Set<SheetGrid> {
  const { regions } = input;
  const claimed = new Set<SheetGrid>();
  for (const kind of ["settings", "org", "people", "goals", "objectives"] as const) {
    const r = regions[kind];
    if (r && Object.keys(r.columns).length > 0) claimed.add(r.grid);
  }
  if (usable(regions.kras, "id")) claimed.add(regions.kras.grid);
  if (usable(regions.actuals, "kpi", "period", "actual")) claimed.add(regions.actuals.grid);
  for (const s of input.workbook.sheets) if (isGeneratedSheet(s)) claimed.add(s);
  return claimed;
}

/** Two sheets have one shape when their columns mean the same things in the same order. */
function shapeOf(layout: SheetLayout): string {
  return layout.columns
    .map((c) => (c.period ? `${c.period.label}:${c.period.measure}` : (c.role ?? "")))
    .join("|");
}

interface SheetPlan {
  layout: SheetLayout;
  choice: LayoutChoice;
  owner: Sourced | null;
  period: { end: number; label: string } | null;
  derived: string[];
}

/** Reads every candidate sheet and settles what its name supplies (owner or period). */
function planSheets(input: LayoutInput): SheetPlan[] {
  const choices = choicesBySheet(input);
  const claimed = claimedSheets(input);
  const plans: SheetPlan[] = [];
  for (const sheet of input.workbook.sheets) {
    const choice = choices.get(sheet) ?? {};
    if (choice.kind === "ignore" || (claimed.has(sheet) && !choices.has(sheet))) continue;
    const top = sheet.rowOffset ?? 0;
    const layout = readSheetLayout(sheet, {
      fallbackYear: input.fallbackYear,
      headerRows: choice.headerRows?.map((r) => r - 1 - top),
    });
    if (choice.kind && layout.kind !== "none") layout.kind = choice.kind;
    plans.push({ layout, choice, owner: null, period: null, derived: [] });
  }
  const groups = new Map<string, SheetPlan[]>();
  for (const p of plans)
    if (p.layout.kind !== "none")
      groups.set(shapeOf(p.layout), [...(groups.get(shapeOf(p.layout)) ?? []), p]);
  for (const group of groups.values()) {
    const combined = group.length > 1;
    const byPeriod = combined && group.every((p) => sheetPeriod(p.layout.sheet.name) !== null);
    for (const p of group) {
      const { sheet, fields } = p.layout;
      const periodName = sheetPeriod(sheet.name);
      if ((byPeriod || p.choice.periodFromSheet) && periodName) {
        const end = periodEnd(periodName, input.fallbackYear);
        if (end !== null) {
          p.period = { end, label: sheet.name };
          p.derived.push(`period ${sheet.name} from the sheet name`);
        }
      } else if (p.choice.owner) {
        p.owner = { value: p.choice.owner, at: sheetLocation(sheet) };
        p.derived.push(`owner ${p.choice.owner} from Settings`);
      } else if (fields.owner === undefined && (combined || p.choice.ownerFromSheet)) {
        p.owner = { value: sheet.name, at: sheetLocation(sheet) };
        p.derived.push(`owner "${sheet.name}" from the sheet name`);
      }
    }
  }
  return plans;
}

const text = (v: CellValue) => displayText(v).trim();

interface KpiEntry {
  id: string;
  row: LayoutRow;
  kra: string | null;
  hasPeriodTargets: boolean;
}

interface KraEntry {
  id: string;
  name: Sourced;
  owner: Sourced | null;
  weight: Sourced | null;
}

/**
 * IDs derived from names (SPEC 2.1): `Owner / Name` when KPIs are per owner, else the name; the
 * n-th row of one sheet with the same derived ID gets ` #n`. Rows of one KPI on sheets that are
 * periods of one table are the same KPI.
 */
function deriveIds(
  plans: SheetPlan[],
  kraIds: Map<string, KraEntry>,
  canonicalKras: boolean,
  fallbackYear: number
) {
  const kpis = new Map<string, KpiEntry>();
  const checkIns: { kpi: string; p: PeriodValue }[] = [];
  const periodTargets: { kpi: string; p: PeriodValue }[] = [];
  const openCells: KpiOpenCell[] = [];
  const ordered = [...plans].sort((a, b) => (a.period?.end ?? 0) - (b.period?.end ?? 0));
  const counts = new Map<SheetPlan, { kpis: number; checkIns: number }>();
  for (const plan of ordered) {
    const seen = new Map<string, number>();
    const tally = { kpis: 0, checkIns: 0 };
    counts.set(plan, tally);
    const rows = layoutRows(plan.layout, {
      owner: plan.owner,
      period: plan.period,
      fallbackYear,
    });
    for (const row of rows) {
      const owner = row.owner ? text(row.owner.value) : null;
      const name = text(row.name.value);
      const explicit = row.kpiId ? text(row.kpiId.value) : null;
      const base = explicit ?? (owner ? `${owner} / ${name}` : name);
      const longFormat = plan.layout.kind === "check-ins";
      const n = longFormat ? 1 : (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const id = n > 1 && !explicit ? `${base} #${n}` : base;
      if (!kpis.has(id)) {
        tally.kpis++;
        kpis.set(id, {
          id,
          row,
          kra: kraOf(row, owner, kraIds, canonicalKras),
          hasPeriodTargets: false,
        });
      }
      const entry = kpis.get(id) as KpiEntry;
      for (const p of row.actuals) checkIns.push({ kpi: id, p });
      for (const p of row.targets) periodTargets.push({ kpi: id, p });
      for (const o of row.open) openCells.push({ kpi: id, ...o });
      if (row.targets.length > 0) entry.hasPeriodTargets = true;
      tally.checkIns += row.actuals.length;
    }
  }
  return { kpis, checkIns, periodTargets, openCells, counts };
}

/** The KRA of a row: its KRA code or name (with its owner when KPIs are per owner). */
function kraOf(
  row: LayoutRow,
  owner: string | null,
  kras: Map<string, KraEntry>,
  canonicalKras: boolean
): string | null {
  const code = row.kraId ? text(row.kraId.value) : null;
  const name = row.kra ? text(row.kra.value) : null;
  if (canonicalKras) return code ?? name;
  if (!code && !name) return null;
  const own = code ?? name;
  const id = owner ? `${owner} / ${own}` : (own as string);
  if (!kras.has(id)) {
    kras.set(id, {
      id,
      name: (row.kra ?? row.kraId) as Sourced,
      owner: row.owner,
      weight: row.kraWeight,
    });
  }
  return id;
}

/** A region of the canonical shape over synthesized rows whose cells point at the user's cells. */
function syntheticRegion(
  kind: SheetKind,
  name: string,
  keys: string[],
  rows: (Sourced | null)[][],
  optional?: Region["optional"]
): Region {
  const spec = SHEET_BY_KIND[kind];
  const labels = keys.map((k) => spec.fields.find((f) => f.key === k)?.label ?? k);
  const grid: SheetGrid = {
    name,
    rows: [labels, ...rows.map((r) => r.map((c) => c?.value ?? null))],
  };
  const origins = [[], ...rows.map((r) => r.map((c) => c?.at))];
  return {
    spec,
    grid,
    headerRow: 0,
    firstRow: 1,
    endRow: grid.rows.length,
    columns: Object.fromEntries(keys.map((k, i) => [k, i])),
    table: null,
    origins,
    optional,
  };
}

/** The synthesized KPIs sheet's columns: the row's identity, then the fields a layout row gives. */
const KPI_KEYS = ["id", "kra", "name", "owner", ...KPI_FIELDS];

/** The period of a check-in as ISO text; a workbook has few distinct periods, so each is made once. */
function periodCell(p: PeriodValue, isoCache: Map<number, string>): Sourced {
  if (p.end === null) return p.period ?? { value: p.label, at: p.cell.at };
  let iso = isoCache.get(p.end);
  if (iso === undefined) isoCache.set(p.end, (iso = isoFromDay(p.end)));
  return { value: iso, at: p.period?.at ?? p.cell.at };
}

function addSkippedAndAmbiguous(plans: SheetPlan[], findings: Findings): void {
  for (const { layout } of plans) {
    const { sheet } = layout;
    const skipped = layout.rows.filter((r) => r.kind !== "data" && r.kind !== "blank");
    if (skipped.length > 0) {
      const names = [...new Set(skipped.map((r) => `${r.kind}s`))];
      const kinds =
        names.length === 1
          ? names[0]
          : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
      findings.add(
        "skipped-rows",
        {
          sheet: sheet.name,
          cell: a1((sheet.rowOffset ?? 0) + skipped[0].row, sheet.colOffset ?? 0),
        },
        "workbook",
        null,
        `${skipped.length} row${skipped.length === 1 ? "" : "s"} of sheet "${sheet.name}" inside its data were read as ${kinds}, not KPIs (the first is row ${(sheet.rowOffset ?? 0) + skipped[0].row + 1}). Run validate --explain to see each row's reading.`
      );
    }
    const headerRow = layout.headerRows[layout.headerRows.length - 1];
    for (const { role, cols } of layout.ambiguous) {
      const letters = cols.map((c) => columnLetters((sheet.colOffset ?? 0) + c));
      findings.add(
        "ambiguous-column",
        {
          sheet: sheet.name,
          cell: a1((sheet.rowOffset ?? 0) + headerRow, (sheet.colOffset ?? 0) + cols[0]),
        },
        "workbook",
        null,
        `Sheet "${sheet.name}" has ${cols.length} columns read as ${role} (${letters.join(", ")}); column ${letters[0]} is used. If another is meant, name its header in Settings as a "Layout ${sheet.name}" or "Column" row, or rename the others.`
      );
    }
  }
}

/**
 * Runs the layout reader; null when no Layout row asks for it and either the canonical reading
 * suffices or the user mapped the KRAs or KPIs sheet by hand (the template format they chose).
 */
export function readLayouts(input: LayoutInput): LayoutResult | null {
  if (
    input.layoutSettings.length === 0 &&
    (input.mappedByUser || canonicalReadingWorks(input.regions))
  )
    return null;
  const plans = planSheets(input);
  const read = plans.filter((p) => p.layout.kind !== "none");
  const canonicalKras = usable(input.regions.kras, "id");
  const kras = new Map<string, KraEntry>();
  const { kpis, checkIns, periodTargets, openCells, counts } = deriveIds(
    read,
    kras,
    canonicalKras,
    input.fallbackYear
  );
  addSkippedAndAmbiguous(read, input.findings);
  const readings: SheetReading[] = plans.map((p) => ({
    layout: p.layout,
    derived: p.derived,
    kpis: counts.get(p)?.kpis ?? 0,
    checkIns: counts.get(p)?.checkIns ?? 0,
  }));
  if (kpis.size === 0) return { regions: {}, periodTargets: [], readings, openCells: [] };

  const first = read[0].layout.sheet.name;
  const entries = [...kpis.values()];
  const kpiRows = entries.map((e) => {
    const f = e.row.fields;
    const derivedId = { value: e.id, at: (e.row.kpiId ?? e.row.name).at };
    const kra =
      e.kra === null ? null : { value: e.kra, at: (e.row.kraId ?? e.row.kra ?? e.row.name).at };
    return [derivedId, kra, e.row.name, e.row.owner, ...KPI_FIELDS.map((k) => f[k] ?? null)];
  });
  const regions: Partial<Record<SheetKind, Region>> = {
    kpis: syntheticRegion(
      "kpis",
      first,
      KPI_KEYS,
      kpiRows,
      (row, field) =>
        field === "kra" || (field === "target" && entries[row - 1]?.hasPeriodTargets === true)
    ),
  };
  if (!canonicalKras) {
    const kraList = [...kras.values()];
    const noOwner = kraList.every((k) => k.owner === null);
    regions.kras = syntheticRegion(
      "kras",
      first,
      ["id", "name", "owner", "weight"],
      kraList.map((k) => [{ value: k.id, at: k.name.at }, k.name, k.owner, k.weight]),
      (_row, field) => field === "owner" && noOwner
    );
  }
  if (checkIns.length > 0) {
    const isoCache = new Map<number, string>();
    const rows: (Sourced | null)[][] = checkIns.map(({ kpi, p }) => [
      { value: kpi, at: p.cell.at },
      periodCell(p, isoCache),
      p.cell,
      null,
    ]);
    const canonical = input.regions.actuals;
    if (usable(canonical, "kpi", "period", "actual")) appendAll(rows, canonicalRows(canonical));
    regions.actuals = syntheticRegion("actuals", first, ["kpi", "period", "actual", "note"], rows);
  }
  return {
    regions,
    periodTargets: periodTargets.flatMap(({ kpi, p }) =>
      p.end === null ? [] : [{ kpi, end: p.end, value: p.cell.value, at: p.cell.at }]
    ),
    readings,
    openCells,
  };
}

/** The rows of the user's own Actuals sheet, kept beside the check-ins read from periods across. */
function canonicalRows(region: Region): (Sourced | null)[][] {
  const rows: (Sourced | null)[][] = [];
  const { grid } = region;
  const keys = ["kpi", "period", "actual", "note"];
  for (let r = region.firstRow; r < region.endRow; r++) {
    const cells = grid.rows[r] ?? [];
    rows.push(
      keys.map((k) => {
        const c = region.columns[k];
        if (c === undefined) return null;
        return {
          value: cells[c],
          at: { sheet: grid.name, cell: a1((grid.rowOffset ?? 0) + r, (grid.colOffset ?? 0) + c) },
        };
      })
    );
  }
  return rows;
}
