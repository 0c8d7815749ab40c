/**
 * The commands as a user runs them: `kpi-cascade validate` and `build` in their own process on a
 * workbook file, wall time and peak memory, next to `build` as it was before the package writer
 * (bench/baseline/build-exceljs.ts) measured in the same run.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { median } from "./measure";

const ROOT = path.join(__dirname, "..", "..");
const PEAK = path.join(ROOT, "test", "support", "report-peak.js");
/** The engine rows analyse as of the same day (bench/worker.ts). */
export const BENCH_AS_OF = "2026-12-31";

export interface Timed {
  ms: number;
  peakMB: number;
}

export function timedProcess(args: string[]): Timed {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kpi-e2e-"));
  const peakFile = path.join(dir, "peak");
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--max-old-space-size=16384", "-r", PEAK, ...args], {
    env: { ...process.env, PEAK_FILE: peakFile },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  const peakMB = Number(readFileSync(peakFile, "utf8"));
  rmSync(dir, { recursive: true, force: true });
  return { ms, peakMB };
}

export interface CliRow {
  name: string;
  people: number;
  medianMs: number;
  peakMB: number;
  runs: number[];
  [extra: string]: unknown;
}

/** `job` is validate-e2e, build-e2e or build-e2e-baseline. */
export function cliRow(job: string, people: number, file: string, runs: number): CliRow {
  const out = path.join(os.tmpdir(), `kpi-e2e-out-${people}.xlsx`);
  const args =
    job === "validate-e2e"
      ? [path.join(ROOT, "bin", "kpi-cascade.js"), "validate", file, "--as-of", BENCH_AS_OF]
      : job === "build-e2e"
        ? [
            path.join(ROOT, "bin", "kpi-cascade.js"),
            "build",
            file,
            "-o",
            out,
            "--as-of",
            BENCH_AS_OF,
          ]
        : [path.join(__dirname, "baseline", "build-exceljs.js"), file, out, BENCH_AS_OF];
  const timed: Timed[] = [];
  for (let i = 0; i < runs; i++) timed.push(timedProcess(args));
  rmSync(out, { force: true });
  return {
    name: job,
    people,
    medianMs: median(timed.map((t) => t.ms)),
    peakMB: Math.max(...timed.map((t) => t.peakMB)),
    runs: timed.map((t) => t.ms),
  };
}
