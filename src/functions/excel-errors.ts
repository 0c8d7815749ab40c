/**
 * The boundary to Excel: the runner's FunctionError cells become CustomFunctions.Error objects.
 * CustomFunctions.ErrorCode's values are the codes themselves (`"#DIV/0!"`), so the code is passed
 * as is. Every code besides #VALUE! and #N/A is CustomFunctionsRuntime 1.3, declared in manifest.xml.
 * Excel shows a custom message only with #VALUE! and #N/A
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors), so only those carry one.
 */
import { CellResult, FunctionError, Matrix } from "./runner";

const SHOWS_MESSAGE: ReadonlySet<string> = new Set(["#VALUE!", "#N/A"]);

function toExcelError(e: FunctionError): CustomFunctions.Error {
  const code = e.code as CustomFunctions.ErrorCode;
  return SHOWS_MESSAGE.has(e.code) && e.message
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
