/**
 * @jest-environment jsdom
 *
 * The pane's two check-in actions under Build, clicked through as a user does, over a workbook in
 * Excel (a fake port): "Prepare check-in files" downloads a zip of protected files and the
 * mail-merge list; "Collect returned files" takes several files, shows what they hold and what
 * conflicts before anything is written, then appends the check-ins and writes the chase list.
 */
import "../../support/jsdom-encoding";
import { screen, waitFor } from "@testing-library/react";
import { unzipSync } from "fflate";
import { FakePort } from "../../support/fake-port";
import { stubResizeObserver } from "../../support/jsdom-layout";
import { typeInto } from "../../support/type-into";
import { KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";
import { renderPane, user } from "./pane-harness";

const downloads: { name: string; blob: Blob }[] = [];

beforeAll(() => {
  stubResizeObserver();
  // What jsdom lacks and a browser has.
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(this);
    });
  };
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  };
});

function grids() {
  return workbook({
    People: [
      ["Person ID", "Name", "E-mail"],
      ["P1", "Ana Alvarez", "ana@example.com"],
      ["P2", "Bo Berg", null],
    ],
    KRAs: [KRA_HEADER, kra("R1", { owner: "P1" }), kra("R2", { owner: "P2" })],
    KPIs: [KPI_HEADER, kpi("K1", { actual: null }), kpi("K2", { kra: "R2", actual: null })],
    Actuals: [
      ["KPI ID", "Period", "Actual"],
      ["K1", "2026-01", 90],
      ["K1", "2026-02", 95],
      ["K2", "2026-01", 40],
      ["K2", "2026-02", 45],
    ],
    Settings: [
      ["Setting", "Value"],
      ["Cycle Start", "2026-01-01"],
      ["As Of", "2026-03-31"],
    ],
  });
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

it("prepares the check-in files and collects the returned ones, showing them first", async () => {
  const port = new FakePort(grids());
  await renderPane(port);
  await user().click(screen.getByRole("tab", { name: "Build" }));

  await user().click(screen.getByRole("radio", { name: "Owner" }));
  await user().click(screen.getByRole("button", { name: "Prepare check-in files" }));
  await screen.findByText(/^2 files with 2 check-ins to fill, as of 2026-03-31, downloaded as/);
  expect(downloads.map((d) => d.name)).toEqual(["check-ins 2026-03-31.zip"]);
  const zip = unzipSync(await bytesOf(downloads[0].blob));
  expect(Object.keys(zip).sort()).toEqual([
    "P1 Ana Alvarez.xlsx",
    "P2 Bo Berg.xlsx",
    "mail-merge.csv",
  ]);
  expect(new TextDecoder().decode(zip["mail-merge.csv"])).toContain(
    "P1,Ana Alvarez,ana@example.com,P1 Ana Alvarez.xlsx,1"
  );

  // Ana answers; Bo's file comes back twice, once blank.
  const ana = typeInto(zip["P1 Ana Alvarez.xlsx"], { J8: 97 });
  const files = [
    new File([ana as BlobPart], "Ana - March.xlsx"),
    new File([zip["P2 Bo Berg.xlsx"] as BlobPart], "bo.xlsx"),
    new File([zip["P2 Bo Berg.xlsx"] as BlobPart], "bo again.xlsx"),
  ];
  await user().upload(screen.getByLabelText("Returned check-in files"), files);
  await screen.findByText(
    "1 check-in to add to Actuals (row 6), each with the file and cell it came from."
  );
  expect(screen.getByText("Ana - March.xlsx (Ana Alvarez (P1)): 1 to add")).toBeTruthy();
  expect(screen.getByText("bo.xlsx: the same as bo again.xlsx, read once")).toBeTruthy();
  expect(
    screen.getByText(
      "Still owed after this: 1 check-in from 1 owner. The KPI Chase List sheet will list them."
    )
  ).toBeTruthy();
  // Nothing written until asked.
  expect(port.appends).toEqual([]);
  expect(port.plans).toEqual([]);

  await user().click(screen.getByRole("button", { name: "Add 1 check-in and the chase list" }));
  await screen.findByText(
    "Added 1 check-in, each with its Source, and wrote KPI Chase List. Your own rows were not changed."
  );
  expect(port.appends).toHaveLength(1);
  expect(port.appends[0]).toMatchObject({ sheet: "Actuals", firstRow: 6 });
  expect(port.appends[0].rows[0].map((c) => c?.value)).toEqual([
    "K1",
    "Mar 2026",
    97,
    "Ana - March.xlsx, Check-ins!J8",
  ]);
  expect(port.plans[0].sheets.map((s) => s.name)).toEqual(["KPI Chase List"]);
  // The workbook is read again: the appended row is now in it.
  await waitFor(() => expect(port.reads).toBe(2));
});

it("says what is wrong with files that are not check-in files, and writes nothing", async () => {
  const port = new FakePort(grids());
  await renderPane(port);
  await user().click(screen.getByRole("tab", { name: "Build" }));
  await user().upload(screen.getByLabelText("Returned check-in files"), [
    new File(["not a workbook"], "notes.xlsx"),
  ]);
  await screen.findByText(/^notes\.xlsx: not read — /);
  await user().click(screen.getByRole("button", { name: "Cancel" }));
  expect(screen.queryByText(/^notes\.xlsx/)).toBeNull();
  expect(port.appends).toEqual([]);
});
