/**
 * The browser's file mode: an .xlsx file the user opens, or a new one holding the template. Its
 * bytes go to the pane's engine (in a worker), which reads and writes them; "saving" is a
 * download of the bytes it holds.
 */
import { planTemplate } from "../../planner/template";
import { FileWorkbook } from "../workbook-port";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function fileWorkbook(file: File): Promise<FileWorkbook> {
  return { mode: "file", title: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A new workbook holding only the template sheets. */
export function templateWorkbook(): FileWorkbook {
  return {
    mode: "file",
    title: "kpi-template.xlsx",
    bytes: new Uint8Array(0),
    initialPlan: { sheets: planTemplate() },
  };
}
