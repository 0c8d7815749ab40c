/**
 * Where `collect` puts the new check-ins: appended below the master's own check-ins sheet (its
 * rows untouched; its Excel table extended over them), with a Source column saying which file and
 * cell each came from, and Note and Confidence columns added only when the sheet lacks them and an
 * answer has one. A master without a check-ins sheet gets one. Also the merged workbook's grids,
 * so the merged check-ins are validated by the engine exactly as the written file will read.
 */
import { Analysis } from "../../engine/analyze";
import { excelSerialFromDay } from "../../engine/dates";
import { CellValue, SheetGrid, WorkbookGrids, isBlank } from "../../engine/grid";
import { normaliseHeader } from "../../engine/schema";
import { freeSheetName } from "../generated";
import { CellPlan, RowsAppend, SheetPlan, WorkbookPlan } from "../plan";
import { NewCheckIn } from "./collect";

/** Why the check-ins cannot be appended: one line for the user (exit status 2). */
export class MergeRefused extends Error {}

export interface Merge {
  /** What to write: the appended rows (or a new sheet). */
  plan: WorkbookPlan;
  /** The master's grids with the new rows where the writer puts them. */
  grids: WorkbookGrids;
  /** The sheet the rows went to and their 1-based rows (first > last when none). */
  sheet: string;
  first: number;
  last: number;
}

const SOURCE = "Source";
const NEW_SHEET_HEADER = ["KPI ID", "Period", "Actual", "Note", "Confidence", SOURCE];

function lastRowWithData(grid: SheetGrid): number {
  for (let r = grid.rows.length - 1; r >= 0; r--)
    if ((grid.rows[r] ?? []).some((v) => !isBlank(v))) return r;
  return -1;
}

function widthOf(grid: SheetGrid, from: number, to: number): number {
  let width = 0;
  for (let r = from; r <= to; r++) {
    const line = grid.rows[r] ?? [];
    for (let c = line.length - 1; c >= width; c--)
      if (!isBlank(line[c])) {
        width = c + 1;
        break;
      }
  }
  return width;
}

function newSheet(grids: WorkbookGrids, added: readonly NewCheckIn[]): Merge {
  const name = freeSheetName(
    "Check-ins",
    grids.sheets.map((s) => s.name)
  );
  const header = NEW_SHEET_HEADER.map((h) => ({ value: h, style: "header" as const }));
  const rows = added.map((a) => [
    { value: a.kpi },
    { value: a.label },
    { value: a.actual },
    a.note === null ? null : { value: a.note },
    a.confidence === null ? null : { value: a.confidence },
    { value: a.source },
  ]);
  const sheet: SheetPlan = {
    kind: "template",
    name,
    rows: [header, ...rows],
    columnWidths: [12, 12, 12, 30, 12, 44],
    frozen: { rows: 1, columns: 0 },
  };
  const grid: SheetGrid = {
    name,
    rows: sheet.rows.map((line) => line.map((c) => (c?.value ?? null) as CellValue)),
  };
  return {
    plan: { sheets: added.length > 0 ? [sheet] : [] },
    grids: added.length > 0 ? { ...grids, sheets: [...grids.sheets, grid] } : grids,
    sheet: name,
    first: 2,
    last: added.length + 1,
  };
}

/** The master's check-ins with the new ones appended, as a plan and as grids. */
export function planMerge(
  analysis: Analysis,
  grids: WorkbookGrids,
  added: readonly NewCheckIn[]
): Merge {
  const region = analysis.model.regions.actuals;
  if (!region || region.columns.kpi === undefined) return newSheet(grids, added);
  if (region.origins)
    throw new MergeRefused(
      `The master keeps its check-ins on "${region.grid.name}" in a layout kpi-cascade reads but cannot add rows to (periods across, or several sheets); collect needs a check-ins sheet with one row per check-in (KPI ID, Period, Actual).`
    );
  // The sheet as read (the region's copy may have its merged cells filled in).
  const grid = grids.sheets.find((s) => s.name === region.grid.name);
  if (!grid)
    throw new MergeRefused(`The check-ins sheet "${region.grid.name}" could not be found again.`);
  const rowOffset = grid.rowOffset ?? 0;
  const colOffset = grid.colOffset ?? 0;
  const header = region.headerRow;
  const lastData = lastRowWithData(grid);
  // The Excel table the check-ins are in: the one they were found by, or one over the same header.
  const table = region.table
    ? grids.tables?.find((t) => t.name === region.table)
    : grids.tables?.find((t) => t.sheet === grid.name && t.top - rowOffset === header);
  let tableBottom = -1;
  let tableRight = -1;
  if (table) {
    tableBottom = table.top + table.rowCount - 1 - rowOffset;
    tableRight = table.left + table.colCount - 1 - colOffset;
    for (let r = tableBottom + 1; r <= lastData; r++)
      if ((grid.rows[r] ?? []).some((v) => !isBlank(v)))
        throw new MergeRefused(
          `The check-ins table "${table.name}" on "${grid.name}" has cells below it (row ${rowOffset + r + 1}); collect adds the new check-ins at the end of the table. Move those cells, or the table, and run collect again.`
        );
  }
  // Columns the answers need: Source always; Note and Confidence when missing and used.
  const headerCells = grid.rows[header] ?? [];
  const findHeader = (name: string) =>
    headerCells.findIndex(
      (v) => typeof v === "string" && normaliseHeader(v) === normaliseHeader(name)
    );
  const columns = { ...region.columns };
  let next = table ? tableRight + 1 : widthOf(grid, header, lastData);
  if (table && widthOf(grid, header, lastData) > next) {
    // Something sits right of the table: its new columns would cover it.
    for (let r = header; r <= lastData; r++)
      if (!isBlank(grid.rows[r]?.[next]))
        throw new MergeRefused(
          `The check-ins table "${table.name}" on "${grid.name}" has cells right of it; collect adds a Source column there. Move those cells and run collect again.`
        );
  }
  const newHeader: { column: number; name: string }[] = [];
  const want = (field: "note" | "confidence" | "source", name: string, needed: boolean) => {
    if (field !== "source" && columns[field] !== undefined) return;
    const found = findHeader(name);
    if (found >= 0) {
      columns[field] = found;
      return;
    }
    if (!needed) return;
    columns[field] = next;
    newHeader.push({ column: next, name });
    next++;
  };
  want(
    "note",
    "Note",
    added.some((a) => a.note !== null)
  );
  want(
    "confidence",
    "Confidence",
    added.some((a) => a.confidence !== null)
  );
  want("source", SOURCE, added.length > 0);

  // Periods are written as the master writes them: dates if its last check-in's period is a date.
  const lastPeriod = grid.rows[lastData]?.[region.columns.period ?? -1];
  const asDate =
    lastPeriod instanceof Date ||
    (lastData > header && typeof lastPeriod === "number" && lastPeriod > 9999);
  const width = Math.max(...Object.values(columns).map((c) => (c ?? 0) + 1));
  const first = Math.max(lastData, header, tableBottom) + 1;
  const planRows: (CellPlan | null)[][] = [];
  const gridRows: CellValue[][] = [];
  for (const a of added) {
    const line: (CellPlan | null)[] = new Array(width).fill(null);
    const put = (field: string, cell: CellPlan | null) => {
      const c = columns[field];
      if (c !== undefined && cell) line[c] = cell;
    };
    put("kpi", { value: a.kpi });
    put(
      "period",
      asDate ? { value: excelSerialFromDay(a.end), format: "yyyy-mm-dd" } : { value: a.label }
    );
    put("actual", { value: a.actual });
    put("note", a.note === null ? null : { value: a.note });
    put("confidence", a.confidence === null ? null : { value: a.confidence });
    put("source", { value: a.source });
    planRows.push(line);
    gridRows.push(
      line.map((c, i) =>
        c === null
          ? null
          : i === columns.period && asDate
            ? new Date((a.end as number) * 86_400_000)
            : ((c.value ?? null) as CellValue)
      )
    );
  }
  const append: RowsAppend = {
    sheet: grid.name,
    header:
      newHeader.length > 0
        ? {
            row: rowOffset + header + 1,
            cells: newHeader.map((h) => ({
              column: colOffset + h.column,
              cell: { value: h.name },
            })),
          }
        : undefined,
    firstRow: rowOffset + first + 1,
    rows: planRows.map((line) => [...new Array<null>(colOffset).fill(null), ...line]),
    styleFrom: lastData > header ? rowOffset + lastData + 1 : undefined,
    table: table?.name,
  };

  // The merged grids: the same rows, the header with its new cells, the new rows below.
  const rows = grid.rows.slice();
  if (newHeader.length > 0) {
    const line = (rows[header] ?? []).slice();
    for (const h of newHeader) line[h.column] = h.name;
    rows[header] = line;
  }
  for (let i = 0; i < gridRows.length; i++) rows[first + i] = gridRows[i];
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merged: SheetGrid = { ...grid, rows };
  const tables = (grids.tables ?? []).map((t) =>
    table && t === table
      ? {
          ...t,
          rowCount: Math.max(t.rowCount, first + gridRows.length - (t.top - rowOffset)),
          colCount: Math.max(t.colCount, next - (t.left - colOffset)),
        }
      : t
  );
  return {
    plan: { sheets: [], appends: added.length > 0 ? [append] : [] },
    grids: {
      sheets: grids.sheets.map((s) => (s === grid ? merged : s)),
      tables,
    },
    sheet: grid.name,
    first: rowOffset + first + 1,
    last: rowOffset + first + added.length,
  };
}
