/**
 * The port over an .xlsx file opened in a plain browser: the workbook lives in memory as its
 * package bytes, and "saving" is a download. The package reader and writer are imported on
 * demand, so they are their own chunk and never weigh on the pane's first load in Excel.
 */
import type { WorkbookPlan } from "../../planner/plan";
import type { SheetEdit } from "../../planner/settings-edit";
import { WorkbookPort } from "../workbook-port";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const loadXlsx = () => import(/* webpackChunkName: "xlsx" */ "./xlsx-io");

/** Starts fetching the file reader while the user is still choosing a file. */
export function prefetchXlsx(): void {
  void loadXlsx().catch(() => undefined);
}

/** Opens the file; rejects with a message a person can act on when it is not a workbook. */
export async function openFilePort(name: string, bytes: ArrayBuffer): Promise<WorkbookPort> {
  const io = await loadXlsx();
  return filePort(name, io.openWorkbook(new Uint8Array(bytes)), io);
}

/** A new workbook holding only the template sheets. */
export async function newTemplatePort(): Promise<WorkbookPort> {
  const io = await loadXlsx();
  return filePort("kpi-template.xlsx", io.templateWorkbook(), io);
}

function filePort(
  name: string,
  opened: import("./xlsx-io").PackageReading,
  io: typeof import("./xlsx-io")
): WorkbookPort {
  let workbook = opened;
  return {
    mode: "file",
    title: name,
    readGrids: async () => workbook.grids,
    async writePlan(plan: WorkbookPlan, onProgress) {
      onProgress({ stage: "preparing" });
      onProgress({ stage: "writing", sheet: plan.sheets[0]?.name, chunk: 1, chunks: 1 });
      // A new package replaces the open one only when complete: a failure leaves it as it was.
      const next = io.withPlan(workbook, plan);
      workbook = next.reading;
      onProgress({ stage: "done" });
      return { sheets: next.sheets };
    },
    applyEdit: async (edit: SheetEdit) => {
      workbook = io.withEdit(workbook, edit);
    },
    selectCell: async () => false,
    download: async () =>
      new Blob([workbook.pkg.bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }),
  };
}
