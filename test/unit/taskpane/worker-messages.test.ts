/**
 * The page and the pane's worker, both sides in one thread: requests and replies are copied as
 * postMessage copies them; grids and plans cross in pieces, and arrive whole.
 */
import { WorkbookGrids } from "../../../src/engine/grid";
import { bigOrganisation } from "../../../src/synthetic/big-org";
import { toGrid } from "../../../src/synthetic/sheet-data";
import { PaneEngine, Progress, createPaneEngine } from "../../../src/taskpane/worker/pane-engine";
import { Request } from "../../../src/taskpane/worker/protocol";
import { WorkerLike, engineOverMessages } from "../../../src/taskpane/worker/worker-client";
import { serveEngine } from "../../../src/taskpane/worker/worker-server";
import { fakeXlsxIo, jsonBytes } from "../../support/fake-xlsx-io";
import { sampleGrids } from "./sample-grids";

function inPlace() {
  return createPaneEngine(async () => fakeXlsxIo);
}

/** A stand-in Worker running the server over its own engine, counting the requests by method. */
function overMessages(engine: PaneEngine) {
  const sent: string[] = [];
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      sent.push((message as Request).method);
      void serve(structuredClone(message) as Request);
    },
  };
  const serve = serveEngine(engine, (reply) =>
    setTimeout(() => worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent))
  );
  return { client: engineOverMessages(worker), sent };
}

function organisation(people: number): WorkbookGrids {
  return { sheets: bigOrganisation(people).map((s) => ({ name: s.name, rows: toGrid(s) })) };
}

describe("the worker's messages", () => {
  it("carry Excel's grids in pieces of rows and give the same view as the engine in place", async () => {
    const grids = organisation(400); // 57,600 check-in rows
    const { client, sent } = overMessages(inPlace());
    const stages: Progress[] = [];
    const view = await client.analyze(grids, (p) => stages.push(p));
    const direct = await inPlace().analyze(grids, () => undefined);
    expect(view.overview).toEqual(direct.overview);
    expect(view.roots).toEqual(direct.roots);
    expect(sent.filter((m) => m === "receiveRows").length).toBeGreaterThan(8);
    expect(stages.map((s) => s.stage)).toContain("Checking the cascade");
  }, 30_000);

  it("carry the plan to write into Excel in pieces, and it arrives whole", async () => {
    const grids = organisation(350);
    const { client, sent } = overMessages(inPlace());
    await client.analyze(grids, () => undefined);
    const plan = await client.planBuild();
    const direct = inPlace();
    await direct.analyze(grids, () => undefined);
    // As text: a deep comparison of some 100,000 cells takes jest seconds.
    expect(JSON.stringify(plan)).toBe(JSON.stringify(await direct.planBuild()));
    expect(sent.filter((m) => m === "planRows").length).toBeGreaterThan(1);
  }, 30_000);

  it("carry files, settings edits, errors and the tree", async () => {
    const { client } = overMessages(inPlace());
    const view = await client.openFile(jsonBytes(sampleGrids()), "sample.xlsx", () => undefined);
    expect((await client.children(view.roots[0].key)).map((r) => r.id)).toEqual(["O1"]);
    const edit = await client.planSettings(new Map([["Cap", 1.5]]));
    expect(edit.writes).toContainEqual({ address: "B3", value: 1.5 });
    expect((await client.fileBytes()).length).toBeGreaterThan(0);
    await expect(client.rowPreview("Nowhere", "A1")).resolves.toBeNull();
    const { client: empty } = overMessages(inPlace());
    await expect(empty.planBuild()).rejects.toThrow("Open a workbook first.");
  });
});
