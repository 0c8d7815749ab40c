/**
 * A built workbook recalculated by a real formula engine in-process: HyperFormula over the user's
 * sheets (as the file holds them: merged cells blank below their first row) and the planned
 * sheets, so a unit test can compare what the live scorecard's formulas compute with the engine,
 * and edit a source cell and recalculate as a person would.
 */
import { HyperFormula } from "hyperformula";
import { a1, parseA1 } from "../../src/engine/address";
import { CellValue, WorkbookGrids } from "../../src/engine/grid";
import { WorkbookPlan } from "../../src/planner/plan";
import { hyperFormulaSheets, rawOf } from "./hyperformula-input";

export { forHyperFormula, rawOf } from "./hyperformula-input";

export type Value = number | string | boolean | { error: string } | null;

export class Recalculated {
  private constructor(
    private readonly hf: HyperFormula,
    private readonly ids: Map<string, number>
  ) {}

  static of(input: WorkbookGrids, plan: WorkbookPlan): Recalculated {
    const sheets = hyperFormulaSheets(input, plan);
    const hf = HyperFormula.buildFromSheets(sheets, {
      licenseKey: "gpl-v3",
      smartRounding: false,
    });
    const ids = new Map(Object.keys(sheets).map((name) => [name, hf.getSheetId(name) as number]));
    return new Recalculated(hf, ids);
  }

  /** Types a value into a cell (`KPIs`, `G7`), as a person would; the formulas recalculate. */
  set(sheet: string, cell: string, value: CellValue): void {
    const pos = parseA1(cell) as { row: number; col: number };
    this.hf.setCellContents({ sheet: this.ids.get(sheet) as number, row: pos.row, col: pos.col }, [
      [rawOf(value)],
    ]);
  }

  value(sheet: string, cell: string): Value {
    const pos = parseA1(cell) as { row: number; col: number };
    return this.normal(
      this.hf.getCellValue({ sheet: this.ids.get(sheet) as number, row: pos.row, col: pos.col })
    );
  }

  /** Every cell of a sheet, `[row][col]` 0-based. */
  values(sheet: string): Value[][] {
    return this.hf
      .getSheetValues(this.ids.get(sheet) as number)
      .map((line) => line.map((v) => this.normal(v)));
  }

  /** Cells of the planned sheets that compute an error, as `Sheet!A1: #VALUE! (message)`. */
  errors(sheets: readonly string[]): string[] {
    const bad: string[] = [];
    for (const name of sheets)
      this.values(name).forEach((line, r) =>
        line.forEach((v, c) => {
          if (v !== null && typeof v === "object") bad.push(`${name}!${a1(r, c)}: ${v.error}`);
        })
      );
    return bad;
  }

  destroy(): void {
    this.hf.destroy();
  }

  private normal(v: unknown): Value {
    if (v === null || v === undefined) return null;
    if (typeof v === "object") {
      const e = v as { value?: string; message?: string };
      return { error: `${e.value ?? "#ERROR"}${e.message ? ` ${e.message}` : ""}` };
    }
    return v as Value;
  }
}
