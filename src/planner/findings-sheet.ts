/** The Findings sheet: every finding, errors first, each with a link that jumps to its cell. */
import { Analysis } from "../engine/analyze";
import { FLOOD_MIN, collapseFloods } from "../engine/floods";
import { sortFindings } from "../engine/report";
import { CellPlan, SheetPlan } from "./plan";
import { fitCell } from "./cell-text";
import { documentPrint } from "./plan-print";
import { isoFromDay } from "../engine/dates";

/** A string literal inside a formula: quotes doubled, so workbook text can never break out of it. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** `=HYPERLINK("#'Sheet'!B7","Sheet!B7")`: a native link to a cell of this workbook. */
export function cellLink(sheet: string, cell: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `HYPERLINK(${formulaString(target)},${formulaString(`${sheet}!${cell}`)})`;
}

const HEADERS = ["Severity", "Rule", "Go to", "Message", "Entity", "ID"];

const MESSAGE_WIDTH = 90;
/** One line of 11-point text, and Excel's tallest row (409 points). */
const LINE_POINTS = 15;

/** About how many lines a text wraps to in a column this many characters wide. */
export function wrappedLines(text: string, width: number): number {
  return Math.max(1, Math.ceil(text.length / (width * 1.05)));
}

export function planFindings(analysis: Analysis, name = "KPI Findings"): SheetPlan {
  const findings = sortFindings(analysis.findings);
  // A flood of one rule on one sheet is one row, with the count and the cells the rest span.
  const shown = collapseFloods(findings);
  const collapsed = shown.length < findings.length;
  const rows: (CellPlan | null)[][] = [
    [{ value: `Findings — ${findings.length} in all`, style: "title" }],
    [
      {
        value: collapsed
          ? `Click a cell in “Go to” to jump to the cell the finding is about. Where one rule fires more than ${FLOOD_MIN} times on one sheet, one row stands for them all with their count; the JSON report (--json) lists each.`
          : "Click a cell in “Go to” to jump to the cell the finding is about.",
        style: "note",
      },
    ],
    HEADERS.map((h) => ({ value: h, style: "header" })),
  ];
  const rowHeights: { row: number; height: number }[] = [];
  for (const f of shown) {
    const lines = wrappedLines(f.message, MESSAGE_WIDTH);
    if (lines > 1)
      rowHeights.push({ row: rows.length + 1, height: Math.min(409, lines * LINE_POINTS) });
    // Every cell wraps (and so sits at the top), so a row of a long message reads as one line.
    const cells: CellPlan[] = [
      { value: f.severity, style: f.severity },
      { value: f.rule },
      f.sheet && f.cell ? { formula: cellLink(f.sheet, f.cell), style: "link" } : { value: "" },
      { value: fitCell(f.message) },
      { value: f.entity },
      { value: fitCell(f.id) },
    ];
    rows.push(cells.map((cell) => ({ ...cell, wrap: true })));
  }
  return {
    kind: "findings",
    name,
    rows,
    columnWidths: [10, 22, 20, MESSAGE_WIDTH, 10, 14],
    rowHeights,
    frozen: { rows: 3, columns: 0 },
    print: documentPrint("Findings", isoFromDay(analysis.model.asOf), 3),
    tabColor: "FFC00000",
  };
}
