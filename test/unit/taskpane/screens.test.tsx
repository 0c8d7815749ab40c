/**
 * @jest-environment jsdom
 *
 * Every screen of the task pane over a fake workbook port: what it shows, and what it asks the
 * workbook to do.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import { FakePort } from "../../support/fake-port";
import { stubResizeObserver } from "../../support/jsdom-layout";
import { KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";
import { gridsOf, jsonBytes } from "../../support/fake-xlsx-io";
import { engine, renderPane, renderShell, sampleGrids, session, user } from "./pane-harness";

beforeAll(stubResizeObserver);

describe("Overview", () => {
  it("shows the sheets' roles, counts, findings, statuses and the organisation's score", async () => {
    await renderPane(new FakePort(sampleGrids()));
    expect(screen.getByText("2 errors")).toBeTruthy(); // the second R1, the target "TBD"
    for (const badge of ["0 green", "1 amber", "1 red", "1 not scored"])
      expect(screen.getByText(badge)).toBeTruthy();
    const roles = screen.getByRole("table", { name: "Which sheet holds what" });
    const people = within(roles).getByText("People").closest("tr") as HTMLElement;
    expect(within(people).getByText("not found")).toBeTruthy();
    expect(screen.getByText("As of 2026-06-30.", { exact: false })).toBeTruthy();
    // ORG is the one top unit: its KRAs R1 (0.95, weight 50) and R2 (0.8, weight 50) — R3
    // has no scored KPI — give (0.95 + 0.8) / 2.
    expect(screen.getByTestId("org-score").textContent).toBe("87.5%");
    // The rating with its label, never a bare number.
    expect(screen.getByText(/^Rating 2: Partially achieved\. As of/)).toBeTruthy();
  });
});

describe("Findings", () => {
  it("groups by severity, filters by rule and sheet, and selects the cell in Excel", async () => {
    const port = new FakePort(sampleGrids());
    await renderPane(port);
    await user().click(screen.getByRole("tab", { name: "Findings" }));
    expect(screen.getByRole("heading", { name: "Errors (2)" })).toBeTruthy();
    const duplicate = screen.getByRole("button", { name: /^KRAs!A5, duplicate-id/ });
    await user().click(duplicate);
    expect(port.selected).toEqual(["KRAs!A5"]);
    expect(screen.queryByTestId("row-preview")).toBeNull();

    await user().selectOptions(screen.getByLabelText("Rule"), "invalid-number");
    expect(screen.queryByRole("button", { name: /duplicate-id/ })).toBeNull();
    expect(screen.getByRole("button", { name: /^KPIs!F4, invalid-number/ })).toBeTruthy();
    await user().selectOptions(screen.getByLabelText("Rule"), "");
    await user().selectOptions(screen.getByLabelText("Sheet"), "KRAs");
    expect(screen.queryByRole("button", { name: /invalid-number/ })).toBeNull();
  });

  it("shows the row in file mode, where there is no cell to select", async () => {
    const port = new FakePort(sampleGrids(), "file");
    await renderPane(port, null);
    await user().click(screen.getByRole("tab", { name: "Findings" }));
    await user().click(screen.getByRole("button", { name: /^KPIs!F4, invalid-number/ }));
    const preview = await screen.findByTestId("row-preview");
    expect(preview.textContent).toContain("Row 4 of KPIs");
    expect(preview.textContent).toContain("Target: TBD");
  });

  it("draws a long list a window at a time, and the keyboard reaches its end", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => kpi(`K${i}`, { kra: "nowhere" }));
    await renderPane(
      new FakePort(workbook({ KRAs: [KRA_HEADER, kra("R1")], KPIs: [KPI_HEADER, ...rows] }))
    );
    await user().click(screen.getByRole("tab", { name: "Findings" }));
    expect(screen.getByRole("heading", { name: "Errors (2,000)" })).toBeTruthy();
    await user().selectOptions(screen.getByLabelText("Rule"), "unknown-reference");
    const list = screen.getByTestId("findings-list");
    // A flood: one row with the count, until opened.
    const flood = within(list).getByRole("button", {
      name: /^KPIs!B2, unknown-reference: .*Show all 2000\.$/,
    });
    expect(flood.getAttribute("aria-label")).toContain(
      "— and 1,999 more like it in KPIs!B2:B2001."
    );
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    await user().click(flood);
    const drawn = within(list).getAllByRole("listitem");
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(40);
    const first = within(list).getByRole("button", { name: /^KPIs!B2, unknown-reference: [^—]*$/ });
    first.focus();
    await user().keyboard("{End}");
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(
      /^KPIs!B2001, unknown-reference/
    );
    await user().keyboard("{ArrowUp}");
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(
      /^KPIs!B2000, unknown-reference/
    );
    expect(within(list).getAllByRole("listitem").length).toBeLessThan(40);
    // Closed again, from the row above the opened findings, the list's first.
    await user().keyboard("{Home}");
    expect(document.activeElement?.textContent).toBe(
      "Show the 2,000 unknown-reference findings on KPIs as one"
    );
    await user().keyboard("{Enter}");
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
  });

  it("shows hundreds of duplicate IDs on one sheet as one finding with the count", async () => {
    const copies = Array.from({ length: 300 }, () => kpi("K1"));
    await renderPane(
      new FakePort(workbook({ KRAs: [KRA_HEADER, kra("R1")], KPIs: [KPI_HEADER, ...copies] }))
    );
    await user().click(screen.getByRole("tab", { name: "Findings" }));
    expect(screen.getByRole("heading", { name: "Errors (299)" })).toBeTruthy();
    const list = screen.getByTestId("findings-list");
    const rows = within(list).getAllByRole("button");
    expect(
      rows.map((b) => b.getAttribute("aria-label")).filter((l) => /duplicate-id/.test(l ?? ""))
    ).toEqual([
      "KPIs!A3, duplicate-id: KPI ID K1 is used again here; the first row (A2) is the one used and this one is ignored. Give this row its own ID or delete it — and 298 more like it in KPIs!A3:A301. Show all 299.",
    ]);
  });

  it("finds the findings on a person's or unit's records by name", async () => {
    await renderPane(new FakePort(sampleGrids()));
    await user().click(screen.getByRole("tab", { name: "Findings" }));
    const search = screen.getByRole("searchbox", { name: "Search people, units, KRAs and KPIs" });
    await user().type(search, "k3");
    await screen.findByText('1 match for "k3"');
    expect(screen.getByRole("button", { name: /^KPIs!F4, invalid-number/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /duplicate-id/ })).toBeNull();
    // All three concern the unit ORG, whose name is Company, or records it owns.
    await user().clear(search);
    await user().type(search, "company");
    await screen.findByText('3 matches for "company"');
  });
});

describe("Model", () => {
  it("shows the cascade as a tree, names first, with owners, scores and statuses", async () => {
    await renderPane(new FakePort(sampleGrids()));
    await user().click(screen.getByRole("tab", { name: "Model" }));
    expect(
      await screen.findByRole("treeitem", { name: /^Goal Grow \(G1\), score 87\.5%/ })
    ).toBeTruthy();
    await user().click(
      await screen.findByRole("treeitem", { name: /^Objective Sell more \(O1\)/ })
    );
    await user().click(
      await screen.findByRole("treeitem", {
        name: /^KRA KRA R1 \(R1\), owner Company \(ORG\), score 95\.0%/,
      })
    );
    expect(
      await screen.findByRole("treeitem", {
        name: "KPI KPI K1 (K1), owner Company (ORG), score 95.0%, amber",
      })
    ).toBeTruthy();
  });

  it("opens an objective of 3,000 KRAs a window at a time, from the keyboard", async () => {
    const kras = Array.from({ length: 3000 }, (_, i) =>
      kra(`R${i}`, { owner: "ORG", objective: "O1" })
    );
    const grids = sampleGrids();
    grids.sheets = grids.sheets.map((s) =>
      s.name === "KRAs" ? { ...s, rows: [KRA_HEADER, ...kras] } : s
    );
    await renderPane(new FakePort(grids));
    await user().click(screen.getByRole("tab", { name: "Model" }));
    const objective = await screen.findByRole("treeitem", { name: /^Objective Sell more/ });
    objective.focus();
    await user().keyboard("{ArrowRight}");
    await screen.findByRole("treeitem", { name: /^KRA KRA R0 \(R0\)/ });
    expect(screen.getAllByRole("treeitem").length).toBeLessThan(40);
    await user().keyboard("{End}");
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(/^KRA KRA R2999 \(R2999\)/);
    await user().keyboard("{Home}");
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(/^Goal Grow/);
  });

  it("lists the nodes a search finds, each with its path", async () => {
    await renderPane(new FakePort(sampleGrids()));
    await user().click(screen.getByRole("tab", { name: "Model" }));
    await user().type(screen.getByRole("searchbox"), "k2");
    await screen.findByText("1 match");
    const list = screen.getByRole("list", { name: "Matches in the cascade" });
    expect(within(list).getByRole("listitem").getAttribute("aria-label")).toBe(
      "KPI KPI K2 (K2), owner Company (ORG), score 80.0%, red, in Grow (G1) › Sell more (O1) › KRA R2 (R2)"
    );
    // The search stays as one moves to Findings.
    await user().click(screen.getByRole("tab", { name: "Findings" }));
    expect((screen.getByRole("searchbox") as HTMLInputElement).value).toBe("k2");
  });
});

describe("Build", () => {
  it("writes the four generated sheets and says what it wrote", async () => {
    const port = new FakePort(sampleGrids());
    await renderPane(port);
    await user().click(screen.getByRole("tab", { name: "Build" }));
    await user().click(screen.getByRole("button", { name: "Build scorecards" }));
    await screen.findByText(
      /^Wrote KPI Scorecard, KPI Cascade, KPI Findings, KPI Dashboard in \d+\.\d s\.$/
    );
    expect(port.plans[0].sheets.map((s) => s.kind)).toEqual([
      "scorecard",
      "cascade",
      "findings",
      "dashboard",
      "lastbuild",
    ]);
    expect(screen.queryByRole("button", { name: "Download the workbook" })).toBeNull(); // Excel saves itself
    expect(port.reads).toBe(2); // read again after writing
  });

  it("says which marked sheets it kept because they were changed by hand", async () => {
    const port = new FakePort(sampleGrids());
    port.keptOnWrite = ["KPI Cascade"];
    await renderPane(port);
    await user().click(screen.getByRole("tab", { name: "Build" }));
    await user().click(screen.getByRole("button", { name: "Build scorecards" }));
    await screen.findByText(/"KPI Cascade" was changed since it was built .* kept as it is/);
  });

  it("reports a failure and that nothing was written", async () => {
    const port = new FakePort(sampleGrids());
    port.failWrites = "RequestPayloadSizeLimitExceeded";
    await renderPane(port);
    await user().click(screen.getByRole("tab", { name: "Build" }));
    await user().click(screen.getByRole("button", { name: "Build scorecards" }));
    expect(
      await screen.findByText("Nothing was written: RequestPayloadSizeLimitExceeded")
    ).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("inserts the template sheets that are missing, or the ones picked", async () => {
    const port = new FakePort(sampleGrids());
    await renderPane(port);
    await user().click(screen.getByRole("tab", { name: "Build" }));
    // People and Actuals are missing from the workbook, so they are ticked.
    expect((screen.getByRole("checkbox", { name: "People" }) as HTMLInputElement).checked).toBe(
      true
    );
    expect(
      (screen.getByRole("checkbox", { name: "KPIs (you have one)" }) as HTMLInputElement).checked
    ).toBe(false);
    await user().click(screen.getByRole("checkbox", { name: "KPIs (you have one)" }));
    await user().click(screen.getByRole("button", { name: "Insert template" }));
    await screen.findByText("Added People, KPIs, Actuals. Your own sheets were not changed.");
    expect(port.plans[0].sheets.every((s) => s.kind === "template")).toBe(true);
  });
});

describe("Mapping", () => {
  it("saves the sheet and column choices as Settings rows", async () => {
    const grids = sampleGrids();
    grids.sheets.push({
      name: "Measures 2026",
      rows: [
        ["Code", "KRA ID", "KPI", "Aim"],
        ["M1", "R1", "Margin", 10],
      ],
    });
    const port = new FakePort(grids);
    await renderPane(port);
    await user().click(screen.getByRole("tab", { name: "Mapping" }));
    await user().selectOptions(screen.getByLabelText("Sheet holding KPIs"), "Measures 2026");
    await user().click(screen.getByRole("button", { name: "Save 1 mapping" }));
    await waitFor(() => expect(port.edits).toHaveLength(1));
    expect(port.edits[0].writes).toEqual([
      { address: "A3", value: "Sheet KPIs" },
      { address: "B3", value: "Measures 2026" },
    ]);
    const kpis = await screen.findByRole("region", { name: "KPIs mapping" });
    await user().selectOptions(within(kpis).getByLabelText("KPI ID *"), "Code");
    await user().selectOptions(within(kpis).getByLabelText("Target *"), "Aim");
    await user().click(screen.getByRole("button", { name: "Save 2 mappings" }));
    await waitFor(() => expect(port.edits).toHaveLength(2));
    expect(port.edits[1].writes.map((w) => w.value)).toEqual([
      "Column KPIs.KPI ID",
      "Code",
      "Column KPIs.Target",
      "Aim",
    ]);
    await screen.findByRole("button", { name: "No changes to save" });
  });
});

describe("Settings", () => {
  it("shows the workbook's settings and saves only what changed", async () => {
    const port = new FakePort(sampleGrids());
    await renderPane(port);
    await user().click(screen.getByRole("tab", { name: "Settings" }));
    expect((screen.getByLabelText("As Of") as HTMLInputElement).value).toBe("2026-06-30");
    expect((screen.getByLabelText("Cap") as HTMLInputElement).value).toBe("1.2");
    await user().clear(screen.getByLabelText("Cap"));
    await user().type(screen.getByLabelText("Cap"), "1.5");
    await user().clear(screen.getByLabelText("As Of"));
    await user().click(screen.getByRole("button", { name: "Save 2 settings" }));
    await waitFor(() => expect(port.edits).toHaveLength(1));
    expect(port.edits[0].writes).toEqual([
      { address: "B2", value: null }, // As Of cleared: today again
      { address: "A3", value: "Cap" },
      { address: "B3", value: 1.5 },
    ]);
    await screen.findByRole("button", { name: "No changes to save" });
    expect((screen.getByLabelText("Cap") as HTMLInputElement).value).toBe("1.5");
  });

  it("creates a Settings sheet where the workbook has none", async () => {
    const grids = sampleGrids();
    grids.sheets = grids.sheets.filter((s) => s.name !== "Settings");
    const port = new FakePort(grids);
    await renderPane(port);
    await user().click(screen.getByRole("tab", { name: "Settings" }));
    await user().selectOptions(screen.getByLabelText("Prorate Targets"), "yes");
    await user().click(screen.getByRole("button", { name: "Save 1 setting" }));
    await waitFor(() => expect(port.edits).toHaveLength(1));
    expect(port.edits[0]).toEqual({
      sheet: "Settings",
      create: true,
      writes: [
        { address: "A1", value: "Setting" },
        { address: "B1", value: "Value" },
        { address: "A2", value: "Prorate Targets" },
        { address: "B2", value: "yes" },
      ],
    });
  });
});

/** Replaces what a field holds, as a person selecting it all and typing would. */
async function retype(label: string, text: string): Promise<void> {
  const field = screen.getByLabelText(label);
  await user().clear(field);
  await user().type(field, text);
}

describe("Settings validation", () => {
  it("shows the engine's objection under the field and saves nothing until it is corrected", async () => {
    const port = new FakePort(sampleGrids());
    await renderPane(port);
    await user().click(screen.getByRole("tab", { name: "Settings" }));
    const cap = screen.getByLabelText("Cap");
    await user().clear(cap);
    await user().type(cap, "abc");
    expect(screen.getByText(/Setting "Cap" is "abc", which is not a number/)).toBeTruthy();
    const save = screen.getByRole("button", { name: "Correct 1 setting to save" });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user().clear(cap);
    await user().type(cap, "1.3");
    await retype("Green At", "0.9");
    await retype("Amber At", "0.95");
    expect(screen.getByText(/Amber At \(0\.95\) is above Green At \(0\.9\)/)).toBeTruthy();
    await user().click(screen.getByRole("button", { name: "Correct 1 setting to save" }));
    await retype("Amber At", "0.85");
    expect(screen.queryByText(/is above Green At/)).toBeNull();
    await user().click(screen.getByRole("button", { name: "Save 3 settings" }));
    await waitFor(() => expect(port.edits).toHaveLength(1));
    expect(
      port.edits[0].writes.filter((w) => w.address.startsWith("B")).map((w) => w.value)
    ).toEqual([1.3, 0.9, 0.85]);
    // Excel keeps the workbook itself: nothing to download.
    await screen.findByText("Saved 3 settings to the Settings sheet.");
    expect(screen.queryByRole("button", { name: "Download the workbook" })).toBeNull();
  });

  it("offers the saved file for download in the browser", async () => {
    await renderPane({ mode: "file", title: "team.xlsx", bytes: jsonBytes(sampleGrids()) }, null);
    await user().click(screen.getByRole("tab", { name: "Settings" }));
    await retype("Cap", "1.5");
    await user().click(screen.getByRole("button", { name: "Save 1 setting" }));
    const download = await screen.findByRole("button", { name: "Download the workbook" });
    const settings = gridsOf(await engine.fileBytes()).sheets.find((s) => s.name === "Settings");
    expect(settings?.rows).toContainEqual(["Cap", 1.5]);
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), "blob:x");
    URL.revokeObjectURL = () => undefined;
    await user().click(download);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
});

describe("the shell", () => {
  it("offers to open a file in a browser, and has labelled tabs once a workbook is open", async () => {
    renderShell(null);
    expect(screen.getByRole("button", { name: "Open a workbook" })).toBeTruthy();
    expect(screen.getByLabelText("Workbook file")).toBeTruthy();
    await act(() => session.open(new FakePort(sampleGrids(), "file")));
    const tabs = await screen.findByRole("tablist", { name: "Screens" });
    const names = ["Overview", "Findings", "What changed", "Model", "Build", "Mapping", "Settings"];
    expect(within(tabs).getAllByRole("tab")).toHaveLength(names.length);
    for (const name of names) expect(within(tabs).getByRole("tab", { name })).toBeTruthy();
  });

  it("shows the stage and how far along it is while the workbook is read", async () => {
    const port = new FakePort(sampleGrids());
    let release = () => undefined as void;
    const read = port.readGrids.bind(port);
    port.readGrids = () => new Promise((resolve) => (release = () => resolve(read())));
    renderShell("Excel");
    let opened: Promise<void> = Promise.resolve();
    act(() => {
      opened = session.open(port);
    });
    expect(await screen.findByText("Reading the workbook… 0%")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Reading the workbook" })).toBeTruthy();
    await act(async () => {
      release();
      await opened;
    });
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("puts focus on the selected tab once a file opens, and opens another without reloading", async () => {
    await renderPane({ mode: "file", title: "team.xlsx", bytes: jsonBytes(sampleGrids()) }, null);
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Overview" }));
    expect(screen.getByText("Checking team.xlsx")).toBeTruthy();
    await user().click(screen.getByRole("button", { name: "Open another workbook" }));
    expect(screen.getByRole("button", { name: "Open a workbook" })).toBeTruthy();
    await act(() =>
      session.open({ mode: "file", title: "other.xlsx", bytes: jsonBytes(sampleGrids()) })
    );
    await screen.findByText("Checking other.xlsx");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Overview" }));
  });

  it("reads Excel's workbook again on request, where there is no other file to open", async () => {
    const port = new FakePort(sampleGrids());
    await renderPane(port);
    expect(screen.queryByRole("button", { name: "Open another workbook" })).toBeNull();
    port.grids.sheets = port.grids.sheets.filter((s) => s.name !== "Goals");
    await user().click(screen.getByRole("button", { name: "Read the workbook again" }));
    await waitFor(() => expect(port.reads).toBe(2));
    const roles = screen.getByRole("table", { name: "Which sheet holds what" });
    const goals = within(roles).getByText("Goals").closest("tr") as HTMLElement;
    await waitFor(() => expect(within(goals).getByText("not found")).toBeTruthy());
  });

  it("says so when the workbook cannot be read", async () => {
    const port = new FakePort(sampleGrids());
    port.readGrids = async () => {
      throw new Error("The workbook is busy.");
    };
    renderShell("Excel");
    await act(() => session.open(port));
    expect(screen.getByRole("alert").textContent).toBe("The workbook is busy.");
  });
});
