/**
 * The workbook's own date order (SPEC section 2): when `Date Order` is not set, dates typed as
 * text that only one order can read (`31/03/2026` is day-first, `3/31/2026` month-first) settle
 * the ones that read both ways. A workbook that shows both orders settles nothing.
 */
import { isGeneratedSheet } from "../generated-sheets";
import { WorkbookGrids } from "../grid";
import { DateOrder } from "../settings";
import { orderOnlyReadable } from "../values";

/** The order every order-revealing text date in the workbook agrees on, or null. */
export function inferDateOrder(workbook: WorkbookGrids): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const sheet of workbook.sheets) {
    // The tool's own sheets say nothing of how the user types dates.
    if (isGeneratedSheet(sheet)) continue;
    for (const row of sheet.rows) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        // Only short text starting with a digit and a separator within its first three
        // characters can be a d/m/y date: skip the rest (IDs, `2026-03`) without a regex.
        if (typeof v !== "string" || v.length < 6 || v.length > 10) continue;
        const first = v.charCodeAt(0);
        if (first < 48 || first > 57 || !(isSeparator(v, 1) || isSeparator(v, 2))) continue;
        const order = orderOnlyReadable(v);
        if (order === "dmy") dmy = true;
        else if (order === "mdy") mdy = true;
        if (dmy && mdy) return null;
      }
    }
  }
  return dmy ? "dmy" : mdy ? "mdy" : null;
}

/** `/`, `.` or `-` at this position. */
function isSeparator(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 47 || c === 46 || c === 45;
}
