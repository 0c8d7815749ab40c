/**
 * The messages between the page and the pane's worker. The page calls a PaneEngine method by
 * name; the worker answers with its result or error, and sends progress on the way. Grids read
 * in Excel cross in pieces of rows (`receiveRows`), so that no single copy holds the page up.
 */
import { SheetGrid, TableRef } from "../../engine/grid";
import { PaneEngine, Progress } from "./pane-engine";

/** The engine's methods, plus the two that carry grids across in pieces. */
export interface WorkerMethods extends Omit<PaneEngine, "analyze"> {
  receiveRows(sheet: number, grid: SheetGrid): Promise<void>;
  analyzeReceived(
    tables: TableRef[] | undefined,
    onProgress: (p: Progress) => void
  ): Promise<unknown>;
}

export type MethodName = keyof WorkerMethods;

export interface Request {
  id: number;
  method: MethodName;
  args: unknown[];
}

export type Reply =
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { id: number; progress: Progress };

/** The methods whose last argument is a progress callback. */
export const WITH_PROGRESS: ReadonlySet<MethodName> = new Set<MethodName>([
  "openFile",
  "writeFile",
  "editFile",
  "analyzeReceived",
]);

/** Rows per message when grids cross to the worker. */
export const ROWS_PER_MESSAGE = 20_000;
