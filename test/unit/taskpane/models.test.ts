/** The task pane's pure view models: settings form, row preview, mapping changes, theme. */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { DEFAULT_SETTINGS } from "../../../src/engine/settings";
import { mappingChanges, mappingOf } from "../../../src/taskpane/model/mapping";
import { rowPreview } from "../../../src/taskpane/model/row-preview";
import { changedSettings, formOf, settingErrors } from "../../../src/taskpane/model/settings-form";
import { luminance, themeFor } from "../../../src/taskpane/theme";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { AS_OF, kpi, minimal, workbook } from "../../support/workbook";

describe("the settings form", () => {
  it("shows the defaults, and writes only changed fields, clearing the ones set back to default", () => {
    const before = formOf({ ...DEFAULT_SETTINGS, cap: 1.3 });
    expect(before).toMatchObject({
      Cap: "1.3",
      "Rating Bands": "1.10, 1.00, 0.90, 0.75",
      "As Of": "",
    });
    const after = {
      ...before,
      Cap: "1.2",
      Floor: " 0.1 ",
      "As Of": "2026-03-31",
      "Prorate Targets": "yes",
    };
    expect([...changedSettings(before, after)]).toEqual([
      ["As Of", "2026-03-31"],
      ["Cap", null],
      ["Floor", 0.1],
      ["Prorate Targets", "yes"],
    ]);
  });

  it("keeps text that is not a number as text, for the engine to report", () => {
    const before = formOf(DEFAULT_SETTINGS);
    expect(changedSettings(before, { ...before, Cap: "lots" }).get("Cap")).toBe("lots");
  });

  it("writes numbers as the engine reads them: 95% is 0.95", () => {
    const before = formOf(DEFAULT_SETTINGS);
    expect(changedSettings(before, { ...before, "Amber At": "85%" }).get("Amber At")).toBe(0.85);
  });

  it("has the engine's findings on the fields they concern, and none on a clean form", () => {
    const form = formOf(DEFAULT_SETTINGS);
    expect(settingErrors(form)).toEqual({});
    expect(settingErrors({ ...form, "As Of": "2026-06-30", Cap: "abc" })).toEqual({
      Cap: expect.stringContaining('Setting "Cap" is "abc", which is not a number'),
    });
    expect(settingErrors({ ...form, "Green At": "0.9", "Amber At": "0.95" })).toEqual({
      "Amber At": expect.stringContaining("Amber At (0.95) is above Green At (0.9)"),
    });
    expect(
      Object.keys(settingErrors({ ...form, "KRA Count Min": "2.5", "Rating Bands": "1, 2" }))
    ).toEqual(["Rating Bands", "KRA Count Min"]);
  });
});

describe("the row preview", () => {
  it("pairs the header with the row's values and marks the finding's cell", () => {
    const grids = workbook(minimal({ kpis: [kpi("K9", { target: "TBD" })] }));
    const analysis = analyzeWorkbook(grids, { today: AS_OF });
    const finding = analysis.findings.find((f) => f.rule === "invalid-number");
    expect(finding).toMatchObject({ sheet: "KPIs", cell: "F5" });
    const preview = rowPreview(grids, Object.values(analysis.model.regions), "KPIs", "F5");
    expect(preview?.row).toBe(5);
    expect(preview?.cells.find((c) => c.target)).toEqual({
      header: "Target",
      value: "TBD",
      target: true,
    });
    expect(preview?.cells.map((c) => c.header)).toContain("KPI ID");
    expect(rowPreview(grids, [], "Nowhere", "A1")).toBeNull();
  });
});

describe("the mapping", () => {
  it("turns changed choices into Sheet and Column settings", () => {
    const analysis = analyzeWorkbook(workbook(minimal()), { today: AS_OF });
    const found = mappingOf(analysis);
    const kpis = found.find((m) => m.kind === "kpis");
    expect(kpis?.sheet).toBe("KPIs");
    expect(kpis?.fields.find((f) => f.key === "target")?.header).toBe("Target");
    const draft = found.map((m) =>
      m.kind === "kpis"
        ? {
            ...m,
            fields: m.fields.map((f) => (f.key === "target" ? { ...f, header: "Target Max" } : f)),
          }
        : m.kind === "goals"
          ? { ...m, sheet: "KRAs" }
          : m
    );
    expect([...mappingChanges(found, draft)]).toEqual([
      ["Sheet Goals", "KRAs"],
      ["Column KPIs.Target", "Target Max"],
    ]);
  });
});

describe("the theme", () => {
  it("follows Office's background in Excel and the colour scheme in a browser", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("nonsense")).toBeNull();
    expect(themeFor("#1f1f1f", false)).toBe(webDarkTheme);
    expect(themeFor("#FFFFFF", true)).toBe(webLightTheme);
    expect(themeFor(undefined, true)).toBe(webDarkTheme);
  });
});
