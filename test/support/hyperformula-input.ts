/**
 * A built workbook as HyperFormula's input: the user's sheets as the file holds them (text stays
 * text, merged cells blank below their first row) and the planned sheets' formulas and values.
 * Shared by the unit tests' recalculation and the benchmark's side-by-side.
 */
import { RawCellContent } from "hyperformula";
import { dayFromDate, excelSerialFromDay } from "../../src/engine/dates";
import { CellValue, WorkbookGrids, isCellError } from "../../src/engine/grid";
import { WorkbookPlan } from "../../src/planner/plan";

/** What a cell of the user's holds, as HyperFormula input (text stays text: `'$5`). */
export function rawOf(v: CellValue): RawCellContent {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    const day = dayFromDate(v);
    const fraction = v.getTime() / 86_400_000 - Math.floor(v.getTime() / 86_400_000);
    return day === null ? null : excelSerialFromDay(day) + fraction;
  }
  // Any error value: the engine reads them all alike.
  if (isCellError(v)) return v.error === "#N/A" ? "=NA()" : "=1/0";
  if (typeof v === "string") return v === "" ? null : `'${v}`;
  return v;
}

/**
 * A formula as HyperFormula reads it: it takes `1e-9` but not Excel's own `1E-9` (outside text).
 * Nothing else differs.
 */
export function forHyperFormula(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(\d)E([+-]?\d)/g, "$1e$2")))
    .join("");
}

/** Every sheet, by name: the user's, then the plan's. */
export function hyperFormulaSheets(
  input: WorkbookGrids,
  plan: WorkbookPlan
): Record<string, RawCellContent[][]> {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const grid of input.sheets) {
    const top = grid.rowOffset ?? 0;
    const left = grid.colOffset ?? 0;
    const rows: RawCellContent[][] = Array.from({ length: top }, () => []);
    for (const cells of grid.rows)
      rows.push([...Array.from({ length: left }, () => null), ...(cells ?? []).map(rawOf)]);
    sheets[grid.name] = rows;
  }
  for (const sheet of plan.sheets)
    sheets[sheet.name] = sheet.rows.map((line) =>
      line.map((c) => {
        if (!c) return null;
        if (c.formula !== undefined) return `=${forHyperFormula(c.formula)}`;
        const v = c.value ?? null;
        return typeof v === "string" ? `'${v}` : v;
      })
    );
  return sheets;
}
