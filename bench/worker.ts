/**
 * One measurement in a fresh process, so its peak memory is its own: `node worker.js <job> <people> <runs> [file]`.
 * Prints one JSON line.
 */
import { promises as fs } from "fs";
import { gridsFromWorkbook, loadWorkbook } from "../src/adapters/xlsx/read-grids";
import { streamGrids } from "../src/adapters/xlsx/stream-grids";
import { analyzeWorkbook } from "../src/engine/analyze";
import { dayFromYmd } from "../src/engine/dates";
import { bigOrganisation, gridsOf } from "../src/synthetic/big-org";
import { median, peakMB, timeRuns } from "./measure";
import { CATALOGUE } from "../src/functions/catalogue";
import { run } from "../src/functions/runner";

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
    process.stdout.write(
      `${JSON.stringify({ name: "engine", people, kpis, medianMs: median(times), runs: times, peakMB: peakMB(), gridsMB: baseMB })}\n`
    );
  } else if (job === "xlsx-read" || job === "xlsx-load") {
    // xlsx-read streams the sheets (what `validate` does); xlsx-load builds ExcelJS's full model
    // (what `build` does, because it writes the workbook back out).
    const bytes = await fs.readFile(file);
    const read =
      job === "xlsx-read"
        ? () => streamGrids(bytes)
        : async () => gridsFromWorkbook(await loadWorkbook(bytes));
    const times = await timeRuns(runs, read);
    const row = {
      name: job,
      people,
      fileMB: bytes.length / 2 ** 20,
      medianMs: median(times),
      runs: times,
      peakMB: peakMB(),
    };
    process.stdout.write(`${JSON.stringify(row)}\n`);
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
    process.stdout.write(
      `${JSON.stringify({ name: "functions", rows: cells, medianMs: median(times), runs: times, peakMB: peakMB() })}\n`
    );
  } else {
    throw new Error(`unknown job ${job}`);
  }
}

void main();
