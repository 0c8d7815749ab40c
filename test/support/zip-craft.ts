/**
 * Zip archives written byte by byte, so a test can make exactly the package an attacker would:
 * a local header that names another part than the directory, two entries of one name, an entry
 * flagged as encrypted, entries that overlap, a deflate stream that inflates to gigabytes while
 * its directory entry declares what the attacker likes (APPNOTE 4.3.7, 4.3.12, 4.5.3).
 */
import { constants, crc32, deflateRawSync } from "zlib";

export interface CraftedEntry {
  name: string;
  /** The part's bytes (or text): stored or deflated as `method` says. */
  data?: Uint8Array | string;
  /** A ready deflate stream (a bomb): written as it is, method 8. */
  deflated?: Uint8Array;
  method?: 0 | 8;
  /** The inflated size the directory declares; by default the true one. */
  size?: number;
  crc?: number;
  /** The name in the local header, when it should differ from the directory's. */
  localName?: string;
  flags?: number;
  /** Writes no bytes of its own: the directory points at this entry's local header instead. */
  sameDataAs?: string;
}

const utf8 = new TextEncoder();
const bytesOf = (d: Uint8Array | string) => (typeof d === "string" ? utf8.encode(d) : d);

interface Placed {
  entry: CraftedEntry;
  name: Uint8Array;
  data: Uint8Array;
  size: number;
  crc: number;
  method: number;
  offset: number;
}

function localHeader(p: Placed, name: Uint8Array): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(p.entry.flags ?? 0x800, 6);
  h.writeUInt16LE(p.method, 8);
  h.writeUInt32LE(p.crc, 14);
  h.writeUInt32LE(p.data.length, 18);
  h.writeUInt32LE(Math.min(p.size, 0xffffffff), 22);
  h.writeUInt16LE(name.length, 26);
  return h;
}

/** A directory entry; sizes of 4 GiB and more go in a zip64 extra field. */
function directoryEntry(p: Placed): Buffer {
  const big = p.size >= 0xffffffff;
  const extra = big ? Buffer.alloc(12) : Buffer.alloc(0);
  if (big) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(p.size), 4);
  }
  const d = Buffer.alloc(46);
  d.writeUInt32LE(0x02014b50, 0);
  d.writeUInt16LE(big ? 45 : 20, 4);
  d.writeUInt16LE(big ? 45 : 20, 6);
  d.writeUInt16LE(p.entry.flags ?? 0x800, 8);
  d.writeUInt16LE(p.method, 10);
  d.writeUInt32LE(p.crc, 16);
  d.writeUInt32LE(p.data.length, 20);
  d.writeUInt32LE(big ? 0xffffffff : p.size, 24);
  d.writeUInt16LE(p.name.length, 28);
  d.writeUInt16LE(extra.length, 30);
  d.writeUInt32LE(p.offset, 42);
  return Buffer.concat([d, p.name, extra]);
}

export function craftZip(
  entries: readonly CraftedEntry[],
  options: { shortCount?: boolean } = {}
): Uint8Array {
  const chunks: Buffer[] = [];
  const placed: Placed[] = [];
  let offset = 0;
  for (const entry of entries) {
    const plain = entry.data === undefined ? undefined : bytesOf(entry.data);
    const method = entry.deflated ? 8 : (entry.method ?? 8);
    const data =
      entry.deflated ??
      (method === 8 ? deflateRawSync(plain ?? new Uint8Array()) : (plain ?? new Uint8Array()));
    const p: Placed = {
      entry,
      name: utf8.encode(entry.name),
      data,
      size: entry.size ?? plain?.length ?? 0,
      crc: entry.crc ?? (plain ? crc32(plain) : 0),
      method,
      offset,
    };
    const twin = entry.sameDataAs && placed.find((q) => q.entry.name === entry.sameDataAs);
    if (twin) {
      Object.assign(p, {
        data: twin.data,
        offset: twin.offset,
        method: twin.method,
        crc: twin.crc,
      });
      placed.push(p);
      continue;
    }
    const header = localHeader(p, utf8.encode(entry.localName ?? entry.name));
    chunks.push(header, Buffer.from(utf8.encode(entry.localName ?? entry.name)), Buffer.from(data));
    offset += header.length + utf8.encode(entry.localName ?? entry.name).length + data.length;
    placed.push(p);
  }
  const directory = Buffer.concat(placed.map(directoryEntry));
  // Past 65,535 entries the count lives in a zip64 end of directory (APPNOTE 4.3.14), unless the
  // case wants the 16-bit count to be wrong.
  const zip64 = placed.length > 0xffff && !options.shortCount;
  const records: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(placed.length), 24);
    record.writeBigUInt64LE(BigInt(placed.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    records.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(placed.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(placed.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, ...records, end]));
}

/**
 * A raw deflate stream of `head`, then `block` `times` over, then `tail`, made without deflating
 * the whole: each piece ends in a full flush (byte-aligned, history reset), so its compressed form
 * can be repeated as is; a final empty block closes the stream. Inflates to
 * head + block × times + tail bytes.
 */
export function repeatedDeflate(
  head: string,
  block: Uint8Array,
  times: number,
  tail: string
): { deflated: Uint8Array; size: number } {
  const flush = (b: Uint8Array) =>
    deflateRawSync(b, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const body = flush(block);
  const parts = [flush(utf8.encode(head))];
  for (let i = 0; i < times; i++) parts.push(body);
  parts.push(flush(utf8.encode(tail)), Buffer.from([0x03, 0x00]));
  return {
    deflated: new Uint8Array(Buffer.concat(parts)),
    size: utf8.encode(head).length + block.length * times + utf8.encode(tail).length,
  };
}
