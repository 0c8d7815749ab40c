/**
 * @jest-environment jsdom
 *
 * The "What changed" screen: the figures the last build kept in the workbook against the
 * workbook now, as `kpi-cascade diff <built.xlsx>` gives them — in Excel (over the fake port) and
 * for a file built in the pane.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { CellValue, WorkbookGrids } from "../../../src/engine/grid";
import { LAST_BUILD_SHEET, planLastBuild } from "../../../src/planner/last-build";
import { FakePort } from "../../support/fake-port";
import { jsonBytes, planValues } from "../../support/fake-xlsx-io";
import { stubResizeObserver } from "../../support/jsdom-layout";
import { AS_OF, KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";
import { renderPane, session, user } from "./pane-harness";

beforeAll(stubResizeObserver);

/** A unit with two KRAs of KPIs whose actuals come from monthly check-ins. */
function sales(): WorkbookGrids {
  return workbook({
    Org: [
      ["Unit ID", "Unit Name", "Parent Unit ID"],
      ["ORG", "Company", null],
    ],
    KRAs: [
      KRA_HEADER,
      kra("R1", { name: "Revenue", owner: "ORG", weight: 60 }),
      kra("R2", { name: "Customers", owner: "ORG", weight: 40 }),
    ],
    KPIs: [
      KPI_HEADER,
      kpi("K1", { name: "Deals closed", aggregation: "sum", target: 120, actual: null }),
      kpi("K2", { name: "New logos", kra: "R2", target: 10, actual: null, aggregation: "sum" }),
      kpi("K3", { name: "Churned accounts", kra: "R2", target: 4, direction: "lower", actual: 3 }),
    ],
    Actuals: [
      ["KPI ID", "Period", "Actual"],
      ["K1", "2026-04", 30],
      ["K1", "2026-05", 35],
      ["K2", "2026-04", 2],
      ["K2", "2026-05", 3],
    ],
    Settings: [
      ["Setting", "Value"],
      ["As Of", "2026-06-30"],
    ],
  });
}

/** The workbook with the figures of a build of it, as the build leaves it. */
function built(grids: WorkbookGrids): WorkbookGrids {
  const plan = planLastBuild(analyzeWorkbook(grids, { today: AS_OF }));
  return {
    ...grids,
    sheets: [...grids.sheets, { name: LAST_BUILD_SHEET, rows: planValues(plan) }],
  };
}

const rows = (grids: WorkbookGrids, sheet: string) =>
  grids.sheets.find((s) => s.name === sheet)?.rows as CellValue[][];

async function openChanges(grids: WorkbookGrids): Promise<void> {
  await renderPane(new FakePort(grids));
  await user().click(screen.getByRole("tab", { name: "What changed" }));
}

describe("What changed", () => {
  it("lists each score that moved since the last build, largest first, with the changes behind it", async () => {
    const grids = built(sales());
    rows(grids, "Actuals")[2][2] = 55; // K1, May: 35 → 55 (an analyst's correction)
    rows(grids, "Actuals").push(["K2", "2026-06", 4]); // K2: June's check-in
    rows(grids, "KPIs")[3][5] = 3; // K3's target 4 → 3 (lower is better: 3 of 3 is no longer 120%)
    await openChanges(grids);

    expect(await screen.findByRole("heading", { name: "Since the last build" })).toBeTruthy();
    expect(
      screen.getByText("The last build and the workbook now are both as of 2026-06-30.")
    ).toBeTruthy();
    expect(screen.getByText("3 changes")).toBeTruthy();
    expect(screen.getByText("1 owner moved")).toBeTruthy();
    expect(screen.getByText("2 KRAs moved")).toBeTruthy();
    expect(screen.getByText("3 KPIs moved")).toBeTruthy();

    const list = screen.getByTestId("movements-list");
    const items = within(list).getAllByRole("button");
    const labels = items.map((b) => b.getAttribute("aria-label") ?? "");
    // K2 doubles (5 → 9 of 10 logos): the largest movement comes first.
    expect(labels[0]).toMatch(
      /^KPI K2 New logos: 50\.0% to 90\.0%, \+40\.0 pts\. New check-in for KPI K2, period ending 2026-06-30: 4$/
    );
    expect(labels).toContainEqual(
      expect.stringMatching(
        /^KPI K1 Deals closed: 54\.2% to 70\.8%, \+16\.7 pts\. Check-in for KPI K1, period ending 2026-05-31, edited: 35 → 55$/
      )
    );
    expect(labels).toContainEqual(expect.stringMatching(/^Owner ORG Company: .* And 2 more\.$/));
    // Sizes never grow down the list.
    const sizes = labels.map((l) =>
      Math.abs(Number(/([+−][\d.]+) pts/.exec(l)?.[1].replace("−", "-")))
    );
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));

    // Opening the owner shows every change behind its score.
    await user().click(items[labels.findIndex((l) => l.startsWith("Owner ORG"))]);
    const detail = await screen.findByTestId("movement-detail");
    expect(within(detail).getByRole("heading", { name: "Owner ORG Company" })).toBeTruthy();
    expect(
      within(detail)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual([
      "Target of KPI K3 revised: 4 → 3",
      "Check-in for KPI K1, period ending 2026-05-31, edited: 35 → 55",
      "New check-in for KPI K2, period ending 2026-06-30: 4",
    ]);

    // Only KRAs.
    await user().selectOptions(screen.getByLabelText("Show"), "kra");
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-label")?.split(":")[0])
    ).toEqual(["KRA R1 Revenue", "KRA R2 Customers"]);
  });

  it("says so when the workbook holds no last build, or one edited since", async () => {
    await openChanges(sales());
    expect(await screen.findByText(/holds no figures of a last build yet/)).toBeTruthy();

    const tampered = built(sales());
    const figures = rows(tampered, LAST_BUILD_SHEET);
    figures[3][0] = `x${String(figures[3][0]).slice(1)}`;
    act(() => session.close());
    await act(() => session.open(new FakePort(tampered)));
    await user().click(await screen.findByRole("tab", { name: "What changed" }));
    expect(
      await screen.findByText(
        "The last build's figures (the hidden sheet “KPI Last Build”) cannot be used: it was changed after the build. Build the scorecards again to keep new figures."
      )
    ).toBeTruthy();
  });

  it("in a file: a build keeps its figures, and nothing has changed since", async () => {
    await renderPane({ mode: "file", title: "sales.xlsx", bytes: jsonBytes(sales()) }, null);
    await user().click(screen.getByRole("tab", { name: "What changed" }));
    expect(await screen.findByText(/holds no figures of a last build yet/)).toBeTruthy();
    await act(async () => void (await session.build()));
    await waitFor(() =>
      expect(
        screen.getByText("Nothing changed since the last build: every score is as it was.")
      ).toBeTruthy()
    );
    expect(screen.getByText("0 changes")).toBeTruthy();
  });
});
