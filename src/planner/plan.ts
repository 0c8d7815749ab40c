/**
 * What to write into a workbook, as plain data: sheets of cells (values, formulas, number formats,
 * named styles, links), merged ranges, column widths, frozen panes, conditional formats, data
 * validations and page setup. The planner makes it from the engine's model; the ExcelJS and
 * Office.js writers apply it. Neither writer decides anything about content.
 */

/** Named styles: each writer maps them to its own formatting. */
export type StyleName =
  | "title"
  | "subtitle"
  | "header"
  | "owner"
  | "kra"
  | "kpi"
  | "label"
  | "note"
  | "link"
  | "error"
  | "warning"
  | "info";

export interface CellPlan {
  /** A literal value. Text is always written as text, never read as a formula. */
  value?: string | number | boolean | null;
  /** A formula without the leading `=`. */
  formula?: string;
  /** Excel number format, e.g. `0.0%`. */
  format?: string;
  style?: StyleName;
  /** Indent level for tree-shaped sheets. */
  indent?: number;
  /** A note attached to the cell (Excel's "Notes", shown on hover). */
  comment?: string;
}

export type ConditionalFormatPlan =
  | { kind: "icons"; range: string; thresholds: [number, number] }
  | { kind: "dataBar"; range: string; min: number; max: number; color: string }
  | { kind: "colorScale"; range: string; min: number; mid: number; max: number }
  | { kind: "textEquals"; range: string; text: string; style: "green" | "amber" | "red" };

export interface ValidationPlan {
  range: string;
  /** A list of allowed values, or a range that holds them. */
  list: string[] | { range: string };
}

/** One series of a chart: its legend name and the cells (a row or column on the same sheet) it plots. */
export interface ChartSeriesPlan {
  name: string;
  /** A1 range on the chart's own sheet, without the sheet name: `D6:O6`. */
  values: string;
  /** `RRGGBB`; the application's palette when absent. */
  color?: string;
}

/**
 * A native chart over the sheet's own cells. Ranges carry no sheet name: each writer qualifies
 * them with the name the sheet finally gets.
 */
export interface ChartPlan {
  type: "line" | "bar" | "stackedColumn";
  title: string;
  /** The category labels (periods, units): an A1 range on the same sheet. */
  categories: string;
  series: ChartSeriesPlan[];
  /** The value axis's number format, e.g. `0%`. */
  valueFormat?: string;
  /** Top-left cell (A1) and size in columns and rows. */
  anchor: string;
  size: { columns: number; rows: number };
}

export interface SheetPlan {
  /** What the sheet is, for finding it again on the next build. */
  kind: "scorecard" | "cascade" | "findings" | "dashboard" | "trends" | "template";
  name: string;
  /** Dense rows from A1: `rows[r][c]` is the cell at row r+1, column c+1 (null = empty). */
  rows: (CellPlan | null)[][];
  columnWidths: number[];
  hiddenColumns?: number[];
  merges?: string[];
  frozen?: { rows: number; columns: number };
  conditionalFormats?: ConditionalFormatPlan[];
  validations?: ValidationPlan[];
  print?: { landscape: boolean; fitToWidth: boolean; repeatRows?: string };
  /** An Excel table over a block of the rows: its header row (1-based), first column and column count. */
  table?: { name: string; headerRow: number; column: number; columns: number };
  tabColor?: string;
  charts?: ChartPlan[];
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
}

/** Where a writer is, for a progress bar: the stage, the sheet, and the chunk of its cells. */
export interface WriteProgress {
  stage: "preparing" | "writing" | "formatting" | "done";
  sheet?: string;
  chunk?: number;
  chunks?: number;
}
