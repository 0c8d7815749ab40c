/**
 * The port over an .xlsx file opened in a plain browser: the workbook lives in memory as an
 * ExcelJS workbook, and "saving" is a download. ExcelJS is imported on demand, so it is its own
 * chunk and never weighs on the pane's first load in Excel.
 */
import type ExcelJS from "exceljs";
import type { WorkbookPlan } from "../../planner/plan";
import type { SheetEdit } from "../../planner/settings-edit";
import { WorkbookPort } from "../workbook-port";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const loadXlsx = () => import(/* webpackChunkName: "xlsx" */ "./xlsx-io");

/** Starts fetching ExcelJS while the user is still choosing a file. */
export function prefetchXlsx(): void {
  void loadXlsx().catch(() => undefined);
}

/** Opens the file; rejects with a message a person can act on when it is not a workbook. */
export async function openFilePort(name: string, bytes: ArrayBuffer): Promise<WorkbookPort> {
  const io = await loadXlsx();
  return filePort(name, await io.openWorkbook(new Uint8Array(bytes)), io);
}

/** A new workbook holding only the template sheets. */
export async function newTemplatePort(): Promise<WorkbookPort> {
  const io = await loadXlsx();
  return filePort("kpi-template.xlsx", io.templateWorkbook(), io);
}

function filePort(
  name: string,
  opened: ExcelJS.Workbook,
  io: typeof import("./xlsx-io")
): WorkbookPort {
  let workbook = opened;
  return {
    mode: "file",
    title: name,
    readGrids: async () => io.gridsFromWorkbook(workbook),
    async writePlan(plan: WorkbookPlan, onProgress) {
      onProgress({ stage: "preparing" });
      // Written into a copy that replaces the open workbook only when complete: a failure
      // leaves the workbook as it was.
      const next = await io.copyOf(workbook);
      onProgress({ stage: "writing", sheet: plan.sheets[0]?.name, chunk: 1, chunks: 1 });
      const sheets = io.applyPlan(next, plan);
      workbook = next;
      onProgress({ stage: "done" });
      return { sheets };
    },
    applyEdit: async (edit: SheetEdit) => io.applySheetEdit(workbook, edit),
    selectCell: async () => false,
    download: async () => new Blob([await io.bytesOf(workbook)], { type: XLSX_TYPE }),
  };
}
