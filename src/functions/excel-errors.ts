/**
 * The boundary to Excel: the runner's FunctionError cells become CustomFunctions.Error objects.
 * Excel shows a custom message only with #VALUE! and #N/A
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors), so only those carry one.
 */
import { CellResult, ErrorCode, FunctionError, Matrix } from "./runner";

const EXCEL_CODE: Record<ErrorCode, string> = {
  "#VALUE!": "invalidValue",
  "#DIV/0!": "divisionByZero",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#REF!": "invalidReference",
  "#NAME?": "invalidName",
  "#NULL!": "nullReference",
};

function toExcelError(e: FunctionError): CustomFunctions.Error {
  const code =
    CustomFunctions.ErrorCode[EXCEL_CODE[e.code] as keyof typeof CustomFunctions.ErrorCode];
  const withMessage = e.code === "#VALUE!" || e.code === "#N/A";
  return withMessage && e.message
    ? new CustomFunctions.Error(code, e.message)
    : new CustomFunctions.Error(code);
}

/** Replaces error cells in place; other cells pass through untouched. */
export function forExcel(result: Matrix<CellResult>): unknown[][] {
  for (const line of result as unknown[][]) {
    for (let c = 0; c < line.length; c++)
      if (line[c] instanceof FunctionError) line[c] = toExcelError(line[c] as FunctionError);
  }
  return result;
}
