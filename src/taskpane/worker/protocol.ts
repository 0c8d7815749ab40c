/**
 * The messages between the page and the pane's worker. The page calls a PaneEngine method by
 * name; the worker answers with its result or error, and sends progress on the way. Grids read
 * in Excel, and the plan to write into it, cross in pieces of rows (`receiveRows`, `planRows`),
 * so that no single copy holds the page up: at 5,000 people the plan is some 60 MB.
 */
import { SheetGrid, TableRef } from "../../engine/grid";
import { SheetPlan, WorkbookPlan } from "../../planner/plan";
import { PaneEngine, Progress } from "./pane-engine";

/** A plan without its rows, and how many rows each sheet has. */
export interface PlanOutline {
  plan: WorkbookPlan;
  rowCounts: number[];
}

/** The engine's methods, with those that carry grids and plans across in pieces. */
export interface WorkerMethods extends Omit<PaneEngine, "analyze" | "planBuild"> {
  receiveRows(sheet: number, grid: SheetGrid): Promise<void>;
  analyzeReceived(
    tables: TableRef[] | undefined,
    onProgress: (p: Progress) => void
  ): Promise<unknown>;
  planOutline(): Promise<PlanOutline>;
  planRows(sheet: number, from: number, to: number): Promise<SheetPlan["rows"]>;
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
  "applyCollect",
]);

/** Rows per message when grids cross to the worker. */
export const ROWS_PER_MESSAGE = 20_000;
/** Rows per message when a plan crosses to the page: its cells are objects, heavier to copy. */
export const PLAN_ROWS_PER_MESSAGE = 5_000;
