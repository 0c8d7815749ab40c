/**
 * BIFF8 records and strings ([MS-XLS]): a record is a 2-byte type, a 2-byte size and at most
 * 8,224 bytes of data; data that does not fit goes on in the Continue records that follow.
 * Strings carried across Continue records follow the rule of
 * [MS-XLS] 2.5.293: a string's characters may stop at the end of one record and go on in the next,
 * whose first byte then repeats the fHighByte flag (the characters' width may change there), while
 * the rest (the string's header, its formatting runs, its phonetic block) simply goes on.
 */
import { PackageRefused } from "../xlsx/package/limits";

export const CONTINUE = 0x003c;

export interface BiffRecord {
  type: number;
  /** Where the record's header starts in the stream. */
  offset: number;
  data: Uint8Array;
}

export function damaged(what: string): PackageRefused {
  return new PackageRefused(what, true);
}

/** The records of a workbook stream, one after another from a position. */
export class RecordReader {
  constructor(
    private readonly stream: Uint8Array,
    private pos: number
  ) {}

  /** The next record; null at the end of the stream. Refused when it passes the end. */
  next(): BiffRecord | null {
    const s = this.stream;
    if (this.pos >= s.length) return null;
    if (this.pos + 4 > s.length) throw damaged("its workbook stream is cut short");
    const offset = this.pos;
    const type = s[offset] | (s[offset + 1] << 8);
    const size = s[offset + 2] | (s[offset + 3] << 8);
    if (offset + 4 + size > s.length)
      throw damaged(
        `its workbook stream is cut short (record 0x${type.toString(16)} at ${offset})`
      );
    this.pos = offset + 4 + size;
    return { type, offset, data: s.subarray(offset + 4, offset + 4 + size) };
  }

  /** The data of the Continue records right after the last record read (consumed). */
  continues(): Uint8Array[] {
    const out: Uint8Array[] = [];
    const s = this.stream;
    while (this.pos + 4 <= s.length && (s[this.pos] | (s[this.pos + 1] << 8)) === CONTINUE) {
      const r = this.next() as BiffRecord;
      out.push(r.data);
    }
    return out;
  }
}

/** One code unit per character, for the longest string a record can hold (cch is 2 bytes). */
const units = new Uint16Array(65_536);

function unitsToString(n: number): string {
  let out = "";
  for (let i = 0; i < n; i += 8192)
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 8192)) as never);
  return out;
}

/**
 * A record's data and its Continue records read as one sequence of bytes, except for characters,
 * which follow the Continue rule of [MS-XLS] 2.5.293. Reading past the last byte is refused.
 */
export class Pieces {
  private part = 0;
  private pos = 0;

  constructor(
    private readonly parts: Uint8Array[],
    private readonly what: string
  ) {}

  /** No byte is left in any piece. */
  atEnd(): boolean {
    while (this.part < this.parts.length && this.pos >= this.parts[this.part].length) {
      this.part++;
      this.pos = 0;
    }
    return this.part >= this.parts.length;
  }

  u8(): number {
    if (this.atEnd()) throw damaged(`${this.what} is cut short`);
    return this.parts[this.part][this.pos++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }

  /** Skips `n` bytes across pieces, refused past the end (never a loop over `n` itself). */
  skip(n: number): void {
    let left = n;
    while (left > 0) {
      if (this.atEnd()) throw damaged(`${this.what} is cut short`);
      const take = Math.min(left, this.parts[this.part].length - this.pos);
      this.pos += take;
      left -= take;
    }
  }

  /**
   * `cch` characters, one or two bytes each as `high` says; where the piece ends before the
   * characters do, the next piece starts with a new fHighByte flag ([MS-XLS] 2.5.293).
   */
  chars(cch: number, high: boolean): string {
    let n = 0;
    let wide = high;
    while (n < cch) {
      let data = this.parts[this.part];
      if (data === undefined) throw damaged(`${this.what} is cut short`);
      if (this.pos >= data.length || (wide && this.pos + 1 >= data.length)) {
        // The piece ends here (a stray odd byte at its end cannot hold a character): the
        // characters go on in the next piece, after its flag byte.
        this.part++;
        this.pos = 0;
        data = this.parts[this.part];
        if (data === undefined || data.length === 0) throw damaged(`${this.what} is cut short`);
        wide = (data[this.pos++] & 1) === 1;
        continue;
      }
      if (wide) {
        const take = Math.min(cch - n, (data.length - this.pos) >> 1);
        for (let i = 0; i < take; i++, this.pos += 2)
          units[n++] = data[this.pos] | (data[this.pos + 1] << 8);
      } else {
        const take = Math.min(cch - n, data.length - this.pos);
        for (let i = 0; i < take; i++) units[n++] = data[this.pos++];
      }
    }
    return unitsToString(n);
  }

  /** [MS-XLS] 2.5.294 XLUnicodeString: a 2-byte count, a flags byte, the characters. */
  unicodeString(): string {
    const cch = this.u16();
    const flags = this.u8();
    return this.chars(cch, (flags & 1) === 1);
  }

  /**
   * [MS-XLS] 2.5.293 XLUnicodeRichExtendedString: count, flags (fHighByte, fExtSt, fRichSt),
   * the run count and phonetic size when flagged, the characters, then runs and phonetic data,
   * which are skipped.
   */
  richString(): string {
    const cch = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(cch, (flags & 1) === 1);
    this.skip(runs * 4);
    this.skip(ext);
    return text;
  }
}

/** [MS-XLS] 2.5.240 ShortXLUnicodeString (sheet names): a 1-byte count, flags, characters. */
export function shortString(data: Uint8Array, at: number, what: string): string {
  if (at + 2 > data.length) throw damaged(`${what} is cut short`);
  const cch = data[at];
  const high = (data[at + 1] & 1) === 1;
  return new Pieces([data.subarray(at + 2)], what).chars(cch, high);
}
