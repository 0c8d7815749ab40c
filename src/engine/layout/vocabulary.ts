/**
 * The words real KPI workbooks put in their headers (SPEC 2.1), beyond the canonical columns of
 * section 2: what each header means for the layout reader, and which headers are periods.
 */
import { dayFromDate, dayFromYmd, lastDayOfMonth } from "../dates";
import { CellValue } from "../grid";
import { normaliseHeader } from "../schema";
import { MONTHS } from "../values";

/** What a column of a KPI-shaped sheet holds. */
export type Role =
  | "rowNumber"
  | "kpiId"
  | "name"
  | "kra"
  | "kraId"
  | "kraWeight"
  | "owner"
  | "target"
  | "targetMax"
  | "actual"
  | "weight"
  | "unit"
  | "direction"
  | "baseline"
  | "frequency"
  | "aggregation"
  | "rating"
  | "value"
  | "month"
  | "year"
  | "date"
  | "period"
  | "forecast"
  | "percent"
  | "note"
  | "total";

/** A value measured per period under a period header. */
export type Measure = "actual" | "target" | "forecast" | "percent";

const WORDS: Record<Role, string[]> = {
  rowNumber: ["S.No", "Sr. No.", "Sl. No.", "Serial No", "No.", "No", "SN", "Sr", "S No", "Number"],
  kpiId: ["KPI ID", "KPI Code", "KPI No", "Measure ID", "Metric ID"],
  name: [
    "KPI",
    "KPIs",
    "KPI Name",
    "Indicator",
    "Metric",
    "Measure",
    "Measures",
    "Metrics",
    "Key Performance Indicator",
    "Key Performance Indicators",
    "Performance Indicator",
    "KPI Description",
    "Measure Name",
    "Metric Name",
    "Indicator Name",
    "Performance Measure",
  ],
  kra: [
    "KRA",
    "KRAs",
    "KRA Name",
    "Key Result Area",
    "Key Result Areas",
    "Area",
    "Pillar",
    "Perspective",
    "Category",
    "Key Responsibility",
    "Key Responsibility Area",
    "Focus Area",
    "Result Area",
    "Key Responsibilities",
  ],
  kraId: ["KRA ID", "KRA Code", "KRA No"],
  kraWeight: ["KRA Weight", "KRA Weightage", "KRA Wt", "Area Weight", "Perspective Weight"],
  owner: [
    "Owner",
    "Owner ID",
    "Employee",
    "Employee Name",
    "Salesperson",
    "Sales Rep",
    "Sales Person",
    "Responsible",
    "Person",
    "Accountable",
    "KPI Owner",
    "Team Member",
    "Associate",
    "Staff",
  ],
  target: [
    "Target",
    "Targets",
    "Goal",
    "Goal Value",
    "Target Value",
    "Annual Target",
    "Budget",
    "Plan",
    "Tgt",
    "Target (Annual)",
    "Yearly Target",
  ],
  targetMax: ["Target Max", "Upper Target", "Max Target", "Stretch"],
  actual: [
    "Actual",
    "Actuals",
    "Achievement",
    "Actual Value",
    "Current",
    "Result",
    "Achieved",
    "Act",
    "Actual Achievement",
    "YTD Actual",
  ],
  weight: ["Weight", "Weightage", "Wt", "Weights", "Weighting", "KPI Weight", "KPI Weightage"],
  unit: ["Unit", "UoM", "Unit of Measure", "Units", "Measure Unit", "Measurement Unit"],
  direction: ["Direction", "Polarity", "Better"],
  baseline: ["Baseline", "Start", "Start Value", "Last Year", "LY", "Previous Year", "Prior Year"],
  frequency: ["Frequency", "Freq", "Reporting Frequency"],
  aggregation: ["Aggregation", "Aggregate", "Rollup"],
  rating: ["Score", "Rating", "Self Rating", "Manager Rating", "Final Rating", "Final Score"],
  value: ["Value", "Values", "Amount"],
  month: ["Month"],
  year: ["Year"],
  date: ["Date", "Period End", "As Of"],
  period: ["Period", "Quarter", "Week"],
  forecast: ["Forecast", "Fcst", "Projection"],
  // Any other header with a % sign is a percentage column too (see roleOfHeader).
  percent: ["%", "Attainment", "Achievement Percentage"],
  note: ["Remarks", "Remark", "Comments", "Comment", "Note", "Notes"],
  total: ["Total", "YTD", "FY Total", "Annual", "Year Total", "Full Year", "Grand Total"],
};

const BY_WORD = new Map<string, Role>();
for (const [role, words] of Object.entries(WORDS) as [Role, string[]][])
  for (const w of words)
    if (!BY_WORD.has(normaliseHeader(w))) BY_WORD.set(normaliseHeader(w), role);

/** The word that may name either the KPI or its owner; settled by the other columns. */
export const NAME_WORD = "name";

/**
 * A header cell's role, or null. `Weight (%)` is a weight; another header with `%` is a
 * percentage column (derived, never read); `Score (1–5)` is a rating.
 */
export function roleOfHeader(text: string): Role | null {
  const raw = text.trim();
  if (raw === "#") return "rowNumber";
  const key = normaliseHeader(raw);
  if (!key) return raw.includes("%") ? "percent" : null;
  const hit = BY_WORD.get(key);
  if (hit === "weight" || hit === "kraWeight") return hit;
  if (raw.includes("%") && hit !== "rating") return "percent";
  if (hit) return hit;
  if (ratingScale(raw) !== null) return "rating";
  return null;
}

/** A measure under a period group header: `Target`, `Actual`, `Forecast`, `%`. */
export function measureOf(text: string): Measure | null {
  const role = roleOfHeader(text);
  if (role === "target") return "target";
  if (role === "actual" || role === "value") return "actual";
  if (role === "forecast") return "forecast";
  if (role === "percent") return "percent";
  return null;
}

/** The top of a rating scale stated in a header or note: `Score (1–5)`, `Rating out of 5`, `1-10`. */
export function ratingScale(text: string): number | null {
  const t = text.toLowerCase();
  let m = /(?:^|[^\d])[01]\s*(?:-|–|—|to)\s*(\d{1,2})(?!\d)/.exec(t);
  if (m) return Number(m[1]);
  m = /out of\s*(\d{1,3})/.exec(t);
  if (m) return Number(m[1]);
  return null;
}

/** A period as a column header shows it, before its year is known. */
export interface PeriodHeader {
  kind: "month" | "quarter" | "half" | "year" | "week" | "day";
  /** 1–12 for months, 1–4 quarters, 1–2 halves, 1–53 weeks; the day for `day`. */
  index: number;
  /** The year written in the header, if any. */
  year: number | null;
}

function fullYear(text: string | undefined): number | null {
  if (!text) return null;
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** Reads a header such as `Jan`, `January 2026`, `Jan-24`, `Q1`, `Q1 FY24`, `2026-03`, `FY24`, `WW35`. */
export function periodHeader(value: CellValue): PeriodHeader | null {
  if (value instanceof Date) {
    const day = dayFromDate(value);
    return day === null
      ? null
      : { kind: "month", index: value.getUTCMonth() + 1, year: value.getUTCFullYear() };
  }
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 1990 && value <= 2100
      ? { kind: "year", index: 1, year: value }
      : null;
  if (typeof value !== "string") return null;
  const t = value.trim().toLowerCase().replace(/\s+/g, " ").replace(/[’']/g, " ");
  let m: RegExpExecArray | null;
  if ((m = /^([a-z]{3,9})\.?(?:[ \-/,]*(?:fy ?)?(\d{4}|\d{2}))?$/.exec(t)) && MONTHS[m[1]])
    return { kind: "month", index: MONTHS[m[1]], year: fullYear(m[2]) };
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(t)) && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { kind: "month", index: Number(m[2]), year: Number(m[1]) };
  if ((m = /^q([1-4])(?:[ \-/]*(?:fy ?)?(\d{4}|\d{2}))?$/.exec(t)))
    return { kind: "quarter", index: Number(m[1]), year: fullYear(m[2]) };
  if ((m = /^(?:fy ?)?(\d{4})[ \-/]*q([1-4])$/.exec(t)))
    return { kind: "quarter", index: Number(m[2]), year: Number(m[1]) };
  if ((m = /^h([12])(?:[ \-/]*(?:fy ?)?(\d{4}|\d{2}))?$/.exec(t)))
    return { kind: "half", index: Number(m[1]), year: fullYear(m[2]) };
  if ((m = /^fy ?(\d{4}|\d{2})$/.exec(t))) return { kind: "year", index: 1, year: fullYear(m[1]) };
  if ((m = /^(\d{4})$/.exec(t)) && Number(m[1]) >= 1990 && Number(m[1]) <= 2100)
    return { kind: "year", index: 1, year: Number(m[1]) };
  if ((m = /^(?:ww|wk|week|w) ?(\d{1,2})(?:[ \-/]*(\d{4}))?$/.exec(t)) && Number(m[1]) <= 53)
    return { kind: "week", index: Number(m[1]), year: m[2] ? Number(m[2]) : null };
  return null;
}

/** The last day of a period header once its year is known. */
export function periodEnd(p: PeriodHeader, year: number): number | null {
  const y = p.year ?? year;
  switch (p.kind) {
    case "month":
      return dayFromYmd(y, p.index, lastDayOfMonth(y, p.index));
    case "quarter":
      return dayFromYmd(y, p.index * 3, lastDayOfMonth(y, p.index * 3));
    case "half":
      return dayFromYmd(y, p.index * 6, p.index === 1 ? 30 : 31);
    case "year":
      return dayFromYmd(y, 12, 31);
    case "week": {
      // ISO week: week 1 holds the year's first Thursday; a week ends on Sunday.
      const jan4 = dayFromYmd(y, 1, 4) as number;
      const weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday (day 0 is Thursday 1970-01-01)
      return jan4 - weekday + 7 * (p.index - 1) + 6;
    }
    default:
      return p.index;
  }
}

/** A year written in a sheet name or title: `Sales 2024`, `FY24`, `KPIs FY 2025-26`. */
export function yearIn(text: string): number | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(text) ?? /\bfy ?(\d{2})\b/i.exec(text);
  return m ? (fullYear(m[1]) as number) : null;
}

/** The sheet name read as a period (`2024`, `Q1 2026`, `WW35`, `Mar`), or null. */
export function sheetPeriod(name: string): PeriodHeader | null {
  return periodHeader(name);
}
