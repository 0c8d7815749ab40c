/**
 * Writes the README's benchmark table from the bench's JSON (`npm run bench -- --json
 * docs/bench.json`, then `npm run bench:readme`), between the `bench:start` and `bench:end`
 * markers, so no figure in the README is typed by hand.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { fmt } from "../bench/format";
import { recalcNote } from "../bench/recalc-note";

type Row = Record<string, unknown> & { name: string; medianMs: number };

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

const ms = (n: unknown) => `${fmt(n, Number(n) < 100 ? 1 : 0)} ms`;

function size(r: Row): string {
  if (r.people) return `${fmt(r.people)} people`;
  if (r.rows) return `${fmt(r.rows)} rows`;
  return "";
}

function line(r: Row): [string, string, string, string] | null {
  switch (r.name) {
    case "engine":
      return [
        "engine: grids → findings → scores",
        size(r),
        ms(r.medianMs),
        `peak ${fmt(r.peakMB)} MB (goals ≤ 1.5 s and ≤ 1 GB at 5,000)`,
      ];
    case "plan":
      return ["planner: analysis → sheets", size(r), ms(r.medianMs), ""];
    case "xlsx-write":
      return [
        "package writer: the generated sheets into a new package",
        size(r),
        ms(r.medianMs),
        "",
      ];
    case "validate-e2e":
      return [
        "**`kpi-cascade validate`**, the whole command",
        size(r),
        ms(r.medianMs),
        `peak ${fmt(r.peakMB)} MB (goals ≤ 3 s and ≤ 600 MB at 5,000)`,
      ];
    case "build-e2e":
      return [
        "**`kpi-cascade build`**, the whole command",
        size(r),
        ms(r.medianMs),
        `peak ${fmt(r.peakMB)} MB (goals ≤ 5 s and ≤ 1 GB at 5,000)`,
      ];
    case "split-e2e":
      return [
        "**`kpi-cascade split`**: the master → one file per person",
        size(r),
        ms(r.medianMs),
        `${fmt(r.files)} files, peak ${fmt(r.peakMB)} MB (goal ≤ 30 s at 5,000)`,
      ];
    case "collect-e2e":
      return [
        "**`kpi-cascade collect`**: every returned file → the merged workbook",
        size(r),
        ms(r.medianMs),
        `${fmt(r.files)} files, peak ${fmt(r.peakMB)} MB (goal ≤ 60 s at 5,000)`,
      ];
    case "build-e2e-baseline":
      return [
        "`build` as it was (ExcelJS load and save)",
        size(r),
        ms(r.medianMs),
        `peak ${fmt(r.peakMB)} MB`,
      ];
    case "office-write":
      return [
        "Office.js writer (fake host)",
        size(r),
        ms(r.medianMs),
        `${r.syncs} syncs, largest batch ${fmt(r.maxPayloadMB, 2)} MB of ${fmt(r.totalMB, 1)} MB (goals ≤ 4 MB, ≤ 10 + total / 4 MB syncs)`,
      ];
    case "recalc":
      return [
        "LibreOffice: open, recalculate all, save the built workbook",
        size(r),
        ms(r.medianMs),
        r.ratio === undefined ? "" : recalcNote(r),
      ];
    case "xlsx-read":
      return [
        "read .xlsx, package reader (every command)",
        size(r),
        ms(r.medianMs),
        `peak ${fmt(r.peakMB)} MB`,
      ];
    case "xlsx-load":
      return [
        "read .xlsx, ExcelJS whole (the old build)",
        size(r),
        ms(r.medianMs),
        `peak ${fmt(r.peakMB)} MB`,
      ];
    case "functions":
      return ["`KPI.ATTAINMENT`, one call", size(r), ms(r.medianMs), "goal ≤ 50 ms"];
    case "functions-bundle":
      return [
        "`dist/functions.js`",
        "",
        "",
        `${fmt(r.kb, 1)} KB minified, ${fmt(r.gzipKb, 1)} KB gzipped (goal ≤ 60 KB)`,
      ];
    case "taskpane-bundle":
      return [
        "task pane initial JavaScript",
        "",
        "",
        `${fmt(r.gzipKb, 1)} KB gzipped, office.js and the file-mode chunk excluded (goal ≤ 250 KB)`,
      ];
    case "taskpane-open":
      if (r.people)
        return [
          "task pane: open a big organisation, then build (Chromium, file mode)",
          size(r),
          `open ${ms(r.medianMs)}, build ${ms(r.buildMs)}`,
          `longest main-thread task ${ms(r.longestTaskMs)} (goals: open ≤ 5 s, build ≤ 8 s, no task over 200 ms)`,
        ];
      return [
        "task pane: open the sample → findings on screen (Chromium)",
        "",
        ms(r.medianMs),
        "goal ≤ 1 s",
      ];
    case "vs-formulas":
      return [
        "**engine vs plain formulas**",
        size(r),
        `${ms(r.engineMs)} vs ${ms(r.formulasMs)}`,
        `**×${fmt(r.ratio, 1)}**: the same scorecard as ${fmt(r.formulas)} plain formulas in HyperFormula; all ${fmt(r.owners)} owner scores agree within ${Number(r.maxDiff).toExponential(1)}`,
      ];
    case "vs-naive-writer":
      return [
        "**Office writer vs row by row**",
        size(r),
        `${fmt(Number(r.estimatedMs) / 1000, 1)} s vs ${fmt(Number(r.naiveEstimatedMs) / 1000)} s`,
        `**×${fmt(r.ratio)}**: ${r.syncs} syncs vs ${fmt(r.naiveSyncs)}, estimated at ${r.roundTripMs} ms a round trip (Excel on the web) plus the measured local time`,
      ];
    case "vs-per-cell":
      return [
        "**one call vs one per cell**",
        size(r),
        `${ms(r.medianMs)} vs ${ms(r.perCellMs)}`,
        `**×${fmt(r.ratio, 1)}**: \`KPI.ATTAINMENT\` through the same runner; Excel's own cost per call comes on top`,
      ];
    default:
      return null;
  }
}

export function benchTable(rows: Row[]): string {
  const machine = rows.find((r) => r.name === "machine");
  const growth = (name: string) => {
    const pair = rows.filter((r) => r.name === name);
    return pair.length >= 2 ? fmt(pair[pair.length - 1].medianMs / pair[0].medianMs, 2) : "?";
  };
  const out = [
    machine
      ? `Measured on ${machine.cpus} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}, on ${machine.date}: medians of several runs; each side-by-side pair alternates run by run in one process.`
      : "",
    "",
    "| measure | size | median | notes |",
    "| --- | --- | --- | --- |",
    ...rows
      .map(line)
      .filter((l): l is [string, string, string, string] => l !== null)
      .map((l) => `| ${l.join(" | ")} |`),
    "",
    `Growth from 1,000 to 5,000 people (×5): engine ×${growth("engine")}, LibreOffice recalculation ×${growth("recalc")} (goals ≤ ×6).`,
  ];
  return out.join("\n");
}

if (require.main === module) {
  const json = process.argv[2] ?? "docs/bench.json";
  const readme = path.join(path.dirname(json), "..", "README.md");
  const rows = JSON.parse(readFileSync(json, "utf8")) as Row[];
  const text = readFileSync(readme, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} section`);
  writeFileSync(
    readme,
    `${text.slice(0, from + START.length)}\n${benchTable(rows)}\n${text.slice(to)}`
  );
  process.stdout.write(`README.md: benchmark table written from ${json}\n`);
}
