/**
 * The Settings screen's form: each setting of SPEC section 5 as text the user edits, read from
 * the engine's settings, and turned back into the Settings rows that changed. A cleared field
 * clears its row, so the default holds again.
 */
import { parseA1 } from "../../engine/address";
import { isoFromDay } from "../../engine/dates";
import { Findings } from "../../engine/findings";
import { CellValue } from "../../engine/grid";
import { readSettings } from "../../engine/read/settings-sheet";
import { DEFAULT_SETTINGS, Settings } from "../../engine/settings";
import { parseNumberText } from "../../engine/values";
import { SettingValue } from "../../planner/settings-edit";

export interface SettingField {
  /** The name in the Setting column, as SPEC section 5 spells it. */
  name: string;
  kind: "date" | "number" | "bands" | "yesno";
  hint: string;
  read: (s: Settings) => string;
}

const num = (key: keyof Settings) => (s: Settings) => String(s[key]);
const day = (key: "cycleStart" | "cycleEnd" | "asOf") => (s: Settings) => {
  const d = s[key];
  return d === null ? "" : isoFromDay(d);
};

export const SETTING_FIELDS: readonly SettingField[] = [
  {
    name: "Cycle Start",
    kind: "date",
    hint: "First day of the performance period",
    read: day("cycleStart"),
  },
  {
    name: "Cycle End",
    kind: "date",
    hint: "Last day of the performance period",
    read: day("cycleEnd"),
  },
  { name: "As Of", kind: "date", hint: "Blank: today (never after Cycle End)", read: day("asOf") },
  { name: "Cap", kind: "number", hint: "Highest attainment (default 1.2)", read: num("cap") },
  { name: "Floor", kind: "number", hint: "Lowest attainment (default 0)", read: num("floor") },
  {
    name: "Green At",
    kind: "number",
    hint: "Green from this attainment (default 1.0)",
    read: num("greenAt"),
  },
  {
    name: "Amber At",
    kind: "number",
    hint: "Amber from this attainment (default 0.9)",
    read: num("amberAt"),
  },
  {
    name: "Rating Bands",
    kind: "bands",
    hint: "Four descending thresholds for ratings 5 to 2",
    read: (s) => s.ratingBands.map((b) => b.toFixed(2)).join(", "),
  },
  {
    name: "Prorate Targets",
    kind: "yesno",
    hint: "Prorate the targets of sum KPIs over the cycle",
    read: (s) => (s.prorateTargets ? "yes" : "no"),
  },
  {
    name: "KRA Count Min",
    kind: "number",
    hint: "Fewest KRAs per owner (default 3)",
    read: num("kraCountMin"),
  },
  {
    name: "KRA Count Max",
    kind: "number",
    hint: "Most KRAs per owner (default 5)",
    read: num("kraCountMax"),
  },
  {
    name: "Goal Count Max",
    kind: "number",
    hint: "Most goals (default 3)",
    read: num("goalCountMax"),
  },
];

export type SettingsForm = Record<string, string>;

export function formOf(settings: Settings): SettingsForm {
  return Object.fromEntries(SETTING_FIELDS.map((f) => [f.name, f.read(settings)]));
}

/**
 * What a field's text is written as: numbers as numbers (read as the engine reads a cell, so
 * `90%` is 0.9), everything else as text; blank clears.
 */
function cellValueOf(field: SettingField, text: string): SettingValue {
  const t = text.trim();
  if (t === "") return null;
  return (field.kind === "number" ? parseNumberText(t) : null) ?? t;
}

/**
 * What is wrong with the form, by field name, before anything is written: the engine reads the
 * form as it would read the Settings sheet it becomes, and each of its findings lands on the
 * field of the row it names (`Cap = abc`; Amber At above Green At).
 */
export function settingErrors(form: SettingsForm): Record<string, string> {
  const filled = SETTING_FIELDS.filter((f) => (form[f.name] ?? "").trim() !== "");
  const rows: CellValue[][] = [
    ["Setting", "Value"],
    ...filled.map((f) => [f.name, cellValueOf(f, form[f.name])]),
  ];
  const findings = new Findings();
  readSettings({ sheets: [{ name: "Settings", rows }] }, findings);
  const errors: Record<string, string> = {};
  for (const finding of findings.list) {
    const row = parseA1(finding.cell ?? "")?.row;
    const field = row === undefined ? undefined : filled[row - 1];
    if (field) errors[field.name] ??= finding.message;
  }
  return errors;
}

/**
 * The rows to write: the fields whose text differs from what the workbook gives now. A field
 * set back to its default text is cleared rather than written, so the sheet stays short.
 */
export function changedSettings(
  before: SettingsForm,
  after: SettingsForm
): Map<string, SettingValue> {
  const defaults = formOf(DEFAULT_SETTINGS);
  const changes = new Map<string, SettingValue>();
  for (const field of SETTING_FIELDS) {
    const was = before[field.name] ?? "";
    const now = after[field.name] ?? "";
    if (now.trim() === was.trim()) continue;
    changes.set(field.name, now.trim() === defaults[field.name] ? null : cellValueOf(field, now));
  }
  return changes;
}
