/**
 * One check-in file of `split` (SPEC 7) as a workbook plan: a `Check-ins` sheet with an
 * instruction block and one row to fill per KPI and open period (Actual, Note and Confidence
 * unlocked and yellow, everything else locked, a number check and drop-downs), a `Check-ins so
 * far` sheet with the recipient's KPIs and their past check-ins by period (read-only), and the
 * hidden marker. The sheets are protected without a password and the structure locked, so
 * nothing is lost if a password is forgotten and nothing is moved by accident.
 */
import { Analysis } from "../../engine/analyze";
import { Day, isoFromDay } from "../../engine/dates";
import { Kpi, Model } from "../../engine/model";
import { NUMBER_LIMIT } from "../../engine/values";
import {
  CyclePeriod,
  Recipient,
  Round,
  SplitBy,
  defaultFrequency,
  endedPeriods,
} from "../../engine/check-in-cycle/round";
import { CellPlan, SheetPlan, WorkbookPlan } from "../plan";
import {
  CheckInMarker,
  LockedValue,
  MARKER_VERSION,
  MasterIdentity,
  SentRow,
  lockedValue,
  markerSheet,
  rowsChecksum,
} from "./marker";

export const FILL_SHEET = "Check-ins";
export const SO_FAR_SHEET = "Check-ins so far";
/** The header of the check-ins sheet, on this 1-based row (under the instruction block). */
export const FILL_HEADER_ROW = 7;
export const SO_FAR_HEADER_ROW = 4;

/** The check-ins sheet's columns, in order. */
export const FILL_COLUMNS = [
  "KPI ID",
  "KPI",
  "KRA",
  "Unit",
  "Direction",
  "Target",
  "Last period",
  "Last actual",
  "Period",
  "Actual",
  "Note",
  "Confidence",
] as const;
export const FILL = {
  kpi: 0,
  target: 5,
  period: 8,
  actual: 9,
  note: 10,
  confidence: 11,
} as const;
/** The columns a person fills in: the rest of the row is locked and sent in the marker. */
export const LOCKED_COLUMNS = FILL.period + 1;

const DIRECTION_TEXT = {
  higher: "Higher is better",
  lower: "Lower is better",
  range: "Within range",
};

/** A KPI's number format in the file: percentages as such, whole numbers with separators. */
function valueFormat(kpi: Kpi, value: number | null): string | undefined {
  if ((kpi.unit ?? "").includes("%")) return "0.0%";
  if (value !== null && Number.isInteger(value) && Math.abs(value) >= 1000) return "#,##0";
  return undefined;
}

function numberCell(kpi: Kpi, value: number | null): CellPlan | null {
  return value === null ? null : { value, format: valueFormat(kpi, value) };
}

function targetCell(kpi: Kpi): CellPlan | null {
  const target = kpi.originalTarget ?? kpi.target;
  if (target !== null && kpi.direction === "range" && kpi.targetMax !== null) {
    const show = (n: number) =>
      (kpi.unit ?? "").includes("%") ? `${Number((n * 100).toPrecision(12))}%` : String(n);
    return { value: `${show(target)} – ${show(kpi.targetMax)}` };
  }
  return numberCell(kpi, target);
}

/** Each KPI's latest check-in on or before `asOf`: its period end and actual (last row wins a tie). */
function latestCheckIns(model: Model, asOf: Day): Map<string, { end: Day; actual: number }> {
  const out = new Map<string, { end: Day; actual: number }>();
  const t = model.checkIns;
  for (let i = 0; i < t.length; i++) {
    if (!t.usable(i) || t.end(i) > asOf) continue;
    const seen = out.get(t.kpi[i]);
    if (!seen || t.end(i) >= seen.end) out.set(t.kpi[i], { end: t.end(i), actual: t.actual(i) });
  }
  return out;
}

/** What a split needs of the master besides its analysis, computed once for all files. */
export interface SplitContext {
  analysis: Analysis;
  round: Round;
  master: MasterIdentity;
  latest: Map<string, { end: Day; actual: number }>;
  /** The columns of the so-far sheet: the workbook's periods from the start up to the as-of date. */
  soFarPeriods: CyclePeriod[];
  /** Each KPI's check-ins by so-far column: the last in each. */
  soFar: Map<string, Map<number, number>>;
}

export function splitContext(
  analysis: Analysis,
  round: Round,
  master: MasterIdentity
): SplitContext {
  const { model } = analysis;
  const frequency = defaultFrequency(model);
  let start = model.settings.cycleStart;
  const t = model.checkIns;
  if (start === null)
    for (let i = 0; i < t.length; i++)
      if (t.usable(i) && (start === null || t.end(i) < start)) start = t.end(i);
  const periods = endedPeriods(frequency, start, round.asOf, model);
  const soFar = new Map<string, Map<number, number>>();
  if (periods.length > 0) {
    const first = periods[0].start;
    const last = periods[periods.length - 1].end;
    for (let i = 0; i < t.length; i++) {
      if (!t.usable(i)) continue;
      const end = t.end(i);
      if (end < first || end > last) continue;
      const column = periods.findIndex((p) => end >= p.start && end <= p.end);
      if (column < 0) continue;
      let row = soFar.get(t.kpi[i]);
      if (!row) soFar.set(t.kpi[i], (row = new Map()));
      row.set(column, t.actual(i));
    }
  }
  return {
    analysis,
    round,
    master,
    latest: latestCheckIns(model, round.asOf),
    soFarPeriods: periods,
    soFar,
  };
}

/** A file name from a recipient: `P07 Emma Walsh.xlsx`, without characters file systems refuse. */
function baseName(r: Recipient): string {
  const raw = r.id === "" ? "Unassigned" : r.name && r.name !== r.id ? `${r.id} ${r.name}` : r.id;
  const clean = raw
    // eslint-disable-next-line no-control-regex -- control characters have no place in a file name
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const safe = clean.replace(/^[.\s]+|[.\s]+$/g, "").slice(0, 80) || "Check-ins";
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(safe) ? `${safe} check-ins` : safe;
}

/** Each recipient's file name, unique in one folder (case-insensitively): a second `X` is `X (2)`. */
export function fileNames(recipients: readonly Recipient[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const r of recipients) {
    const base = baseName(r);
    let name = `${base}.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).xlsx`;
    taken.add(name.toLowerCase());
    out.set(r.id, name);
  }
  return out;
}

const BY_TEXT: Record<SplitBy, string> = {
  owner: "the KPIs you own",
  manager: "the KPIs of your team",
  unit: "the KPIs of your unit",
};

function fillSheet(ctx: SplitContext, r: Recipient, sent: SentRow[]): SheetPlan {
  const { model } = ctx.analysis;
  const kpis = new Map(r.kpis.map((k) => [k.id, k]));
  const rows: (CellPlan | null)[][] = [];
  const width = FILL_COLUMNS.length;
  const asOf = isoFromDay(ctx.round.asOf);
  rows.push([{ value: `Check-ins for ${r.label}`, style: "title" }]);
  rows.push([
    {
      value: `${BY_TEXT[ctx.round.by]} · from ${ctx.master.name} · ${ctx.round.cycle ? `cycle ${ctx.round.cycle} · ` : ""}as of ${asOf}`,
      style: "subtitle",
    },
  ]);
  rows.push([
    {
      value:
        "How to fill in: type each figure in a yellow cell of the Actual column — a number, such as 1200, 0.95 or 95% — and add a note or your confidence (Low, Medium or High) if you like. Leave a cell blank if you have no figure yet: you will be asked again.",
      style: "note",
      wrap: true,
    },
  ]);
  rows.push([
    {
      value:
        'Then save the file and send it back as it is, under any name. Everything else is locked: the targets and your past check-ins (on the sheet "Check-ins so far") are kept in the master workbook.',
      style: "note",
      wrap: true,
    },
  ]);
  rows.push([
    {
      value: `${r.open.length} check-in${r.open.length === 1 ? "" : "s"} to fill for ${r.kpis.length} KPI${r.kpis.length === 1 ? "" : "s"}.`,
      style: "label",
    },
  ]);
  rows.push([]);
  // The period columns follow numbers: an indent keeps `98.0%` and `May 2026` apart.
  const indented = new Set([FILL.period - 2, FILL.period]);
  rows.push(
    FILL_COLUMNS.map((h, c) => ({
      value: h,
      style: "header" as const,
      indent: indented.has(c) ? 1 : undefined,
    }))
  );
  for (const open of r.open) {
    const kpi = kpis.get(open.kpi) as Kpi;
    const kra = kpi.kra === null ? null : model.kras.get(kpi.kra);
    const direction = ctx.analysis.definitions.get(kpi.id)?.direction ?? kpi.direction;
    const last = ctx.latest.get(kpi.id);
    const lastLabel = last ? periodLabelOf(ctx, kpi, last.end) : null;
    const row: (CellPlan | null)[] = [
      { value: kpi.id },
      kpi.name === null ? null : { value: kpi.name },
      kra ? { value: kra.name ?? kra.id } : kpi.kra === null ? null : { value: kpi.kra },
      kpi.unit === null ? null : { value: kpi.unit },
      direction === null ? null : { value: DIRECTION_TEXT[direction] },
      targetCell(kpi),
      lastLabel === null ? null : { value: lastLabel, indent: 1 },
      last ? numberCell(kpi, last.actual) : null,
      { value: open.label, indent: 1 },
      { style: "input", unlocked: true, format: valueFormat(kpi, null) },
      { style: "input", unlocked: true },
      { style: "input", unlocked: true },
    ];
    rows.push(row);
    sent.push({
      sheet: "fill",
      row: rows.length,
      kpi: kpi.id,
      period: open.label,
      start: isoFromDay(open.start),
      end: isoFromDay(open.end),
      values: lockedValues(row, LOCKED_COLUMNS),
    });
  }
  const first = FILL_HEADER_ROW + 1;
  const last = Math.max(first, rows.length);
  const letter = (c: number) => String.fromCharCode(65 + c);
  const range = (c: number) => `${letter(c)}${first}:${letter(c)}${last}`;
  return {
    kind: "template",
    name: FILL_SHEET,
    rows,
    columnWidths: [11, 36, 24, 9, 15, 13, 13, 12, 12, 13, 36, 12],
    merges: [`A3:${letter(width - 1)}3`, `A4:${letter(width - 1)}4`],
    rowHeights: [
      { row: 3, height: 32 },
      { row: 4, height: 32 },
    ],
    frozen: { rows: FILL_HEADER_ROW, columns: 0 },
    validations:
      r.open.length === 0
        ? []
        : [
            {
              range: range(FILL.actual),
              decimal: { min: -NUMBER_LIMIT, max: NUMBER_LIMIT },
              error: "Type a number, such as 1200, 0.95 or 95%.",
              prompt: "The figure for this period: a number, such as 1200, 0.95 or 95%.",
            },
            {
              range: range(FILL.confidence),
              list: ["Low", "Medium", "High"],
              allowOther: true,
              error: "Low, Medium or High; or a number from 0 to 10.",
            },
          ],
    print: {
      landscape: true,
      fitToWidth: true,
      repeatRows: `${FILL_HEADER_ROW}:${FILL_HEADER_ROW}`,
      header: { left: "{file}", center: `Check-ins for ${r.label}`, right: `As of ${asOf}` },
      footer: { left: "{sheet}", right: "Page {page} of {pages}" },
    },
    protect: true,
  };
}

function periodLabelOf(ctx: SplitContext, kpi: Kpi, end: Day): string {
  const periods = ctx.soFarPeriods;
  const hit = periods.find((p) => end >= p.start && end <= p.end);
  void kpi;
  return hit ? hit.label : isoFromDay(end);
}

function lockedValues(row: readonly (CellPlan | null)[], count: number): LockedValue[] {
  const out: LockedValue[] = [];
  for (let c = 0; c < count; c++) out.push(lockedValue(row[c]?.value));
  return out;
}

function soFarSheet(ctx: SplitContext, r: Recipient, sent: SentRow[]): SheetPlan {
  const periods = ctx.soFarPeriods;
  const rows: (CellPlan | null)[][] = [
    [{ value: `Check-ins so far: ${r.label}`, style: "title" }],
    [
      {
        value:
          "Your KPIs and the check-ins the master workbook holds, by period. Read only: a correction goes to whoever sent you this file.",
        style: "note",
      },
    ],
    [],
    [
      { value: "KPI ID", style: "header" },
      { value: "KPI", style: "header" },
      { value: "Target", style: "header" },
      ...periods.map((p) => ({ value: p.label, style: "header" as const })),
    ],
  ];
  for (const kpi of r.kpis) {
    const values = ctx.soFar.get(kpi.id);
    const row: (CellPlan | null)[] = [
      { value: kpi.id },
      kpi.name === null ? null : { value: kpi.name },
      targetCell(kpi),
      ...periods.map((_, i) => {
        const v = values?.get(i);
        return v === undefined ? null : numberCell(kpi, v);
      }),
    ];
    rows.push(row);
    sent.push({
      sheet: "so-far",
      row: rows.length,
      kpi: kpi.id,
      period: "",
      start: "",
      end: "",
      values: lockedValues(row, 3 + periods.length),
    });
  }
  return {
    kind: "template",
    name: SO_FAR_SHEET,
    rows,
    columnWidths: [11, 36, 13, ...periods.map(() => 11)],
    frozen: { rows: SO_FAR_HEADER_ROW, columns: 2 },
    print: {
      landscape: true,
      fitToWidth: true,
      repeatRows: `${SO_FAR_HEADER_ROW}:${SO_FAR_HEADER_ROW}`,
      footer: { left: "{sheet}", right: "Page {page} of {pages}" },
    },
    protect: true,
  };
}

export interface CheckInFile {
  recipient: Recipient;
  fileName: string;
  plan: WorkbookPlan;
  marker: CheckInMarker;
}

/** The workbook plan of one recipient's check-in file. */
export function planCheckInFile(ctx: SplitContext, r: Recipient, fileName: string): CheckInFile {
  const sent: SentRow[] = [];
  const fill = fillSheet(ctx, r, sent);
  const soFar = soFarSheet(ctx, r, sent);
  const marker: CheckInMarker = {
    version: MARKER_VERSION,
    master: ctx.master,
    owner: r.id,
    ownerLabel: r.label,
    by: ctx.round.by,
    cycle: ctx.round.cycle,
    asOf: isoFromDay(ctx.round.asOf),
    fillSheet: FILL_SHEET,
    fillHeaderRow: FILL_HEADER_ROW,
    soFarSheet: SO_FAR_SHEET,
    soFarHeaderRow: SO_FAR_HEADER_ROW,
    rowsChecksum: rowsChecksum(sent),
    rows: sent,
  };
  return {
    recipient: r,
    fileName,
    plan: { sheets: [fill, soFar, markerSheet(marker)], protectStructure: true },
    marker,
  };
}
