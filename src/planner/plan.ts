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
  | "info"
  /** A cell for a person to type into: a check-in file's Actual, Note and Confidence. */
  | "input";

export interface CellPlan {
  /** A literal value. Text is always written as text, never read as a formula. */
  value?: string | number | boolean | null;
  /** A formula without the leading `=`. */
  formula?: string;
  /**
   * An error value (`#N/A`, `#DIV/0!`) held as such, for data copied from an input that held one:
   * written as an error where the format has them, as its text elsewhere.
   */
  error?: string;
  /** Excel number format, e.g. `0.0%`. */
  format?: string;
  style?: StyleName;
  /** Indent level for tree-shaped sheets (Excel shows at most 15). */
  indent?: number;
  /** A note attached to the cell (Excel's "Notes", shown on hover). */
  comment?: string;
  /** Wrap the text onto several lines within the column's width (long messages). */
  wrap?: boolean;
  /**
   * The cell stays editable when its sheet is protected (`protect`): the cells a person fills
   * in. Every other cell of a protected sheet is locked, as in Excel.
   */
  unlocked?: boolean;
}

export type ConditionalFormatPlan =
  | { kind: "icons"; range: string; thresholds: [number, number] }
  | { kind: "dataBar"; range: string; min: number; max: number; color: string }
  | { kind: "colorScale"; range: string; min: number; mid: number; max: number }
  | { kind: "textEquals"; range: string; text: string; style: "green" | "amber" | "red" }
  /**
   * Cells where an Excel formula is true get a style; the formula is written for the range's
   * top-left cell and moves with each cell as in Excel (`$T5` stays in column T, row follows).
   * `muted` is grey italic text: a provisional score.
   */
  | { kind: "expression"; range: string; formula: string; style: "muted" };

export interface ValidationPlan {
  range: string;
  /** A drop-down: a list of allowed values, or a range that holds them. */
  list?: string[] | { range: string };
  /** Instead of a list: a number between these bounds (inclusive). */
  decimal?: { min: number; max: number };
  /** What Excel says when a value is refused (or, with `allowOther`, questioned). */
  error?: string;
  /** The hint shown when the cell is selected. */
  prompt?: string;
  /**
   * The list suggests and warns, but a value not in it may still be kept (error style
   * "warning"): a KRA's owner is a person from the list, or a unit ID.
   */
  allowOther?: boolean;
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
  kind:
    | "scorecard"
    | "cascade"
    | "findings"
    | "dashboard"
    | "trends"
    | "template"
    /** The hidden sheet of the build's figures, for "What changed" on the next build. */
    | "lastbuild"
    /** The hidden marker sheet of a check-in file (`split`): master, owner, cycle, rows sent. */
    | "checkin"
    /** `collect`'s list of the check-ins still owed. */
    | "chase"
    /** The live scorecard's hidden helper sheet: each check-in's period end, for its formulas. */
    | "periods";
  name: string;
  /** Dense rows from A1: `rows[r][c]` is the cell at row r+1, column c+1 (null = empty). */
  rows: (CellPlan | null)[][];
  columnWidths: number[];
  /**
   * Heights (points) of rows whose wrapped text needs more than one line: neither Excel nor
   * LibreOffice grows a row written by a program when it opens the file. `row` is 1-based.
   */
  rowHeights?: { row: number; height: number }[];
  hiddenColumns?: number[];
  merges?: string[];
  frozen?: { rows: number; columns: number };
  conditionalFormats?: ConditionalFormatPlan[];
  validations?: ValidationPlan[];
  print?: PrintPlan;
  /** An Excel table over a block of the rows: its header row (1-based), first column and column count. */
  table?: { name: string; headerRow: number; column: number; columns: number };
  tabColor?: string;
  charts?: ChartPlan[];
  /**
   * Sheet protection without a password (nothing is lost if it is forgotten): every cell is
   * locked but those marked `unlocked`; columns and rows can still be resized.
   */
  protect?: boolean;
  /**
   * A sheet of data for the tool itself (the last build's figures, a check-in file's marker),
   * kept out of the tabs: `veryHidden` cannot be shown from Excel's menus.
   */
  hidden?: "hidden" | "veryHidden";
}

/** A sheet's plan but its rows and table: what a worksheet part says beside its cells. */
export type SheetFields = Omit<SheetPlan, "rows" | "table">;

/**
 * Rows added below the data of an existing sheet of the workbook (`collect` appends check-ins),
 * leaving every existing row as it is but the header row, which may gain cells to the right of
 * its own. Writers apply it to the sheet in place.
 */
export interface RowsAppend {
  /** The sheet, by name: it exists in the workbook. */
  sheet: string;
  /** Cells added to the header row (1-based row; 0-based columns right of every existing cell). */
  header?: { row: number; cells: { column: number; cell: CellPlan }[] };
  /** The 1-based row of the first new row: below every row the sheet has. */
  firstRow: number;
  /** The new rows, dense from column A (null = empty). */
  rows: (CellPlan | null)[][];
  /** A 1-based row whose cells give the new cells their look, column by column (the last data row). */
  styleFrom?: number;
  /** The Excel table over the data, extended over the new rows and header cells. */
  table?: string;
}

/**
 * How a sheet prints, as a document a person hands out. Every writer applies every field:
 * the ExcelJS writer (src/adapters/xlsx/write-plan.ts), the Office.js writer
 * (src/adapters/office/write-plan.ts) and any package writer reading the same plan.
 */
export interface PrintPlan {
  landscape: boolean;
  /** Fit all columns on one page wide (as many pages tall as needed). */
  fitToWidth: boolean;
  /**
   * Print at this zoom (percent, 10–400) instead of fitting: set, with fitToWidth false, on sheets
   * with `breaksBefore`, because Excel and LibreOffice ignore manual page breaks under "Fit to".
   * The planner computes it so the visible columns still fit one page wide.
   */
  scale?: number;
  /** Rows printed at the top of every page, as Excel writes them: `4:4` (1-based, inclusive). */
  repeatRows?: string;
  /**
   * 1-based rows that start a new page: a manual page break above each row (in OOXML a
   * `<rowBreaks>` `<brk id>` of row − 1; in Office.js `horizontalPageBreaks.add` at the row).
   * Ascending, never row 1, at most MAX_PAGE_BREAKS (Excel's limit per sheet).
   */
  breaksBefore?: number[];
  /** The text at the top of every page (left, centre, right parts). */
  header?: HeaderFooterPlan;
  /** The text at the bottom of every page. */
  footer?: HeaderFooterPlan;
}

/**
 * One header or footer: three parts, each literal text with these tokens: `{page}` (this page's
 * number), `{pages}` (the number of pages), `{sheet}` (the sheet's name), `{file}` (the
 * workbook's file name). Writers turn it into Excel's codes with `headerFooterCode` (plan-print.ts),
 * which also escapes a literal `&`.
 */
export interface HeaderFooterPlan {
  left?: string;
  center?: string;
  right?: string;
}

/** Excel keeps at most this many manual page breaks per sheet. */
export const MAX_PAGE_BREAKS = 1026;

/**
 * A sheet whose name, kind and visibility are known before its cells, which `plan` works out when
 * a writer reaches it: the package writer writes one sheet and lets it go before the next is
 * planned, so a build holds one sheet's cells at a time (at 5,000 people, a million each).
 */
export interface SheetToPlan {
  kind: SheetPlan["kind"];
  name: string;
  hidden?: SheetPlan["hidden"];
  plan: () => SheetPlan;
  /** The same sheet a block of rows at a time, for a writer that writes each block as it comes. */
  inBlocks?: () => SheetInBlocks;
}

/**
 * A sheet whose rows are made a block at a time as a writer takes them, each block let go once
 * written: at 5,000 people the scorecard's 1.3 million cells then die young, instead of being
 * kept, and copied by every garbage collection, until the whole sheet is planned and written.
 * Everything else is known first (a worksheet part states its extent, page setup and views
 * before its rows). `wholeSheet` (sheet-blocks.ts) makes it a plain plan.
 */
export interface SheetInBlocks {
  /** The sheet without its rows (and without a table, whose part is written from them). */
  head: SheetFields;
  /** How many rows the blocks make, and the widest. */
  rowCount: number;
  width: number;
  /** The rows in order, a block at a time; taken once. */
  blocks: Iterable<(CellPlan | null)[][]>;
}

/** A workbook plan whose sheets may be planned as they are written (the package writer's input). */
export interface WorkbookToWrite extends Omit<WorkbookPlan, "sheets"> {
  sheets: (SheetPlan | SheetToPlan)[];
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Rows added to existing sheets. */
  appends?: RowsAppend[];
  /** Lock the workbook's structure (no sheet added, renamed, shown or removed), without a password. */
  protectStructure?: boolean;
}

/** Where a writer is, for a progress bar: the stage, the sheet, and the chunk of its cells. */
export interface WriteProgress {
  stage: "preparing" | "writing" | "formatting" | "done";
  sheet?: string;
  chunk?: number;
  chunks?: number;
}
