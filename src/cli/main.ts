/**
 * `kpi-cascade`: validate and build workbooks from the command line (SPEC section 7). Every
 * failure that stops the run is one clear line on stderr and exit status 2, never a stack trace.
 */
import { existsSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { gridsFromWorkbook, loadWorkbook } from "../adapters/xlsx/read-grids";
import { streamGrids } from "../adapters/xlsx/stream-grids";
import { WorkbookGrids } from "../engine/grid";
import { Analysis, analyzeWorkbook } from "../engine/analyze";
import { applyPlan } from "../adapters/xlsx/write-plan";
import { planWorkbook } from "../planner";
import { planTemplate } from "../planner/template";
import { Report, buildReport } from "../engine/report";
import { CliArgs, USAGE, UsageError, parseArgs } from "./args";
import { countLine, formatFindings, severityCounts, totalsLine } from "./format";
import { readInput, samePath, writeWhole } from "./io";
import { demoSummary } from "./demo-summary";
import { formatExplain } from "./explain";

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const STD: Output = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
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

interface Analysed {
  analysis: Analysis;
  report: Report;
  /** The full ExcelJS workbook, loaded only when a copy is to be written. */
  workbook: ExcelJS.Workbook | null;
}

const UNREADABLE = (file: string) =>
  new UsageError(
    `"${file}" could not be read as an .xlsx workbook (it may be damaged, encrypted, or another format renamed .xlsx).`
  );

/**
 * Reads and analyses a workbook. Validation streams the sheets (small memory); a build loads
 * ExcelJS's full model because it writes the workbook back out.
 */
async function analyseFile(file: string, args: CliArgs, forWriting: boolean): Promise<Analysed> {
  const bytes = await readInput(file);
  let grids: WorkbookGrids;
  let workbook: ExcelJS.Workbook | null = null;
  try {
    if (forWriting) {
      workbook = await loadWorkbook(bytes);
      grids = gridsFromWorkbook(workbook);
    } else {
      grids = await streamGrids(bytes);
    }
  } catch {
    throw UNREADABLE(file);
  }
  const analysis = analyzeWorkbook(grids, { asOf: args.asOf });
  return { analysis, report: buildReport(analysis), workbook };
}

/** With `--json -` the report owns stdout, so the human text moves to stderr. */
function humanChannel(args: CliArgs, io: Output): (text: string) => void {
  return args.json === "-" ? io.err : io.out;
}

async function emitJson(report: Report, args: CliArgs, io: Output): Promise<void> {
  if (args.json === null) return;
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (args.json === "-") io.out(text);
  else await writeWhole(args.json, text);
}

function exitStatus(report: Report): number {
  return severityCounts(report.findings).error > 0 ? 1 : 0;
}

async function validate(args: CliArgs, io: Output): Promise<number> {
  if (!args.input)
    throw new UsageError("validate needs a workbook: kpi-cascade validate <workbook.xlsx>");
  const { report, analysis } = await analyseFile(args.input, args, false);
  const say = humanChannel(args, io);
  say(`${args.input}\n${countLine(report)}\n`);
  say(formatFindings(report.findings));
  if (args.explain) say(`\n${formatExplain(analysis)}`);
  await emitJson(report, args, io);
  return exitStatus(report);
}

async function build(input: string, output: string, args: CliArgs, io: Output): Promise<Report> {
  if (samePath(input, output))
    throw new UsageError(
      `The output "${output}" is the input workbook; choose another file so the original stays untouched.`
    );
  if (
    args.json !== null &&
    args.json !== "-" &&
    (samePath(args.json, input) || samePath(args.json, output))
  ) {
    throw new UsageError(
      `The --json file "${args.json}" would overwrite a workbook; choose another file.`
    );
  }
  const { analysis, report, workbook } = await analyseFile(input, args, true);
  const sheets = applyPlan(workbook as ExcelJS.Workbook, planWorkbook(analysis));
  const bytes = Buffer.from(await (workbook as ExcelJS.Workbook).xlsx.writeBuffer());
  await writeWhole(output, bytes);
  await emitJson(report, args, io);
  humanChannel(
    args,
    io
  )(
    `${countLine(report)}\nWrote ${output} with ${sheets.join(", ")}. ${totalsLine(report.findings)}`
  );
  return report;
}

async function buildCommand(args: CliArgs, io: Output): Promise<number> {
  if (!args.input || !args.output)
    throw new UsageError(
      "build needs a workbook and an output: kpi-cascade build <workbook.xlsx> -o <out.xlsx>"
    );
  return exitStatus(await build(args.input, args.output, args, io));
}

async function template(args: CliArgs, io: Output): Promise<number> {
  if (!args.output || args.input)
    throw new UsageError("template needs only an output: kpi-cascade template -o <new.xlsx>");
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPI Cascade";
  const sheets = applyPlan(wb, { sheets: planTemplate() });
  await writeWhole(args.output, Buffer.from(await wb.xlsx.writeBuffer()));
  io.out(
    `Wrote ${args.output} with ${sheets.join(", ")}: fill in the tables, then run kpi-cascade validate or build on it.`
  );
  return 0;
}

async function demo(args: CliArgs, io: Output): Promise<number> {
  const output = SAMPLE_WORKBOOK.replace(/\.xlsx$/, ".out.xlsx");
  const json = args.json ?? SAMPLE_WORKBOOK.replace(/\.xlsx$/, ".report.json");
  const report = await build(SAMPLE_WORKBOOK, output, { ...args, json }, io);
  humanChannel(args, io)(demoSummary(report, SAMPLE_WORKBOOK, output, json));
  return exitStatus(report);
}

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
      default:
        throw new UsageError(
          `Unknown command "${args.command}". Commands: validate, build, template, demo.`
        );
    }
  } catch (e) {
    const message =
      e instanceof UsageError
        ? e.message
        : `Unexpected failure: ${e instanceof Error ? e.message : String(e)}`;
    io.err(`kpi-cascade: ${message.split("\n")[0]}`);
    return 2;
  }
}
