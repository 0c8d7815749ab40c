/**
 * `kpi-cascade collect <master.xlsx> <returned.xlsx|folder>... -o <merged.xlsx>` (SPEC 7): reads
 * the returned check-in files (whatever their names, in any order, each once), and writes a copy
 * of the master with the new check-ins appended, each with its Source, and a `KPI Chase List`
 * sheet of who still owes what. A file it cannot use (another master or cycle, not a check-in
 * file, damaged) is one line, and the rest are still collected.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { readReturnedFile, masterIdentity } from "../adapters/check-in-files";
import { writePlan } from "../adapters/xlsx/write";
import { isoFromDay } from "../engine/dates";
import { Finding } from "../engine/findings";
import {
  CollectPlan,
  MergeRefused,
  ReturnedFile,
  chaseLines,
  planCollect,
} from "../planner/check-in-cycle";
import { analyseFile } from "./analyse";
import { CliArgs, UsageError } from "./args";
import { formatFindings, severityCounts, totalsLine } from "./format";
import { checkInput, fileIdentity, readInput } from "./io";
import { OutputRequest, checkRun, writeOutputs, writesToStdout } from "./outputs";
import { terminalText } from "./terminal-text";

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;
/** Files that came back complete are listed one by one up to this many, then counted. */
const CLEAN_FILES_LISTED = 20;

/** The workbooks in a folder and its subfolders, by name; Office's `~$` lock files and hidden files left out. */
async function workbooksIn(folder: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && WORKBOOK.test(e.name)) out.push(full);
    }
  };
  await walk(folder);
  return out;
}

/** The files named on the command line, folders opened; the master and the output left out; each file once. */
async function returnedFiles(args: CliArgs): Promise<string[]> {
  const skip = new Set<string>();
  for (const f of [args.input as string, args.output as string]) {
    const st = await fs.stat(f).catch(() => null);
    if (st) skip.add(fileIdentity(st));
  }
  const out: string[] = [];
  for (const named of args.returned) {
    const st = await fs.stat(named).catch(() => null);
    if (!st) throw new UsageError(`Cannot find the file or folder "${named}".`);
    const files = st.isDirectory() ? await workbooksIn(named) : [named];
    for (const f of files) {
      const id = fileIdentity(await fs.stat(f));
      if (skip.has(id)) continue;
      skip.add(id);
      out.push(f);
    }
  }
  return out;
}

/** Each file's name as messages and the Source column give it: its base name, or its path when two share one. */
function displayNames(files: readonly string[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const f of files) count.set(path.basename(f), (count.get(path.basename(f)) ?? 0) + 1);
  return new Map(
    files.map((f) => [f, (count.get(path.basename(f)) ?? 0) > 1 ? f : path.basename(f)])
  );
}

function reportJson(
  args: CliArgs,
  plan: CollectPlan,
  unreadable: { file: string; reason: string }[]
): string {
  const { result, chase } = plan;
  return `${JSON.stringify(
    {
      version: 1,
      master: args.input,
      asOf: isoFromDay(result.asOf),
      by: result.by,
      files: [...result.files, ...unreadable.map((u) => ({ ...u, status: "unreadable" }))],
      added: result.added.map((a) => ({
        kpi: a.kpi,
        period: a.label,
        end: isoFromDay(a.end),
        actual: a.actual,
        note: a.note,
        confidence: a.confidence,
        source: a.source,
      })),
      appended: { sheet: plan.merge.sheet, first: plan.merge.first, last: plan.merge.last },
      findings: [...result.findings, ...plan.newFindings],
      notes: result.notes,
      chase: chase.entries.map((e) => ({
        owner: e.recipient.id,
        name: e.recipient.name,
        email: e.recipient.email,
        file: e.file,
        kpi: e.kpi,
        period: e.period,
        status: e.status,
      })),
    },
    null,
    2
  )}\n`;
}

function fileLines(plan: CollectPlan, unreadable: { file: string; reason: string }[]): string[] {
  const width = Math.min(
    40,
    Math.max(
      0,
      ...plan.result.files.map((f) => f.file.length),
      ...unreadable.map((u) => u.file.length)
    )
  );
  const lines: string[] = [];
  const name = (f: string) => terminalText(f).padEnd(width);
  // Files that came back complete and untouched are counted, not listed, once there are many.
  const clean = plan.result.files.filter(
    (f) => f.status === "collected" && f.blank === 0 && f.held === 0 && f.intact
  );
  const summarise = clean.length > CLEAN_FILES_LISTED;
  for (const f of plan.result.files) {
    if (summarise && clean.includes(f)) continue;
    if (f.status === "collected") {
      const parts = [`${f.added} added`];
      if (f.already) parts.push(`${f.already} already in the master`);
      if (f.blank) parts.push(`${f.blank} left blank`);
      if (f.held) parts.push(`${f.held} not collected`);
      if (!f.intact) parts.push("locked cells changed");
      lines.push(`  ${name(f.file)}  ${terminalText(f.ownerLabel)}: ${parts.join(", ")}`);
    } else if (f.status === "duplicate")
      lines.push(`  ${name(f.file)}  the same as ${terminalText(f.of)}: read once`);
    else lines.push(`  ${name(f.file)}  ${f.status}: ${terminalText(f.reason)}`);
  }
  for (const u of unreadable) lines.push(`  ${name(u.file)}  not read: ${terminalText(u.reason)}`);
  if (summarise) {
    const added = clean.reduce((n, f) => n + (f.status === "collected" ? f.added : 0), 0);
    lines.push(
      `  … and ${clean.length} more files came back complete, as sent: ${added} check-ins added (--json lists each file)`
    );
  }
  return lines;
}

export async function collectCommand(args: CliArgs, io: Io): Promise<number> {
  if (!args.input || !args.output || args.returned.length === 0)
    throw new UsageError(
      "collect needs the master, the returned files and an output: kpi-cascade collect <master.xlsx> <returned.xlsx|folder>... -o <merged.xlsx>"
    );
  await checkInput(args.input);
  const files = await returnedFiles(args);
  const requests: OutputRequest[] = [{ option: "-o", path: args.output, role: "workbook" }];
  if (args.json !== null) requests.push({ option: "--json", path: args.json, role: "report" });
  if (args.csv !== null) requests.push({ option: "--csv", path: args.csv, role: "csv" });
  const outputs = await checkRun([args.input, ...files], requests, args.force);
  const { analysis, input } = await analyseFile(args.input, { ...args, json: null });
  if (!input.reading)
    throw new UsageError(
      `"${args.input}" is an .${input.kind} file: collect writes the new check-ins into a copy of the master, which needs an .xlsx or .xlsm master. Save it as .xlsx and run collect on that.`
    );
  const names = displayNames(files);
  const returned: ReturnedFile[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const f of files) {
    const name = names.get(f) as string;
    let bytes: Buffer;
    try {
      bytes = await readInput(f);
    } catch (e) {
      unreadable.push({ file: name, reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const read = readReturnedFile(bytes, name);
    if (read.ok) returned.push(read.file);
    else unreadable.push({ file: name, reason: read.reason });
  }
  let plan: CollectPlan;
  try {
    plan = planCollect(
      {
        analysis,
        grids: input.grids,
        identity: masterIdentity(analysis, input.reading, args.input),
      },
      returned,
      { asOf: args.asOf, by: args.by }
    );
  } catch (e) {
    if (e instanceof MergeRefused) throw new UsageError(e.message);
    throw e;
  }
  const written = writePlan(input.reading, plan.plan);
  await writeOutputs(
    outputs,
    {
      workbook: written.bytes,
      report: args.json === null ? undefined : reportJson(args, plan, unreadable),
      csv: plan.chaseCsv,
    },
    io.out
  );

  const say = writesToStdout(outputs) ? io.err : io.out;
  const { result, chase, merge } = plan;
  const lines: string[] = [
    `${terminalText(args.input)}: ${files.length} returned file${files.length === 1 ? "" : "s"} read (round as of ${isoFromDay(result.asOf)}, by ${result.by})`,
    ...fileLines(plan, unreadable),
  ];
  if (result.notes.length > 0) {
    lines.push("", `Changed in the returned files, not collected (${result.notes.length}):`);
    for (const n of result.notes.slice(0, 50))
      lines.push(`  ${terminalText(`${n.sheet}!${n.cell}`)}  ${terminalText(n.message, 400)}`);
    if (result.notes.length > 50)
      lines.push(`  … and ${result.notes.length - 50} more (--json lists all)`);
  }
  const findings: Finding[] = [...result.findings, ...plan.newFindings];
  if (findings.length > 0) lines.push("", formatFindings(findings));
  lines.push(
    "",
    result.added.length === 0
      ? "No new check-ins: the master already holds every answer that came back."
      : `Added ${result.added.length} check-in${result.added.length === 1 ? "" : "s"} to "${terminalText(merge.sheet)}" (${merge.first === merge.last ? `row ${merge.first}` : `rows ${merge.first}–${merge.last}`}), each with its Source; the master's own rows are as they were.`,
    `Wrote ${terminalText(args.output)} with the KPI Chase List. The merged workbook has ${totalsLine(plan.merged.findings)}`
  );
  const owed = chase.entries.length;
  if (owed === 0) lines.push("Nothing is owed: every check-in asked for has come back.");
  else {
    lines.push(
      `Still owed: ${owed} check-in${owed === 1 ? "" : "s"} from ${chase.owing.length} ${result.by}${chase.owing.length === 1 ? "" : "s"}:`
    );
    const shown = chaseLines(chase).slice(0, 40);
    lines.push(...shown.map((l) => terminalText(l, 600)));
    if (chase.owing.length > shown.length)
      lines.push(
        `  … and ${chase.owing.length - shown.length} more (the KPI Chase List sheet lists all)`
      );
  }
  say(lines.join("\n"));
  const errors = severityCounts(findings).error + severityCounts(plan.merged.findings).error;
  return errors > 0 ? 1 : 0;
}
