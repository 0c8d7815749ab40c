/**
 * The check-in cycle by files (SPEC 7, `split` and `collect`), as the command line and the task
 * pane both run it: from the master's analysis to the files to write, and from the returned files
 * to what the merged workbook gets. Pure; the adapters read and write the bytes.
 */
import { Analysis, AnalyzeOptions, analyzeWorkbook } from "../../engine/analyze";
import { Day } from "../../engine/dates";
import { Finding } from "../../engine/findings";
import { WorkbookGrids } from "../../engine/grid";
import { Recipient, Round, SplitBy, checkInRound } from "../../engine/check-in-cycle/round";
import { WorkbookPlan } from "../plan";
import { ChaseList, chaseList, chaseSheet, mailMergeCsv } from "./chase";
import {
  CollectOptions,
  CollectResult,
  MasterInput,
  ReturnedFile,
  collectReturned,
} from "./collect";
import { MasterIdentity } from "./marker";
import { Merge, planMerge } from "./merge";
import { CheckInFile, fileNames, planCheckInFile, splitContext } from "./split-file";

/** A file to write: whose, and under which name; its plan is made when it is written. */
export interface SplitFile {
  recipient: Recipient;
  fileName: string;
}

export interface SplitPlan {
  round: Round;
  /** One file per recipient with something to fill, in round order. */
  files: SplitFile[];
  /**
   * The workbook plan of one file. Made one at a time, as each file is written: the plans of
   * 5,000 files held at once would be most of the memory, and of the garbage collector's work.
   */
  planFile(file: SplitFile): CheckInFile;
  /** Recipients with nothing open: no file. */
  nothingOpen: Recipient[];
  /** The mail-merge CSV: owner, e-mail, file, outstanding. */
  mailMerge: string;
}

export function planSplit(
  analysis: Analysis,
  master: MasterIdentity,
  options: { by: SplitBy; asOf?: Day | null }
): SplitPlan {
  const round = checkInRound(analysis, { by: options.by, asOf: options.asOf ?? undefined });
  const ctx = splitContext(analysis, round, master);
  // Names for every recipient, so a file's name does not depend on who else has something open.
  const names = fileNames(round.recipients);
  const files: SplitFile[] = [];
  const nothingOpen: Recipient[] = [];
  for (const r of round.recipients) {
    if (r.open.length === 0) nothingOpen.push(r);
    else files.push({ recipient: r, fileName: names.get(r.id) as string });
  }
  return {
    round,
    files,
    planFile: (f) => planCheckInFile(ctx, f.recipient, f.fileName),
    nothingOpen,
    mailMerge: mailMergeCsv(
      files.map((f) => ({
        recipient: f.recipient,
        file: f.fileName,
        count: f.recipient.open.length,
      }))
    ),
  };
}

export interface CollectPlan {
  result: CollectResult;
  merge: Merge;
  /** The merged workbook, analysed as the written file will read. */
  merged: Analysis;
  chase: ChaseList;
  /** What to write into the master's copy: the appended rows and the chase list sheet. */
  plan: WorkbookPlan;
  /** Findings of the merged workbook that the master did not have (the new check-ins' own). */
  newFindings: Finding[];
  /** The mail-merge CSV of who still owes what. */
  chaseCsv: string;
}

const findingKey = (f: Finding) => `${f.rule}\u0000${f.sheet}\u0000${f.cell}\u0000${f.id}`;

export function planCollect(
  master: MasterInput,
  returned: readonly ReturnedFile[],
  options: CollectOptions & { analyze?: AnalyzeOptions } = {}
): CollectPlan {
  const result = collectReturned(master, returned, options);
  const merge = planMerge(master.analysis, master.grids, result.added);
  const merged =
    result.added.length === 0
      ? master.analysis
      : analyzeWorkbook(merge.grids, options.analyze ?? { asOf: master.analysis.model.asOf });
  const before = new Set(master.analysis.findings.map(findingKey));
  const newFindings = merged.findings.filter((f) => !before.has(findingKey(f)));
  const chase = chaseList(merged, result);
  return {
    result,
    merge,
    merged,
    chase,
    plan: { ...merge.plan, sheets: [...merge.plan.sheets, chaseSheet(chase)] },
    newFindings,
    chaseCsv: mailMergeCsv(chase.owing),
  };
}

export type {
  CheckInFile,
  ReturnedFile,
  MasterIdentity,
  MasterInput,
  CollectResult,
  WorkbookGrids,
};
export { FILL_SHEET, SO_FAR_SHEET, FILL_COLUMNS } from "./split-file";
export { MAIL_MERGE_HEADER, chaseLines } from "./chase";
export { masterFingerprint } from "./marker";
export { MergeRefused } from "./merge";
