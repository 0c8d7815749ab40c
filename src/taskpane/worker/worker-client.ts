/**
 * The PaneEngine as the page sees it: each call a message to the pane's worker (answered by
 * worker-server.ts), each answer a promise, progress passed on as it comes.
 */
import { WorkbookGrids } from "../../engine/grid";
import { PaneEngine, Progress } from "./pane-engine";
import { SheetPlan } from "../../planner/plan";
import {
  MethodName,
  PLAN_ROWS_PER_MESSAGE,
  PlanOutline,
  ROWS_PER_MESSAGE,
  Reply,
  WITH_PROGRESS,
} from "./protocol";

/** What the client needs of a Worker: a Worker, or in tests a stand-in that answers in place. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export function engineOverMessages(worker: WorkerLike): PaneEngine {
  let next = 0;
  const pending = new Map<
    number,
    {
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
      onProgress?: (p: Progress) => void;
    }
  >();
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const reply = event.data;
    const call = pending.get(reply.id);
    if (!call) return;
    if ("progress" in reply) return call.onProgress?.(reply.progress);
    pending.delete(reply.id);
    if ("error" in reply) call.reject(new Error(reply.error));
    else call.resolve(reply.result);
  };
  worker.onerror = (event) => {
    for (const call of pending.values())
      call.reject(new Error(event.message || "The pane's worker stopped."));
    pending.clear();
  };

  const call = <T>(method: MethodName, args: unknown[], transfer: Transferable[] = []) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      const onProgress = WITH_PROGRESS.has(method)
        ? (args.pop() as (p: Progress) => void)
        : undefined;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      worker.postMessage({ id, method, args }, transfer);
    });

  return {
    async analyze(grids: WorkbookGrids, onProgress) {
      for (const [i, sheet] of grids.sheets.entries())
        for (let r = 0; r === 0 || r < sheet.rows.length; r += ROWS_PER_MESSAGE)
          await call("receiveRows", [
            i,
            { ...sheet, rows: sheet.rows.slice(r, r + ROWS_PER_MESSAGE) },
          ]);
      return call("analyzeReceived", [grids.tables, onProgress]);
    },
    // The bytes move to the worker: the page has no further use for them.
    openFile: (bytes, fileName, onProgress) =>
      call("openFile", [bytes, fileName, onProgress], [bytes.buffer]),
    async planBuild() {
      const { plan, rowCounts } = await call<PlanOutline>("planOutline", []);
      for (const [i, sheet] of plan.sheets.entries())
        for (let r = 0; r < rowCounts[i]; r += PLAN_ROWS_PER_MESSAGE)
          sheet.rows.push(
            ...(await call<SheetPlan["rows"]>("planRows", [i, r, r + PLAN_ROWS_PER_MESSAGE]))
          );
      return plan;
    },
    planSettings: (changes) => call("planSettings", [changes]),
    writeFile: (what, onProgress) => call("writeFile", [what, onProgress]),
    editFile: (edit, onProgress) => call("editFile", [edit, onProgress]),
    fileBytes: () => call("fileBytes", []),
    children: (key) => call("children", [key]),
    search: (query, limit) => call("search", [query, limit]),
    matchingFindings: (query) => call("matchingFindings", [query]),
    rowPreview: (sheet, cell) => call("rowPreview", [sheet, cell]),
    whatChanged: () => call("whatChanged", []),
    movementChanges: (index) => call("movementChanges", [index]),
    prepareCheckIns: (by, masterName) => call("prepareCheckIns", [by, masterName]),
    previewCollect: (files, masterName) => call("previewCollect", [files, masterName]),
    collectPlan: () => call("collectPlan", []),
    applyCollect: (onProgress) => call("applyCollect", [onProgress]),
  };
}
