/**
 * XML written straight to UTF-8 bytes in one reused buffer, each full buffer handed to a part's
 * deflater: a generated sheet of a 5,000-person organisation (a hundred megabytes of XML, three
 * million cells) is written without a string per cell, without holding the text, and without
 * the garbage collection those cost (about half of `build`'s time before).
 */
import { DeflatedPart, PartSink } from "../package/codec";
import { escapeContent, escapeXml } from "./escape";

/** Bytes per buffer handed to the deflater: large enough that each deflate call is worth it. */
const BUFFER_BYTES = 1 << 20;

const AMP = [0x26, 0x61, 0x6d, 0x70, 0x3b]; // &amp;
const LT = [0x26, 0x6c, 0x74, 0x3b]; // &lt;
const GT = [0x26, 0x67, 0x74, 0x3b]; // &gt;
const QUOT = [0x26, 0x71, 0x75, 0x6f, 0x74, 0x3b]; // &quot;

/** Where XML is written: bytes for a part (`XmlSink`), or text for a fragment (`XmlText`). */
export interface XmlOut {
  /** Text written as it is: markup, or text already escaped. */
  raw(text: string): void;
  /** Text as element content or an attribute value, escaped as `escapeXml` escapes it. */
  escaped(text: string): void;
  /**
   * Text as element content only: as `escaped`, but `"` written as it is (XML needs `&quot;`
   * only inside an attribute's quotes), which formulas hold by the million (`IF(A1="","",…)`).
   */
  content(text: string): void;
  /** A non-negative integer in decimal. */
  int(n: number): void;
}

/** XML as a string, for the few fragments written into a part of the user's (appended rows). */
export class XmlText implements XmlOut {
  private readonly parts: string[] = [];
  raw(text: string): void {
    this.parts.push(text);
  }
  escaped(text: string): void {
    this.parts.push(escapeXml(text));
  }
  content(text: string): void {
    this.parts.push(escapeContent(text));
  }
  int(n: number): void {
    this.parts.push(String(n));
  }
  text(): string {
    return this.parts.join("");
  }
}

/** XML bytes for one part, into its deflater: the deflater's part is `finish`'s. */
export class XmlSink<Part extends DeflatedPart | Promise<DeflatedPart>> implements XmlOut {
  private readonly buffer = new Uint8Array(BUFFER_BYTES);
  private at = 0;

  constructor(private readonly deflater: PartSink<Part>) {}

  private flush(): void {
    this.deflater.push(this.buffer.subarray(0, this.at));
    this.at = 0;
  }

  /** One character as UTF-8 (a lone surrogate as U+FFFD, as TextEncoder writes it). */
  private char(text: string, i: number, c: number): number {
    if (this.at + 6 > BUFFER_BYTES) this.flush();
    const b = this.buffer;
    if (c < 0x80) b[this.at++] = c;
    else if (c < 0x800) {
      b[this.at++] = 0xc0 | (c >> 6);
      b[this.at++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        const p = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        b[this.at++] = 0xf0 | (p >> 18);
        b[this.at++] = 0x80 | ((p >> 12) & 0x3f);
        b[this.at++] = 0x80 | ((p >> 6) & 0x3f);
        b[this.at++] = 0x80 | (p & 0x3f);
        return i + 1;
      }
      b[this.at++] = 0xef;
      b[this.at++] = 0xbf;
      b[this.at++] = 0xbd;
    } else {
      b[this.at++] = 0xe0 | (c >> 12);
      b[this.at++] = 0x80 | ((c >> 6) & 0x3f);
      b[this.at++] = 0x80 | (c & 0x3f);
    }
    return i;
  }

  private bytes(codes: readonly number[]): void {
    if (this.at + codes.length > BUFFER_BYTES) this.flush();
    for (const c of codes) this.buffer[this.at++] = c;
  }

  /** Text written as it is: markup, or text already escaped. */
  raw(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80 && this.at < BUFFER_BYTES) this.buffer[this.at++] = c;
      else i = this.char(text, i, c);
    }
  }

  /**
   * Text as element content or an attribute value: `&`, `<`, `>` and `"` escaped and the control
   * characters XML 1.0 cannot hold dropped — what `escapeXml` returns, without the string.
   */
  escaped(text: string): void {
    this.write(text, true);
  }

  content(text: string): void {
    this.write(text, false);
  }

  private write(text: string, inAttribute: boolean): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x26) this.bytes(AMP);
      else if (c === 0x3c) this.bytes(LT);
      else if (c === 0x3e) this.bytes(GT);
      else if (c === 0x22 && inAttribute) this.bytes(QUOT);
      else if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) continue;
      else if (c < 0x80 && this.at < BUFFER_BYTES) this.buffer[this.at++] = c;
      else i = this.char(text, i, c);
    }
  }

  /** A non-negative integer in decimal. */
  int(n: number): void {
    if (n < 10) {
      if (this.at >= BUFFER_BYTES) this.flush();
      this.buffer[this.at++] = 0x30 + n;
    } else this.raw(String(n));
  }

  /** The deflater's backlog, for the writer to await (see `PartSink.backlog`). */
  backlog(): Promise<void> | null {
    return this.deflater.backlog?.() ?? null;
  }

  /** The part, deflated (or being deflated, by an asynchronous deflater). */
  finish(): Part {
    this.flush();
    return this.deflater.finish();
  }
}
