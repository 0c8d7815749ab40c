/** Check-in Note and Confidence (SPEC 4.3): read, and shown as a note on the scorecard's latest value. */
import ExcelJS from "exceljs";
import { emptyWorkbook, writePlan } from "../../../src/adapters/xlsx/write";
import { latestCheckIns } from "../../../src/engine/history/latest-check-ins";
import { SC, planScorecard } from "../../../src/planner/scorecard";
import { KPI_HEADER, KRA_HEADER, analyze, kpi } from "../../support/workbook";

const sheets = {
  People: [
    ["Person ID", "Name"],
    ["P1", "Ana"],
  ],
  KRAs: [KRA_HEADER, ["R1", "Sales", "P1", null, null, null]],
  KPIs: [KPI_HEADER, kpi("K1", { kra: "R1", target: 100 }), kpi("K2", { kra: "R1", target: 100 })],
  "Check-ins": [
    ["KPI ID", "Period", "Actual", "Comment", "Confidence"],
    ["K1", "2026-05", 80, "Slow start", "Low"],
    ["K1", "2026-06", 95, "Two big deals closed", 8],
    ["K1", "2026-09", 99, "Future", "High"],
    ["K2", "2026-06", 50, null, null],
  ],
};

describe("check-in notes and confidence", () => {
  const analysis = analyze(sheets);

  it("are carried with the latest counted check-in", () => {
    const latest = latestCheckIns(analysis);
    expect(latest.get("K1")).toMatchObject({
      actual: 95,
      note: "Two big deals closed",
      confidence: "8",
    });
    expect(latest.get("K2")).toMatchObject({ actual: 50, note: null, confidence: null });
  });

  it("become a note on the scorecard's actual cell, written into the file", async () => {
    const plan = planScorecard(analysis);
    const rowOf = (id: string) =>
      plan.rows.find((r) => r[SC.id]?.value === id && r[SC.kind]?.value === "kpi");
    expect(rowOf("K1")?.[SC.actual]?.comment).toBe(
      "Latest check-in: period ending 2026-06-30, 95\nNote: Two big deals closed\nConfidence: 8"
    );
    expect(rowOf("K2")?.[SC.actual]?.comment).toBeUndefined();
    // The package writer's comments and VML parts, read back by another program.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(
      Buffer.from(writePlan(emptyWorkbook(), { sheets: [plan] }).bytes) as unknown as ExcelJS.Buffer
    );
    const r = plan.rows.indexOf(rowOf("K1") as never) + 1;
    const note = back.getWorksheet(plan.name)?.getCell(r, SC.actual + 1).note;
    expect(JSON.stringify(note)).toContain("Two big deals closed");
  });
});
