/**
 * The pane's check-in cycle as its worker runs it, in file mode with the real package reader and
 * writer: "Prepare check-in files" gives a zip of the files and the mail-merge CSV; "Collect
 * returned files" says what they hold before anything is written, then writes the same merged
 * workbook as `kpi-cascade collect`.
 */
import { unzipSync } from "fflate";
import * as xlsxIo from "../../../src/taskpane/ports/xlsx-io";
import * as checkInIo from "../../../src/taskpane/ports/check-in-io";
import { readWorkbookInput } from "../../../src/adapters/workbook-input";
import { createPaneEngine } from "../../../src/taskpane/worker/pane-engine";
import { sampleMaster, typeInto } from "../../support/check-in-files";

jest.setTimeout(60_000);

const quiet = () => undefined;

it("prepares the files as a zip, previews the returned ones, and writes them into the file", async () => {
  const engine = createPaneEngine(
    async () => xlsxIo,
    async () => checkInIo
  );
  const master = new Uint8Array(await sampleMaster());
  await engine.openFile(master.slice(), "master.xlsx", quiet);

  const prepared = await engine.prepareCheckIns("owner", "master.xlsx");
  expect(prepared).toMatchObject({ name: "check-ins 2026-06-30.zip", checkIns: 91, by: "owner" });
  expect(prepared.files).toHaveLength(12);
  const zip = unzipSync(prepared.zip);
  expect(Object.keys(zip)).toContain("P07 Emma Walsh.xlsx");
  expect(new TextDecoder().decode(zip["mail-merge.csv"])).toContain(
    "P07,Emma Walsh,,P07 Emma Walsh.xlsx,6"
  );

  const emma = typeInto(zip["P07 Emma Walsh.xlsx"], { J8: 0.97, J9: 4 });
  const lucas = typeInto(zip["P06 Lucas Silva.xlsx"], { J8: "n/a" });
  const summary = await engine.previewCollect(
    [
      { name: "emma.xlsx", bytes: emma },
      { name: "lucas.xlsx", bytes: lucas },
      { name: "notes.txt", bytes: new TextEncoder().encode("hello") },
    ],
    "master.xlsx"
  );
  expect(summary).toMatchObject({
    added: 2,
    sheet: "Check-ins",
    first: 873,
    last: 874,
    by: "owner",
  });
  expect(summary.files.map((f) => f.status)).toEqual(["collected", "collected", "unreadable"]);
  expect(summary.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
    "invalid-number [lucas.xlsx]Check-ins!J8",
  ]);
  expect(summary.owed).toBe(89);
  // Nothing written yet.
  expect(await engine.fileBytes()).toEqual(master);

  const written = await engine.applyCollect(quiet);
  expect(written.sheets).toEqual(["KPI Chase List"]);
  const after = readWorkbookInput(await engine.fileBytes(), "m.xlsx");
  const rows = after?.grids.sheets.find((s) => s.name === "Check-ins")?.rows ?? [];
  expect(rows.slice(-2).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
    ["K-040", "Jun 2026", 0.97, "emma.xlsx, Check-ins!J8"],
    ["K-041", "Jun 2026", 4, "emma.xlsx, Check-ins!J9"],
  ]);
});

it("gives Excel the plan to write: rows to append and the chase list", async () => {
  const engine = createPaneEngine(
    async () => xlsxIo,
    async () => checkInIo
  );
  const input = readWorkbookInput(await sampleMaster(), "master.xlsx");
  await engine.analyze(input?.grids ?? { sheets: [] }, quiet);
  const prepared = await engine.prepareCheckIns("manager", "this workbook");
  expect(prepared.files.map((f) => f.file)).toEqual([
    "P01 Maya Chen.xlsx",
    "P02 Daniel Okafor.xlsx",
    "P03 Priya Raman.xlsx",
    "P04 Tom Becker.xlsx",
    "P05 Aisha Noor.xlsx",
  ]);
  const daniel = typeInto(unzipSync(prepared.zip)["P02 Daniel Okafor.xlsx"], { J8: 0.5 });
  await engine.previewCollect([{ name: "daniel.xlsx", bytes: daniel }], "this workbook");
  const plan = await engine.collectPlan();
  expect(plan.appends).toHaveLength(1);
  expect(plan.appends?.[0]).toMatchObject({ sheet: "Check-ins", firstRow: 873 });
  expect(plan.sheets.map((s) => s.name)).toEqual(["KPI Chase List"]);
});
