/** The planner's entry point: from an analysis to the sheets a build writes (SPEC section 8). */
import { Analysis } from "../engine/analyze";
import { hasHistory } from "../engine/history/history";
import { cascadeInBlocks, planCascade } from "./cascade";
import { planDashboard } from "./dashboard";
import { planFindings } from "./findings-sheet";
import { LAST_BUILD_SHEET, planLastBuild } from "./last-build";
import { PERIODS_SHEET, planPeriods } from "./periods-sheet";
import { SheetInBlocks, SheetPlan, SheetToPlan, WorkbookPlan } from "./plan";
import { ScorecardIndex, buildScorecard, scorecardAsOf, scorecardInBlocks } from "./scorecard";
import { wholeSheet } from "./sheet-blocks";
import { planTrends, trendsInBlocks } from "./trends";

const SCORECARD = "KPI Scorecard";

/**
 * The sheets a build writes, in order, each planned only when asked: a writer that writes each
 * before asking for the next never holds two (planWorkbook asks for them all at once).
 */
export function planWorkbookSheets(analysis: Analysis): SheetToPlan[] {
  // The scorecard reads the user's check-in cells through the hidden helper sheet; the
  // dashboard and the cascade read the scorecard (SPEC 8, "Live means linked"). The helper
  // sheet's rows are known before its cells, so it is planned last, when it is written.
  const periods = planPeriods(analysis, { sheet: PERIODS_SHEET, asOf: scorecardAsOf(SCORECARD) });
  let scorecardIndex: ScorecardIndex | null = null;
  /** The scorecard's blocks; where its rows are is kept once they are all made. */
  const scorecard = (): SheetInBlocks => {
    const made = scorecardInBlocks(analysis, SCORECARD, periods?.index ?? null);
    const blocks = (function* () {
      yield* made.sheet.blocks;
      scorecardIndex = made.index;
    })();
    return { ...made.sheet, blocks };
  };
  /** Where the scorecard's rows are: kept from planning it, else worked out again. */
  const index = () =>
    (scorecardIndex ??= buildScorecard(analysis, SCORECARD, periods?.index ?? null).index);
  const sheet = (kind: SheetToPlan["kind"], name: string, plan: SheetToPlan["plan"]) => ({
    kind,
    name,
    plan,
  });
  return [
    { ...sheet("scorecard", SCORECARD, () => wholeSheet(scorecard())), inBlocks: scorecard },
    {
      ...sheet("cascade", "KPI Cascade", () => planCascade(analysis, "KPI Cascade", index())),
      inBlocks: () => cascadeInBlocks(analysis, "KPI Cascade", index()),
    },
    sheet("findings", "KPI Findings", () => planFindings(analysis)),
    sheet("dashboard", "KPI Dashboard", () => planDashboard(analysis, "KPI Dashboard", index())),
    // planTrends gives a sheet whenever there is a history to show.
    ...(hasHistory(analysis)
      ? [
          {
            ...sheet("trends", "KPI Trends", () => planTrends(analysis) as SheetPlan),
            inBlocks: () => trendsInBlocks(analysis) as SheetInBlocks,
          },
        ]
      : []),
    { ...sheet("lastbuild", LAST_BUILD_SHEET, () => planLastBuild(analysis)), hidden: "hidden" },
    ...(periods
      ? [{ ...sheet("periods", PERIODS_SHEET, periods.plan), hidden: "hidden" as const }]
      : []),
  ];
}

export function planWorkbook(analysis: Analysis): WorkbookPlan {
  return { sheets: planWorkbookSheets(analysis).map((s) => s.plan()) };
}
