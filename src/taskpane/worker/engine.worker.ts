/**
 * The pane's worker: runs the PaneEngine off the page's thread, so that reading a big workbook,
 * analysing it and writing scorecards never freezes the pane. ExcelJS (file mode) is loaded here,
 * on demand.
 */
import { SheetGrid } from "../../engine/grid";
import { createPaneEngine } from "./pane-engine";
import { Reply, Request, WITH_PROGRESS, WorkerMethods } from "./protocol";

const engine = createPaneEngine(() => import(/* webpackChunkName: "xlsx" */ "../ports/xlsx-io"));
let received: SheetGrid[] = [];

const methods: WorkerMethods = {
  ...engine,
  async receiveRows(sheet, grid) {
    const known = received[sheet];
    if (known) known.rows.push(...grid.rows);
    else received[sheet] = grid;
  },
  analyzeReceived(tables, onProgress) {
    const grids = { sheets: received, tables };
    received = [];
    return engine.analyze(grids, onProgress);
  },
};

const post = (reply: Reply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, method, args } = event.data;
  if (WITH_PROGRESS.has(method)) args.push((progress: unknown) => post({ id, progress } as Reply));
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
