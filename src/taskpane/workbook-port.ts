/**
 * What the task pane needs from a workbook, whichever it is: the workbook open in Excel (a port
 * read and written through Office.js on the page) or an .xlsx file opened in a plain browser
 * (bytes the pane's engine reads and writes in its worker). Screens see an OpenWorkbook only, so
 * they behave the same in both places and are tested over a fake port.
 */
import { WorkbookGrids } from "../engine/grid";
import { RowsAppend, WorkbookPlan, WriteProgress } from "../planner/plan";
import { SheetEdit } from "../planner/settings-edit";

export type PortMode = "excel" | "file";

export interface WriteSummary {
  /** The names the sheets were written under. */
  sheets: string[];
  /** Sheets marked as generated but changed since: kept as they are, the new ones written beside. */
  kept: string[];
}

export interface WorkbookPort {
  mode: PortMode;
  /** What the pane calls the workbook: the file name, or "this workbook" in Excel. */
  title: string;
  readGrids(): Promise<WorkbookGrids>;
  /** Writes the plan all or nothing: on failure the workbook is left as it was. */
  writePlan(plan: WorkbookPlan, onProgress: (p: WriteProgress) => void): Promise<WriteSummary>;
  /** Writes Settings rows (settings and mappings). */
  applyEdit(edit: SheetEdit): Promise<void>;
  /** Selects the cell in Excel. Returns false where there is no grid to select in (a file). */
  selectCell(sheet: string, cell: string): Promise<boolean>;
  /** Adds rows below a sheet's data (collected check-ins); every existing row stays as it is. */
  appendRows(append: RowsAppend): Promise<void>;
}

/** An .xlsx file opened in the browser. */
export interface FileWorkbook {
  mode: "file";
  title: string;
  /** The file; empty for a new workbook. */
  bytes: Uint8Array;
  /** Written into the file as it opens (the template, for a new one). */
  initialPlan?: WorkbookPlan;
}

/** The workbook open in the pane, as the screens see it. */
export interface OpenWorkbook {
  mode: PortMode;
  title: string;
  selectCell(sheet: string, cell: string): Promise<boolean>;
  /** The workbook as an .xlsx file to save; only in file mode. */
  download?(): Promise<Blob>;
}
