/**
 * The worker's side of the pane's messages: each request runs a PaneEngine method (or one of
 * those that carry grids and plans in pieces) and is answered with its result, its error, and
 * its progress on the way. Apart from the worker entry so that tests can run both sides in one
 * thread.
 */
import { SheetGrid } from "../../engine/grid";
import { appendAll } from "../../engine/collections";
import { WorkbookPlan } from "../../planner/plan";
import { PaneEngine } from "./pane-engine";
import { Reply, Request, WITH_PROGRESS, WorkerMethods } from "./protocol";

export type Post = (reply: Reply, transfer?: Transferable[]) => void;

/** The handler for the requests that reach the worker; `post` sends its replies. */
export function serveEngine(engine: PaneEngine, post: Post): (request: Request) => Promise<void> {
  let received: SheetGrid[] = [];
  let planned: WorkbookPlan | null = null;

  const methods: WorkerMethods = {
    ...engine,
    async receiveRows(sheet, grid) {
      const known = received[sheet];
      if (known) appendAll(known.rows, grid.rows);
      else received[sheet] = grid;
    },
    analyzeReceived(tables, onProgress) {
      const grids = { sheets: received, tables };
      received = [];
      return engine.analyze(grids, onProgress);
    },
    async planOutline() {
      planned = await engine.planBuild();
      return {
        plan: { ...planned, sheets: planned.sheets.map((s) => ({ ...s, rows: [] })) },
        rowCounts: planned.sheets.map((s) => s.rows.length),
      };
    },
    async planRows(sheet, from, to) {
      return planned?.sheets[sheet]?.rows.slice(from, to) ?? [];
    },
  };

  return async ({ id, method, args }) => {
    if (WITH_PROGRESS.has(method))
      args.push((progress: unknown) => post({ id, progress } as Reply));
    try {
      const call = methods[method] as (...a: unknown[]) => Promise<unknown>;
      const result = await call(...args);
      // The file's bytes go across as a copy the page owns; the worker keeps its own.
      if (result instanceof Uint8Array) {
        const copy = result.slice();
        post({ id, result: copy }, [copy.buffer]);
      } else post({ id, result });
    } catch (e) {
      post({ id, error: e instanceof Error ? e.message : String(e) });
    }
  };
}
