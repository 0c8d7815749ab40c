/**
 * Who is asked for which check-ins (engine/check-in-cycle/round.ts): each KPI to one recipient by
 * owner, manager or unit; each period of its frequency that has ended and holds no check-in is
 * open; e-mail addresses from the People sheet.
 */
import { dayFromYmd } from "../../../src/engine/dates";
import { checkInRound } from "../../../src/engine/check-in-cycle/round";
import { Rows, analyze } from "../../support/workbook";

const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d) as number;

const sheets = (checkIns: Rows, settings: Rows = []) => ({
  Org: [
    ["Unit ID", "Unit Name", "Parent Unit ID", "Head"],
    ["U1", "Company", null, "P1"],
    ["U2", "Sales", "U1", "P2"],
  ],
  People: [
    ["Person ID", "Name", "Unit ID", "Manager ID", "E-mail"],
    ["P1", "Ada", "U1", null, "ada@example.com"],
    ["P2", "Ben", "U2", "P1", "ben@example.com"],
    ["P3", "Cy", "U2", "P2", null],
  ],
  KRAs: [
    ["KRA ID", "KRA", "Owner", "Weight"],
    ["R1", "Company", "U1", 1],
    ["R2", "Sales", "P2", 1],
    ["R3", "Deals", "P3", 1],
  ],
  KPIs: [
    ["KPI ID", "KRA ID", "KPI", "Target", "Frequency"],
    ["K1", "R1", "Revenue", 100, "monthly"],
    ["K2", "R2", "Pipeline", 100, "quarterly"],
    ["K3", "R3", "Deals", 10, "monthly"],
    ["K4", "R3", "Courses", 2, "annual"],
    ["K5", "R3", "Calls", 50, "weekly"],
  ],
  Actuals: [["KPI ID", "Period", "Actual"], ...checkIns],
  Settings: [
    ["Setting", "Value"],
    ["Cycle Start", "2026-01-01"],
    ["Cycle End", "2026-12-31"],
    ...settings,
  ],
});

describe("checkInRound", () => {
  it("opens every ended period without a check-in, by each KPI's frequency", () => {
    const a = analyze(
      sheets([
        ["K1", "2026-01", 10],
        ["K1", "2026-02-15", 10],
        ["K2", "2026-Q1", 10],
        ["K3", "2026-03", 1],
      ]),
      { asOf: day(2026, 4, 10) }
    );
    const round = checkInRound(a, { by: "owner" });
    const open = (id: string) =>
      round.recipients
        .flatMap((r) => r.open)
        .filter((o) => o.kpi === id)
        .map((o) => o.label);
    // A mid-month date counts for its month; April has not ended on 10 April.
    expect(open("K1")).toEqual(["Mar 2026"]);
    expect(open("K2")).toEqual([]);
    expect(open("K3")).toEqual(["Jan 2026", "Feb 2026"]);
    // The annual period is the cycle, not over yet.
    expect(open("K4")).toEqual([]);
    // ISO weeks from the cycle's first, up to the last ended Sunday (5 April 2026).
    expect(open("K5")[0]).toBe("2026-01-04");
    expect(open("K5")[open("K5").length - 1]).toBe("2026-04-05");
    expect(round.cycle).toBe("2026-01-01 to 2026-12-31");
  });

  it("asks each KPI of one recipient only: by owner, by manager, by unit", () => {
    const a = analyze(sheets([]), { asOf: day(2026, 2, 28) });
    const files = (by: "owner" | "manager" | "unit") =>
      Object.fromEntries(
        checkInRound(a, { by }).recipients.map((r) => [r.id, r.kpis.map((k) => k.id)])
      );
    expect(files("owner")).toEqual({ U1: ["K1"], P2: ["K2"], P3: ["K3", "K4", "K5"] });
    // A unit's KPIs go to its head; a person's to their manager; the top person to themselves.
    expect(files("manager")).toEqual({ P1: ["K1", "K2"], P2: ["K3", "K4", "K5"] });
    expect(files("unit")).toEqual({ U1: ["K1"], U2: ["K2", "K3", "K4", "K5"] });
  });

  it("takes e-mail addresses from an E-mail column of the People sheet, a unit's from its head", () => {
    const a = analyze(sheets([]), { asOf: day(2026, 2, 28) });
    const emails = Object.fromEntries(
      checkInRound(a, { by: "owner" }).recipients.map((r) => [r.id, r.email])
    );
    expect(emails).toEqual({ U1: "ada@example.com", P2: "ben@example.com", P3: null });
  });

  it("uses the cycle as the annual period, and nothing before Cycle Start", () => {
    const a = analyze(sheets([["K4", "2025-12-31", 1]], [["As Of", "2026-12-31"]]));
    const open = checkInRound(a, { by: "owner" }).recipients.flatMap((r) => r.open);
    expect(open.filter((o) => o.kpi === "K4").map((o) => o.label)).toEqual(["2026-12-31"]);
    expect(open.filter((o) => o.kpi === "K1")).toHaveLength(12);
  });
});
