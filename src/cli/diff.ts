/**
 * `kpi-cascade diff <before.xlsx> <after.xlsx>` (SPEC 7): reads both workbooks, scores both (as of
 * `--as-of` when given, else each its own as-of date), and prints every owner, KRA and KPI whose
 * score moved with the edits behind it, largest movement first; `--json` for machines.
 * `kpi-cascade diff <built.xlsx>` compares a built workbook with the figures its last build kept
 * (the task pane's "What changed"): the same output, with "(last build)" for the first file.
 */
import {
  Movement,
  WorkbookDiff,
  describeChange,
  diffAnalyses,
  diffSides,
  unscoredChanges,
} from "../engine/diff/diff";
import { sideOf } from "../engine/diff/side";
import { readLastBuild } from "../planner/last-build";
import { analyseFile } from "./analyse";
import { CliArgs, UsageError } from "./args";
import { checkRun, writeOutputs, writesToStdout } from "./outputs";
import { terminalText } from "./terminal-text";

interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Change lines listed under one movement before "and N more". */
const CHANGES_SHOWN = 8;
/** A change's line quotes workbook text (IDs, names, values): controls escaped, cut past this. */
const LINE_MAX = 600;

const pct = (v: number | null) => (v === null ? "no score" : `${(v * 100).toFixed(1)}%`);
const ENTITY = { owner: "Owner", kra: "KRA", kpi: "KPI" };

function movementLine(m: Movement): string {
  const delta =
    m.delta === null
      ? ""
      : `  ${m.delta >= 0 ? "+" : "−"}${Math.abs(m.delta * 100).toFixed(1)} pts`;
  const label = terminalText(`${ENTITY[m.entity]} ${m.id}${m.name ? ` ${m.name}` : ""}`);
  return `  ${label.padEnd(40)} ${pct(m.before)} → ${pct(m.after)}${delta}`;
}

export function formatDiff(diff: WorkbookDiff, before: string, after: string): string {
  const lines = [
    `${before} (as of ${diff.asOf.before}) → ${after} (as of ${diff.asOf.after})`,
    `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}, ${diff.movements.length} score${diff.movements.length === 1 ? "" : "s"} moved.`,
  ];
  if (diff.movements.length) lines.push("", "Moved, largest first:");
  for (const m of diff.movements) {
    lines.push(movementLine(m));
    for (const i of m.changes.slice(0, CHANGES_SHOWN))
      lines.push(`      ${terminalText(describeChange(diff.changes[i]), LINE_MAX)}`);
    if (m.changes.length > CHANGES_SHOWN)
      lines.push(`      … and ${m.changes.length - CHANGES_SHOWN} more`);
  }
  const unscored = unscoredChanges(diff);
  if (unscored.length) {
    lines.push("", "Changes that moved no score:");
    for (const i of unscored)
      lines.push(`  ${terminalText(describeChange(diff.changes[i]), LINE_MAX)}`);
  }
  return lines.join("\n");
}

/** The JSON: each movement lists its changes in full, so a reader needs no index lookups. */
function diffJson(diff: WorkbookDiff, before: string, after: string): string {
  const report = {
    version: 1,
    before,
    after,
    asOf: diff.asOf,
    changes: diff.changes,
    movements: diff.movements.map((m) => ({
      ...m,
      changes: m.changes.map((i) => diff.changes[i]),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export async function diffCommand(args: CliArgs, io: Io): Promise<number> {
  if (!args.input)
    throw new UsageError(
      "diff needs two workbooks, or one built workbook: kpi-cascade diff <before.xlsx> <after.xlsx>"
    );
  const files = args.other ? [args.input, args.other] : [args.input];
  const outputs = await checkRun(
    files,
    args.json === null ? [] : [{ option: "--json", path: args.json, role: "report" }],
    args.force
  );
  let diff: WorkbookDiff;
  let [before, after] = [args.input, args.other ?? args.input];
  if (args.other) {
    const b = (await analyseFile(args.input, args)).analysis;
    diff = diffAnalyses(b, (await analyseFile(args.other, args)).analysis);
  } else {
    const { analysis, input } = await analyseFile(args.input, args);
    const last = readLastBuild(input.grids);
    if (last.state === "none")
      throw new UsageError(
        `"${args.input}" holds no figures of a last build (kpi-cascade build keeps them): give two workbooks to compare, kpi-cascade diff <before.xlsx> <after.xlsx>.`
      );
    if (last.state === "unreadable")
      throw new UsageError(
        `The last build's figures in "${args.input}" (sheet "${last.sheet}") cannot be used: ${last.reason}. Build the workbook again, or give two workbooks to compare.`
      );
    diff = diffSides(last.side, sideOf(analysis));
    before = `${args.input} (last build)`;
  }
  const say = writesToStdout(outputs) ? io.err : io.out;
  say(formatDiff(diff, terminalText(before), terminalText(after)));
  await writeOutputs(outputs, { report: diffJson(diff, before, after) }, io.out);
  return 0;
}
