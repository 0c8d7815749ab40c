/**
 * `kpi-cascade diff <before.xlsx> <after.xlsx>` (SPEC 7): reads both workbooks, scores both (as of
 * `--as-of` when given, else each its own as-of date), and prints every owner, KRA and KPI whose
 * score moved with the edits behind it, largest movement first; `--json` for machines.
 */
import { Movement, WorkbookDiff, describeChange, diffAnalyses } from "../engine/diff/diff";
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

const pct = (v: number | null) => (v === null ? "no score" : `${(v * 100).toFixed(1)}%`);
const ENTITY = { owner: "Owner", kra: "KRA", kpi: "KPI" };

function movementLine(m: Movement): string {
  const delta =
    m.delta === null
      ? ""
      : `  ${m.delta >= 0 ? "+" : "−"}${Math.abs(m.delta * 100).toFixed(1)} pts`;
  const label = `${ENTITY[m.entity]} ${m.id}${m.name ? ` ${m.name}` : ""}`;
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
      lines.push(`      ${describeChange(diff.changes[i])}`);
    if (m.changes.length > CHANGES_SHOWN)
      lines.push(`      … and ${m.changes.length - CHANGES_SHOWN} more`);
  }
  const unscored = diff.changes.filter(
    (_, i) => !diff.movements.some((m) => m.changes.includes(i))
  );
  if (unscored.length) {
    lines.push("", "Changes that moved no score:");
    for (const c of unscored) lines.push(`  ${describeChange(c)}`);
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
  if (!args.input || !args.other)
    throw new UsageError("diff needs two workbooks: kpi-cascade diff <before.xlsx> <after.xlsx>");
  const outputs = await checkRun(
    [args.input, args.other],
    args.json === null ? [] : [{ option: "--json", path: args.json, role: "report" }],
    args.force
  );
  const before = (await analyseFile(args.input, args)).analysis;
  const after = (await analyseFile(args.other, args)).analysis;
  const diff = diffAnalyses(before, after);
  const say = writesToStdout(outputs) ? io.err : io.out;
  say(formatDiff(diff, terminalText(args.input), terminalText(args.other)));
  await writeOutputs(outputs, { report: diffJson(diff, args.input, args.other) }, io.out);
  return 0;
}
