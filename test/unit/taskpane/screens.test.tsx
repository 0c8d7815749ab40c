/**
 * @jest-environment jsdom
 *
 * Every screen of the task pane over a fake workbook port: what it shows, and what it asks the
 * workbook to do.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/components/App";
import { Session, useSession } from "../../../src/taskpane/use-session";
import { WorkbookPort } from "../../../src/taskpane/workbook-port";
import { FakePort } from "../../support/fake-port";
import { KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";

function sampleGrids() {
  return workbook({
    Org: [
      ["Unit ID", "Unit Name", "Parent Unit ID"],
      ["ORG", "Company", null],
      ["OPS", "Operations", "ORG"],
    ],
    Goals: [
      ["Goal ID", "Goal"],
      ["G1", "Grow"],
    ],
    Objectives: [
      ["Objective ID", "Goal ID", "Objective"],
      ["O1", "G1", "Sell more"],
    ],
    KRAs: [
      KRA_HEADER,
      kra("R1", { owner: "ORG", objective: "O1", weight: 50 }),
      kra("R2", { owner: "ORG", objective: "O1", weight: 50 }),
      kra("R3", { owner: "ORG", objective: "O1" }),
      kra("R1", { owner: "ORG" }),
    ],
    KPIs: [
      KPI_HEADER,
      kpi("K1", { actual: 95 }),
      kpi("K2", { kra: "R2", actual: 80 }),
      kpi("K3", { kra: "R3", target: "TBD" }),
    ],
    Settings: [
      ["Setting", "Value"],
      ["As Of", "2026-06-30"],
    ],
  });
}

let session: Session;
function Harness({ host }: { host: string | null }) {
  session = useSession();
  return <App session={session} host={host} />;
}

async function renderPane(port: WorkbookPort, host: string | null = "Excel") {
  render(
    <FluentProvider theme={webLightTheme}>
      <Harness host={host} />
    </FluentProvider>
  );
  await act(() => session.open(port));
  await screen.findByTestId("org-score");
}

const user = () => userEvent.setup();

beforeAll(() => {
  // jsdom has no layout: Fluent's positioning asks for these.
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

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

  it("shows long groups a page at a time", async () => {
    const rows = Array.from({ length: 130 }, (_, i) => kpi(`K${i}`, { kra: "nowhere" }));
    await renderPane(
      new FakePort(workbook({ KRAs: [KRA_HEADER, kra("R1")], KPIs: [KPI_HEADER, ...rows] }))
    );
    await user().click(screen.getByRole("tab", { name: "Findings" }));
    const errors = screen.getByRole("region", { name: "Errors" });
    expect(within(errors).getAllByRole("listitem")).toHaveLength(100);
    await user().click(screen.getByRole("button", { name: "Show all 130" }));
    expect(within(errors).getAllByRole("listitem")).toHaveLength(130);
  });
});

describe("Model", () => {
  it("shows the cascade as a tree with owners, scores and statuses", async () => {
    await renderPane(new FakePort(sampleGrids()));
    await user().click(screen.getByRole("tab", { name: "Model" }));
    const goal = screen.getByRole("treeitem", { name: /^Goal G1: Grow, score 87\.5%/ });
    expect(goal).toBeTruthy();
    await user().click(screen.getByRole("treeitem", { name: /^Objective O1: Sell more/ }));
    await user().click(
      await screen.findByRole("treeitem", {
        name: /^KRA R1: KRA R1, owner Company \(ORG\), score 95\.0%/,
      })
    );
    expect(
      await screen.findByRole("treeitem", {
        name: "KPI K1: KPI K1, owner Company (ORG), score 95.0%, amber",
      })
    ).toBeTruthy();
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
    ]);
    expect(screen.queryByRole("button", { name: "Download the workbook" })).toBeNull(); // Excel saves itself
    expect(port.reads).toBe(2); // read again after writing
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

describe("the shell", () => {
  it("offers to open a file in a browser, and has labelled tabs once a workbook is open", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Harness host={null} />
      </FluentProvider>
    );
    expect(screen.getByRole("button", { name: "Open an .xlsx workbook" })).toBeTruthy();
    expect(screen.getByLabelText("Workbook file")).toBeTruthy();
    await act(() => session.open(new FakePort(sampleGrids(), "file")));
    const tabs = await screen.findByRole("tablist", { name: "Screens" });
    expect(within(tabs).getAllByRole("tab")).toHaveLength(6);
    for (const name of ["Overview", "Findings", "Model", "Build", "Mapping", "Settings"])
      expect(within(tabs).getByRole("tab", { name })).toBeTruthy();
  });

  it("says so when the workbook cannot be read", async () => {
    const port = new FakePort(sampleGrids());
    port.readGrids = async () => {
      throw new Error("The workbook is busy.");
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <Harness host="Excel" />
      </FluentProvider>
    );
    await act(() => session.open(port));
    expect(screen.getByRole("alert").textContent).toBe("The workbook is busy.");
  });
});
