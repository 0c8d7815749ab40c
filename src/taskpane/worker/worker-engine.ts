/** The pane's engine in a Web Worker of its own (engine.worker.ts), as the browser runs it. */
import { PaneEngine } from "./pane-engine";
import { engineOverMessages } from "./worker-client";

export function workerEngine(): PaneEngine {
  // @ts-expect-error -- ES-module syntax: webpack (module esnext) bundles the worker from it;
  // tsc checks this file as CommonJS, and the tests never load it (they have no Worker).
  return engineOverMessages(new Worker(new URL("./engine.worker.ts", import.meta.url)));
}
