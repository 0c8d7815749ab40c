/**
 * @jest-environment jsdom
 *
 * The import screen (SPEC 2.2): each sheet as read — a preview with its columns labelled and
 * skipped rows marked — and corrections saved as `Layout <sheet>` Settings rows.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { App } from "../../../src/taskpane/components/App";
import { layoutChanges, layoutValue, previewsOf } from "../../../src/taskpane/model/mapping";
import { Session, useSession } from "../../../src/taskpane/use-session";
import { FakePort } from "../../support/fake-port";
import { stubResizeObserver } from "../../support/jsdom-layout";
import { AS_OF, workbook } from "../../support/workbook";

const appraisal = () =>
  workbook({
    Appraisal: [
      ["Appraisal 2026"],
      [],
      ["KRA", "KPI", "Weightage", "Target", "Actual"],
      ["Sales", "Deals", "60%", 10, 9],
      [null, "Calls", "40%", 100, 120],
      ["Total", null, "100%", null, null],
      ["* agreed in January"],
    ],
    Settings: [
      ["Setting", "Value"],
      ["As Of", "2026-06-30"],
    ],
  });

describe("the import screen's model", () => {
  it("previews each sheet's first rows with the kind of each row and the meaning of each column", () => {
    const grids = appraisal();
    const [preview] = previewsOf(analyzeWorkbook(grids, { today: AS_OF }), grids).filter(
      (p) => p.description.sheet === "Appraisal"
    );
    expect(preview.rows.map((r) => [r.row, r.kind])).toEqual([
      [1, "title"],
      [2, "title"],
      [3, "header-row"],
      [4, "data"],
      [5, "data"],
      [6, "total"],
      [7, "footnote"],
    ]);
    expect(preview.description.columns.map((c) => c.meaning)).toEqual([
      "KRA",
      "KPI name",
      "weight",
      "target",
      "actual",
    ]);
    expect(preview.rows[3].cells).toEqual(["Sales", "Deals", "60%", "10", "9"]);
  });

  it("turns a correction into one Layout row, and back to none", () => {
    const grids = appraisal();
    const before = previewsOf(analyzeWorkbook(grids, { today: AS_OF }), grids);
    const after = before.map((p) =>
      p.description.sheet === "Appraisal"
        ? { ...p, layout: { kind: "kpis" as const, headerRows: "3", ownerFromSheet: true } }
        : p
    );
    expect(
      layoutValue(after[before.findIndex((p) => p.description.sheet === "Appraisal")].layout)
    ).toBe("kpis; header row 3; owner from sheet name");
    expect([...layoutChanges(before, after)]).toEqual([
      ["Layout Appraisal", "kpis; header row 3; owner from sheet name"],
    ]);
    expect([...layoutChanges(before, before)]).toEqual([]);
  });
});

let session: Session;
function Harness() {
  session = useSession();
  return <App session={session} host="Excel" />;
}

beforeAll(stubResizeObserver);

describe("the import screen", () => {
  // A whole pane render with user events: generous on a shared, loaded machine.
  it("shows the reading and saves a correction the next read honours", async () => {
    const port = new FakePort(appraisal());
    render(
      <FluentProvider theme={webLightTheme}>
        <Harness />
      </FluentProvider>
    );
    await act(() => session.open(port));
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Mapping" }));
    const sheet = await screen.findByRole("region", { name: "Appraisal reading" });
    expect(
      within(sheet).getByText(/Read as KPIs \(own layout\), header row 3: 2 KPIs/)
    ).toBeTruthy();
    const table = within(sheet).getByRole("table", { name: "Preview of Appraisal" });
    expect(within(table).getByRole("columnheader", { name: "B: KPI name" })).toBeTruthy();
    const total = within(table).getByRole("rowheader", { name: "6" }).closest("tr") as HTMLElement;
    expect(total.dataset.kind).toBe("total");
    expect(total.getAttribute("title")).toBe("total (skipped)");
    expect(within(sheet).getByText("KRAs from column A (filled down)")).toBeTruthy();

    await user.click(within(sheet).getByLabelText("Owner from the sheet name"));
    await user.click(screen.getByRole("button", { name: "Save 1 mapping" }));
    await waitFor(() => expect(port.edits).toHaveLength(1));
    expect(port.edits[0].writes.map((w) => w.value)).toEqual([
      "Layout Appraisal",
      "owner from sheet name",
    ]);
    await screen.findByRole("button", { name: "No changes to save" });
    const reread = await screen.findByRole("region", { name: "Appraisal reading" });
    expect(within(reread).getByText('owner "Appraisal" from the sheet name')).toBeTruthy();
  }, 60_000);
});
