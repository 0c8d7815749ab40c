/**
 * `kpi-cascade split <master.xlsx> -o <folder> [--by owner|manager|unit]` (SPEC 7): one check-in
 * workbook per owner (manager, unit) with only their KPIs and the rows they have to fill, and a
 * mail-merge CSV to send them with. The folder is made if it does not exist; every file in it is
 * checked like any output (an earlier split's file is replaced, anything else needs --force), and
 * all are written whole or not at all.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { checkInFileBytes, masterIdentity } from "../adapters/check-in-files";
import { isoFromDay } from "../engine/dates";
import { planSplit } from "../planner/check-in-cycle";
import { analyseFile } from "./analyse";
import { CliArgs, UsageError } from "./args";
import { countLine, severityCounts, totalsLine } from "./format";
import { checkInput } from "./io";
import { OutputRequest, ResolvedOutput, checkRun, writeOutputs, writesToStdout } from "./outputs";
import { terminalText } from "./terminal-text";

interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const MAIL_MERGE_FILE = "mail-merge.csv";

/** The folder the files go to: an existing folder, or a new one in an existing folder (made later). */
async function outputFolder(folder: string): Promise<{ exists: boolean }> {
  const st = await fs.stat(folder).catch(() => null);
  if (st?.isDirectory()) return { exists: true };
  if (st) throw new UsageError(`Cannot write to "${folder}": it is a file, not a folder.`);
  const parent = path.dirname(path.resolve(folder));
  if (!(await fs.stat(parent).catch(() => null))?.isDirectory())
    throw new UsageError(`Cannot write to "${folder}": the folder "${parent}" does not exist.`);
  return { exists: false };
}

export async function splitCommand(args: CliArgs, io: Io): Promise<number> {
  if (!args.input || !args.output)
    throw new UsageError(
      "split needs a master workbook and a folder: kpi-cascade split <master.xlsx> -o <folder> [--by owner|manager|unit]"
    );
  if (args.json !== null) throw new UsageError("split writes no --json report.");
  await checkInput(args.input);
  const folder = args.output;
  const { exists } = await outputFolder(folder);
  const by = args.by ?? "owner";
  const { analysis, report, input } = await analyseFile(args.input, args);
  const split = planSplit(analysis, masterIdentity(analysis, input.reading, args.input), {
    by,
    asOf: args.asOf,
  });
  // A folder is made only for something to put in it.
  const made = !exists && split.files.length > 0;
  if (made) await fs.mkdir(folder);
  let outputs: ResolvedOutput[];
  try {
    const requests: OutputRequest[] = split.files.map((f) => ({
      option: "-o",
      path: path.join(folder, f.fileName),
      role: "workbook",
    }));
    if (split.files.length > 0)
      requests.push({ option: "-o", path: path.join(folder, MAIL_MERGE_FILE), role: "csv" });
    outputs = await checkRun([args.input], requests, args.force);
    split.files.forEach(
      (f, i) => (outputs[i].request.content = checkInFileBytes(split.planFile(f)))
    );
    if (split.files.length > 0) outputs[split.files.length].request.content = split.mailMerge;
    await writeOutputs(outputs, {}, io.out);
  } catch (e) {
    if (made) await fs.rmdir(folder).catch(() => undefined);
    throw e;
  }
  const say = writesToStdout(outputs) ? io.err : io.out;
  const open = split.files.reduce((n, f) => n + f.recipient.open.length, 0);
  const noun = by === "owner" ? "owner" : by;
  const lines = [
    `${terminalText(args.input)} (as of ${isoFromDay(split.round.asOf)}${split.round.cycle ? `, cycle ${split.round.cycle}` : ""})`,
    countLine(report),
    `The master has ${totalsLine(report.findings)}${severityCounts(report.findings).error > 0 ? " (kpi-cascade validate lists them)" : ""}`,
  ];
  if (split.files.length === 0)
    lines.push(
      `Nothing to ask: every KPI has a check-in for each period that has ended by ${isoFromDay(split.round.asOf)}. No file was written.`
    );
  else {
    lines.push(
      `Wrote ${split.files.length} check-in file${split.files.length === 1 ? "" : "s"} to ${terminalText(folder)}, one per ${noun}: ${open} check-in${open === 1 ? "" : "s"} to fill.`
    );
    const shown = split.files.slice(0, 20);
    for (const f of shown)
      lines.push(
        `  ${terminalText(f.fileName).padEnd(36)} ${String(f.recipient.open.length).padStart(4)} to fill${f.recipient.email ? `  <${terminalText(f.recipient.email)}>` : ""}`
      );
    if (split.files.length > shown.length)
      lines.push(`  … and ${split.files.length - shown.length} more (all in ${MAIL_MERGE_FILE})`);
    lines.push(
      `${MAIL_MERGE_FILE} lists each ${noun}, e-mail, file and count for a mail merge. Send the files, then: kpi-cascade collect ${terminalText(args.input)} <returned files or folder> -o <merged.xlsx>`
    );
  }
  if (split.nothingOpen.length > 0)
    lines.push(
      `${split.nothingOpen.length} ${noun}${split.nothingOpen.length === 1 ? " has" : "s have"} nothing to fill and get${split.nothingOpen.length === 1 ? "s" : ""} no file.`
    );
  say(lines.join("\n"));
  return severityCounts(report.findings).error > 0 ? 1 : 0;
}
