/**
 * The time dimension's costs, each against what it adds to, alternating in one process so that
 * machine noise falls on both alike: history against the engine's single as-of run; the charts'
 * DrawingML parts against the package writer's time on the same plan without them.
 */
import { emptyWorkbook, writePlan } from "../src/adapters/xlsx/write";
import { analyzeWorkbook } from "../src/engine/analyze";
import { dayFromYmd } from "../src/engine/dates";
import { computeHistory } from "../src/engine/history/history";
import { planWorkbook } from "../src/planner";
import { bigOrganisation, gridsOf } from "../src/synthetic/big-org";
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
 * What the charts add to writing the workbook: the package writer's time on the plan with its
 * charts against the same plan without them, alternating in one process.
 */
export async function chartsJob(people: number, runs: number): Promise<Record<string, unknown>> {
  const analysis = analyzeWorkbook(gridsOf(bigOrganisation(people)), { today: TODAY });
  const plan = planWorkbook(analysis);
  const bare = { sheets: plan.sheets.map((s) => ({ ...s, charts: undefined })) };
  const [withCharts, without]: number[][] = [[], []];
  for (let i = 0; i < runs; i++) {
    withCharts.push(...(await timeRuns(1, () => writePlan(emptyWorkbook(), plan))));
    without.push(...(await timeRuns(1, () => writePlan(emptyWorkbook(), bare))));
  }
  return {
    name: "charts",
    people,
    charts: plan.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0),
    medianMs: median(withCharts) - median(without),
    runs: withCharts,
    buildMs: median(without),
    ratio: (median(withCharts) - median(without)) / median(without),
  };
}
