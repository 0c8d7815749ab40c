/** The planner's entry point: from an analysis to the sheets a build writes (SPEC section 8). */
import { Analysis } from "../engine/analyze";
import { planCascade } from "./cascade";
import { planDashboard } from "./dashboard";
import { planFindings } from "./findings-sheet";
import { planLastBuild } from "./last-build";
import { WorkbookPlan } from "./plan";
import { planScorecard } from "./scorecard";
import { planTrends } from "./trends";

export function planWorkbook(analysis: Analysis): WorkbookPlan {
  const trends = planTrends(analysis);
  return {
    sheets: [
      planScorecard(analysis),
      planCascade(analysis),
      planFindings(analysis),
      planDashboard(analysis),
      ...(trends ? [trends] : []),
      planLastBuild(analysis),
    ],
  };
}
