/**
 * Rows appended below a sheet's data in the workbook open in Excel (the pane's "Collect returned
 * files"): the Office.js side of a plan's `appends`, as the package writer applies them to a file.
 * Rows go in chunks, one sync each; in an Excel table they are added as table rows and the new
 * header cells as table columns, so the table grows over them; elsewhere the new rows take the
 * formats of the row the plan names. Text is written with an apostrophe, so `Jun 2026` stays the
 * text the engine reads as a period rather than becoming a date.
 */
import { CellPlan, RowsAppend } from "../../planner/plan";
import { fitCell } from "../../planner/cell-text";

/** Rows per sync: a few hundred kilobytes of cell data, far under Excel on the web's 5 MB. */
const ROWS_PER_SYNC = 2_000;

function input(cell: CellPlan | null | undefined): string | number | boolean {
  const v = cell?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v === "" ? "" : `'${fitCell(v)}`;
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  return v;
}

export async function appendRowsToExcel(
  context: Excel.RequestContext,
  append: RowsAppend
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(append.sheet);
  const header = append.header?.cells ?? [];
  const table = append.table ? sheet.tables.getItem(append.table) : null;
  let left = 0;
  let columns = Math.max(1, ...append.rows.map((r) => r.length));
  if (table) {
    for (const c of header) table.columns.add(undefined, undefined, String(c.cell.value ?? ""));
    const range = table.getHeaderRowRange().load(["columnIndex", "columnCount"]);
    await context.sync();
    left = range.columnIndex;
    columns = range.columnCount;
  } else {
    for (const c of header)
      sheet.getRangeByIndexes((append.header?.row ?? 1) - 1, c.column, 1, 1).values = [
        [input(c.cell)],
      ];
    await context.sync();
  }
  for (let from = 0; from < append.rows.length; from += ROWS_PER_SYNC) {
    const lines = append.rows.slice(from, from + ROWS_PER_SYNC);
    const values = lines.map((line) =>
      Array.from({ length: columns }, (_, c) => input(line[left + c]))
    );
    if (table) table.rows.add(undefined, values);
    else {
      const range = sheet.getRangeByIndexes(append.firstRow - 1 + from, 0, lines.length, columns);
      if (append.styleFrom)
        range.copyFrom(
          sheet.getRangeByIndexes(append.styleFrom - 1, 0, 1, columns),
          Excel.RangeCopyType.formats
        );
      range.values = values;
    }
    // One sync per chunk of rows, by design: each chunk is a request of its own.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}
