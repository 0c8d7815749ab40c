/**
 * One worksheet part into the engine's grid, in a single pass over its XML. A formula cell gives
 * its cached result (a cached error is a CellError, never blank); shared strings, inline strings,
 * rich text, booleans, errors, ISO dates (`t="d"`) and serial dates in date-formatted cells all
 * arrive as the plain values the engine reads. Merged ranges are reported, not filled: what a merge
 * means is decided in one place, the engine. Cells beyond Excel's grid are counted, not allocated.
 */
import { CellValue, SheetGrid } from "../../../engine/grid";
import { LIMITS, PackageRefused } from "../package/limits";
import { a1 } from "../../../engine/address";
import { ContentChecksum } from "../../../planner/generated";
import { attr, attrEnd, attrStart, decodeEntities } from "../xml/scanner";
import { SheetSink, richCellText } from "./sheet-scan";

export type Merge = NonNullable<SheetGrid["merges"]>[number];

export interface SheetReading {
  grid: SheetGrid;
  merges: Merge[];
  /** Cells whose address lies beyond row 1,048,576 or column XFD: not read. */
  outsideGrid: number;
  cells: number;
  /** The highest style index whose being a date decided a cell (-1: none did). */
  styleReach: number;
}

export interface SheetContext {
  sharedStrings: readonly string[];
  isDate: readonly boolean[];
  date1904: boolean;
  /** When given, the sheet's content is added to it (to verify a generated sheet). */
  checksum?: ContentChecksum;
  /** Cells this sheet may hold before the workbook passes LIMITS.cells. */
  cellBudget: number;
}

/** The refusal of a workbook past LIMITS.cells, reached on `sheet`. */
export function tooManyCells(sheet: string): PackageRefused {
  return new PackageRefused(
    `the workbook holds more than ${LIMITS.cells} cells (reached on sheet "${sheet}")`
  );
}

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 of the 1900 system, as Excel counts) to 1970-01-01. */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = EPOCH_1900 - 1462;

/** An Excel serial date as a Date (UTC midnight plus the time of day), in either date system. */
export function dateFromSerial(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  return new Date(Math.round((serial - epoch) * MS_PER_DAY));
}

/**
 * Parses `AB12` (or the part of `ref` from `from` to `to`) into 0-based [row, col]; [-1, -1]
 * when it is not a plain cell reference.
 */
export function cellRef(ref: string, from = 0, to = ref.length): [number, number] {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > 1e7) return [-1, -1];
  }
  if (i === from || i === to) return [-1, -1];
  let row = 0;
  for (; i < to; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return [-1, -1];
    row = row * 10 + d;
    if (row > 1e10) return [-1, -1];
  }
  return [row - 1, col - 1];
}

function rangeRef(ref: string): Merge | null {
  const [from, to] = ref.split(":");
  const [top, left] = cellRef(from ?? "");
  const [bottom, right] = cellRef(to ?? from ?? "");
  if (top < 0 || bottom < 0) return null;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** The types of cells as writers spell them, found without making a string per cell. */
const CELL_TYPES = ["s", "n", "b", "e", "d", "str", "inlineStr"];

/** A cell's `t` attribute; "n" (a number) when it has none. */
function cellType(tag: string): string {
  const start = attrStart(tag, "t");
  const end = attrEnd(tag, start);
  if (end < 0) return "n";
  for (const type of CELL_TYPES)
    if (end - start === type.length && tag.startsWith(type, start)) return type;
  return decodeEntities(tag.slice(start, end));
}

/** A cell's `s` attribute (its style) from where its value starts, as `Number()` reads it. */
function styleIndex(tag: string, start: number): number {
  let n = 0;
  let i = start;
  for (; i < tag.length; i++) {
    const d = tag.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  // Anything but plain digits (spaces, entities, signs): read exactly as attr() and Number() would.
  return i > start && tag[i] === tag[start - 1] ? n : Number(attr(tag, "s"));
}

/** Builds a SheetReading from the sheet's cells as the scanner finds them; `finish()` at the end. */
export class SheetReader implements SheetSink {
  private readonly rows: CellValue[][] = [];
  private readonly merges: Merge[] = [];
  private outsideGrid = 0;
  private cells = 0;
  private styleReach = -1;
  private at = -1;
  private col = -1;

  constructor(
    private readonly name: string,
    private readonly part: string,
    private readonly ctx: SheetContext
  ) {}

  row(tag: string): void {
    const r = attr(tag, "r");
    const n = r === undefined ? NaN : Number(r);
    this.at = Number.isInteger(n) && n >= 1 ? n - 1 : this.at + 1;
    this.col = -1;
  }

  mergeCell(tag: string): void {
    const m = rangeRef(attr(tag, "ref") ?? "");
    if (m && m.top < LIMITS.rows && m.left < LIMITS.columns) this.merges.push(m);
  }

  cell(tag: string, text: string | null, formula: boolean): void {
    const type = this.place(tag);
    if (this.ctx.checksum) this.addToChecksum(this.ctx.checksum, type, text, formula);
    if (text !== null) this.store(this.value(type, text, tag));
  }

  /** The cell as a generated sheet's checksum counts it: a formula, or its constant as written. */
  private addToChecksum(
    sum: ContentChecksum,
    type: string,
    text: string | null,
    formula: boolean
  ): void {
    const address = a1(this.at, this.col);
    if (formula) sum.add(address, { formula: true });
    else if (text === null || text === "") return;
    else if (type === "s") sum.add(address, { value: this.ctx.sharedStrings[Number(text)] ?? "" });
    else if (type === "b") sum.add(address, { value: text === "1" || text === "true" });
    else if (type === "n") sum.add(address, { value: Number(text) });
    else sum.add(address, { value: type === "e" ? `#error ${text}` : text });
  }

  richCell(tag: string, inner: string, formula: boolean): void {
    const type = this.place(tag);
    const { text, value } = richCellText(inner, this.part);
    if (this.ctx.checksum)
      this.addToChecksum(this.ctx.checksum, type, value ? text : null, formula);
    if (value) this.store(type === "inlineStr" ? text : this.value(type, text, tag));
  }

  inlineCell(tag: string, text: string, formula: boolean): void {
    const type = this.place(tag);
    if (this.ctx.checksum) this.addToChecksum(this.ctx.checksum, type, text, formula);
    this.store(type === "inlineStr" ? text : this.value(type, text, tag));
  }

  /** Moves to the cell's address (or the next column when it has none); returns its type. */
  private place(tag: string): string {
    const r = attrStart(tag, "r");
    const end = attrEnd(tag, r);
    // An address written with character references is decoded first; a plain one is read in place.
    const [row, col] =
      end < 0
        ? [-1, -1]
        : tag.lastIndexOf("&", end) >= r
          ? cellRef(attr(tag, "r") ?? "")
          : cellRef(tag, r, end);
    if (row >= 0) {
      this.at = row;
      this.col = col;
    } else this.col++;
    return cellType(tag);
  }

  private value(type: string, text: string, tag: string): CellValue {
    switch (type) {
      case "s": {
        const s = this.ctx.sharedStrings[Number(text)];
        return s === undefined ? null : s;
      }
      case "inlineStr":
      case "str":
        return text;
      case "b":
        return text === "1" || text === "true";
      case "e":
        return { error: text.trim() };
      case "d": {
        const ms = Date.parse(
          /[zZ]|[+-]\d\d:?\d\d$/.test(text) || text.length <= 10 ? text : `${text}Z`
        );
        return Number.isNaN(ms) ? text : new Date(ms);
      }
      default: {
        if (text.length === 0) return null;
        const n = Number(text);
        if (Number.isNaN(n)) return text;
        const s = attrStart(tag, "s");
        if (s < 0) return n;
        const style = styleIndex(tag, s);
        if (style > this.styleReach) this.styleReach = style;
        return this.ctx.isDate[style] ? dateFromSerial(n, this.ctx.date1904) : n;
      }
    }
  }

  private store(value: CellValue): void {
    if (value === null || value === "") return;
    const { at: row, col } = this;
    if (row < 0 || col < 0 || row >= LIMITS.rows || col >= LIMITS.columns) {
      this.outsideGrid++;
      return;
    }
    if (++this.cells > this.ctx.cellBudget) throw tooManyCells(this.name);
    const line = this.rows[row] ?? (this.rows[row] = []);
    line[col] = value;
  }

  finish(): SheetReading {
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
    return {
      grid: { name: this.name, rows },
      merges: this.merges,
      outsideGrid: this.outsideGrid,
      cells: this.cells,
      styleReach: this.styleReach,
    };
  }
}
