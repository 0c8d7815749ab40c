/**
 * The pane's engine as the worker runs it: the view it sends the page, the tree it hands out a
 * level at a time, its searches, and file mode over a reader/writer of the xlsx-io shape.
 */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { sortFindings } from "../../../src/engine/report";
import { CascadeIndex, named } from "../../../src/taskpane/worker/cascade-index";
import { createPaneEngine } from "../../../src/taskpane/worker/pane-engine";
import { Progress } from "../../../src/taskpane/worker/pane-engine";
import { fakeXlsxIo, gridsOf, jsonBytes } from "../../support/fake-xlsx-io";
import { KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";
import { sampleGrids } from "./sample-grids";

function indexOf(grids = sampleGrids()) {
  const analysis = analyzeWorkbook(grids);
  return new CascadeIndex(analysis, sortFindings(analysis.findings));
}

describe("the cascade index", () => {
  it("hands out the tree a level at a time, names first with IDs in brackets", () => {
    const index = indexOf();
    const [goal] = index.rootRows();
    expect(goal).toMatchObject({ level: "Goal", label: "Grow (G1)", childCount: 1 });
    const [objective] = index.children(goal.key);
    const kras = index.children(objective.key);
    expect(kras.map((k) => [k.label, k.owner])).toEqual([
      ["KRA R1 (R1)", "Company (ORG)"],
      ["KRA R2 (R2)", "Company (ORG)"],
      ["KRA R3 (R3)", "Company (ORG)"],
    ]);
    expect(index.children(kras[0].key).map((k) => k.id)).toEqual(["K1"]);
  });

  it("finds nodes by ID, name or owner, every word, and says how many there are in all", () => {
    const index = indexOf();
    expect(index.search("r2", 10).rows.map((r) => r.id)).toEqual(["R2"]);
    const byOwner = index.search("company", 2);
    expect(byOwner.total).toBe(6); // three KRAs and three KPIs
    expect(byOwner.rows).toHaveLength(2);
    expect(byOwner.rows[0].path).toBe("Grow (G1) › Sell more (O1)");
    expect(index.search("company k3", 10).rows.map((r) => r.id)).toEqual(["K3"]);
    expect(index.search("  ", 10).total).toBe(0);
  });

  it("finds the findings on a person's records by the person's name", () => {
    const grids = workbook({
      People: [
        ["Person ID", "Name"],
        ["P1", "Ann Lee"],
      ],
      KRAs: [KRA_HEADER, kra("R1", { owner: "P1" }), kra("R2", { owner: "P1" })],
      KPIs: [KPI_HEADER, kpi("K1", { target: "TBD" }), kpi("K2", { kra: "R2" })],
    });
    const analysis = analyzeWorkbook(grids);
    const findings = sortFindings(analysis.findings);
    const index = new CascadeIndex(analysis, findings);
    const found = index.matchingFindings("ann lee").map((i) => findings[i]);
    expect(found.map((f) => f.id)).toContain("K1");
    expect(
      found.every((f) => f.id === "K1" || f.id === "P1" || f.id === "R1" || f.id === "R2")
    ).toBe(true);
  });

  it("names a thing by its name with the ID in brackets, or its ID alone", () => {
    expect(named("Ann Lee", "P1")).toBe("Ann Lee (P1)");
    expect(named(null, "P1")).toBe("P1");
    expect(named("P1", "P1")).toBe("P1");
  });
});

describe("writing a file", () => {
  it("reads the file, writes the build into it and reads it again, reporting each stage", async () => {
    const engine = createPaneEngine(async () => fakeXlsxIo);
    const stages: Progress[] = [];
    const view = await engine.openFile(jsonBytes(sampleGrids()), "sample.xlsx", (p) =>
      stages.push(p)
    );
    expect(view.overview.findings.error).toBe(2);
    expect(stages.map((s) => s.stage)).toEqual([
      "Reading the workbook",
      "Checking the cascade",
      "Preparing the screens",
    ]);
    stages.length = 0;
    const written = await engine.writeFile("build", (p) => stages.push(p));
    expect(written.sheets).toEqual([
      "KPI Scorecard",
      "KPI Cascade",
      "KPI Findings",
      "KPI Dashboard",
    ]);
    expect(stages.map((s) => s.percent)).toEqual(
      [...stages.map((s) => s.percent)].sort((a, b) => a - b)
    );
    expect(stages[0].stage).toBe("Planning the sheets");
    const saved = gridsOf(await engine.fileBytes()).sheets.map((s) => s.name);
    expect(saved).toContain("KPI Dashboard");
    expect(written.view.overview.findings.error).toBe(2);
  });

  it("leaves the file as it was when a write fails", async () => {
    const failing = {
      ...fakeXlsxIo,
      writePlan: async () => Promise.reject(new Error("disk full")),
    };
    const engine = createPaneEngine(async () => failing);
    const bytes = jsonBytes(sampleGrids());
    await engine.openFile(bytes, "sample.xlsx", () => undefined);
    await expect(engine.writeFile("build", () => undefined)).rejects.toThrow("disk full");
    expect(await engine.fileBytes()).toEqual(bytes);
  });
});
