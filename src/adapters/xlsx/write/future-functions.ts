/**
 * Functions Excel added after 2007 are stored in a file with the `_xlfn.` prefix (ECMA-376's
 * "future functions"): Excel and LibreOffice read `MINIFS` without it as an unknown name
 * (#NAME?). Formulas in a plan are written as a person types them; the package writer adds the
 * prefix. The Office.js writer types them, so it needs none.
 */

/** The future functions the planner writes. */
const FUTURE = /(?<![\w.])(MINIFS|MAXIFS)\(/g;

/** The formula as the file stores it (`_xlfn.MINIFS(`), text inside quotes left as it is. */
export function fileFormula(formula: string): string {
  // SUMIFS and COUNTIFS need no prefix: most formulas are decided by these two searches.
  if (!formula.includes("MINIFS(") && !formula.includes("MAXIFS(")) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(FUTURE, "_xlfn.$1(")))
    .join("");
}
