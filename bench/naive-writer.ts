/**
 * The strawman for `vs-naive-writer`: what an add-in written without batching does — each row of
 * each sheet its own range write, number formats and styles, followed by its own `context.sync()`.
 * Only the bench uses it.
 */
import { columnLetters } from "../src/engine/address";
import { formulaInput } from "../src/adapters/office/write-plan";
import { WorkbookPlan } from "../src/planner/plan";

export async function writeRowByRow(
  context: Excel.RequestContext,
  plan: WorkbookPlan
): Promise<{ syncs: number }> {
  let syncs = 0;
  for (const sheetPlan of plan.sheets) {
    const sheet = context.workbook.worksheets.add(sheetPlan.name);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the strawman's whole point
    await context.sync();
    syncs++;
    for (const [r, line] of sheetPlan.rows.entries()) {
      if (line.length === 0) continue;
      const range = sheet.getRange(`A${r + 1}:${columnLetters(line.length - 1)}${r + 1}`);
      range.numberFormat = [line.map((c) => c?.format ?? "General")];
      range.formulas = [line.map((c) => formulaInput(c))];
      if (line.some((c) => c?.style)) range.format.font.bold = true;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the strawman's whole point
      await context.sync();
      syncs++;
    }
  }
  return { syncs };
}
