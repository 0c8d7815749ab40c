/**
 * What the engine can say about the sheets themselves, before reading their rows: cells a reader
 * found beyond Excel's grid (counted, never allocated), and sheet names Excel does not allow —
 * a file written by another program may hold them, and Excel would rename them when it repairs
 * the file, so formulas and links that name them would break.
 */
import { Findings } from "../findings";
import { WorkbookGrids } from "../grid";

/** Excel's limit on a sheet name's length, in UTF-16 code units as Excel counts them. */
export const SHEET_NAME_MAX = 31;

/**
 * Why Excel would not allow this sheet name, or null when it does. The rules are Excel's own
 * ("Rename a worksheet", support.microsoft.com): not blank, at most 31 characters, none of
 * `/ \ ? * : [ ]`, no apostrophe first or last, and not `History`, which Excel reserves.
 */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "it is blank";
  if (name.length > SHEET_NAME_MAX)
    return `it is ${name.length} characters long (Excel allows ${SHEET_NAME_MAX})`;
  const bad = /[/\\?*:[\]]/.exec(name);
  if (bad) return `it holds "${bad[0]}", which Excel does not allow in a sheet name`;
  if (name.startsWith("'") || name.endsWith("'"))
    return "it begins or ends with an apostrophe, which Excel does not allow";
  if (name.toLowerCase() === "history") return "Excel reserves the name History";
  return null;
}

export function checkSheets(input: WorkbookGrids, findings: Findings): void {
  const seen = new Set<string>();
  for (const sheet of input.sheets) {
    const at = { sheet: sheet.name, cell: "A1" };
    const lower = sheet.name.toLowerCase();
    const problem = seen.has(lower)
      ? "another sheet has the same name (Excel ignores case in sheet names)"
      : sheetNameProblem(sheet.name);
    seen.add(lower);
    if (problem)
      findings.add(
        "invalid-value",
        at,
        "workbook",
        null,
        `The sheet name "${sheet.name}" is not one Excel allows: ${problem}. Excel renames such a sheet when it repairs the file, which breaks formulas and links that name it; rename the sheet.`
      );
    const outside = sheet.outsideGrid ?? 0;
    if (outside > 0)
      findings.add(
        "skipped-rows",
        at,
        "workbook",
        null,
        `${outside.toLocaleString("en-US")} ${outside === 1 ? "cell" : "cells"} beyond Excel's grid (past row 1,048,576 or column XFD) ${outside === 1 ? "was" : "were"} not read: Excel cannot show ${outside === 1 ? "it" : "them"} either.`
      );
  }
}
