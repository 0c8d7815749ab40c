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
import { planTrends } from "../src/planner/trends";
import { bigOrganisation, gridsOf } from "../src/synthetic/big-org";
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

export async function chartsJob(people: number, runs: number): Promise<Record<string, unknown>> {
  const analysis = analyzeWorkbook(gridsOf(bigOrganisation(people)), { today: TODAY });
  const plan = planWorkbook(analysis);
  const build = async () => {
    const wb = new ExcelJS.Workbook();
    const names = applyPlan(wb, planWorkbook(analysis));
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), names };
  };
  const [builds, charts, trends]: number[][] = [[], [], []];
  let built = await build();
  for (let i = 0; i < runs; i++) {
    builds.push(...(await timeRuns(1, async () => (built = await build()))));
    charts.push(
      ...(await timeRuns(1, () =>
        insertCharts(
          built.bytes,
          plan.sheets.map((p, k) => ({ plan: p, name: built.names[k] }))
        )
      ))
    );
    trends.push(
      ...(await timeRuns(1, async () => {
        const wb = new ExcelJS.Workbook();
        applyPlan(wb, { sheets: [planTrends(analysis) ?? plan.sheets[0]] });
        await wb.xlsx.writeBuffer();
      }))
    );
  }
  return {
    name: "charts",
    people,
    charts: plan.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0),
    medianMs: median(charts),
    runs: charts,
    buildMs: median(builds),
    trendsMs: median(trends),
    ratio: median(charts) / median(builds),
  };
}
