/**
 * The pane's worker: runs the PaneEngine off the page's thread, so that reading a big workbook,
 * analysing it and writing scorecards never freezes the pane. ExcelJS (file mode) is loaded here,
 * on demand.
 */
import { createPaneEngine } from "./pane-engine";
import { Request } from "./protocol";
import { serveEngine } from "./worker-server";

const worker = self as unknown as Worker;
const serve = serveEngine(
  createPaneEngine(() => import(/* webpackChunkName: "xlsx" */ "../ports/xlsx-io")),
  (reply, transfer = []) => worker.postMessage(reply, transfer)
);
worker.onmessage = (event: MessageEvent<Request>) => void serve(event.data);
