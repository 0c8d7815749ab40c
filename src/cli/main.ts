/**
 * `kpi-cascade`: validate and build workbooks from the command line (SPEC section 7). Every
 * failure that stops the run is one clear line on stderr and exit status 2, never a stack trace.
 */
import { existsSync } from "fs";
import * as path from "path";
import { dataSheets } from "../adapters/workbook-input";
import { analyseFile } from "./analyse";
import { emptyWorkbook, writePlan } from "../adapters/xlsx/write";
import { planWorkbookSheets } from "../planner";
import { planTemplate } from "../planner/template";
import { Report } from "../engine/report";
import { CliArgs, USAGE, UsageError, parseArgs } from "./args";
import { countLine, formatFindings, severityCounts, totalsLine } from "./format";
import { demoSummary } from "./demo-summary";
import { OutputRequest, ResolvedOutput, checkRun, writeOutputs, writesToStdout } from "./outputs";
import { terminalText } from "./terminal-text";
import { writeStdout } from "./signals";
import { diffCommand } from "./diff";
import { splitCommand } from "./split";
import { collectCommand } from "./collect";
import { formatExplain } from "./explain";

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const STD: Output = {
  out: (t) => writeStdout(t.endsWith("\n") ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
};

/** The repository root: where `examples/` lives, whether run from `src/` (ts-jest) or `lib/`. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

export const SAMPLE_WORKBOOK = path.join(packageRoot(), "examples", "sample-company.xlsx");

/** When an output (`--json -`, `-o /dev/stdout`) owns stdout, the human text moves to stderr. */
function humanChannel(outputs: readonly ResolvedOutput[], io: Output): (text: string) => void {
  return writesToStdout(outputs) ? io.err : io.out;
}

/** The outputs named on the command line: the workbook (if the command writes one) and `--json`. */
function outputRequests(args: CliArgs, workbook: string | null): OutputRequest[] {
  const requests: OutputRequest[] = [];
  if (workbook !== null) requests.push({ option: "-o", path: workbook, role: "workbook" });
  if (args.json !== null) requests.push({ option: "--json", path: args.json, role: "report" });
  return requests;
}

function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function exitStatus(report: Report): number {
  return severityCounts(report.findings).error > 0 ? 1 : 0;
}

async function validate(args: CliArgs, io: Output): Promise<number> {
  if (!args.input)
    throw new UsageError("validate needs a workbook: kpi-cascade validate <workbook.xlsx>");
  const outputs = await checkRun([args.input], outputRequests(args, null), args.force);
  const { report, analysis } = await analyseFile(args.input, args);
  const say = humanChannel(outputs, io);
  say(`${terminalText(args.input)}\n${countLine(report)}\n`);
  say(formatFindings(report.findings));
  if (args.explain) say(`\n${formatExplain(analysis)}`);
  await writeOutputs(
    outputs,
    { report: args.json === null ? undefined : reportJson(report) },
    io.out
  );
  return exitStatus(report);
}

interface Built {
  report: Report;
  /** Where the human text goes: stdout, unless an output owns it. */
  say: (text: string) => void;
}

async function build(input: string, output: string, args: CliArgs, io: Output): Promise<Built> {
  const outputs = await checkRun([input], outputRequests(args, output), args.force);
  const { analysis, report, input: read } = await analyseFile(input, args);
  // Each sheet is planned as the writer reaches it, and let go once written.
  const planned = planWorkbookSheets(analysis);
  // An .ods or .csv becomes a new .xlsx: its data first, then the generated sheets.
  const data = read.reading ? [] : dataSheets(read.grids);
  const written = writePlan(read.reading ?? emptyWorkbook(), { sheets: [...data, ...planned] });
  await writeOutputs(
    outputs,
    { workbook: written.bytes, report: args.json === null ? undefined : reportJson(report) },
    io.out
  );
  const say = humanChannel(outputs, io);
  for (const name of written.kept)
    say(
      `"${terminalText(name)}" is marked as generated but does not hold what kpi-cascade wrote (it was edited, or the mark was copied): it is kept as it is, and the new sheet is written beside it.`
    );
  if (!read.reading)
    say(
      `${terminalText(input)} is an .${read.kind} file: ${terminalText(output)} is a new .xlsx workbook holding its data.`
    );
  // The hidden sheet of the build's figures is not one a person looks for.
  const sheets = written.sheets.slice(data.length).filter((_, i) => !planned[i]?.hidden);
  say(
    `${countLine(report)}\nWrote ${terminalText(output)} with ${sheets.map((s) => terminalText(s)).join(", ")}. ${totalsLine(report.findings)}`
  );
  return { report, say };
}

async function buildCommand(args: CliArgs, io: Output): Promise<number> {
  if (!args.input || !args.output)
    throw new UsageError(
      "build needs a workbook and an output: kpi-cascade build <workbook.xlsx> -o <out.xlsx>"
    );
  return exitStatus((await build(args.input, args.output, args, io)).report);
}

async function template(args: CliArgs, io: Output): Promise<number> {
  if (!args.output || args.input)
    throw new UsageError("template needs only an output: kpi-cascade template -o <new.xlsx>");
  const outputs = await checkRun(
    [],
    [{ option: "-o", path: args.output, role: "workbook" }],
    args.force
  );
  const { bytes, sheets } = writePlan(emptyWorkbook(), { sheets: planTemplate() });
  await writeOutputs(outputs, { workbook: bytes }, io.out);
  humanChannel(
    outputs,
    io
  )(
    `Wrote ${terminalText(args.output)} with ${sheets.join(", ")}: fill in the tables, then run kpi-cascade validate or build on it.`
  );
  return 0;
}

async function demo(args: CliArgs, io: Output): Promise<number> {
  const output = SAMPLE_WORKBOOK.replace(/\.xlsx$/, ".out.xlsx");
  const json = args.json ?? SAMPLE_WORKBOOK.replace(/\.xlsx$/, ".report.json");
  const { report, say } = await build(SAMPLE_WORKBOOK, output, { ...args, json }, io);
  say(demoSummary(report, SAMPLE_WORKBOOK, output, json));
  return exitStatus(report);
}

/** The one stderr line of a failed run: long enough for two file names, never more than one line. */
const ERROR_LINE_MAX = 600;

export async function run(argv: readonly string[], io: Output = STD): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help || args.command === "" || args.command === "help") {
      io.out(USAGE);
      return args.help || args.command === "help" ? 0 : 2;
    }
    switch (args.command) {
      case "validate":
        return await validate(args, io);
      case "build":
        return await buildCommand(args, io);
      case "demo":
        return await demo(args, io);
      case "template":
        return await template(args, io);
      case "diff":
        return await diffCommand(args, io);
      case "split":
        return await splitCommand(args, io);
      case "collect":
        return await collectCommand(args, io);
      default:
        throw new UsageError(
          `Unknown command "${args.command}". Commands: validate, build, template, demo, diff, split, collect.`
        );
    }
  } catch (e) {
    const message =
      e instanceof UsageError
        ? e.message
        : `Unexpected failure: ${e instanceof Error ? e.message : String(e)}`;
    io.err(`kpi-cascade: ${terminalText(message, ERROR_LINE_MAX)}`);
    return 2;
  }
}
