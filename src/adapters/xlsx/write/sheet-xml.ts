/**
 * One planned sheet as a worksheet part (SpreadsheetML), written straight from the plan: values
 * (text as inline strings, so the shared-string table is never touched), formulas without cached
 * results (the workbook asks for a full calculation on load), styles, merges, frozen panes,
 * conditional formats on the plan's bounded ranges, drop-down lists and page setup. Elements come
 * in the order CT_Worksheet requires.
 */
import { a1, columnLetters } from "../../../engine/address";
import { CELL_ERROR_VALUES, fitCell } from "../../../planner/cell-text";
import {
  CellPlan,
  ConditionalFormatPlan,
  SheetFields,
  SheetInBlocks,
  SheetPlan,
} from "../../../planner/plan";
import { headerFooterCode } from "../../../planner/plan-print";
import { ContentChecksum } from "../../../planner/generated";
import { DeflatedPart, PartSink } from "../package/codec";
import { Backlogs } from "../package/deflated-part";
import { escapeCellText, escapeXml, needsXstring } from "../xml/escape";
import { XmlOut, XmlSink, XmlText } from "../xml/xml-sink";
import { fileFormula } from "./future-functions";
import { StyleBook } from "./style-book";
import type { Note } from "./comments";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Column letters by index, made once: every cell's reference starts with them. */
const columnNames: string[] = [];
function columnName(c: number): string {
  return (columnNames[c] ??= columnLetters(c));
}

/** Whether the text starts or ends with a space, tab, line feed or carriage return. */
function hasEdgeSpace(text: string): boolean {
  const edge = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  return edge(text.charCodeAt(0)) || edge(text.charCodeAt(text.length - 1));
}

/**
 * One cell into `out`, and into the sheet's checksum (when given) as the reader will count it
 * when the sheet is read back (planner/generated.ts). `styleId` (a cell format index of the
 * workbook) replaces the plan's look when given.
 */
function writeCell(
  out: XmlOut,
  column: string,
  row: string,
  cell: CellPlan,
  styles: StyleBook,
  sum: ContentChecksum | null,
  styleId?: number
): void {
  const s = styleId ?? styles.xf(cell.style, cell.format, cell.indent, cell.wrap, cell.unlocked);
  const v = cell.value;
  const error = cell.error !== undefined && CELL_ERROR_VALUES.has(cell.error) ? cell.error : null;
  // An error value no cell of type `e` may hold (`#SPILL!` in an old format) is kept as its text.
  const text =
    typeof v === "string" && v !== ""
      ? fitCell(v)
      : error === null && cell.error
        ? cell.error
        : null;
  const finite = typeof v === "number" && Number.isFinite(v);
  const content =
    cell.formula !== undefined ||
    error !== null ||
    finite ||
    typeof v === "boolean" ||
    text !== null;
  if (!content && s === 0) return;
  out.raw('<c r="');
  out.raw(column);
  out.raw(row);
  out.raw('"');
  if (s !== 0) {
    out.raw(' s="');
    out.int(s);
    out.raw('"');
  }
  if (cell.formula !== undefined) {
    out.raw("><f>");
    out.content(fileFormula(cell.formula));
    out.raw("</f></c>");
    sum?.addFormula(column, row);
  } else if (error !== null) {
    out.raw(' t="e"><v>');
    out.raw(error);
    out.raw("</v></c>");
    sum?.addValue(column, row, `#error ${error}`);
  } else if (finite) {
    out.raw("><v>");
    out.raw(String(v));
    out.raw("</v></c>");
    sum?.addValue(column, row, v);
  } else if (typeof v === "boolean") {
    out.raw(v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
    sum?.addValue(column, row, v);
  } else if (text !== null) {
    // Excel's own rule: xml:space only where the text starts or ends with white space, which an
    // XML reader could otherwise drop (a third of a generated sheet's text cells said it before).
    out.raw(
      hasEdgeSpace(text) ? ' t="inlineStr"><is><t xml:space="preserve">' : ' t="inlineStr"><is><t>'
    );
    if (needsXstring(text)) out.raw(escapeCellText(text));
    else out.content(text);
    out.raw("</t></is></c>");
    sum?.addValue(column, row, text);
  } else out.raw("/>");
}

/**
 * One cell's XML as text, for rows added to a sheet of the user's (append-rows.ts); `p` is the
 * prefix the part gives SpreadsheetML's elements.
 */
export function cellXml(
  ref: string,
  cell: CellPlan,
  styles: StyleBook,
  styleId?: number,
  p = ""
): string {
  const [, column, row] = /^([A-Z]+)(\d+)$/.exec(ref) ?? ["", ref, ""];
  const out = new XmlText();
  writeCell(out, column, row, cell, styles, null, styleId);
  return p ? prefixed(out.text(), p) : out.text();
}

function conditionalFormatXml(
  cf: ConditionalFormatPlan,
  priority: number,
  styles: StyleBook
): string {
  const num = (v: number) => `<cfvo type="num" val="${v}"/>`;
  let rule: string;
  switch (cf.kind) {
    case "icons":
      rule =
        `<cfRule type="iconSet" priority="${priority}"><iconSet iconSet="3TrafficLights1">` +
        `${num(-1e9)}${num(cf.thresholds[0] - 1e-9)}${num(cf.thresholds[1] - 1e-9)}</iconSet></cfRule>`;
      break;
    case "dataBar":
      rule =
        `<cfRule type="dataBar" priority="${priority}"><dataBar>${num(cf.min)}${num(cf.max)}` +
        `<color rgb="${cf.color}"/></dataBar></cfRule>`;
      break;
    case "colorScale":
      rule =
        `<cfRule type="colorScale" priority="${priority}"><colorScale>${num(cf.min)}${num(cf.mid)}${num(cf.max)}` +
        `<color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/></colorScale></cfRule>`;
      break;
    case "expression":
      rule =
        `<cfRule type="expression" dxfId="${styles.mutedDxf()}" priority="${priority}">` +
        `<formula>${escapeXml(cf.formula)}</formula></cfRule>`;
      break;
    case "textEquals":
      rule =
        `<cfRule type="cellIs" dxfId="${styles.statusDxf(cf.style)}" priority="${priority}" operator="equal">` +
        `<formula>${escapeXml(`"${cf.text.replace(/"/g, '""')}"`)}</formula></cfRule>`;
      break;
  }
  return `<conditionalFormatting sqref="${escapeXml(cf.range.replace(/,/g, " "))}">${rule}</conditionalFormatting>`;
}

/** A cell's XML with its elements in the part's namespace prefix (`x:c`). */
function prefixed(xml: string, p: string): string {
  return xml.replace(/<(\/?)(c|f|v|is|t)(?=[\s>/])/g, `<$1${p}$2`);
}

/** Excel's limits on a validation's texts: 32 characters of title, 255 of message. */
function messageAttributes(kind: "error" | "prompt", text: string | undefined): string {
  if (!text) return "";
  const show = kind === "error" ? "" : ' showInputMessage="1"';
  return `${show} ${kind}="${escapeXml(text.slice(0, 255))}"`;
}

function validationsXml(plan: SheetFields): string {
  const validations = plan.validations ?? [];
  if (validations.length === 0) return "";
  const items = validations.map((v) => {
    const style = v.allowOther ? ' errorStyle="warning"' : "";
    const messages = messageAttributes("error", v.error) + messageAttributes("prompt", v.prompt);
    const open = (type: string, extra: string) =>
      `<dataValidation type="${type}"${extra}${style} allowBlank="1" showErrorMessage="1"${messages} sqref="${escapeXml(v.range.replace(/,/g, " "))}">`;
    if (v.decimal)
      return (
        open("decimal", ' operator="between"') +
        `<formula1>${v.decimal.min}</formula1><formula2>${v.decimal.max}</formula2></dataValidation>`
      );
    const list = v.list ?? [];
    const formula = Array.isArray(list) ? `"${list.join(",")}"` : list.range;
    return open("list", "") + `<formula1>${escapeXml(formula)}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

/**
 * Protection without a password: cells are locked unless their format says otherwise; columns
 * and rows may still be resized, and locked cells selected and copied.
 */
const SHEET_PROTECTION =
  '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>';

function viewXml(plan: SheetFields, selected: boolean): string {
  const f = plan.frozen;
  const sel = selected ? ' tabSelected="1"' : "";
  if (!f || (f.rows === 0 && f.columns === 0))
    return `<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`;
  const pane = f.rows > 0 && f.columns > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
  return (
    `<sheetViews><sheetView${sel} workbookViewId="0"><pane${f.columns ? ` xSplit="${f.columns}"` : ""}${f.rows ? ` ySplit="${f.rows}"` : ""}` +
    ` topLeftCell="${a1(f.rows, f.columns)}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}"/></sheetView></sheetViews>`
  );
}

function colsXml(plan: SheetFields): string {
  const hidden = new Set(plan.hiddenColumns ?? []);
  const count = Math.max(plan.columnWidths.length, ...[...hidden].map((c) => c + 1), 0);
  const cols: string[] = [];
  for (let c = 0; c < count; c++) {
    const width = plan.columnWidths[c];
    if (width === undefined && !hidden.has(c)) continue;
    cols.push(
      `<col min="${c + 1}" max="${c + 1}" width="${width ?? 9.14}"${width !== undefined ? ' customWidth="1"' : ""}${hidden.has(c) ? ' hidden="1"' : ""}/>`
    );
  }
  return cols.length > 0 ? `<cols>${cols.join("")}</cols>` : "";
}

/** Page setup, header and footer, and manual page breaks, in CT_Worksheet's order. */
function printXml(print: NonNullable<SheetPlan["print"]>): string {
  const scale = !print.fitToWidth && print.scale ? ` scale="${Math.round(print.scale)}"` : "";
  let xml =
    `<pageSetup paperSize="9"${scale} orientation="${print.landscape ? "landscape" : "portrait"}"` +
    `${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
  if (print.header || print.footer)
    xml +=
      `<headerFooter>${print.header ? `<oddHeader>${escapeXml(headerFooterCode(print.header))}</oddHeader>` : ""}` +
      `${print.footer ? `<oddFooter>${escapeXml(headerFooterCode(print.footer))}</oddFooter>` : ""}</headerFooter>`;
  const breaks = print.breaksBefore ?? [];
  if (breaks.length > 0)
    xml +=
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
      breaks.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join("") +
      `</rowBreaks>`;
  return xml;
}

export interface SheetXmlOptions {
  /** The relationship id of the sheet's table part, when the plan has a table. */
  tableRelId?: string;
  /** The relationship id of the sheet's drawing (charts), when the plan has charts. */
  drawingRelId?: string;
  /**
   * The cell notes found as the rows were written, given their parts; returns the relationship
   * id of their VML drawing (none without notes).
   */
  notes?: (notes: Note[]) => string | undefined;
  selected?: boolean;
}

/** A plain plan as one block, its extent as the rows give it. */
function inOneBlock(plan: SheetPlan): SheetInBlocks {
  return {
    head: plan,
    rowCount: plan.rows.length,
    width: plan.rows.reduce((m, r) => Math.max(m, r.length), 1),
    blocks: [plan.rows],
  };
}

/**
 * A planned sheet as its worksheet part, deflated as it is written, with the checksum of its
 * content that the sheet's marker carries. A sheet in blocks is written a block at a time.
 */
export function* sheetPart<Part extends DeflatedPart | Promise<DeflatedPart>>(
  sheet: SheetPlan | SheetInBlocks,
  styles: StyleBook,
  options: SheetXmlOptions,
  deflater: PartSink<Part>
): Backlogs<{ part: Part; checksum: string }> {
  const { head: plan, rowCount, width, blocks } = "blocks" in sheet ? sheet : inOneBlock(sheet);
  const out = new XmlSink(deflater);
  const sum = new ContentChecksum();
  out.raw(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
  );
  const fit = plan.print?.fitToWidth;
  if (plan.tabColor || fit)
    out.raw(
      `<sheetPr>${plan.tabColor ? `<tabColor rgb="${plan.tabColor}"/>` : ""}${fit ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`
    );
  out.raw(`<dimension ref="A1:${columnLetters(width - 1)}${Math.max(rowCount, 1)}"/>`);
  out.raw(viewXml(plan, options.selected ?? false));
  out.raw('<sheetFormatPr defaultRowHeight="15"/>');
  out.raw(colsXml(plan));
  out.raw("<sheetData>");
  const heights = new Map((plan.rowHeights ?? []).map((h) => [h.row, h.height]));
  const notes: Note[] = [];
  let r = 0;
  const writeRow = (line: readonly (CellPlan | null)[]) => {
    const height = heights.get(r + 1);
    if (height === undefined && !line.some((cell) => cell)) return;
    const row = String(r + 1);
    out.raw(`<row r="${row}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>`);
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (!cell) continue;
      writeCell(out, columnName(c), row, cell, styles, sum);
      if (cell.comment) notes.push({ row: r, col: c, text: cell.comment });
    }
    out.raw("</row>");
  };
  for (const block of blocks)
    for (const line of block) {
      writeRow(line);
      r++;
      const backlog = out.backlog();
      if (backlog) yield backlog;
    }
  if (r !== rowCount) throw new Error(`${plan.name}: ${r} rows written, ${rowCount} stated`);
  // A loop, not Math.max(...keys): a findings sheet has a height for each of its rows.
  let last = r;
  for (const row of heights.keys()) last = Math.max(last, row);
  for (; r < last; r++) writeRow([]);
  out.raw("</sheetData>");
  if (plan.protect) out.raw(SHEET_PROTECTION);
  const merges = plan.merges ?? [];
  if (merges.length > 0)
    out.raw(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    );
  (plan.conditionalFormats ?? []).forEach((cf, i) =>
    out.raw(conditionalFormatXml(cf, i + 1, styles))
  );
  out.raw(validationsXml(plan));
  out.raw(
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
  );
  if (plan.print) out.raw(printXml(plan.print));
  if (options.drawingRelId) out.raw(`<drawing r:id="${options.drawingRelId}"/>`);
  const notesRelId = notes.length > 0 ? options.notes?.(notes) : undefined;
  if (notesRelId) out.raw(`<legacyDrawing r:id="${notesRelId}"/>`);
  if (options.tableRelId)
    out.raw(`<tableParts count="1"><tablePart r:id="${options.tableRelId}"/></tableParts>`);
  out.raw("</worksheet>");
  return { part: out.finish(), checksum: sum.digest() };
}
