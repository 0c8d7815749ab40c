/**
 * One measurement in a fresh process, so its peak memory is its own: `node worker.js <job> <people> <runs> [file]`.
 * Prints one JSON line.
 */
import { promises as fs } from "fs";
import { applyPlanToExcel } from "../src/adapters/office/write-plan";
import { readPackage } from "../src/adapters/xlsx/read";
import { emptyWorkbook, writePlan } from "../src/adapters/xlsx/write";
import { planWorkbook } from "../src/planner";
import { FakeWorkbook, installExcelEnums } from "../test/support/fake-excel";
import { gridsFromWorkbook, loadWorkbook } from "./baseline/exceljs-read";
import { analyzeWorkbook } from "../src/engine/analyze";
import { dayFromYmd } from "../src/engine/dates";
import { bigOrganisation, gridsOf } from "../src/synthetic/big-org";
import { median, peakMB, timeRuns } from "./measure";
import { CATALOGUE } from "../src/functions/catalogue";
import { run } from "../src/functions/runner";
import { vsFormulas, vsNaiveWriter, vsPerCell } from "./side-by-side";
import { recalcJob } from "./live-recalc";
import { chartsJob, historyJob } from "./time-dimension";

const emitRow = (row: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ ...row, peakMB: peakMB() })}\n`);

const TODAY = dayFromYmd(2026, 12, 31) as number;

async function main(): Promise<void> {
  const [job, peopleText, runsText, file] = process.argv.slice(2);
  const people = Number(peopleText);
  const runs = Number(runsText);
  if (job === "engine") {
    const grids = gridsOf(bigOrganisation(people));
    const baseMB = peakMB();
    let kpis = 0;
    const times = await timeRuns(runs, () => {
      kpis = analyzeWorkbook(grids, { today: TODAY }).model.kpis.size;
    });
    emitRow({
      name: "engine",
      people,
      kpis,
      medianMs: median(times),
      runs: times,
      gridsMB: baseMB,
    });
  } else if (job === "xlsx-read" || job === "xlsx-load") {
    // xlsx-read is the package reader every command uses; xlsx-load builds ExcelJS's full model,
    // as `build` did before it (the baseline).
    const bytes = await fs.readFile(file);
    const read =
      job === "xlsx-read"
        ? async () => readPackage(bytes).grids
        : async () => gridsFromWorkbook(await loadWorkbook(bytes));
    const times = await timeRuns(runs, read);
    emitRow({
      name: job,
      people,
      fileMB: bytes.length / 2 ** 20,
      medianMs: median(times),
      runs: times,
    });
  } else if (job === "engine-alternating") {
    // Both sizes in one process, run in turn, so machine noise falls on both alike.
    const sizes = peopleText.split(",").map(Number);
    const grids = sizes.map((n) => gridsOf(bigOrganisation(n)));
    const times: number[][] = sizes.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (const [k, g] of grids.entries())
        times[k].push(...(await timeRuns(1, () => analyzeWorkbook(g, { today: TODAY }))));
    }
    // The peak here covers both sizes at once; main takes each size's peak from a fresh process.
    sizes.forEach((n, k) =>
      emitRow({ name: "engine", people: n, medianMs: median(times[k]), runs: times[k] })
    );
  } else if (job === "plan" || job === "xlsx-write" || job === "office-write") {
    await writeJobs(job, people, runs);
  } else if (job === "recalc") {
    emitRow({ ...(await recalcJob(people, runs, file, TODAY)) });
  } else if (job === "history" || job === "charts") {
    emitRow(await (job === "history" ? historyJob : chartsJob)(people, runs));
  } else if (job === "functions") {
    // KPI.ATTAINMENT over `people` rows (here: rows) in one call, as Excel would make it.
    const rows = people;
    const column = (f: (i: number) => number) => Array.from({ length: rows }, (_, i) => [f(i)]);
    const actual = column((i) => 50 + (i % 97));
    const target = column((i) => 80 + (i % 13));
    const baseline = column((i) => (i % 5 === 0 ? 20 : 40));
    let cells = 0;
    const times = await timeRuns(runs, () => {
      cells = run(CATALOGUE.ATTAINMENT, [actual, target, null, baseline, null, null, null]).length;
    });
    emitRow({ name: "functions", rows: cells, medianMs: median(times), runs: times });
  } else if (job === "vs-formulas") {
    emitRow(await vsFormulas(people, runs, TODAY));
  } else if (job === "vs-naive-writer") {
    emitRow(await vsNaiveWriter(people, runs, TODAY));
  } else if (job === "vs-per-cell") {
    emitRow(await vsPerCell(people, runs));
  } else {
    throw new Error(`unknown job ${job}`);
  }
}

/** The writing side at one size: planning, the package writer, the Office.js write (fake host). */
async function writeJobs(job: string, people: number, runs: number): Promise<void> {
  const analysis = analyzeWorkbook(gridsOf(bigOrganisation(people)), { today: TODAY });
  const plan = planWorkbook(analysis);
  const emit = (row: Record<string, unknown>) => emitRow({ name: job, people, ...row });
  if (job === "plan") {
    const times = await timeRuns(runs, () => planWorkbook(analysis));
    emit({ medianMs: median(times), runs: times });
  } else if (job === "xlsx-write") {
    let bytes = 0;
    const times = await timeRuns(runs, async () => {
      bytes = writePlan(emptyWorkbook(), plan).bytes.byteLength;
    });
    emit({ medianMs: median(times), runs: times, fileMB: bytes / 2 ** 20 });
  } else if (job === "office-write") {
    installExcelEnums();
    let result = { syncs: 0, maxPayloadMB: 0, totalMB: 0 };
    const times = await timeRuns(runs, async () => {
      const fake = new FakeWorkbook();
      const r = await applyPlanToExcel(fake.context(), plan);
      result = {
        syncs: r.syncs,
        maxPayloadMB: fake.payloads.reduce((a, b) => Math.max(a, b), 0) / 2 ** 20,
        totalMB: fake.payloads.reduce((a, b) => a + b, 0) / 2 ** 20,
      };
    });
    emit({ medianMs: median(times), runs: times, ...result });
  }
}

void main();
