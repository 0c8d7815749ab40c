/**
 * `npm run bench [-- --json FILE] [--sizes 1000,5000] [--runs N]`: the engine and the xlsx reader
 * on synthetic organisations, each measurement in its own process, reported as medians.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { gzipSync } from "zlib";
import * as os from "os";
import * as path from "path";
import { median } from "./measure";
import { bigOrganisationFile, paneBundle, paneOpenTimes, paneScale } from "./taskpane";
import { cliRow } from "./cli-e2e";
import { checkInRows } from "./check-in-cycle";
import { fmt } from "./format";
import { recalcNote } from "./recalc-note";

interface Row {
  name: string;
  people?: number;
  medianMs: number;
  peakMB?: number;
  [extra: string]: unknown;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizes = option("--sizes", "1000,5000").split(",").map(Number);
const runs = Number(option("--runs", "7"));
const jsonFile = option("--json", "");
const cacheDir = path.join(os.tmpdir(), "kpi-cascade-bench");

function workerRows(job: string, people: number | string, jobRuns: number, file = ""): Row[] {
  const out = execFileSync(
    process.execPath,
    [
      "--max-old-space-size=8192",
      // timeRuns collects the previous run's garbage before each timed run: needs gc().
      "--expose-gc",
      path.join(__dirname, "worker.js"),
      job,
      String(people),
      String(jobRuns),
      file,
    ],
    { encoding: "utf8", maxBuffer: 1 << 24 }
  );
  return out
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Row);
}

function worker(job: string, people: number, jobRuns: number, file = ""): Row {
  return workerRows(job, people, jobRuns, file).pop() as Row;
}

/** The size of dist/functions.js, building the add-in first when there is no build yet. */
function functionsBundle(): Row {
  const file = path.join(__dirname, "..", "..", "dist", "functions.js");
  if (!existsSync(file))
    execFileSync(
      process.execPath,
      [require.resolve("webpack/bin/webpack.js"), "--mode", "production"],
      { cwd: path.dirname(path.dirname(file)), stdio: "ignore" }
    );
  return {
    name: "functions-bundle",
    medianMs: 0,
    kb: statSync(file).size / 1024,
    gzipKb: gzipSync(readFileSync(file)).length / 1024,
  };
}

/** The machine and the date, first in the JSON, so that the README's table can say where it was measured. */
function machineRow(): Row {
  return {
    name: "machine",
    medianMs: 0,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "cpu",
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

function versus(r: Row): string {
  if (r.name === "recalc") return recalcNote(r);
  if (r.name === "history")
    return `${r.periods} periods; engine as of one date ${fmt(r.engineMs as number)} ms: ×${fmt(r.ratio as number, 2)} (goal ≤ ×3)`;
  if (r.name === "charts")
    return `${r.charts} charts' parts vs build (plan + xlsx write) ${fmt(r.buildMs as number)} ms: +${fmt((r.ratio as number) * 100, 2)}% (goal ≤ 10%); re-zipping them into the package (test helper) ${fmt(r.insertMs as number)} ms`;
  if (r.name === "vs-formulas")
    return `plain formulas (HyperFormula) ${fmt(r.formulasMs as number)} ms: ×${fmt(r.ratio as number, 1)}; ${fmt(r.formulas as number)} formulas, ${r.owners} owner scores agree within ${(r.maxDiff as number).toExponential(1)}`;
  if (r.name === "vs-naive-writer")
    return `${r.syncs} syncs vs ${fmt(r.naiveSyncs as number)} row by row; est. ${fmt((r.estimatedMs as number) / 1000, 1)} s vs ${fmt((r.naiveEstimatedMs as number) / 1000)} s at ${r.roundTripMs} ms a round trip: ×${fmt(r.ratio as number)}`;
  return `${fmt(r.rows as number)} single-cell calls ${fmt(r.perCellMs as number, 1)} ms: ×${fmt(r.ratio as number, 1)}`;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  // Times: the sizes alternate in one process. Peak memory: each size alone in a fresh process.
  for (const row of workerRows("engine-alternating", sizes.join(","), runs)) {
    row.peakMB = worker("engine", row.people as number, 1).peakMB;
    rows.push(row);
  }
  for (const job of ["plan", "xlsx-write", "office-write"])
    for (const people of sizes) rows.push(worker(job, people, Math.max(1, Math.min(runs, 3))));
  mkdirSync(cacheDir, { recursive: true });
  for (const people of sizes)
    rows.push(
      worker(
        "recalc",
        people,
        Math.max(1, Math.min(runs, 3)),
        path.join(cacheDir, `built-${people}.xlsx`)
      )
    );
  rows.push(worker("functions", 100_000, Math.max(runs, 9)));
  // History against the single as-of engine, and charts against the build, alternating in one process.
  rows.push(worker("history", sizes[sizes.length - 1], Math.max(3, Math.min(runs, 5))));
  rows.push(worker("charts", sizes[0], Math.max(3, Math.min(runs, 5))));
  // Side by side with what users would do instead, each pair alternating in one process.
  rows.push(worker("vs-formulas", 1000, Math.max(3, Math.min(runs, 5))));
  rows.push(worker("vs-naive-writer", 1000, 3));
  rows.push(worker("vs-per-cell", 100_000, Math.max(runs, 9)));
  rows.push(functionsBundle());
  const pane = paneBundle();
  rows.push({
    name: "taskpane-bundle",
    medianMs: 0,
    kb: pane.kb,
    gzipKb: pane.gzipKb,
    goalKb: 250,
  });
  const openTimes = await paneOpenTimes(Math.max(3, Math.min(runs, 7)));
  if (openTimes)
    rows.push({
      name: "taskpane-open",
      medianMs: median(openTimes),
      runs: openTimes,
      goalMs: 1000,
    });
  for (const r of (await paneScale(sizes)) ?? [])
    rows.push({
      name: "taskpane-open",
      people: r.people,
      medianMs: r.openMs,
      runs: [r.openMs],
      buildMs: r.buildMs,
      longestTaskMs: r.longestTaskMs,
      goalMs: 5000,
    });
  // xlsx-read streams the sheets (what `validate` does); xlsx-load builds ExcelJS's full model
  // (what `build` does, to write the workbook back out).
  for (const job of ["xlsx-read", "xlsx-load"]) {
    for (const people of sizes)
      rows.push(
        worker(job, people, Math.max(1, Math.min(runs, 3)), await bigOrganisationFile(people))
      );
  }

  // The commands as users run them, and `build` as it was before (one run: minutes at 5,000).
  for (const people of sizes) {
    const file = await bigOrganisationFile(people);
    rows.push(cliRow("validate-e2e", people, file, Math.max(1, Math.min(runs, 3))));
    rows.push(cliRow("build-e2e", people, file, Math.max(1, Math.min(runs, 3))));
    rows.push(cliRow("build-e2e-baseline", people, file, 1));
  }
  // The check-in cycle by files: split the master into one file per person, collect them all.
  for (const people of sizes)
    rows.push(...(await checkInRows(people, Math.max(1, Math.min(runs, 3)))));

  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(
    `KPI Cascade benchmarks — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`
  );
  say(
    `${"name".padEnd(18)}${"size".padStart(16)}${"median ms".padStart(12)}${"peak MB".padStart(10)}  runs (ms) / notes`
  );
  for (const r of rows) {
    const size = r.people
      ? `${fmt(r.people)} people`
      : r.rows
        ? `${fmt(r.rows as number)} rows`
        : "";
    const office =
      r.name === "office-write"
        ? ` — ${r.syncs} syncs, largest batch ${fmt(r.maxPayloadMB as number, 2)} MB of ${fmt(r.totalMB as number, 1)} MB`
        : r.name.startsWith("vs-") ||
            r.name === "history" ||
            r.name === "charts" ||
            r.name === "recalc"
          ? ` — ${versus(r)}`
          : "";
    const notes = r.runs
      ? (r.runs as number[]).map((t) => fmt(t)).join(", ")
      : `${fmt(r.kb as number, 1)} KB minified, ${fmt(r.gzipKb as number, 1)} KB gzipped (goal ≤ ${r.goalKb ?? 60} KB${r.name === "taskpane-bundle" ? " gzipped, office.js and ExcelJS excluded" : ""})`;
    const ms = r.runs ? fmt(r.medianMs, 1) : "";
    say(
      `${r.name.padEnd(18)}${size.padStart(16)}${ms.padStart(12)}${(r.peakMB ? fmt(r.peakMB) : "").padStart(10)}  ${notes}${office}`
    );
  }
  for (const people of sizes) {
    const at = (name: string) => rows.find((r) => r.name === name && r.people === people);
    const [engine, validate, build, before] = [
      "engine",
      "validate-e2e",
      "build-e2e",
      "build-e2e-baseline",
    ].map(at);
    if (!engine || !validate || !build || !before) continue;
    say(
      `${fmt(people)} people: validate ×${fmt(validate.medianMs / engine.medianMs, 1)} and build ×${fmt(build.medianMs / engine.medianMs, 1)} the engine's time (goal ≤ ×5); build ${fmt(before.medianMs / build.medianMs, 1)}× faster than before (${fmt(before.medianMs / 1000, 1)} s, ${fmt(before.peakMB as number)} MB)`
    );
  }
  for (const r of rows.filter((x) => x.name === "split-e2e" || x.name === "collect-e2e"))
    say(
      `${r.name === "split-e2e" ? "split" : "collect"} at ${fmt(r.people as number)} people: ${fmt(r.medianMs / 1000, 1)} s for ${fmt(r.files as number)} files (goal ≤ ${fmt((r.goalMs as number) / 1000)} s)`
    );
  for (const name of ["engine", "recalc", "validate-e2e", "build-e2e"]) {
    const pair = rows.filter((r) => r.name === name);
    if (pair.length < 2) continue;
    const [small, large] = [pair[0], pair[pair.length - 1]] as (Row & { people: number })[];
    say(
      `${name} growth ${fmt(small.people)} → ${fmt(large.people)} people: ×${fmt(large.medianMs / small.medianMs, 2)} (goal ≤ ×6; people ×${fmt(large.people / small.people, 1)})`
    );
  }
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify([machineRow(), ...rows], null, 2)}\n`);
}

void main();
