/**
 * The pane's worker: runs the PaneEngine off the page's thread, so that reading a big workbook,
 * analysing it and writing scorecards never freezes the pane. ExcelJS (file mode) is loaded here,
 * on demand. Where the browser lets a worker start one of its own (Chromium, Firefox, Safari
 * 16.4+), a second worker deflates the sheets this one writes (deflate.worker.ts).
 */
import { createPaneEngine } from "./pane-engine";
import { DeflateClient } from "./deflate-client";
import { Request } from "./protocol";
import { serveEngine } from "./worker-server";

const worker = self as unknown as Worker;

let deflate: DeflateClient | null | undefined;
/** The deflate worker, started at the first write; null where a worker cannot start one. */
function deflateWorker(): DeflateClient | null {
  if (deflate !== undefined) return deflate;
  try {
    deflate =
      typeof Worker === "function" && typeof CompressionStream === "function"
        ? // @ts-expect-error -- ES-module syntax for webpack, as in worker-engine.ts.
          new DeflateClient(new Worker(new URL("./deflate.worker.ts", import.meta.url)))
        : null;
  } catch {
    deflate = null;
  }
  return deflate;
}

const loadIo = () =>
  import(/* webpackChunkName: "xlsx" */ "../ports/xlsx-io").then((io) => ({
    ...io,
    writePlan: (...[bytes, plan]: Parameters<typeof io.writePlan>) => {
      const client = deflateWorker();
      return io.writePlan(bytes, plan, client ? () => client.part() : undefined);
    },
  }));

const serve = serveEngine(createPaneEngine(loadIo), (reply, transfer = []) =>
  worker.postMessage(reply, transfer)
);
worker.onmessage = (event: MessageEvent<Request>) => void serve(event.data);
