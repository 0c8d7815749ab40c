/**
 * The time dimension's costs, each against what it adds to, alternating in one process so that
 * machine noise falls on both alike: history against the engine's single as-of run; the charts'
 * DrawingML parts (made and put in the package) against the build they join.
 */
import ExcelJS from "exceljs";
import { applyPlan } from "../src/adapters/xlsx/write-plan";
import { analyzeWorkbook } from "../src/engine/analyze";
import { dayFromYmd } from "../src/engine/dates";
import { computeHistory } from "../src/engine/history/history";
import { planWorkbook } from "../src/planner";
import { bigOrganisation, gridsOf } from "../src/synthetic/big-org";
import { chartParts } from "../src/adapters/xlsx/chart-parts";
import { insertCharts } from "../test/support/insert-charts";
import { median, timeRuns } from "./measure";

const TODAY = dayFromYmd(2026, 12, 31) as number;

export async function historyJob(people: number, runs: number): Promise<Record<string, unknown>> {
  const grids = gridsOf(bigOrganisation(people));
  const analysis = analyzeWorkbook(grids, { today: TODAY });
  const [engine, history]: number[][] = [[], []];
  let periods = 0;
  for (let i = 0; i < runs; i++) {
    engine.push(...(await timeRuns(1, () => analyzeWorkbook(grids, { today: TODAY }))));
    history.push(
      ...(await timeRuns(1, () => {
        periods = computeHistory(analysis)?.periods.length ?? 0;
      }))
    );
  }
  return {
    name: "history",
    people,
    periods,
    medianMs: median(history),
    runs: history,
    engineMs: median(engine),
    ratio: median(history) / median(engine),
  };
}

/**
 * The charts against the build (plan + ExcelJS write) they join: `chartParts` alone (what the
 * package writer will call), and the test helper that also re-zips the package to insert them.
 */
export async function chartsJob(people: number, runs: number): Promise<Record<string, unknown>> {
  const analysis = analyzeWorkbook(gridsOf(bigOrganisation(people)), { today: TODAY });
  let names: string[] = [];
  let bytes = Buffer.alloc(0);
  const build = async () => {
    const wb = new ExcelJS.Workbook();
    names = applyPlan(wb, planWorkbook(analysis));
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  };
  const plan = planWorkbook(analysis);
  const charted = plan.sheets.filter((s) => s.charts?.length);
  const [builds, parts, inserted]: number[][] = [[], [], []];
  for (let i = 0; i < runs; i++) {
    builds.push(...(await timeRuns(1, build)));
    parts.push(
      ...(await timeRuns(1, () =>
        charted.forEach((s, k) =>
          chartParts(s.name, s.charts ?? [], { drawing: k + 1, firstChart: 10 * k + 1 })
        )
      ))
    );
    inserted.push(
      ...(await timeRuns(1, () =>
        insertCharts(
          bytes,
          plan.sheets.map((p, k) => ({ plan: p, name: names[k] }))
        )
      ))
    );
  }
  return {
    name: "charts",
    people,
    charts: charted.reduce((n, s) => n + (s.charts?.length ?? 0), 0),
    medianMs: median(parts),
    runs: parts,
    buildMs: median(builds),
    insertMs: median(inserted),
    ratio: median(parts) / median(builds),
  };
}
