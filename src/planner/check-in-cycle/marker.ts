/**
 * The hidden marker of a check-in file (`split`): which master it came from, whose it is, which
 * cycle and round, and every locked row it was sent with, so `collect` knows what came back and
 * what was changed. It is a very hidden sheet that a marker name (`KPICascade_checkin_<checksum>`,
 * planner/generated.ts) points at; the checksum in that name proves the sheet was not edited.
 */
import { CellValue, SheetGrid, isBlank } from "../../engine/grid";
import { Model } from "../../engine/model";
import { SplitBy, SPLIT_BY } from "../../engine/check-in-cycle/round";
import { ContentChecksum } from "../generated";
import { CellPlan, SheetPlan } from "../plan";

export const MARKER_VERSION = 1;
export const MARKER_SHEET = "KPI Cascade";

/** The master workbook, as the files name it. */
export interface MasterIdentity {
  /** The master's file name, for messages. */
  name: string;
  /** A checksum of the master's KPI IDs (`masterFingerprint`). */
  kpis: string;
  /** When the master was created (docProps/core.xml), which copies and edits keep; "" if unknown. */
  created: string;
}

/** One locked row as it was sent: where, whose, and the values of its locked cells. */
export interface SentRow {
  /** `fill`: a row to fill on the check-ins sheet; `so-far`: a row of past check-ins. */
  sheet: "fill" | "so-far";
  /** 1-based row. */
  row: number;
  kpi: string;
  /** Fill rows: the period label and its first and last day (ISO). */
  period: string;
  start: string;
  end: string;
  /** The locked cells' values from column A (`LockedValue`). */
  values: LockedValue[];
}

/** A locked cell as sent: a number, text (long text as `#hash:` of it), or null for blank. */
export type LockedValue = number | string | null;

export interface CheckInMarker {
  version: number;
  master: MasterIdentity;
  /** The recipient's ID ("" for the KPIs nobody owns) and label. */
  owner: string;
  ownerLabel: string;
  by: SplitBy;
  /** `cycleKey`: Cycle Start to Cycle End, or "". */
  cycle: string;
  /** The round's as-of date, ISO. */
  asOf: string;
  fillSheet: string;
  fillHeaderRow: number;
  soFarSheet: string;
  soFarHeaderRow: number;
  /** `rowsChecksum` of the rows sent. */
  rowsChecksum: string;
  rows: SentRow[];
}

/** A checksum of the master's KPI IDs: the same master gives the same, whatever its file name. */
export function masterFingerprint(model: Model): string {
  const sum = new ContentChecksum();
  for (const id of [...model.kpis.keys()].sort()) sum.add("", { value: id });
  return sum.digest();
}

const LONG = 200;

/** A cell's value as the marker keeps it: numbers to 12 digits, long text as its checksum. */
export function lockedValue(value: CellValue | CellPlan["value"]): LockedValue {
  if (value === null || value === undefined || isBlank(value as CellValue)) return null;
  if (typeof value === "number") return Number(value.toPrecision(12));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return `#date:${value.toISOString()}`;
  if (typeof value === "object") return `#error:${value.error}`;
  if (value.length <= LONG) return value;
  const sum = new ContentChecksum();
  sum.add("", { value });
  return `#hash:${sum.digest()}`;
}

/** The checksum of the rows sent, as the marker states it and as collect recomputes it. */
export function rowsChecksum(
  rows: readonly { sheet: string; row: number; values: LockedValue[] }[]
): string {
  const sum = new ContentChecksum();
  for (const r of rows) sum.add(`${r.sheet}!${r.row}`, { value: JSON.stringify(r.values) });
  return sum.digest();
}

const KEYS: [keyof CheckInMarker | string, string][] = [
  ["version", "Version"],
  ["master", "Master"],
  ["masterKpis", "Master KPIs"],
  ["masterCreated", "Master created"],
  ["owner", "Owner"],
  ["ownerLabel", "Owner name"],
  ["by", "By"],
  ["cycle", "Cycle"],
  ["asOf", "As of"],
  ["fillSheet", "Check-ins sheet"],
  ["fillHeaderRow", "Check-ins header row"],
  ["soFarSheet", "So-far sheet"],
  ["soFarHeaderRow", "So-far header row"],
  ["rowsChecksum", "Rows checksum"],
];
const ROWS_HEADER = ["Sheet", "Row", "KPI ID", "Period", "Start", "End", "Values"];
const text = (v: string): CellPlan => ({ value: v });

/** The marker as a sheet plan: key and value rows, then one row per row sent. */
export function markerSheet(marker: CheckInMarker): SheetPlan {
  const values: Record<string, string | number> = {
    version: marker.version,
    master: marker.master.name,
    masterKpis: marker.master.kpis,
    masterCreated: marker.master.created,
    owner: marker.owner,
    ownerLabel: marker.ownerLabel,
    by: marker.by,
    cycle: marker.cycle,
    asOf: marker.asOf,
    fillSheet: marker.fillSheet,
    fillHeaderRow: marker.fillHeaderRow,
    soFarSheet: marker.soFarSheet,
    soFarHeaderRow: marker.soFarHeaderRow,
    rowsChecksum: marker.rowsChecksum,
  };
  const rows: (CellPlan | null)[][] = [
    [
      text("KPI Cascade check-in file"),
      text("Do not edit: kpi-cascade collect reads this sheet to know where the file came from."),
    ],
    [],
    ...KEYS.map(([key, label]) => [text(label), { value: values[key] }]),
    [],
    ROWS_HEADER.map(text),
    ...marker.rows.map((r) => [
      text(r.sheet),
      { value: r.row },
      text(r.kpi),
      text(r.period),
      text(r.start),
      text(r.end),
      text(JSON.stringify(r.values)),
    ]),
  ];
  return {
    kind: "checkin",
    name: MARKER_SHEET,
    rows,
    columnWidths: [20, 40],
    hidden: "veryHidden",
    protect: true,
  };
}

/** Why a marker sheet could not be read. */
export class MarkerError extends Error {}

const str = (v: CellValue): string =>
  v === null || v === undefined ? "" : typeof v === "string" ? v : String(v);

/** Reads the marker back from its sheet; throws a MarkerError when it is not one. */
export function readMarker(grid: SheetGrid): CheckInMarker {
  const rows = grid.rows;
  const byLabel = new Map<string, CellValue>();
  let r = 0;
  for (; r < rows.length; r++) {
    const label = str(rows[r]?.[0]);
    if (label === ROWS_HEADER[0] && str(rows[r]?.[6]) === ROWS_HEADER[6]) break;
    if (label) byLabel.set(label, rows[r]?.[1]);
  }
  const get = (key: string) => {
    const label = KEYS.find(([k]) => k === key)?.[1] as string;
    return byLabel.get(label);
  };
  const version = Number(get("version"));
  if (!Number.isInteger(version) || version < 1) throw new MarkerError("it has no version");
  if (version > MARKER_VERSION)
    throw new MarkerError(`it was made by a newer kpi-cascade (marker version ${version})`);
  const by = str(get("by")) as SplitBy;
  if (!SPLIT_BY.includes(by)) throw new MarkerError(`its "By" is "${str(get("by"))}"`);
  const sent: SentRow[] = [];
  for (r++; r < rows.length; r++) {
    const line = rows[r] ?? [];
    if (line.every((v) => isBlank(v))) continue;
    const sheet = str(line[0]);
    const row = Number(line[1]);
    let values: unknown;
    try {
      values = JSON.parse(str(line[6]));
    } catch {
      values = null;
    }
    if (
      (sheet !== "fill" && sheet !== "so-far") ||
      !Number.isInteger(row) ||
      !Array.isArray(values)
    )
      throw new MarkerError(`row ${r + 1} of its rows sent cannot be read`);
    sent.push({
      sheet,
      row,
      kpi: str(line[2]),
      period: str(line[3]),
      start: str(line[4]),
      end: str(line[5]),
      values: values as LockedValue[],
    });
  }
  const headerRow = (key: string) => {
    const n = Number(get(key));
    if (!Number.isInteger(n) || n < 1) throw new MarkerError(`its "${key}" cannot be read`);
    return n;
  };
  return {
    version,
    master: {
      name: str(get("master")),
      kpis: str(get("masterKpis")),
      created: str(get("masterCreated")),
    },
    owner: str(get("owner")),
    ownerLabel: str(get("ownerLabel")),
    by,
    cycle: str(get("cycle")),
    asOf: str(get("asOf")),
    fillSheet: str(get("fillSheet")),
    fillHeaderRow: headerRow("fillHeaderRow"),
    soFarSheet: str(get("soFarSheet")),
    soFarHeaderRow: headerRow("soFarHeaderRow"),
    rowsChecksum: str(get("rowsChecksum")),
    rows: sent,
  };
}
