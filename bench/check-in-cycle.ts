/**
 * The check-in cycle by files as a user runs it (issue 14): `kpi-cascade split` of a big
 * organisation's master into one file per person, and `kpi-cascade collect` of all those files
 * filled in, each command in its own process (wall time and peak memory). The master is the
 * benchmark organisation before its last month's check-ins came back, so every KPI has one
 * period to fill; every returned file has each of its rows filled, as a person would type them.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { readPackage } from "../src/adapters/xlsx/read";
import { editSheet } from "../src/adapters/xlsx/write";
import { bigOrganisation } from "../src/synthetic/big-org";
import { writeSheetData } from "../src/synthetic/write-xlsx";
import { BENCH_AS_OF, CliRow, timedProcess } from "./cli-e2e";
import { median } from "./measure";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "kpi-cascade.js");
const CACHE = path.join(os.tmpdir(), "kpi-cascade-bench");

/** The organisation with 11 of its 12 months checked in (December open), cached between runs. */
export async function checkInMaster(people: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `org-${people}-before-december.xlsx`);
  if (!existsSync(file)) await writeSheetData(bigOrganisation(people, 1, 11), file);
  return file;
}

/** Every split file filled in: each row's Actual typed, one in ten with a note. */
function fillAll(from: string, to: string): number {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  let n = 0;
  for (const name of readdirSync(from)) {
    if (!name.endsWith(".xlsx")) continue;
    const reading = readPackage(readFileSync(path.join(from, name)));
    const rows = reading.grids.sheets.find((s) => s.name === "Check-ins")?.rows ?? [];
    const writes = [];
    for (let r = 7; r < rows.length; r++) {
      // Near the last figure (column H), as a month's figure usually is.
      const last = rows[r][7];
      const value = typeof last === "number" ? Math.round(last * 102) / 100 : 1;
      writes.push({ address: `J${r + 1}`, value });
      if (r % 10 === 0) writes.push({ address: `K${r + 1}`, value: "on track" });
    }
    writeFileSync(
      path.join(to, `returned ${name}`),
      editSheet(reading, { sheet: "Check-ins", create: false, writes })
    );
    n++;
  }
  return n;
}

/** `split-e2e` and `collect-e2e` rows for one size. */
export async function checkInRows(people: number, runs: number): Promise<CliRow[]> {
  const master = await checkInMaster(people);
  const work = path.join(CACHE, `check-ins-${people}`);
  const out = path.join(work, "split");
  const returned = path.join(work, "returned");
  const merged = path.join(work, "merged.xlsx");
  const split: { ms: number; peakMB: number }[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    split.push(timedProcess([BIN, "split", master, "-o", out, "--as-of", BENCH_AS_OF]));
  }
  const files = fillAll(out, returned);
  const collect: { ms: number; peakMB: number }[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(merged, { force: true });
    collect.push(
      timedProcess([BIN, "collect", master, returned, "-o", merged, "--as-of", BENCH_AS_OF])
    );
  }
  rmSync(work, { recursive: true, force: true });
  const row = (name: string, timed: { ms: number; peakMB: number }[], goalMs: number): CliRow => ({
    name,
    people,
    files,
    medianMs: median(timed.map((t) => t.ms)),
    peakMB: Math.max(...timed.map((t) => t.peakMB)),
    runs: timed.map((t) => t.ms),
    goalMs,
  });
  return [row("split-e2e", split, 30_000), row("collect-e2e", collect, 60_000)];
}

/** `node lib/bench/check-in-cycle.js [5000] [runs]`: the two rows alone. */
if (require.main === module) {
  const people = Number(process.argv[2] ?? 5000);
  const runs = Number(process.argv[3] ?? 1);
  void checkInRows(people, runs).then((rows) =>
    process.stdout.write(`${rows.map((r) => JSON.stringify(r)).join("\n")}\n`)
  );
}
