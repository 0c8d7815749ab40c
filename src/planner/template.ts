/**
 * The template workbook (SPEC section 8): one sheet per kind of section 2, each an Excel table with
 * the canonical headers, an instruction row, a few example rows, drop-down lists (Direction,
 * Aggregation, Frequency, and the IDs a column refers to) and number formats. Once inserted, the
 * sheets are the user's: a build never replaces them.
 */
import { columnLetters } from "../engine/address";
import { SHEETS, SheetKind } from "../engine/schema";
import { CellPlan, SheetPlan, ValidationPlan } from "./plan";

/**
 * How many rows the drop-down lists cover below the header: far more than any sheet of KPIs or
 * check-ins grows to by hand, yet a bounded range (whole columns slow Excel down).
 */
const ROWS = 10_000;
const HEADER_ROW = 2;

type Example = (string | number | null)[];

const INSTRUCTIONS: Record<SheetKind, string> = {
  org: "One row per unit. Parent Unit ID nests units (blank for the top). Owners of KRAs may be units.",
  people: "One row per person. Unit ID places them in the org; Manager ID is another Person ID.",
  goals: "At most three goals for the organisation.",
  objectives: "Measurable, time-bound objectives, each serving a goal.",
  kras: "3–5 key result areas per owner (a unit or a person). Link each to an objective, or cascade it from a parent KRA. Weights per owner add up to 100.",
  kpis: "Each KPI measures one KRA. Direction: higher, lower or range (range needs Target Max). Weights per KRA add up to 100. Green At / Amber At override the thresholds in Settings.",
  actuals:
    "One row per check-in: the KPI, the period (a date, 2026-03, Mar 2026, 2026-Q1 or FY2026) and the value.",
  settings: "One setting per row. Delete a row to use the default.",
};

const EXAMPLES: Record<SheetKind, Example[]> = {
  org: [
    ["ORG", "Organisation", null, "Company", "P1"],
    ["OPS", "Operations", "ORG", "Department", "P2"],
  ],
  people: [
    ["P1", "Alex Morgan", "ORG", null, "Chief Executive"],
    ["P2", "Sam Lee", "OPS", "P1", "Head of Operations"],
  ],
  goals: [["G1", "Grow profitable revenue", "FY2026", "Alex Morgan"]],
  objectives: [["O1", "G1", "Grow revenue 10% by year end", "Alex Morgan", "2026-12-31"]],
  kras: [
    ["R1", "Revenue growth", "ORG", "O1", null, 40],
    ["R2", "Reliable delivery", "ORG", "O1", null, 30],
    ["R3", "Engaged people", "ORG", "O1", null, 30],
  ],
  // Annual targets tracked through the year: an example never goes stale-actual with the calendar.
  // The examples score as a healthy organisation (rating 4, Achieved): a template whose own
  // examples read "Not achieved" teaches the wrong thing.
  kpis: [
    [
      "K1",
      "R1",
      "Net revenue per month",
      "$",
      "higher",
      null,
      100000,
      null,
      100,
      "last",
      "annual",
      null,
      null,
      null,
      null,
    ],
    [
      "K2",
      "R2",
      "Orders on time",
      "%",
      "higher",
      0.9,
      0.97,
      null,
      70,
      "average",
      "annual",
      null,
      null,
      null,
      null,
    ],
    [
      "K3",
      "R2",
      "Days of inventory",
      "days",
      "range",
      null,
      30,
      40,
      30,
      "last",
      "annual",
      null,
      null,
      null,
      null,
    ],
    [
      "K4",
      "R3",
      "Engagement score",
      "score",
      "higher",
      68,
      75,
      null,
      100,
      "last",
      "annual",
      null,
      null,
      null,
      null,
    ],
  ],
  actuals: [
    ["K1", "2026-01", 104000, null],
    ["K2", "2026-01", 0.97, null],
    ["K3", "2026-01", 34, null],
    ["K4", "2026-Q1", 76, null],
  ],
  settings: [
    ["Cycle Start", "2026-01-01"],
    ["Cycle End", "2026-12-31"],
    ["Green At", 1],
    ["Amber At", 0.9],
    ["Rating Bands", "1.10, 1.00, 0.90, 0.75"],
    ["Prorate Targets", "no"],
    ["Coverage Min", 0.5],
    ["Date Order", "auto"],
  ],
};

const LISTS: Partial<Record<string, string[]>> = {
  direction: ["higher", "lower", "range"],
  aggregation: ["sum", "average", "last", "min", "max"],
  frequency: ["monthly", "quarterly", "annual", "weekly"],
};

/** Columns whose values are IDs of another sheet: their drop-down lists that sheet's ID column. */
const REFERENCES: Partial<Record<SheetKind, Record<string, SheetKind>>> = {
  org: { parent: "org", head: "people" },
  people: { unit: "org", manager: "people" },
  objectives: { goal: "goals" },
  // An owner is a unit or a person: the list offers people, and a unit ID is accepted after a warning.
  kras: { owner: "people", objective: "objectives", parent: "kras" },
  kpis: { kra: "kras" },
  actuals: { kpi: "kpis" },
};

const FORMATS: Partial<Record<string, string>> = {
  due: "yyyy-mm-dd",
  greenAt: "0%",
  amberAt: "0%",
  weight: "0",
};

/** Fields holding a KPI's values: percentages where the KPI's unit is `%`. */
const VALUE_FIELDS = new Set(["baseline", "target", "targetMax", "actual"]);
const PERCENT_KPIS = new Set(EXAMPLES.kpis.filter((k) => k[3] === "%").map((k) => String(k[0])));
/** Settings whose values are shares. */
const PERCENT_SETTINGS = new Set(["Cap", "Floor", "Green At", "Amber At", "Coverage Min"]);

/** The number format of one example cell: the field's, or a percentage where one is meant. */
function exampleFormat(kind: SheetKind, example: Example, key: string): string | undefined {
  const percent =
    (kind === "kpis" && VALUE_FIELDS.has(key) && example[3] === "%") ||
    (kind === "actuals" && key === "actual" && PERCENT_KPIS.has(String(example[0]))) ||
    (kind === "settings" && key === "value" && PERCENT_SETTINGS.has(String(example[0])));
  return percent ? "0%" : FORMATS[key];
}

function idColumn(kind: SheetKind): string {
  const name = SHEETS.find((s) => s.kind === kind)?.name as string;
  return `'${name}'!$A$${HEADER_ROW + 1}:$A$${HEADER_ROW + ROWS}`;
}

function templateSheet(kind: SheetKind): SheetPlan {
  const spec = SHEETS.find((s) => s.kind === kind) as (typeof SHEETS)[number];
  const fields = spec.fields;
  const rows: (CellPlan | null)[][] = [
    [{ value: INSTRUCTIONS[kind], style: "note" }],
    fields.map((f) => ({ value: f.label, style: "header" })),
    ...EXAMPLES[kind].map((example) =>
      fields.map((f, c) => ({
        value: example[c] ?? null,
        format: exampleFormat(kind, example, f.key),
      }))
    ),
  ];
  const range = (c: number) =>
    `${columnLetters(c)}${HEADER_ROW + 1}:${columnLetters(c)}${HEADER_ROW + ROWS}`;
  const validations: ValidationPlan[] = [];
  fields.forEach((f, c) => {
    const list = LISTS[f.key];
    if (list) validations.push({ range: range(c), list });
    const target = REFERENCES[kind]?.[f.key];
    if (target)
      validations.push({
        range: range(c),
        list: { range: idColumn(target) },
        ...(kind === "kras" && f.key === "owner" ? { allowOther: true } : {}),
      });
  });
  return {
    kind: "template",
    name: spec.name,
    rows,
    columnWidths: fields.map((f) =>
      Math.max(
        12,
        f.label.length + 4,
        ...EXAMPLES[kind].map((e) => String(e[fields.indexOf(f)] ?? "").length + 2)
      )
    ),
    frozen: { rows: HEADER_ROW, columns: 1 },
    validations,
    print: {
      landscape: true,
      fitToWidth: true,
      repeatRows: `${HEADER_ROW}:${HEADER_ROW}`,
      footer: { left: "{sheet}", right: "Page {page} of {pages}" },
    },
    table: {
      name: `tbl${spec.name.replace(/[^A-Za-z]/g, "")}`,
      headerRow: HEADER_ROW,
      column: 0,
      columns: fields.length,
    },
  };
}

export const TEMPLATE_KINDS: readonly SheetKind[] = [
  "org",
  "people",
  "goals",
  "objectives",
  "kras",
  "kpis",
  "actuals",
  "settings",
];

/** The template sheets of the given kinds (all by default), in the order of SPEC section 2. */
export function planTemplate(kinds: readonly SheetKind[] = TEMPLATE_KINDS): SheetPlan[] {
  return TEMPLATE_KINDS.filter((k) => kinds.includes(k)).map(templateSheet);
}
