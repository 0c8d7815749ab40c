/**
 * Functions Excel added after 2007 are stored in a file with the `_xlfn.` prefix (ECMA-376's
 * "future functions"): Excel and LibreOffice read `MINIFS` without it as an unknown name
 * (#NAME?). Formulas in a plan are written as a person types them; the package writer adds the
 * prefix. The Office.js writer types them, so it needs none.
 */
import { CellPlan, SheetPlan } from "../../../planner/plan";

/** The future functions the planner writes. */
const FUTURE = /(?<![\w.])(MINIFS|MAXIFS)\(/g;

export function fileFormula(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(FUTURE, "_xlfn.$1(")))
    .join("");
}

/** The sheet with its formulas as the file stores them (the same sheet when nothing changes). */
export function withFileFormulas(sheet: SheetPlan): SheetPlan {
  let changed = false;
  const convert = (cell: CellPlan | null): CellPlan | null => {
    if (cell?.formula === undefined || !cell.formula.includes("IFS(")) return cell;
    const formula = fileFormula(cell.formula);
    if (formula === cell.formula) return cell;
    changed = true;
    return { ...cell, formula };
  };
  const rows = sheet.rows.map((line) => line.map(convert));
  return changed ? { ...sheet, rows } : sheet;
}
