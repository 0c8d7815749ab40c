/** The port over the workbook open in Excel: every operation is one `Excel.run` batch sequence. */
import { applySheetEdit, selectCell } from "../../adapters/office/edit-cells";
import { readGridsFromExcel } from "../../adapters/office/read-grids";
import { applyPlanToExcel, missingRequirement } from "../../adapters/office/write-plan";
import { appendRowsToExcel } from "../../adapters/office/append-rows";
import { WorkbookPort } from "../workbook-port";

export function excelPort(): WorkbookPort {
  return {
    mode: "excel",
    title: "this workbook",
    readGrids: () => Excel.run(async (context) => (await readGridsFromExcel(context)).grids),
    async writePlan(plan, onProgress) {
      const missing = missingRequirement(Office);
      if (missing) throw new Error(missing);
      return Excel.run(async (context) => {
        const result = await applyPlanToExcel(context, plan, onProgress);
        return { sheets: result.sheets, kept: result.kept };
      });
    },
    applyEdit: (edit) => Excel.run((context) => applySheetEdit(context, edit)),
    async appendRows(append) {
      const missing = missingRequirement(Office);
      if (missing) throw new Error(missing);
      await Excel.run((context) => appendRowsToExcel(context, append));
    },
    selectCell: (sheet, cell) =>
      Excel.run(async (context) => {
        await selectCell(context, sheet, cell);
        return true;
      }),
  };
}
