/**
 * The pane's check-in cycle (issue 14), run in its worker: "Prepare check-in files" splits the
 * analysed workbook into a zip of check-in files and a mail-merge CSV; "Collect returned files"
 * reads the files picked, and says what they hold before anything is written — the same
 * planning as `kpi-cascade split` and `collect` on the command line.
 */
import { Analysis } from "../../engine/analyze";
import { isoFromDay } from "../../engine/dates";
import { Finding } from "../../engine/findings";
import { WorkbookGrids } from "../../engine/grid";
import { SplitBy } from "../../engine/check-in-cycle/round";
import { CollectPlan, ReturnedFile, planCollect, planSplit } from "../../planner/check-in-cycle";
import { CollectNote, FileOutcome } from "../../planner/check-in-cycle/collect";
import { MasterIdentity, masterFingerprint } from "../../planner/check-in-cycle/marker";

export type CheckInIo = typeof import("../ports/check-in-io");

export interface Owing {
  label: string;
  file: string;
  email: string | null;
  count: number;
}

export interface PreparedCheckIns {
  /** The zip of every check-in file and the mail-merge CSV. */
  zip: Uint8Array;
  /** The zip's file name. */
  name: string;
  by: SplitBy;
  asOf: string;
  cycle: string;
  files: Owing[];
  /** Check-ins to fill across all files. */
  checkIns: number;
  /** Recipients with nothing to fill (no file). */
  nothingOpen: number;
}

export interface CollectSummary {
  files: (FileOutcome | { file: string; status: "unreadable"; reason: string })[];
  /** Check-ins that will be added, where. */
  added: number;
  sheet: string;
  first: number;
  last: number;
  /** check-in-conflict, unknown-contributor, cell rules on the returned cells, and the merged workbook's new findings. */
  findings: Finding[];
  notes: CollectNote[];
  asOf: string;
  by: SplitBy;
  /** What is still owed after this collect. */
  owed: number;
  owing: Owing[];
}

export interface ReturnedBytes {
  name: string;
  bytes: Uint8Array;
}

function identity(analysis: Analysis, name: string, created: string): MasterIdentity {
  return { name, kpis: masterFingerprint(analysis.model), created };
}

export function prepareCheckIns(
  io: CheckInIo,
  analysis: Analysis,
  master: { name: string; bytes: Uint8Array | null },
  by: SplitBy
): PreparedCheckIns {
  const created = master.bytes ? io.masterCreated(master.bytes) : "";
  const split = planSplit(analysis, identity(analysis, master.name, created), { by });
  const entries: Record<string, Uint8Array | string> = {};
  for (const f of split.files) entries[f.fileName] = io.checkInFileBytes(split.planFile(f));
  if (split.files.length > 0) entries["mail-merge.csv"] = split.mailMerge;
  const asOf = isoFromDay(split.round.asOf);
  return {
    zip: io.zipFiles(entries),
    name: `check-ins ${asOf}.zip`,
    by,
    asOf,
    cycle: split.round.cycle,
    files: split.files.map((f) => ({
      label: f.recipient.label,
      file: f.fileName,
      email: f.recipient.email,
      count: f.recipient.open.length,
    })),
    checkIns: split.files.reduce((n, f) => n + f.recipient.open.length, 0),
    nothingOpen: split.nothingOpen.length,
  };
}

export function previewCollect(
  io: CheckInIo,
  analysis: Analysis,
  grids: WorkbookGrids,
  master: { name: string; bytes: Uint8Array | null },
  picked: readonly ReturnedBytes[]
): { plan: CollectPlan; summary: CollectSummary } {
  const created = master.bytes ? io.masterCreated(master.bytes) : "";
  const returned: ReturnedFile[] = [];
  const unreadable: { file: string; status: "unreadable"; reason: string }[] = [];
  for (const p of picked) {
    const read = io.readReturnedFile(p.bytes, p.name);
    if (read.ok) returned.push(read.file);
    else unreadable.push({ file: p.name, status: "unreadable", reason: read.reason });
  }
  const plan = planCollect(
    { analysis, grids, identity: identity(analysis, master.name, created) },
    returned
  );
  const { result, chase, merge } = plan;
  return {
    plan,
    summary: {
      files: [...result.files, ...unreadable],
      added: result.added.length,
      sheet: merge.sheet,
      first: merge.first,
      last: merge.last,
      findings: [...result.findings, ...plan.newFindings],
      notes: result.notes,
      asOf: isoFromDay(result.asOf),
      by: result.by,
      owed: chase.entries.length,
      owing: chase.owing.map((o) => ({
        label: o.recipient.label,
        file: o.file,
        email: o.recipient.email,
        count: o.count,
      })),
    },
  };
}
