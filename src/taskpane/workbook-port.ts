/**
 * What the task pane needs from a workbook, whichever it is: the workbook open in Excel (through
 * Office.js) or an .xlsx file opened in a plain browser (through ExcelJS). Screens talk to this
 * port only, so they behave the same in both places and are tested over a fake.
 */
import { WorkbookGrids } from "../engine/grid";
import { WorkbookPlan, WriteProgress } from "../planner/plan";
import { SheetEdit } from "../planner/settings-edit";

export type PortMode = "excel" | "file";

export interface WriteSummary {
  /** The names the sheets were written under. */
  sheets: string[];
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
  /** The workbook as an .xlsx file to save; only in file mode. */
  download?(): Promise<Blob>;
}
