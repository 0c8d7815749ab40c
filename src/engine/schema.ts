/**
 * The workbook format of SPEC section 2 as data: each sheet kind, its names, and its columns with
 * their synonyms. Everything that finds sheets and columns reads this table; nothing else spells
 * a header.
 */
import type { Entity } from "./findings";

export type SheetKind =
  "org" | "people" | "goals" | "objectives" | "kras" | "kpis" | "actuals" | "settings";

export interface FieldSpec {
  key: string;
  /** The canonical header, as the template writes it. */
  label: string;
  synonyms: string[];
  required: boolean;
}

export interface SheetSpec {
  kind: SheetKind;
  /** The canonical sheet name, also the `Kind` in `Sheet Kind` / `Column Kind.Field` settings. */
  name: string;
  synonyms: string[];
  entity: Entity;
  fields: FieldSpec[];
}

function field(key: string, label: string, synonyms: string[] = [], required = false): FieldSpec {
  return { key, label, synonyms, required };
}

const req = true;

export const SHEETS: readonly SheetSpec[] = [
  {
    kind: "org",
    name: "Org",
    synonyms: ["Org Units", "Organisation", "Organization", "Units", "Departments"],
    entity: "unit",
    fields: [
      field("id", "Unit ID", ["Unit", "Unit Code", "Org ID", "ID"], req),
      field("name", "Unit Name", ["Name"]),
      field("parent", "Parent Unit ID", ["Parent", "Parent ID", "Parent Unit"]),
      field("level", "Level", ["Type"]),
      field("head", "Head", ["Head ID"]),
    ],
  },
  {
    kind: "people",
    name: "People",
    synonyms: ["Employees", "Staff", "Roster"],
    entity: "person",
    fields: [
      field("id", "Person ID", ["Employee ID", "Emp ID", "ID"], req),
      field("name", "Name", ["Employee Name", "Full Name"]),
      field("unit", "Unit ID", ["Unit", "Department", "Team"]),
      field("manager", "Manager ID", ["Manager", "Reports To"]),
      field("role", "Role", ["Job Title", "Designation", "Position"]),
    ],
  },
  {
    kind: "goals",
    name: "Goals",
    synonyms: [],
    entity: "goal",
    fields: [
      field("id", "Goal ID", ["ID"], req),
      field("name", "Goal", ["Name", "Statement", "Goal Statement"], req),
      field("period", "Period"),
      field("owner", "Owner"),
    ],
  },
  {
    kind: "objectives",
    name: "Objectives",
    synonyms: [],
    entity: "objective",
    fields: [
      field("id", "Objective ID", ["ID"], req),
      field("goal", "Goal ID", ["Goal"], req),
      field("name", "Objective", ["Name", "Statement"], req),
      field("owner", "Owner"),
      field("due", "Due Date", ["Due", "Deadline"]),
    ],
  },
  {
    kind: "kras",
    name: "KRAs",
    synonyms: ["Key Result Areas", "KRA", "KRA List"],
    entity: "kra",
    fields: [
      field("id", "KRA ID", ["ID", "KRA Code"], req),
      field("name", "KRA", ["Name", "Key Result Area", "Area"], req),
      field("owner", "Owner", ["Owner ID", "Employee"], req),
      field("objective", "Objective ID", ["Objective"]),
      field("parent", "Parent KRA ID", ["Parent KRA", "Parent"]),
      field("weight", "Weight", ["Weightage"]),
    ],
  },
  {
    kind: "kpis",
    name: "KPIs",
    synonyms: ["Key Performance Indicators", "KPI", "Metrics", "Measures", "KPI Master"],
    entity: "kpi",
    fields: [
      field("id", "KPI ID", ["ID"], req),
      field("kra", "KRA ID", ["KRA", "KRA Code"], req),
      field("name", "KPI", ["Name", "Indicator", "Metric", "Measure"], req),
      field("unit", "Unit", ["UoM", "Unit of Measure"]),
      field("direction", "Direction", ["Polarity"]),
      field("baseline", "Baseline", ["Start", "Start Value"]),
      field("target", "Target", ["Goal Value"], req),
      field("targetMax", "Target Max", ["Upper Target", "Max Target"]),
      field("weight", "Weight", ["Weightage"]),
      field("aggregation", "Aggregation", ["Aggregate", "Rollup"]),
      field("frequency", "Frequency"),
      field("greenAt", "Green At"),
      field("amberAt", "Amber At"),
      field("owner", "Owner"),
      field("actual", "Actual", ["Current", "Actual Value", "Achievement"]),
    ],
  },
  {
    kind: "actuals",
    name: "Actuals",
    synonyms: ["Check-ins", "Checkins", "Results", "Measurements"],
    entity: "actual",
    fields: [
      field("kpi", "KPI ID", ["KPI"], req),
      field("period", "Period", ["Date", "Month", "Quarter"], req),
      field("actual", "Actual", ["Value", "Result", "Achievement"], req),
      field("note", "Note", ["Comment"]),
      field("confidence", "Confidence"),
    ],
  },
  {
    kind: "settings",
    name: "Settings",
    synonyms: [],
    entity: "setting",
    fields: [field("name", "Setting", [], req), field("value", "Value", [], req)],
  },
];

export const SHEET_BY_KIND = Object.fromEntries(SHEETS.map((s) => [s.kind, s])) as Record<
  SheetKind,
  SheetSpec
>;

/** Sheet and table names compare case-insensitively, ignoring spaces, `_`, `-` and a leading `tbl`. */
export function normaliseSheetName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s_-]+/g, "")
    .replace(/^tbl/, "");
}

/** Headers compare case-insensitively, ignoring spaces, punctuation and a trailing `*`. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .replace(/\*+$/, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
