/** The planner's entry point: from an analysis to the sheets a build writes (SPEC section 8). */
import { Analysis } from "../engine/analyze";
import { planCascade } from "./cascade";
import { planDashboard } from "./dashboard";
import { planFindings } from "./findings-sheet";
import { planLastBuild } from "./last-build";
import { PERIODS_SHEET, planPeriods } from "./periods-sheet";
import { WorkbookPlan } from "./plan";
import { buildScorecard, scorecardAsOf } from "./scorecard";
import { planTrends } from "./trends";

export function planWorkbook(analysis: Analysis): WorkbookPlan {
  const trends = planTrends(analysis);
  // The scorecard reads the user's check-in cells through the hidden helper sheet; the
  // dashboard and the cascade read the scorecard (SPEC 8, "Live means linked").
  const periods = planPeriods(analysis, {
    sheet: PERIODS_SHEET,
    asOf: scorecardAsOf("KPI Scorecard"),
  });
  const scorecard = buildScorecard(analysis, "KPI Scorecard", periods?.index ?? null);
  return {
    sheets: [
      scorecard.plan,
      planCascade(analysis, "KPI Cascade", scorecard.index),
      planFindings(analysis),
      planDashboard(analysis, "KPI Dashboard", scorecard.index),
      ...(trends ? [trends] : []),
      planLastBuild(analysis),
      ...(periods ? [periods.plan] : []),
    ],
  };
}
