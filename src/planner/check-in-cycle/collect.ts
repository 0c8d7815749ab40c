/**
 * `collect` (SPEC 7): returned check-in files against the master. Each file is recognised by its
 * marker and checked (another master or cycle is refused with one clear line), its filled cells
 * read with the engine's own cell rules, its locked cells compared with what was sent, and its
 * answers matched to the master's KPIs and periods. A value the master already has is not added
 * again, so running collect twice adds nothing the second time; a value that differs from the
 * master's, or from another file's, is `check-in-conflict` and never written. Pure: grids in,
 * what to add and what to say out; the order the files come in changes nothing.
 */
import { Analysis } from "../../engine/analyze";
import { a1 } from "../../engine/address";
import { Day } from "../../engine/dates";
import { Finding, RULE_SEVERITY, RuleId } from "../../engine/findings";
import { CellValue, SheetGrid, WorkbookGrids, isBlank, isCellError } from "../../engine/grid";
import { displayText, isFailure, parseDate, parseNumber, parseText } from "../../engine/values";
import { SplitBy, cycleKey, kpiOwner, recipientOf } from "../../engine/check-in-cycle/round";
import {
  CheckInMarker,
  LockedValue,
  MarkerError,
  MasterIdentity,
  SentRow,
  lockedValue,
  readMarker,
  rowsChecksum,
} from "./marker";
import { FILL, FILL_COLUMNS, LOCKED_COLUMNS } from "./split-file";

/** A returned file as the adapter read it. */
export interface ReturnedFile {
  /** The file's name, as messages and the Source column give it. */
  name: string;
  grids: WorkbookGrids;
  /** The sheet a check-in marker name points at, and whether the sheet still holds what was written. */
  marker: { sheet: string; intact: boolean } | null;
}

export interface MasterInput {
  analysis: Analysis;
  grids: WorkbookGrids;
  identity: MasterIdentity;
}

export type FileOutcome =
  | {
      file: string;
      status: "collected";
      owner: string;
      ownerLabel: string;
      by: SplitBy;
      asOf: string;
      /** Check-ins added to the master from this file. */
      added: number;
      /** Answers the master already had (the same value): nothing to add. */
      already: number;
      /** Rows to fill left blank. */
      blank: number;
      /** Answers not added: conflicts, values that are no number, rows changed or not theirs. */
      held: number;
      /** The locked rows came back as they were sent (their checksum is the marker's). */
      intact: boolean;
    }
  | { file: string; status: "refused"; reason: string; owner?: string }
  | { file: string; status: "skipped"; reason: string }
  | { file: string; status: "duplicate"; of: string };

/** A returned check-in to append to the master. */
export interface NewCheckIn {
  kpi: string;
  label: string;
  start: Day;
  end: Day;
  actual: number;
  note: string | null;
  confidence: string | null;
  /** `P07 Emma Walsh.xlsx, Check-ins!J9`. */
  source: string;
}

/** Something changed in a returned file that collect does not take, said once per cell. */
export interface CollectNote {
  file: string;
  sheet: string;
  cell: string;
  message: string;
}

export interface CollectResult {
  files: FileOutcome[];
  added: NewCheckIn[];
  /** `check-in-conflict`, `unknown-contributor`, and the engine's cell rules on the returned cells. */
  findings: Finding[];
  notes: CollectNote[];
  /** The round the chase list is for. */
  asOf: Day;
  by: SplitBy;
  /** Why an open check-in (`kpi\0end`) did not come back: by key. */
  held: Map<string, string>;
  /** Recipient → the file that came back from them. */
  returned: Map<string, string>;
  /** Recipient → why their file was refused. */
  refused: Map<string, string>;
}

export interface CollectOptions {
  /** The chase list's date; else the latest round of the files, else the master's as-of date. */
  asOf?: Day | null;
  /** How the chase list groups; else as the files were split. */
  by?: SplitBy | null;
}

export const periodKey = (kpi: string, end: Day): string => `${kpi}\u0000${end}`;

const str = (v: CellValue): string =>
  v === null || v === undefined ? "" : typeof v === "string" ? v.trim() : String(v);

function show(v: LockedValue): string {
  if (v === null) return "blank";
  if (typeof v === "number") return String(v);
  return v.startsWith("#hash:") ? "(long text)" : `"${v}"`;
}

function same(a: number, b: number): boolean {
  return Number(a.toPrecision(12)) === Number(b.toPrecision(12));
}

function isoDay(text: string): Day | null {
  const d = parseDate(text);
  return typeof d === "number" ? d : null;
}

interface Candidate {
  file: string;
  owner: string;
  kpi: string;
  label: string;
  start: Day;
  end: Day;
  actual: number;
  note: string | null;
  confidence: string | null;
  sheet: string;
  cell: string;
}

/** The check-ins of each KPI in the master, as indexes into its table (any row with a readable period). */
function masterCheckIns(analysis: Analysis): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const t = analysis.model.checkIns;
  for (let i = 0; i < t.length; i++) {
    if (Number.isNaN(t.end(i))) continue;
    const list = out.get(t.kpi[i]);
    if (list) list.push(i);
    else out.set(t.kpi[i], [i]);
  }
  return out;
}

/** Whether the marker's master is this master: the same KPIs, or the same workbook since edited. */
function masterRefusal(marker: CheckInMarker, master: MasterInput): string | null {
  const cycle = cycleKey(master.analysis.model);
  if (marker.cycle !== cycle)
    return `it was prepared for the cycle ${marker.cycle || "(none set)"}, and this master's cycle is ${cycle || "(none set)"}`;
  if (marker.master.kpis === master.identity.kpis) return null;
  const other = `it was prepared from another master workbook ("${marker.master.name}")`;
  if (
    marker.master.created &&
    master.identity.created &&
    marker.master.created !== master.identity.created
  )
    return other;
  const kpis = master.analysis.model.kpis;
  return marker.rows.some((r) => kpis.has(r.kpi)) ? null : other;
}

/** The header row of a sheet: the marker's, or the first of the first 40 rows holding these headers. */
function findHeader(grid: SheetGrid, expected: number, needed: readonly string[]): number | null {
  const holds = (r: number) => {
    const cells = (grid.rows[r] ?? []).map(str);
    return needed.every((n) => cells.includes(n));
  };
  if (holds(expected)) return expected;
  for (let r = 0; r < Math.min(grid.rows.length, 40); r++) if (holds(r)) return r;
  return null;
}

class FileReader {
  readonly notes: CollectNote[] = [];
  readonly findings: Finding[] = [];
  readonly candidates: Candidate[] = [];
  /** Open rows left blank, and sent rows that were not found, by period key. */
  readonly blank = new Set<string>();
  readonly missing = new Set<string>();
  readonly held = new Map<string, string>();
  /** Everything a person entered, for telling a file returned twice. */
  readonly entered: string[] = [];
  /** The locked rows as they came back, in the marker's order, for its rows checksum. */
  private readonly back = new Map<SentRow, LockedValue[]>();
  private readonly sheetLabel: string;

  constructor(
    private readonly file: ReturnedFile,
    private readonly marker: CheckInMarker,
    private readonly master: MasterInput
  ) {
    this.sheetLabel = `[${file.name}]${marker.fillSheet}`;
  }

  private note(sheet: string, cell: string, message: string): void {
    this.notes.push({ file: this.file.name, sheet, cell, message });
  }

  private finding(rule: RuleId, cell: string, id: string | null, message: string): void {
    this.findings.push({
      severity: RULE_SEVERITY[rule],
      rule,
      message,
      sheet: this.sheetLabel,
      cell,
      entity: "actual",
      id,
    });
  }

  /** Null when the KPI is this file's to answer; else why not (`unknown-contributor`). */
  private notTheirs(kpi: string): string | null {
    const { analysis } = this.master;
    const found = analysis.model.kpis.get(kpi);
    if (!found) return `KPI ${kpi}, which the master does not have`;
    const recipient = recipientOf(analysis, kpiOwner(analysis, found), this.marker.by);
    if (recipient === this.marker.owner) return null;
    return `KPI ${kpi}, which is not ${this.marker.ownerLabel}'s to report but ${recipient === "" ? "nobody's" : `${recipient}'s`}`;
  }

  /** Reads the rows to fill; false when the sheet cannot be found. */
  readFill(): boolean {
    const { marker, file } = this;
    const grid = file.grids.sheets.find((s) => s.name === marker.fillSheet);
    if (!grid) return false;
    const header = findHeader(grid, marker.fillHeaderRow - 1, ["KPI ID", "Period", "Actual"]);
    if (header === null) return false;
    const headerCells = (grid.rows[header] ?? []).map(str);
    const col = FILL_COLUMNS.map((h) => headerCells.indexOf(h));
    const at = (r: number, c: number) =>
      a1((grid.rowOffset ?? 0) + r, (grid.colOffset ?? 0) + col[c]);
    const sent = new Map(
      marker.rows.filter((s) => s.sheet === "fill").map((s) => [`${s.kpi}\u0000${s.period}`, s])
    );
    const seen = new Set<string>();
    for (let r = header + 1; r < grid.rows.length; r++) {
      const line = grid.rows[r] ?? [];
      if (line.every((v) => isBlank(v))) continue;
      const cell = (c: number): CellValue => (col[c] < 0 ? null : line[col[c]]);
      const kpi = str(cell(FILL.kpi));
      const period = str(cell(FILL.period));
      const key = `${kpi}\u0000${period}`;
      const row = sent.get(key);
      const value = cell(FILL.actual);
      this.entered.push(
        `${key}\u0000${displayText(value)}\u0000${str(cell(FILL.note))}\u0000${str(cell(FILL.confidence))}`
      );
      if (!row || seen.has(key)) {
        if (isBlank(value)) continue;
        const why = kpi ? this.notTheirs(kpi) : null;
        if (why)
          this.finding(
            "unknown-contributor",
            at(r, FILL.kpi),
            kpi,
            `${this.file.name} holds a check-in for ${why}. It was not collected: if the figure is right, the KPI's owner should report it.`
          );
        else
          this.note(
            this.sheetLabel,
            at(r, FILL.actual),
            seen.has(key)
              ? `repeats the row for ${kpi}, ${period}: not collected.`
              : `row ${r + 1} is not a row the file was sent with (its KPI ID or Period was changed, or it was added): not collected.`
          );
        continue;
      }
      seen.add(key);
      const values: LockedValue[] = [];
      for (let c = 0; c < LOCKED_COLUMNS; c++) values.push(lockedValue(cell(c)));
      this.back.set(row, values);
      const end = isoDay(row.end) as Day;
      const start = isoDay(row.start) as Day;
      const pk = `${kpi}\u0000${end}`;
      // Locked cells that were changed: said, never taken.
      for (let c = 0; c < LOCKED_COLUMNS; c++) {
        if (c === FILL.kpi || c === FILL.period) continue;
        const now = values[c];
        if (now === row.values[c] || col[c] < 0) continue;
        this.note(
          this.sheetLabel,
          at(r, c),
          `the ${FILL_COLUMNS[c]} of ${kpi} (${period}) was changed from ${show(row.values[c])} to ${show(now)} after the file was sent; the master keeps its own${isBlank(value) ? "" : ", and the actual beside it was read as usual"}.`
        );
      }
      if (isBlank(value)) {
        this.blank.add(pk);
        continue;
      }
      const why = this.notTheirs(kpi);
      if (why) {
        this.finding(
          "unknown-contributor",
          at(r, FILL.kpi),
          kpi,
          `${this.file.name} holds a check-in for ${why} (since the file was made, the KPI was moved or removed). It was not collected: if the figure is right, type it into the master.`
        );
        this.held.set(pk, "sent by someone else");
        continue;
      }
      if (isCellError(value)) {
        this.finding(
          "cell-error",
          at(r, FILL.actual),
          kpi,
          `Check-in of KPI ${kpi} for ${period}: the Actual holds the error value ${value.error}. It was not collected; ask for the figure again.`
        );
        this.held.set(pk, `holds ${value.error}`);
        continue;
      }
      const actual = parseNumber(value);
      if (actual === null || isFailure(actual)) {
        this.finding(
          "invalid-number",
          at(r, FILL.actual),
          kpi,
          `Check-in of KPI ${kpi} for ${period}: "${displayText(value)}" is not a number (such as 1200, 0.95 or 95%). It was not collected; ask for the figure again.`
        );
        this.held.set(pk, "not a number");
        continue;
      }
      const text = (c: number) => {
        const t = parseText(cell(c));
        return typeof t === "string" && t !== "" ? t : null;
      };
      this.candidates.push({
        file: this.file.name,
        owner: marker.owner,
        kpi,
        label: row.period,
        start,
        end,
        actual,
        note: text(FILL.note),
        confidence: text(FILL.confidence),
        sheet: this.sheetLabel,
        cell: at(r, FILL.actual),
      });
    }
    for (const s of sent.values())
      if (!seen.has(`${s.kpi}\u0000${s.period}`))
        this.missing.add(`${s.kpi}\u0000${isoDay(s.end)}`);
    return true;
  }

  /** Past check-ins that were changed in the file: said, never taken. */
  readSoFar(): void {
    const { marker, file } = this;
    const grid = file.grids.sheets.find((s) => s.name === marker.soFarSheet);
    const sent = marker.rows.filter((s) => s.sheet === "so-far");
    if (!grid || sent.length === 0) return;
    const header = findHeader(grid, marker.soFarHeaderRow - 1, ["KPI ID", "KPI"]);
    if (header === null) return;
    const label = `[${file.name}]${marker.soFarSheet}`;
    const byKpi = new Map(sent.map((s) => [s.kpi, s]));
    const titles = (grid.rows[header] ?? []).map(str);
    for (let r = header + 1; r < grid.rows.length; r++) {
      const line = grid.rows[r] ?? [];
      const kpi = str(line[0]);
      const row = byKpi.get(kpi);
      if (!row) continue;
      this.back.set(
        row,
        row.values.map((_, c) => lockedValue(line[c]))
      );
      for (let c = 1; c < Math.max(row.values.length, line.length); c++) {
        const now = lockedValue(line[c]);
        const was = c < row.values.length ? row.values[c] : null;
        if (now === was) continue;
        const what =
          c === 1 ? "name" : c === 2 ? "target" : `check-in for ${titles[c] || `column ${c + 1}`}`;
        this.note(
          label,
          a1((grid.rowOffset ?? 0) + r, (grid.colOffset ?? 0) + c),
          `the ${what} of ${kpi} was changed from ${show(was)} to ${show(now)} in a locked cell; it was not collected: the master keeps its own (correct it there if the new figure is right).`
        );
      }
    }
  }

  /** Whether the locked rows came back as sent: the marker's checksum, recomputed from the file. */
  intact(): boolean {
    const rows = this.marker.rows.map((s) => ({
      sheet: s.sheet,
      row: s.row,
      values: this.back.get(s) ?? [],
    }));
    return rowsChecksum(rows) === this.marker.rowsChecksum;
  }
}

/** The round's date and grouping: as asked, else as the files that came back were made. */
function roundOf(
  outcomes: readonly FileOutcome[],
  analysis: Analysis,
  options: CollectOptions
): { asOf: Day; by: SplitBy } {
  const collected = outcomes.filter(
    (o): o is Extract<FileOutcome, { status: "collected" }> => o.status === "collected"
  );
  let asOf = options.asOf ?? null;
  if (asOf === null)
    for (const o of collected) {
      const d = isoDay(o.asOf);
      if (d !== null && (asOf === null || d > asOf)) asOf = d;
    }
  const bys = new Set(collected.map((o) => o.by));
  const by = options.by ?? (bys.size === 1 ? [...bys][0] : "owner");
  return { asOf: asOf ?? analysis.model.asOf, by };
}

/** Reads every returned file and decides what is added and what is said. */
export function collectReturned(
  master: MasterInput,
  files: readonly ReturnedFile[],
  options: CollectOptions = {}
): CollectResult {
  const { analysis } = master;
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const outcomes: FileOutcome[] = [];
  const readers: { reader: FileReader; outcome: Extract<FileOutcome, { status: "collected" }> }[] =
    [];
  const returned = new Map<string, string>();
  const refused = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const file of sorted) {
    if (!file.marker) {
      outcomes.push({
        file: file.name,
        status: "skipped",
        reason: "it is not a check-in file made by kpi-cascade split",
      });
      continue;
    }
    const grid = file.grids.sheets.find((s) => s.name === file.marker?.sheet);
    let marker: CheckInMarker;
    try {
      if (!grid) throw new MarkerError("its marker sheet is missing");
      if (!file.marker.intact)
        throw new MarkerError(
          "its hidden marker sheet was changed, so where it came from cannot be trusted"
        );
      marker = readMarker(grid);
    } catch (e) {
      outcomes.push({
        file: file.name,
        status: "refused",
        reason: e instanceof MarkerError ? e.message : String(e),
      });
      continue;
    }
    const refusal = masterRefusal(marker, master);
    if (refusal) {
      outcomes.push({ file: file.name, status: "refused", reason: refusal, owner: marker.owner });
      continue;
    }
    const reader = new FileReader(file, marker, master);
    if (!reader.readFill()) {
      const reason = `its "${marker.fillSheet}" sheet or that sheet's header row is missing`;
      outcomes.push({ file: file.name, status: "refused", reason, owner: marker.owner });
      refused.set(marker.owner, reason);
      continue;
    }
    const content = `${marker.rowsChecksum}\u0000${marker.owner}\u0000${reader.entered.join("\u0001")}`;
    const twin = seen.get(content);
    if (twin) {
      outcomes.push({ file: file.name, status: "duplicate", of: twin });
      continue;
    }
    seen.set(content, file.name);
    reader.readSoFar();
    // The rows sent, recomputed from the file: when they match, no locked cell was changed.
    const outcome = {
      file: file.name,
      status: "collected" as const,
      owner: marker.owner,
      ownerLabel: marker.ownerLabel,
      by: marker.by,
      asOf: marker.asOf,
      added: 0,
      already: 0,
      blank: reader.blank.size,
      held: reader.held.size,
      intact: reader.intact(),
    };
    outcomes.push(outcome);
    readers.push({ reader, outcome });
    returned.set(marker.owner, file.name);
  }
  for (const o of outcomes)
    if (o.status === "refused" && o.owner !== undefined && !returned.has(o.owner))
      refused.set(o.owner, o.reason);

  const findings: Finding[] = readers.flatMap((r) => r.reader.findings);
  const notes: CollectNote[] = readers.flatMap((r) => r.reader.notes);
  const held = new Map<string, string>();
  for (const { reader } of readers) for (const [k, v] of reader.held) held.set(k, v);
  const outcomeOf = new Map(readers.map((r) => [r.outcome.file, r.outcome]));
  for (const { reader, outcome } of readers) outcome.held = reader.held.size;

  // Answers by KPI and period, in file order.
  const groups = new Map<string, Candidate[]>();
  for (const { reader } of readers)
    for (const c of reader.candidates) {
      const key = periodKey(c.kpi, c.end);
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    }
  const inMaster = masterCheckIns(analysis);
  const table = analysis.model.checkIns;
  const added: NewCheckIn[] = [];
  const conflict = (c: Candidate, message: string) => {
    findings.push({
      severity: RULE_SEVERITY["check-in-conflict"],
      rule: "check-in-conflict",
      message,
      sheet: c.sheet,
      cell: c.cell,
      entity: "actual",
      id: c.kpi,
    });
    held.set(periodKey(c.kpi, c.end), "conflicting answers");
    (outcomeOf.get(c.file) as { held: number }).held++;
  };
  const where = (c: Candidate) => `${c.file} (${c.cell})`;
  for (const list of groups.values()) {
    const first = list[0];
    const existing = (inMaster.get(first.kpi) ?? []).filter((i) => {
      const e = table.end(i);
      return e >= first.start && e <= first.end;
    });
    if (existing.length > 0) {
      for (const c of list) {
        const match = existing.find(
          (i) => !Number.isNaN(table.actual(i)) && same(table.actual(i), c.actual)
        );
        if (match !== undefined) {
          (outcomeOf.get(c.file) as { already: number }).already++;
          continue;
        }
        const i = existing[existing.length - 1];
        const at = table.cell(i, "actual");
        const theirs = Number.isNaN(table.actual(i))
          ? "a check-in it cannot read"
          : String(table.actual(i));
        conflict(
          c,
          `KPI ${c.kpi}, ${c.label}: ${where(c)} says ${c.actual}, but the master already has ${theirs} (${at.sheet}!${at.cell}). The master's value holds and nothing was added; if the returned figure is right, correct the master.`
        );
      }
      continue;
    }
    const values = new Map<number, Candidate[]>();
    for (const c of list) {
      const v = Number(c.actual.toPrecision(12));
      const same = values.get(v);
      if (same) same.push(c);
      else values.set(v, [c]);
    }
    if (values.size === 1) {
      added.push({
        kpi: first.kpi,
        label: first.label,
        start: first.start,
        end: first.end,
        actual: first.actual,
        note: first.note,
        confidence: first.confidence,
        source: `${first.file}, ${first.sheet.slice(first.file.length + 2)}!${first.cell}`,
      });
      (outcomeOf.get(first.file) as { added: number }).added++;
      for (const c of list.slice(1)) (outcomeOf.get(c.file) as { already: number }).already++;
      continue;
    }
    const said = list.map((c) => `${where(c)} says ${c.actual}`).join(", ");
    for (const c of list)
      conflict(
        c,
        `KPI ${c.kpi}, ${c.label}: the returned files disagree — ${said}. Nothing was added: agree on the figure and type it into the master.`
      );
  }
  const round = roundOf(outcomes, analysis, options);
  // Open rows that a returned file left blank or lost, for the chase list.
  for (const { reader } of readers) {
    for (const k of reader.blank) if (!held.has(k)) held.set(k, "left blank");
    for (const k of reader.missing) if (!held.has(k)) held.set(k, "not in the returned file");
  }
  const order = new Map([...analysis.model.kpis.keys()].map((id, i) => [id, i]));
  return {
    files: outcomes,
    added: added.sort((a, b) => (order.get(a.kpi) ?? 0) - (order.get(b.kpi) ?? 0) || a.end - b.end),
    findings,
    notes,
    asOf: round.asOf,
    by: round.by,
    held,
    returned,
    refused,
  };
}
