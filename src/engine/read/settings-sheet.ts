/**
 * Reading the Settings sheet: one setting a row, a bad value becomes a finding and its default
 * holds. Mapping rows (`Sheet KPIs`, `Column KPIs.Target`) are collected for `locate`.
 */
import { CellLocation, Findings } from "../findings";
import { WorkbookGrids } from "../grid";
import { SHEETS, SheetKind, normaliseHeader, normaliseSheetName } from "../schema";
import { DEFAULT_SETTINGS, DateOrder, Settings, parseRatingBands } from "../settings";
import { ambiguousDateMessage } from "./row-reader";
import {
  Parsed,
  displayText,
  isFailure,
  parseDate,
  parseNumber,
  parseText,
  parseYesNo,
  settleDate,
} from "../values";
import { Mappings, locateSettings } from "./locate";
import { Region, RowRef, cellOf, cellValue, dataRows } from "./region";

export interface SettingsRead {
  settings: Settings;
  mappings: Mappings;
  region: Region | null;
}

type Key = keyof Settings;

const NUMBER_SETTINGS: Record<string, Key> = {
  cap: "cap",
  floor: "floor",
  greenat: "greenAt",
  amberat: "amberAt",
  kracountmin: "kraCountMin",
  kracountmax: "kraCountMax",
  goalcountmax: "goalCountMax",
};

const DATE_ORDERS: Record<string, DateOrder | null> = {
  dmy: "dmy",
  daymonthyear: "dmy",
  dayfirst: "dmy",
  mdy: "mdy",
  monthdayyear: "mdy",
  monthfirst: "mdy",
  auto: null,
};

const DATE_SETTINGS: Record<string, Key> = {
  cyclestart: "cycleStart",
  cycleend: "cycleEnd",
  asof: "asOf",
};

function kindNamed(text: string): SheetKind | null {
  const wanted = normaliseSheetName(text);
  const spec = SHEETS.find((s) =>
    [s.name, ...s.synonyms].some((n) => normaliseSheetName(n) === wanted)
  );
  return spec ? spec.kind : null;
}

function fieldNamed(kind: SheetKind, text: string): string | null {
  const wanted = normaliseHeader(text);
  const spec = SHEETS.find((s) => s.kind === kind);
  const f = spec?.fields.find((fl) =>
    [fl.label, ...fl.synonyms].some((n) => normaliseHeader(n) === wanted)
  );
  return f ? f.key : null;
}

/**
 * `inferredOrder` gives the order the workbook's own text dates show (read/date-order.ts), asked
 * only when a date setting reads both ways; a `Date Order` row wins over it.
 */
export function readSettings(
  workbook: WorkbookGrids,
  findings: Findings,
  inferredOrder: () => DateOrder | null = () => null
): SettingsRead {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const mappings: Mappings = { sheets: {}, columns: {} };
  const region = locateSettings(workbook);
  if (!region) return { settings, mappings, region: null };
  if (Object.keys(region.columns).length === 0) {
    // No header row: read the first two columns as Setting and Value.
    Object.assign(region, {
      columns: { name: 0, value: 1 },
      firstRow: 0,
      endRow: region.grid.rows.length,
      headerRow: 0,
    });
  }
  const seen = new Set<string>();
  const given = new Map<Key, CellLocation>();
  // Date Order decides how the date settings read, wherever its row is: settle it first.
  const rows = dataRows(region);
  const explicit = dateOrderRow(rows, region);
  region.dateOrder = () => explicit ?? inferredOrder();
  for (const row of rows) {
    const ref: RowRef = { region, row };
    const name = parseText(cellValue(ref, "name"));
    if (isFailure(name)) {
      findings.add(
        "cell-error",
        cellOf(ref, "name"),
        "setting",
        null,
        `The setting name is the error value ${name.text}. Type the setting's name.`
      );
      continue;
    }
    if (name === null) {
      findings.add(
        "missing-id",
        cellOf(ref, "name"),
        "setting",
        null,
        `A Settings row has a value but no setting name. Type the name of the setting in this cell, or clear the row.`
      );
      continue;
    }
    const key = normaliseHeader(name);
    if (seen.has(key)) {
      findings.add(
        "duplicate-id",
        cellOf(ref, "name"),
        "setting",
        name,
        `Setting "${name}" is given twice; the first row is used. Delete one of them.`
      );
      continue;
    }
    seen.add(key);
    readOne(ref, name, settings, mappings, given, findings);
  }
  checkConsistency(settings, given, findings);
  return { settings, mappings, region };
}

function readOne(
  ref: RowRef,
  name: string,
  settings: Settings,
  mappings: Mappings,
  given: Map<Key, CellLocation>,
  findings: Findings
): void {
  const raw = cellValue(ref, "value");
  const at = cellOf(ref, "value");
  const key = normaliseHeader(name);
  const bad = (
    rule: "invalid-number" | "invalid-date" | "invalid-value" | "cell-error",
    what: string
  ) =>
    findings.add(
      rule,
      at,
      "setting",
      name,
      `Setting "${name}" is "${displayText(raw)}", which is not ${what}; the default is used. ${fixHint(rule)}`
    );
  const take = <T>(
    parsed: Parsed<T>,
    rule: "invalid-number" | "invalid-date" | "invalid-value",
    what: string
  ): T | undefined => {
    if (parsed === null) return undefined;
    if (!isFailure(parsed)) return parsed;
    bad(parsed.kind === "error" ? "cell-error" : rule, parsed.kind === "error" ? "a value" : what);
    return undefined;
  };
  if (NUMBER_SETTINGS[key]) {
    const k = NUMBER_SETTINGS[key];
    const n = take(parseNumber(raw), "invalid-number", "a number");
    const whole = k === "kraCountMin" || k === "kraCountMax" || k === "goalCountMax";
    if (n !== undefined && whole && (!Number.isInteger(n) || n < 0))
      bad("invalid-number", "a whole number of 0 or more");
    else if (n !== undefined) {
      (settings[k] as number) = n;
      given.set(k, at);
    }
  } else if (DATE_SETTINGS[key]) {
    const k = DATE_SETTINGS[key];
    const parsed = settleDate(parseDate(raw), ref.region.dateOrder?.() ?? null);
    if (isFailure(parsed) && parsed.kind === "ambiguous") {
      findings.add(
        "ambiguous-date",
        at,
        "setting",
        name,
        `${ambiguousDateMessage(`Setting "${name}"`, parsed)}${k === "asOf" ? " Until then the as-of date is today (or --as-of)." : ""}`
      );
      return;
    }
    const d = take(parsed, "invalid-date", dateExpected(k));
    if (d !== undefined) {
      (settings[k] as number) = d;
      given.set(k, at);
    }
  } else if (key === "coveragemin") {
    const n = take(
      parseNumber(raw),
      "invalid-number",
      "a share between 0 and 1 (such as 0.5 or 50%)"
    );
    if (n === undefined) return;
    // 50 means 50 %: people type shares both ways.
    const share = n > 1 && n <= 100 ? n / 100 : n;
    if (share < 0 || share > 1)
      bad("invalid-number", "a share between 0 and 1 (such as 0.5 or 50%)");
    else settings.coverageMin = share;
  } else if (key === "dateorder") {
    const text = parseText(raw);
    if (text === null) return;
    if (isFailure(text)) return bad("cell-error", "a value");
    const order = DATE_ORDERS[normaliseHeader(text)];
    if (order === undefined) bad("invalid-value", "DMY, MDY or auto");
    else settings.dateOrder = order;
  } else if (key === "ratingbands") {
    const text = parseText(raw);
    if (text === null) return;
    if (isFailure(text)) return bad("cell-error", "a value");
    const bands = parseRatingBands(String(raw));
    if (!bands) bad("invalid-number", "four descending numbers such as 1.10, 1.00, 0.90, 0.75");
    else settings.ratingBands = bands;
  } else if (key === "proratetargets") {
    const yes = take(parseYesNo(raw), "invalid-value", "yes or no");
    if (yes !== undefined) settings.prorateTargets = yes;
  } else if (!readMapping(name, raw, at, mappings)) {
    findings.add(
      "unknown-setting",
      cellOf(ref, "name"),
      "setting",
      name,
      `"${name}" is not a setting KPI Cascade knows; it is ignored. Check the spelling against the list of settings, or delete the row.`
    );
  }
}

/** What a date setting wants; for As Of, also what holds until it is fixed. */
function dateExpected(key: Key): string {
  return key === "asOf"
    ? "a date (for example 2026-12-31); until it is fixed the as-of date is today (or --as-of)"
    : "a date (for example 2026-12-31)";
}

/** The Date Order row's value, read before the other rows; invalid values are reported by readOne. */
function dateOrderRow(rows: readonly number[], region: Region): DateOrder | null {
  for (const row of rows) {
    const ref = { region, row };
    const name = parseText(cellValue(ref, "name"));
    if (typeof name !== "string" || normaliseHeader(name) !== "dateorder") continue;
    const value = parseText(cellValue(ref, "value"));
    return typeof value === "string" ? (DATE_ORDERS[normaliseHeader(value)] ?? null) : null;
  }
  return null;
}

function readMapping(name: string, raw: unknown, at: CellLocation, mappings: Mappings): boolean {
  const sheet = /^\s*sheet\s+(.+)$/i.exec(name);
  const column = /^\s*column\s+(.+)\.([^.]+)$/i.exec(name);
  const layout = /^\s*layout\s+(.+)$/i.exec(name);
  const text = typeof raw === "string" || typeof raw === "number" ? String(raw).trim() : "";
  if (layout) {
    if (text) (mappings.layouts ??= []).push({ sheet: layout[1].trim(), text, at });
    return true;
  }
  if (sheet) {
    const kind = kindNamed(sheet[1]);
    if (!kind) return false;
    if (text) mappings.sheets[kind] = { text, at };
    return true;
  }
  if (column) {
    const kind = kindNamed(column[1]);
    const key = kind && fieldNamed(kind, column[2]);
    if (!kind || !key) return false;
    if (text) (mappings.columns[kind] ??= {})[key] = { text, at };
    return true;
  }
  return false;
}

function fixHint(rule: string): string {
  return rule === "cell-error"
    ? "Fix the formula or type a value."
    : "Correct the value or clear it.";
}

/** Pairs of settings that contradict each other: both fall back to their defaults. */
function checkConsistency(
  settings: Settings,
  given: Map<Key, CellLocation>,
  findings: Findings
): void {
  const reset = (keys: Key[]) => {
    for (const k of keys) (settings[k] as unknown) = DEFAULT_SETTINGS[k];
  };
  if (settings.cap < settings.floor) {
    const at = given.get("cap") ?? given.get("floor");
    if (at)
      findings.add(
        "invalid-number",
        at,
        "setting",
        "Cap",
        `Cap (${settings.cap}) is below Floor (${settings.floor}); both defaults (1.2 and 0) are used. Make Cap at least Floor.`
      );
    reset(["cap", "floor"]);
  }
  if (settings.amberAt > settings.greenAt) {
    const at = given.get("amberAt") ?? given.get("greenAt");
    if (at)
      findings.add(
        "invalid-thresholds",
        at,
        "setting",
        "Amber At",
        `Amber At (${settings.amberAt}) is above Green At (${settings.greenAt}); the defaults (0.9 and 1.0) are used. Make Amber At at most Green At.`
      );
    reset(["greenAt", "amberAt"]);
  }
  if (settings.kraCountMin > settings.kraCountMax) {
    const at = given.get("kraCountMin") ?? given.get("kraCountMax");
    if (at)
      findings.add(
        "invalid-number",
        at,
        "setting",
        "KRA Count Min",
        `KRA Count Min (${settings.kraCountMin}) is above KRA Count Max (${settings.kraCountMax}); the defaults (3 and 5) are used.`
      );
    reset(["kraCountMin", "kraCountMax"]);
  }
  if (
    settings.cycleStart !== null &&
    settings.cycleEnd !== null &&
    settings.cycleEnd < settings.cycleStart
  ) {
    const at = given.get("cycleEnd") as CellLocation;
    findings.add(
      "invalid-date",
      at,
      "setting",
      "Cycle End",
      `Cycle End is before Cycle Start; the cycle is ignored. Correct one of the two dates.`
    );
    reset(["cycleStart", "cycleEnd"]);
  }
}
