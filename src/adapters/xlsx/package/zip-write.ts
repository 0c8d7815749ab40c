/**
 * Writes a zip archive whose untouched entries are copied as stored — compressed bytes, CRC and
 * timestamps included — so a part the writer did not edit is byte for byte the part it read.
 * New and edited parts are deflated. Sizes go in the local headers (no data descriptors).
 */
import { DeflatedPart, crc32, deflateRaw } from "./codec";
import { ZipEntry, rawData } from "./zip-read";

interface Pending {
  name: Uint8Array;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

const utf8 = new TextEncoder();

/** Parts smaller than this are stored, not deflated. */
export const STORE_BELOW = 1024;

/** DOS date and time of now, for new entries. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The fields a local header and a directory entry share, from flags to the name's length. */
function commonFields(view: DataView, at: number, e: Pending): void {
  view.setUint16(at, e.flags, true);
  view.setUint16(at + 2, e.method, true);
  view.setUint16(at + 4, e.time, true);
  view.setUint16(at + 6, e.date, true);
  view.setUint32(at + 8, e.crc, true);
  view.setUint32(at + 12, e.data.length, true);
  view.setUint32(at + 16, e.size, true);
  view.setUint16(at + 20, e.name.length, true);
}

/**
 * A part's content ready for `ZipWriter.addDeflated`: deflated, or stored as it is when under
 * STORE_BELOW bytes (a workbook's relationships, a small sheet of a check-in file): deflating it
 * would save a few hundred bytes at the price of a compressor set up and torn down, thousands of
 * times in `split`.
 */
export function deflatePart(content: string | Uint8Array): DeflatedPart {
  const bytes = typeof content === "string" ? utf8.encode(content) : content;
  const crc = crc32(bytes);
  if (bytes.length < STORE_BELOW) return { data: bytes, crc, size: bytes.length, stored: true };
  return { data: deflateRaw(bytes), crc, size: bytes.length };
}

export class ZipWriter {
  private readonly entries: Pending[] = [];
  /** Parts still being deflated by an asynchronous deflater: each fills in its entry. */
  private readonly deflating: Promise<void>[] = [];
  private readonly now = dosNow();

  /** Copies an entry of `source` exactly as it is stored there. */
  copy(source: Uint8Array, e: ZipEntry): void {
    this.entries.push({
      name: utf8.encode(e.name),
      method: e.method,
      // Bit 3 (sizes in a trailing data descriptor) no longer holds: sizes go in the local header.
      flags: e.flags & ~0x8,
      time: e.time,
      date: e.date,
      crc: e.crc,
      size: e.size,
      data: rawData(source, e),
    });
  }

  /** Adds a new part: deflated, or stored when small (see `deflatePart`). */
  add(name: string, content: string | Uint8Array): void {
    this.addDeflated(name, deflatePart(content));
  }

  /**
   * Adds a part compressed beforehand (a generated sheet, deflated as it was written), or being
   * compressed: then the archive is finished with `finishAsync`.
   */
  addDeflated(name: string, part: DeflatedPart | Promise<DeflatedPart>): void {
    const entry: Pending = {
      name: utf8.encode(name),
      method: 8,
      flags: 0x800, // names are UTF-8
      time: this.now.time,
      date: this.now.date,
      crc: 0,
      size: 0,
      data: new Uint8Array(0),
    };
    const fill = (done: DeflatedPart) => {
      entry.method = done.stored ? 0 : 8;
      entry.crc = done.crc;
      entry.size = done.size;
      entry.data = done.data;
    };
    this.entries.push(entry);
    if ("then" in part) this.deflating.push(part.then(fill));
    else fill(part);
  }

  /** The archive, once every part being deflated has been. */
  async finishAsync(): Promise<Uint8Array> {
    await Promise.all(this.deflating);
    this.deflating.length = 0;
    return this.finish();
  }

  finish(): Uint8Array {
    if (this.deflating.length > 0)
      throw new Error("Parts are still being deflated: finish the archive with finishAsync.");
    let total = 22;
    for (const e of this.entries) total += 30 + e.name.length + e.data.length + 46 + e.name.length;
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    const offsets: number[] = [];
    let at = 0;
    for (const e of this.entries) {
      offsets.push(at);
      view.setUint32(at, 0x04034b50, true);
      view.setUint16(at + 4, 20, true);
      commonFields(view, at + 6, e);
      out.set(e.name, at + 30);
      out.set(e.data, at + 30 + e.name.length);
      at += 30 + e.name.length + e.data.length;
    }
    const directory = at;
    this.entries.forEach((e, i) => {
      view.setUint32(at, 0x02014b50, true);
      view.setUint16(at + 4, 20, true);
      view.setUint16(at + 6, 20, true);
      commonFields(view, at + 8, e);
      view.setUint32(at + 42, offsets[i], true);
      out.set(e.name, at + 46);
      at += 46 + e.name.length;
    });
    view.setUint32(at, 0x06054b50, true);
    view.setUint16(at + 8, this.entries.length, true);
    view.setUint16(at + 10, this.entries.length, true);
    view.setUint32(at + 12, at - directory, true);
    view.setUint32(at + 16, directory, true);
    return out;
  }
}
