/**
 * The hot loop of reading: a worksheet's XML scanned element by element with `indexOf`, cells
 * recognised by their tag and their value taken straight from `<v>`. The general scanner costs a
 * callback per tag and text node (7.3 s at 5,000 people); this costs a few searches per cell.
 * Anything unusual inside a cell (inline or rich text, CDATA, comments) goes to the general
 * scanner, so both read the same XML the same way.
 */
import { PackageRefused } from "../package/limits";
import { decodeXstring } from "./shared-strings";
import { XmlScanner, decodeEntities, refuseLongElement, withCarry } from "../xml/scanner";

export interface SheetSink {
  row(tag: string): void;
  /** A cell: its start tag, the text of its `<v>` (null: no value element), whether it has a formula. */
  cell(tag: string, value: string | null, formula: boolean): void;
  /** A cell whose content needs the general scanner (rich inline strings, CDATA, comments). */
  richCell(tag: string, inner: string, formula: boolean): void;
  /** An inline string of one plain run (`<is><t>text</t></is>`): its text, entities decoded. */
  inlineCell(tag: string, text: string, formula: boolean): void;
  mergeCell(tag: string): void;
}

/** Space, `>`, `/`: what may follow an element's name. */
function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

export class SheetScanner {
  private carry = "";
  /** The namespace prefix of the sheet's elements with its colon (`x:`), or "". */
  private prefix: string | null = null;
  private cellEnd = "</c>";
  /** `<is>`, `<t` and `</t></is>` with the prefix: made once, not once per cell. */
  private inlineOpen = "<is>";
  private textOpen = "<t";
  private inlineEnd = "</t></is>";

  constructor(
    private readonly sink: SheetSink,
    private readonly part: string
  ) {}

  write(chunk: string): void {
    const s = withCarry(this.carry, chunk, this.part);
    this.carry = "";
    const stop = this.scan(s);
    if (stop < s.length) this.carry = s.slice(stop);
  }

  end(): void {
    refuseLongElement(this.carry, this.part);
    this.carry = "";
  }

  carried(): number {
    return this.carry.length;
  }

  /** Scans complete elements; returns where the unfinished rest begins. */
  private scan(s: string): number {
    let i = 0;
    for (;;) {
      const lt = s.indexOf("<", i);
      if (lt < 0) return s.length;
      const gt = s.indexOf(">", lt);
      if (gt < 0) return lt;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */) {
        const resume = this.special(s, lt);
        if (resume < 0) return lt;
        i = resume;
        continue;
      }
      if (c1 === 63 /* ? */ || c1 === 47 /* / */) {
        i = gt + 1;
        continue;
      }
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      if (this.prefix === null) this.rootPrefix(s, lt + 1);
      const at = lt + 1 + (this.prefix as string).length;
      const next = s.charCodeAt(at + 1);
      const tagName = s.charCodeAt(at);
      if (
        tagName === 99 /* c */ &&
        isNameEnd(next) &&
        s.startsWith(this.prefix as string, lt + 1)
      ) {
        const tag = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
        if (selfClosing) {
          this.sink.cell(tag, null, false);
          i = gt + 1;
          continue;
        }
        const end = s.indexOf(this.cellEnd, gt + 1);
        if (end < 0) return lt;
        this.cellContent(tag, s, gt + 1, end);
        i = end + this.cellEnd.length;
        continue;
      }
      if (s.startsWith("row", at) && isNameEnd(s.charCodeAt(at + 3)))
        this.sink.row(s.slice(lt + 1, gt));
      else if (s.startsWith("mergeCell", at) && isNameEnd(s.charCodeAt(at + 9)))
        this.sink.mergeCell(s.slice(lt + 1, gt));
      i = gt + 1;
    }
  }

  private rootPrefix(s: string, from: number): void {
    let end = from;
    while (end < s.length && !/[\s/>]/.test(s[end])) end++;
    const name = s.slice(from, end);
    const colon = name.indexOf(":");
    this.prefix = colon < 0 ? "" : name.slice(0, colon + 1);
    this.cellEnd = `</${this.prefix}c>`;
    this.inlineOpen = `<${this.prefix}is>`;
    this.textOpen = `<${this.prefix}t`;
    this.inlineEnd = `</${this.prefix}t></${this.prefix}is>`;
  }

  private cellContent(tag: string, s: string, from: number, to: number): void {
    // Most cells are `<v>text</v>` (after an optional `<f>`): read that without copying the content.
    let v = s.indexOf("<", from);
    let formula = false;
    while (v >= 0 && v < to) {
      const at = v + 1 + (this.prefix as string).length;
      const ch = s.charCodeAt(at);
      const named = isNameEnd(s.charCodeAt(at + 1));
      if (ch === 118 /* v */ && named) break;
      if (ch === 102 /* f */ && named) formula = true;
      if (ch === 105 /* i */ || s.charCodeAt(v + 1) === 33 /* ! */) {
        const plain = ch === 105 ? this.plainInline(s, v, to) : null;
        if (plain !== null) this.sink.inlineCell(tag, plain, formula);
        else this.sink.richCell(tag, s.slice(from, to), formula);
        return;
      }
      v = s.indexOf("<", s.indexOf(">", v) + 1);
    }
    if (v < 0 || v >= to) {
      this.sink.cell(tag, null, formula);
      return;
    }
    const gt = s.indexOf(">", v);
    if (s.charCodeAt(gt - 1) === 47) {
      this.sink.cell(tag, "", formula);
      return;
    }
    const close = s.indexOf("<", gt);
    const text = s.slice(gt + 1, close < 0 || close > to ? to : close);
    this.sink.cell(tag, text.indexOf("&") >= 0 ? decodeEntities(text) : text, formula);
  }

  /**
   * The text of `<is><t>text</t></is>` (the `t` may carry attributes such as xml:space) when that
   * is all the cell holds from `lt` to `to`; null for anything else (runs, phonetic guides, CDATA),
   * which the general scanner reads. Writers put every text cell this way, so one general scanner
   * per cell would cost more than the rest of the sheet.
   */
  private plainInline(s: string, lt: number, to: number): string | null {
    if (!s.startsWith(this.inlineOpen, lt)) return null;
    const t = lt + this.inlineOpen.length;
    if (!s.startsWith(this.textOpen, t)) return null;
    const afterName = s.charCodeAt(t + this.textOpen.length);
    if (afterName !== 62 /* > */ && !(isNameEnd(afterName) && afterName !== 47)) return null;
    const gt = s.indexOf(">", t);
    if (gt < 0 || gt >= to || s.charCodeAt(gt - 1) === 47 /* / */) return null;
    const close = s.indexOf("<", gt);
    const tail = this.inlineEnd;
    if (close + tail.length !== to || !s.startsWith(tail, close)) return null;
    const text = s.slice(gt + 1, close);
    return decodeXstring(text.indexOf("&") >= 0 ? decodeEntities(text) : text);
  }

  private special(s: string, lt: number): number {
    if (s.startsWith("<!--", lt)) {
      const end = s.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const end = s.indexOf("]]>", lt + 9);
      return end < 0 ? -1 : end + 3;
    }
    if (s.length - lt < 9) return -1;
    throw new PackageRefused(
      `${this.part} declares a document type (DTD); workbooks never need one, and it is refused so that no entity is expanded`
    );
  }
}

/** The text of an inline or rich cell's content, read by the general scanner (phonetic runs left out). */
export function richCellText(inner: string, part: string): { text: string; value: boolean } {
  let text = "";
  let collecting = false;
  let phonetic = false;
  let value = false;
  const scanner = new XmlScanner(
    {
      open(name, _tag, selfClosing) {
        if (name === "rPh") phonetic = !selfClosing;
        else if ((name === "t" || name === "v") && !selfClosing && !phonetic) collecting = true;
        if (name === "is" || name === "v") value = true;
      },
      close(name) {
        if (name === "t" || name === "v") collecting = false;
        else if (name === "rPh") phonetic = false;
      },
      text(t) {
        if (collecting) text += t;
      },
    },
    part
  );
  scanner.write(inner);
  scanner.end();
  return { text: decodeXstring(text), value };
}
