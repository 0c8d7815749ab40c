/** `stale-actual` (SPEC 3): a latest check-in more than one period of the KPI's Frequency behind. */
import { dayFromYmd } from "../../../src/engine/dates";
import { periodNumber } from "../../../src/engine/rules/stale-actuals";
import { KPI_HEADER, KRA_HEADER, analyze, findingsOf, kpi } from "../../support/workbook";

const sheets = (frequency: string | null, periods: string[]) => ({
  KRAs: [KRA_HEADER, ["R1", "Sales", "P1", null, null, null]],
  KPIs: [
    [...KPI_HEADER, "Frequency"],
    [...kpi("K1", { kra: "R1", target: 100 }), frequency],
  ],
  Actuals: [["KPI ID", "Period", "Actual"], ...periods.map((p) => ["K1", p, 90])],
});
const asOf = dayFromYmd(2026, 6, 30);

describe("stale-actual", () => {
  it("flags a monthly KPI two months behind, at its ID cell, naming the dates", () => {
    const found = findingsOf(
      analyze(sheets("Monthly", ["2026-03", "2026-04"]), { asOf }),
      "stale-actual"
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "warning",
      sheet: "KPIs",
      cell: "A2",
      entity: "kpi",
      id: "K1",
    });
    expect(found[0].message).toContain("2026-04-30");
    expect(found[0].message).toContain("2 months");
  });

  it("allows one period of lag, and counts only check-ins up to the as-of date", () => {
    expect(findingsOf(analyze(sheets("monthly", ["2026-05"]), { asOf }), "stale-actual")).toEqual(
      []
    );
    const mid = dayFromYmd(2026, 6, 15);
    expect(
      findingsOf(analyze(sheets("monthly", ["2026-05", "2026-06"]), { asOf: mid }), "stale-actual")
    ).toEqual([]);
    expect(
      findingsOf(analyze(sheets("monthly", ["2026-04", "2026-06"]), { asOf: mid }), "stale-actual")
    ).toHaveLength(1);
  });

  it("reads quarters, years and weeks alike", () => {
    const stale = (f: string, periods: string[]) =>
      findingsOf(analyze(sheets(f, periods), { asOf }), "stale-actual").length;
    expect(stale("quarterly", ["2026-Q1"])).toBe(0);
    expect(stale("quarterly", ["2025-Q4"])).toBe(1);
    expect(stale("annual", ["2025"])).toBe(0);
    expect(stale("annual", ["2024"])).toBe(1);
    expect(stale("weekly", ["2026-06-22"])).toBe(0);
    expect(stale("weekly", ["2026-06-14"])).toBe(1);
  });

  it("leaves KPIs without a Frequency, or without any counted check-in, to other rules", () => {
    expect(findingsOf(analyze(sheets(null, ["2025-01"]), { asOf }), "stale-actual")).toEqual([]);
    const future = analyze(sheets("monthly", ["2026-09"]), { asOf });
    expect(findingsOf(future, "stale-actual")).toEqual([]);
    expect(findingsOf(future, "missing-actual")).toHaveLength(1);
  });

  it("numbers consecutive periods consecutively across year ends", () => {
    const d = (y: number, m: number, day: number) => dayFromYmd(y, m, day) as number;
    expect(periodNumber(d(2026, 1, 1), "monthly") - periodNumber(d(2025, 12, 31), "monthly")).toBe(
      1
    );
    expect(
      periodNumber(d(2026, 1, 1), "quarterly") - periodNumber(d(2025, 12, 31), "quarterly")
    ).toBe(1);
    // Monday 2026-06-29 starts a new week; Sunday 2026-06-28 ends the one before.
    expect(periodNumber(d(2026, 6, 29), "weekly") - periodNumber(d(2026, 6, 28), "weekly")).toBe(1);
    expect(periodNumber(d(2026, 6, 28), "weekly")).toBe(periodNumber(d(2026, 6, 22), "weekly"));
  });
});
