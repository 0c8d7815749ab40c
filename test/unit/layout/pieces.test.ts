/** The layout reader's parts (SPEC 2.1, 2.2, 4.2), each on the smallest sheet that shows it. */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { sheetWithMerges } from "../../../src/engine/layout/merges";
import { parseLayoutChoice } from "../../../src/engine/layout/layout-setting";
import { parseTextTarget } from "../../../src/engine/layout/text-target";
import {
  periodEnd,
  periodHeader,
  ratingScale,
  roleOfHeader,
} from "../../../src/engine/layout/vocabulary";
import { isoFromDay } from "../../../src/engine/dates";
import { buildReport } from "../../../src/engine/report";
import { AS_OF, analyze, findingsOf, kpi, minimal, workbook } from "../../support/workbook";

describe("text targets", () => {
  it.each([
    ["> 95%", 0.95, null, "higher"],
    ["≥ 1.0", 1, null, "higher"],
    [">= 40", 40, null, "higher"],
    ["< 2 days", 2, null, "lower"],
    ["at least 90", 90, null, "higher"],
    ["max 5", 5, null, "lower"],
    ["≤ 3%", 0.03, null, "lower"],
    ["95–100%", 0.95, 1, "range"],
    ["between 4 and 6", 4, 6, "range"],
    ["$1.2M", 1_200_000, null, null],
    ["15k", 15_000, null, null],
  ])("%s → %s", (text, target, targetMax, direction) => {
    expect(parseTextTarget(text)).toEqual({ target, targetMax, direction });
  });
  it("leaves prose and plain numbers alone", () => {
    expect(parseTextTarget("(On time deliveries / Total) x 100")).toBeNull();
    expect(parseTextTarget("1,200")).toBeNull();
    expect(parseTextTarget(42)).toBeNull();
  });
});

describe("headers", () => {
  it("knows the words of real workbooks", () => {
    expect(roleOfHeader("Weightage")).toBe("weight");
    expect(roleOfHeader("Weight (%)")).toBe("weight");
    expect(roleOfHeader("% Achieved")).toBe("percent");
    expect(roleOfHeader("Achievement")).toBe("actual");
    expect(roleOfHeader("Sr. No.")).toBe("rowNumber");
    expect(roleOfHeader("#")).toBe("rowNumber");
    expect(roleOfHeader("Perspective")).toBe("kra");
    expect(roleOfHeader("Score (1–5)")).toBe("rating");
    expect(ratingScale("Rating out of 10")).toBe(10);
  });
  it.each([
    ["Jan", "2026-01-31"],
    ["January 2025", "2025-01-31"],
    ["Feb-24", "2024-02-29"],
    ["Q3", "2026-09-30"],
    ["Q1 FY25", "2025-03-31"],
    ["2026-03", "2026-03-31"],
    ["FY24", "2024-12-31"],
    ["H1", "2026-06-30"],
    ["WW1", "2026-01-04"],
  ])("reads the period header %s", (text, end) => {
    const p = periodHeader(text);
    expect(p && isoFromDay(periodEnd(p, 2026) as number)).toBe(end);
  });
  it("does not read KPI words as periods", () => {
    for (const t of ["Target", "Total", "Mark", "KPI", "Marketing"])
      expect(periodHeader(t)).toBeNull();
  });
});

describe("merged cells", () => {
  it("fill down vertically and stay in their first column horizontally", () => {
    const sheet = sheetWithMerges({
      name: "S",
      rows: [["Banner"], ["KRA", "x"], [null, "y"], [null, "z"]],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 3 },
        { top: 1, left: 0, bottom: 3, right: 0 },
      ],
    });
    expect(sheet.rows).toEqual([["Banner"], ["KRA", "x"], ["KRA", "y"], ["KRA", "z"]]);
  });
  it("give the same reading as the value typed on every row", () => {
    const typed = analyze({
      KPIs: [
        ["KRA", "KPI", "Target", "Actual"],
        ["Sales", "a", 1, 1],
        ["Sales", "b", 2, 1],
      ],
    });
    const merged = analyzeWorkbook(
      {
        sheets: [
          {
            name: "KPIs",
            rows: [
              ["KRA", "KPI", "Target", "Actual"],
              ["Sales", "a", 1, 1],
              [null, "b", 2, 1],
            ],
            merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
          },
        ],
      },
      { today: AS_OF }
    );
    expect(buildReport(merged).kras).toEqual(buildReport(typed).kras);
  });
});

describe("findings of the layout reader", () => {
  it("say which header came close when no table is found", () => {
    const a = analyze({ Sheet1: [["Title"], [], ["KPI", "Description"], ["x", "y"]] });
    const f = findingsOf(a, "missing-sheet");
    expect(f[0].message).toContain('sheet "Sheet1" has only "KPI" on row 3');
  });
  it("count the skipped rows once per sheet, at the first", () => {
    const a = analyze({
      KPIs: [
        ["KRA", "KPI", "Target", "Actual"],
        ["Sales"],
        [null, "a", 1, 1],
        ["Total", null, 1, 1],
        ["Note: typed by hand"],
      ],
    });
    const f = findingsOf(a, "skipped-rows");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "info", sheet: "KPIs", cell: "A2" });
    expect(f[0].message).toMatch(/^3 rows of sheet "KPIs" .* sections, totals and footnotes/);
    expect(buildReport(a).kpis.map((k) => k.id)).toEqual(["a"]);
  });
  it("name the columns of an ambiguous header and the one used", () => {
    const a = analyze({
      KPIs: [
        ["KPI", "Target", "Target", "Actual"],
        ["a", 1, 2, 1],
      ],
    });
    const f = findingsOf(a, "ambiguous-column");
    expect(f[0]).toMatchObject({ severity: "warning", sheet: "KPIs", cell: "B1" });
    expect(f[0].message).toContain("(B, C); column B is used");
  });
  it("say when the direction was inferred, and not when it was given", () => {
    const a = analyze(
      minimal({
        kpis: [
          kpi("K4", { baseline: 10, target: 5, actual: 6 }),
          kpi("K5", { baseline: 10, target: 5, actual: 6, direction: "lower" }),
        ],
      })
    );
    const f = findingsOf(a, "inferred-direction");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "info", id: "K4", sheet: "KPIs", cell: "D5" });
    expect(f[0].message).toContain("Target (5) is below its Baseline (10)");
  });
  it("point every cell of a derived row at the user's cell", () => {
    const a = analyze({ Team: [["Title"], ["KPI", "Target", "Actual"], ["a", "lots", 1]] });
    expect(findingsOf(a, "invalid-number")[0]).toMatchObject({ sheet: "Team", cell: "B3" });
    expect(buildReport(a).kpis[0]).toMatchObject({ id: "a", sheet: "Team", cell: "A3" });
  });
});

describe("Layout settings", () => {
  it("read kind, header rows and where owner and period come from", () => {
    expect(
      parseLayoutChoice("kpis; header rows 3-4; periods across; owner from sheet name")
    ).toEqual({
      choice: { kind: "kpis", headerRows: [3, 4], ownerFromSheet: true },
      unread: [],
    });
    expect(parseLayoutChoice("check-ins; period from sheet").choice).toEqual({
      kind: "check-ins",
      periodFromSheet: true,
    });
    expect(parseLayoutChoice("kpis; header row 9-2; sideways").unread).toEqual([
      "header row 9-2",
      "sideways",
    ]);
  });
  it("are honoured: owner from the sheet name, a header row, a sheet ignored", () => {
    const a = analyze({
      "Ana Alvarez": [
        ["KPI", "Target", "Actual", "KRA"],
        ["Calls", 10, 9, "Sales"],
      ],
      Old: [
        ["KPI", "Target", "Actual"],
        ["Legacy", 1, 1],
      ],
      Settings: [
        ["Setting", "Value"],
        ["Layout Ana Alvarez", "kpis; owner from sheet name"],
        ["Layout Old", "ignore"],
      ],
    });
    expect(buildReport(a).kpis.map((k) => k.id)).toEqual(["Ana Alvarez / Calls"]);
    const b = analyze({
      Sheet1: [["KPI list"], ["Name", "Goal", "Result"], ["Calls", 10, 9]],
      Settings: [
        ["Setting", "Value"],
        ["Layout Sheet1", "header row 2"],
      ],
    });
    expect(buildReport(b).kpis.map((k) => [k.id, k.target, k.actual])).toEqual([["Calls", 10, 9]]);
  });
  it("that cannot be read are invalid-value findings on the Settings row", () => {
    const a = analyze({
      KPIs: [
        ["KPI", "Target"],
        ["a", 1],
      ],
      Settings: [
        ["Setting", "Value"],
        ["Layout Nowhere", "kpis"],
        ["Layout KPIs", "sideways"],
      ],
    });
    const f = findingsOf(a, "invalid-value");
    expect(f.map((x) => x.cell)).toEqual(["B2", "B3"]);
    expect(f[1].message).toContain('"sideways"');
  });
});

describe("period targets (SPEC 4.2)", () => {
  it("from a Targets sheet: bad cells are findings and the rest still count", () => {
    const base = minimal();
    const a = analyzeWorkbook(
      workbook({
        ...base,
        Targets: [
          ["KPI ID", "Period", "Target"],
          ["K1", "someday", 5],
          ["K1", "2026-01", "lots"],
          ["K1", "2026-02", 7],
        ],
      }),
      { today: AS_OF }
    );
    expect(findingsOf(a, "invalid-date")[0]).toMatchObject({ sheet: "Targets", cell: "B2" });
    expect(findingsOf(a, "invalid-number")[0]).toMatchObject({ sheet: "Targets", cell: "C3" });
    const k1 = buildReport(a).kpis.find((k) => k.id === "K1");
    expect(k1?.target).toBe(7);
    expect(k1?.originalTarget).not.toBe(7);
  });
});
