/**
 * A WorkbookPort over in-memory grids, for component tests: it applies Settings edits to the grids
 * (so the next read shows them), records plans written and cells selected, and can be told to fail.
 */
import { parseA1 } from "../../src/engine/address";
import { CellValue, WorkbookGrids } from "../../src/engine/grid";
import { RowsAppend, WorkbookPlan, WriteProgress } from "../../src/planner/plan";
import { SheetEdit } from "../../src/planner/settings-edit";
import { PortMode, WorkbookPort } from "../../src/taskpane/workbook-port";

export class FakePort implements WorkbookPort {
  title = "test.xlsx";
  plans: WorkbookPlan[] = [];
  selected: string[] = [];
  edits: SheetEdit[] = [];
  appends: RowsAppend[] = [];
  reads = 0;
  failWrites: string | null = null;
  /** Sheets each write reports kept: marked as generated but changed by hand. */
  keptOnWrite: string[] = [];
  constructor(
    public grids: WorkbookGrids,
    public mode: PortMode = "excel"
  ) {}
  async readGrids(): Promise<WorkbookGrids> {
    this.reads++;
    // A copy, as a real read gives: the pane must not see later edits through shared arrays.
    return {
      ...this.grids,
      sheets: this.grids.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) })),
    };
  }
  async writePlan(plan: WorkbookPlan, onProgress: (p: WriteProgress) => void) {
    onProgress({ stage: "preparing" });
    if (this.failWrites) throw new Error(this.failWrites);
    onProgress({ stage: "writing", sheet: plan.sheets[0]?.name, chunk: 1, chunks: 2 });
    this.plans.push(plan);
    onProgress({ stage: "done" });
    return { sheets: plan.sheets.map((s) => s.name), kept: this.keptOnWrite };
  }
  async applyEdit(edit: SheetEdit): Promise<void> {
    this.edits.push(edit);
    let sheet = this.grids.sheets.find((s) => s.name === edit.sheet);
    if (!sheet) {
      sheet = { name: edit.sheet, rows: [] };
      this.grids.sheets.push(sheet);
    }
    for (const w of edit.writes) {
      const at = parseA1(w.address) as { row: number; col: number };
      const r = at.row - (sheet.rowOffset ?? 0);
      const c = at.col - (sheet.colOffset ?? 0);
      while (sheet.rows.length <= r) sheet.rows.push([]);
      (sheet.rows[r] as CellValue[])[c] = w.value;
    }
  }
  /** Applies the rows to the grids (so the next read shows them) and records them. */
  async appendRows(append: RowsAppend): Promise<void> {
    if (this.failWrites) throw new Error(this.failWrites);
    this.appends.push(append);
    const sheet = this.grids.sheets.find((s) => s.name === append.sheet);
    if (!sheet) throw new Error(`No sheet ${append.sheet}`);
    const offset = sheet.rowOffset ?? 0;
    if (append.header) {
      const row = (sheet.rows[append.header.row - 1 - offset] ??= []) as CellValue[];
      for (const c of append.header.cells) row[c.column] = c.cell.value ?? null;
    }
    append.rows.forEach((line, i) => {
      const r = append.firstRow - 1 - offset + i;
      while (sheet.rows.length <= r) sheet.rows.push([]);
      sheet.rows[r] = line.map((c) => (c?.value ?? null) as CellValue);
    });
  }
  async selectCell(sheet: string, cell: string): Promise<boolean> {
    this.selected.push(`${sheet}!${cell}`);
    return this.mode === "excel";
  }
}
