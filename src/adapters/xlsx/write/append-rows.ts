/**
 * Rows added below an existing sheet's data (`collect` appends returned check-ins), written into
 * the worksheet part in place. Every existing row keeps its bytes except the header row, which
 * gains the cells right of its own (a Source column), and empty rows at or below the first new
 * row, which receive the new cells. The part is handled as bytes, not as one string: a check-ins
 * sheet of a 5,000-person organisation is over 100 MB of XML.
 */
import { CellPlan, RowsAppend } from "../../../planner/plan";
import { a1, columnLetters } from "../../../engine/address";
import { cellRef } from "../read/sheet";
import { attr } from "../xml/scanner";
import { StyleBook } from "./style-book";
import { cellXml } from "./sheet-xml";

const utf8 = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** The first index of `needle` in `hay` at or after `from`, or -1. */
function find(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  for (let i = hay.indexOf(first, from); i >= 0; i = hay.indexOf(first, i + 1)) {
    let ok = true;
    for (let k = 1; k < needle.length && ok; k++) ok = hay[i + k] === needle[k];
    if (ok && i + needle.length <= hay.length) return i;
  }
  return -1;
}

/** The last index of `needle` in `hay`, or -1. */
function findLast(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (let i = hay.lastIndexOf(first); i >= 0; i = i === 0 ? -1 : hay.lastIndexOf(first, i - 1)) {
    let ok = i + needle.length <= hay.length;
    for (let k = 1; k < needle.length && ok; k++) ok = hay[i + k] === needle[k];
    if (ok) return i;
  }
  return -1;
}

function text(bytes: Uint8Array, from: number, to: number): string {
  return decoder.decode(bytes.subarray(from, to));
}

/** The prefix the part gives SpreadsheetML's elements (`x:`), from its root element. */
function prefixOf(head: string): string {
  const m = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(head);
  return m?.[1] ?? "";
}

interface RowSpan {
  /** 1-based row number. */
  r: number;
  start: number;
  end: number;
}

/**
 * The rows of the sheet data that an append needs: the header row, the row that lends its
 * styles, and the first row at or below the first new row (with everything after it).
 */
function scanRows(
  bytes: Uint8Array,
  p: string,
  from: number,
  to: number,
  wanted: { header: number; style: number; first: number }
): { header?: RowSpan; style?: RowSpan; tailStart: number } {
  const open = utf8.encode(`<${p}row`);
  const closeTag = utf8.encode(`</${p}row>`);
  let header: RowSpan | undefined;
  let style: RowSpan | undefined;
  let previous = 0;
  for (let at = find(bytes, open, from); at >= 0 && at < to; at = find(bytes, open, at + 1)) {
    const after = bytes[at + open.length];
    // `<row ` or `<row>`, not `<rowBreaks`.
    if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x0a && after !== 0x09)
      continue;
    const tagEnd = bytes.indexOf(0x3e, at);
    const tag = text(bytes, at, tagEnd + 1);
    const n = Number(attr(tag, "r"));
    const r = Number.isInteger(n) && n >= 1 ? n : previous + 1;
    previous = r;
    if (r >= wanted.first) return { header, style, tailStart: at };
    if (r !== wanted.header && r !== wanted.style) continue;
    const selfClosing = bytes[tagEnd - 1] === 0x2f;
    const close = selfClosing ? tagEnd + 1 : find(bytes, closeTag, tagEnd) + closeTag.length;
    const span = { r, start: at, end: close };
    if (r === wanted.header) header = span;
    if (r === wanted.style) style = span;
  }
  return { header, style, tailStart: to };
}

const CELL = (p: string) => new RegExp(`<${p}c(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`, "g");

/** Each cell's column and its style index, in a row's XML. */
function cellsOf(rowXml: string, p: string): { col: number; xml: string; style?: number }[] {
  const out: { col: number; xml: string; style?: number }[] = [];
  let col = -1;
  for (const m of rowXml.matchAll(CELL(p))) {
    const open = m[0].slice(0, m[0].indexOf(">") + 1);
    const r = attr(open, "r");
    col = r === undefined ? col + 1 : cellRef(r)[1];
    const s = attr(open, "s");
    out.push({ col, xml: m[0], style: s === undefined ? undefined : Number(s) });
  }
  return out;
}

/** Whether a cell's XML holds nothing but its look. */
function isEmptyCell(xml: string, p: string): boolean {
  return /\/>$/.test(xml) || !new RegExp(`<${p}(v|f|is)[\\s>]`).test(xml);
}

/** A row's XML with these cells put in column order, over empty cells at the same address. */
function withCells(rowXml: string, p: string, added: { col: number; xml: string }[]): string {
  const open = /^<[^>]*?(\/?)>/.exec(rowXml) as RegExpExecArray;
  const cells = open[1] === "/" ? [] : cellsOf(rowXml, p);
  for (const a of added) {
    const at = cells.findIndex((c) => c.col === a.col);
    if (at >= 0 && !isEmptyCell(cells[at].xml, p))
      throw new Error(`the cell ${a.xml} would overwrite a cell that holds a value`);
    if (at >= 0) cells[at] = { ...cells[at], xml: a.xml };
    else cells.push(a);
  }
  cells.sort((a, b) => a.col - b.col);
  const start = open[0].replace(/\/>$/, ">").replace(/\sspans="[^"]*"/, "");
  return `${start}${cells.map((c) => c.xml).join("")}</${p}row>`;
}

/** The extended `<dimension ref>`: the old area and the new cells. */
function dimension(head: string, lastRow: number, lastCol: number): string {
  return head.replace(/(<(?:[\w.-]+:)?dimension\s[^>]*?ref=")([^"]*)(")/, (_all, a, ref, b) => {
    const [from, to] = String(ref).split(":");
    const [top, left] = cellRef(from ?? "A1");
    const [bottom, right] = cellRef(to ?? from ?? "A1");
    const start = top < 0 ? "A1" : a1(top, left);
    const end = a1(Math.max(bottom, lastRow), Math.max(right, lastCol));
    return `${a}${start}:${end}${b}`;
  });
}

export interface AppendResult {
  bytes: Uint8Array;
  /** The last new row (1-based) and the rightmost column written (0-based). */
  lastRow: number;
  lastCol: number;
}

/** The worksheet part with the rows appended and the header cells added. */
export function appendRows(
  part: Uint8Array,
  append: RowsAppend,
  styles: StyleBook,
  sheetName: string
): AppendResult {
  const headLimit = Math.min(part.length, 4096);
  const p = prefixOf(text(part, 0, headLimit));
  const dataOpen = find(part, utf8.encode(`<${p}sheetData`));
  if (dataOpen < 0) throw new Error(`the sheet "${sheetName}" has no cell data`);
  const dataOpenEnd = part.indexOf(0x3e, dataOpen) + 1;
  const emptyData = part[dataOpenEnd - 2] === 0x2f; // <sheetData/>
  const dataClose = emptyData ? dataOpenEnd : findLast(part, utf8.encode(`</${p}sheetData>`));
  const header = append.header;
  const rows = scanRows(part, p, dataOpenEnd, dataClose, {
    header: header?.row ?? -1,
    style: append.styleFrom ?? -1,
    first: append.firstRow,
  });

  // The look of the new cells: the style row's, column by column, else the plan's own.
  const inherited = new Map<number, number>();
  if (rows.style)
    for (const c of cellsOf(text(part, rows.style.start, rows.style.end), p))
      if (c.style !== undefined) inherited.set(c.col, c.style);
  let lastCol = 0;
  const newCell = (row: number, col: number, cell: CellPlan, style?: number) => {
    lastCol = Math.max(lastCol, col);
    return { col, xml: cellXml(a1(row - 1, col), cell, styles, style, p) };
  };

  // Header cells take the look of the header row's last cell that has one.
  let headerXml = "";
  if (header && header.cells.length > 0) {
    if (!rows.header) throw new Error(`row ${header.row} of "${sheetName}" is missing`);
    const own = text(part, rows.header.start, rows.header.end);
    const styled = cellsOf(own, p).filter((c) => c.style !== undefined);
    const look = styled[styled.length - 1]?.style;
    headerXml = withCells(
      own,
      p,
      header.cells.map((c) => newCell(header.row, c.column, c.cell, look))
    );
  }

  // New rows, merged with the empty rows already at or below the first one.
  const tailXml = text(part, rows.tailStart, dataClose);
  const existing = new Map<number, string>();
  let previous = append.firstRow - 1;
  for (const m of tailXml.matchAll(
    new RegExp(`<${p}row(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${p}row>)`, "g")
  )) {
    const n = Number(attr(m[0].slice(0, m[0].indexOf(">") + 1), "r"));
    previous = Number.isInteger(n) && n >= 1 ? n : previous + 1;
    existing.set(previous, m[0]);
  }
  const lastRow = append.firstRow + append.rows.length - 1;
  const written: string[] = [];
  const numbers = new Set<number>(existing.keys());
  for (let i = 0; i < append.rows.length; i++) numbers.add(append.firstRow + i);
  for (const r of [...numbers].sort((a, b) => a - b)) {
    const planned = append.rows[r - append.firstRow];
    const cells: { col: number; xml: string }[] = [];
    planned?.forEach((cell, col) => {
      if (cell) cells.push(newCell(r, col, cell, cell.style ? undefined : inherited.get(col)));
    });
    const own = existing.get(r);
    written.push(
      own !== undefined
        ? cells.length > 0
          ? withCells(own, p, cells)
          : own
        : withCells(`<${p}row r="${r}">`, p, cells)
    );
  }

  const pieces: (Uint8Array | string)[] = [];
  const headerSpan = headerXml && rows.header ? rows.header : null;
  const headEnd = emptyData ? dataOpen : dataOpenEnd;
  pieces.push(dimension(text(part, 0, headEnd), lastRow - 1, lastCol));
  if (emptyData) pieces.push(`<${p}sheetData>`);
  if (headerSpan) {
    pieces.push(part.subarray(headEnd, headerSpan.start), headerXml);
    pieces.push(part.subarray(headerSpan.end, rows.tailStart));
  } else pieces.push(part.subarray(headEnd, rows.tailStart));
  pieces.push(written.join(""));
  if (emptyData) pieces.push(`</${p}sheetData>`);
  pieces.push(part.subarray(dataClose));
  return { bytes: concat(pieces), lastRow, lastCol };
}

function concat(pieces: (Uint8Array | string)[]): Uint8Array {
  const parts = pieces.map((x) => (typeof x === "string" ? utf8.encode(x) : x));
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

/**
 * The table part with its range grown to `lastRow` and over the new header cells, which become
 * table columns (named by their text). A totals row would sit between the data and the new
 * rows: such a table is not extended (the caller refuses it before writing).
 */
export function extendTable(
  xml: string,
  lastRow: number,
  columns: { column: number; name: string }[]
): string {
  const tag = /<((?:[\w.-]+:)?)table\s[^>]*>/.exec(xml);
  if (!tag) return xml;
  const p = tag[1];
  const [from, to] = (attr(tag[0], "ref") ?? "").split(":");
  const [top, left] = cellRef(from ?? "");
  const [bottom, right] = cellRef(to ?? from ?? "");
  if (top < 0) return xml;
  const newRight = Math.max(right, ...columns.map((c) => c.column));
  const ref = `${a1(top, left)}:${columnLetters(newRight)}${Math.max(bottom + 1, lastRow)}`;
  let out = xml.replace(tag[0], tag[0].replace(/\sref="[^"]*"/, ` ref="${ref}"`));
  out = out.replace(
    new RegExp(`(<${p}autoFilter\\s[^>]*?ref=")[^"]*(")`),
    (_all, a: string, b: string) => `${a}${ref}${b}`
  );
  const added = columns.filter((c) => c.column > right);
  if (added.length === 0) return out;
  let maxId = 0;
  for (const m of out.matchAll(new RegExp(`<${p}tableColumn\\s[^>]*>`, "g")))
    maxId = Math.max(maxId, Number(attr(m[0], "id") ?? 0));
  const escape = (t: string) =>
    t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const newColumns = added
    .map((c, i) => `<${p}tableColumn id="${maxId + i + 1}" name="${escape(c.name)}"/>`)
    .join("");
  const close = `</${p}tableColumns>`;
  const at = out.indexOf(close);
  if (at < 0) return out;
  out = out.slice(0, at) + newColumns + out.slice(at);
  return out.replace(
    new RegExp(`(<${p}tableColumns\\s[^>]*?count=")(\\d+)(")`),
    (_all, a: string, n: string, b: string) => `${a}${Number(n) + added.length}${b}`
  );
}
