/** SPEC 8: a KPI with no KRA or owner appears in an `Unassigned KPIs` block of the scorecard. */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { CellPlan } from "../../../src/planner/plan";
import { SC, planScorecard } from "../../../src/planner/scorecard";
import { columnLetters } from "../../../src/engine/address";
import { AS_OF, KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";

const text = (c: CellPlan | null | undefined) => (c && "value" in c ? c.value : null);

function scorecardOf(sheets: Parameters<typeof workbook>[0]) {
  return planScorecard(analyzeWorkbook(workbook(sheets), { today: AS_OF }));
}

describe("the Unassigned KPIs block", () => {
  it("lists KPIs whose KRA is missing or unknown, with live formulas over their own rows", () => {
    const plan = scorecardOf({
      KRAs: [KRA_HEADER, kra("R1")],
      KPIs: [KPI_HEADER, kpi("K1"), kpi("K2", { kra: "R9", target: 10, actual: 9 })],
    });
    const labels = plan.rows.map((r) => text(r[SC.label]));
    const head = labels.indexOf("Unassigned KPIs (no KRA or owner)");
    expect(head).toBeGreaterThan(labels.indexOf("KPI K1"));
    expect(plan.rows[head][SC.kind]).toEqual({ value: "unassigned" });
    const row = plan.rows[head + 1];
    expect(text(row[SC.id])).toBe("K2");
    const [raw, used] = [SC.raw, SC.kpiWeightUsed].map(columnLetters);
    expect(row[SC.attainment]).toMatchObject({
      formula: expect.stringContaining(`${raw}${head + 2}`),
    });
    expect(plan.rows[head][SC.kpiWeightUsed]).toEqual({
      formula: `SUM(${used}${head + 2}:${used}${head + 2})`,
    });
    expect(plan.rows).toHaveLength(head + 2);
  });

  it("lists the KPIs of a workbook with no KRAs at all (long format), and is absent when all are assigned", () => {
    const plan = scorecardOf({
      Data: [
        ["Employee", "KPI", "Month", "Year", "Value", "Target"],
        ["Ana", "Calls", "January", 2026, 90, 100],
      ],
    });
    const labels = plan.rows.map((r) => text(r[SC.label]));
    expect(labels).toContain("Unassigned KPIs (no KRA or owner)");
    expect(labels).toContain("Calls");
    const assigned = scorecardOf({ KRAs: [KRA_HEADER, kra("R1")], KPIs: [KPI_HEADER, kpi("K1")] });
    expect(assigned.rows.map((r) => text(r[SC.label]))).not.toContain(
      "Unassigned KPIs (no KRA or owner)"
    );
  });
});
