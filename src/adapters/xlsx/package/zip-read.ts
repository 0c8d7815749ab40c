/**
 * The entries of a zip archive, read from its central directory only (APPNOTE 4.3.12), so every
 * command sees the same parts whatever the local headers claim. Anything that two readers could
 * take for two different packages is refused: duplicate or case-twin names, `..` or absolute
 * names, entries whose local header disagrees with the directory, overlapping entries, encryption.
 */
import { inflateRaw } from "./codec";
import { LIMITS, PackageRefused } from "./limits";

export interface ZipEntry {
  /** The part name as stored, without a leading `/`. */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header; the compressed data follows it. */
  headerOffset: number;
  dataOffset: number;
  /** The DOS date and time, copied as is when the entry is copied. */
  time: number;
  date: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 2 ** 32;
  }
  fits(at: number, length: number): boolean {
    return at >= 0 && length >= 0 && at + length <= this.bytes.length;
  }
}

/** A zip archive starts with `PK\x03\x04`: the cheapest honest test for "is this an xlsx at all". */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

const damaged = (why: string) => new PackageRefused(`the zip archive is damaged: ${why}`, true);

function findEndOfDirectory(r: Reader): number {
  const last = r.bytes.length - 22;
  for (let at = last; at >= Math.max(0, last - 65535); at--)
    if (r.u32(at) === EOCD && at + 22 + r.u16(at + 20) <= r.bytes.length) return at;
  throw damaged("it has no central directory (is the file complete?)");
}

interface Directory {
  count: number;
  offset: number;
  size: number;
}

function directory(r: Reader): Directory {
  const eocd = findEndOfDirectory(r);
  let count = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff || size === 0xffffffff) && eocd >= 20) {
    if (r.u32(eocd - 20) === ZIP64_LOCATOR) {
      const at = r.u64(eocd - 12);
      if (!r.fits(at, 56) || r.u32(at) !== ZIP64_EOCD)
        throw damaged("its zip64 directory is missing");
      count = r.u64(at + 32);
      size = r.u64(at + 40);
      offset = r.u64(at + 48);
    }
  }
  if (!r.fits(offset, size)) throw damaged("its central directory points outside the file");
  if (count > LIMITS.entries)
    throw new PackageRefused(`the package holds ${count} parts (the limit is ${LIMITS.entries})`);
  return { count, offset, size };
}

/** Zip64 sizes and offset, for the fields the directory entry marks as 0xFFFFFFFF. */
function zip64Fields(r: Reader, extra: number, extraLength: number, e: ZipEntry): void {
  let at = extra;
  while (at + 4 <= extra + extraLength) {
    const id = r.u16(at);
    const length = r.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ["size", "compressedSize", "headerOffset"] as const) {
        if (e[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + length) throw damaged(`${e.name} has a short zip64 field`);
        e[key] = r.u64(field);
        field += 8;
      }
    }
    at += 4 + length;
  }
}

function checkName(name: string): void {
  const bad =
    name.length === 0 ||
    name.includes("\\") ||
    name.includes("\0") ||
    name.split("/").some((piece) => piece === ".." || piece === ".");
  if (bad)
    throw new PackageRefused(`the package has a part named "${name}", which no workbook has`);
}

const utf8 = new TextDecoder("utf-8");

/** Every entry of the archive, keyed by lower-cased name (part names are case-insensitive). */
export function readZipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  if (bytes.length < 22) throw damaged("it is too short to be a zip archive");
  const r = new Reader(bytes);
  const dir = directory(r);
  const entries = new Map<string, ZipEntry>();
  const spans: [number, number][] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (!r.fits(at, 46) || r.u32(at) !== CENTRAL)
      throw damaged("its central directory is cut short");
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    if (!r.fits(at + 46, nameLength + extraLength + commentLength))
      throw damaged("its central directory is cut short");
    const rawName = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const name = rawName.replace(/^\/+/, "");
    const e: ZipEntry = {
      name,
      flags: r.u16(at + 8),
      method: r.u16(at + 10),
      time: r.u16(at + 12),
      date: r.u16(at + 14),
      crc: r.u32(at + 16),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      headerOffset: r.u32(at + 42),
      dataOffset: 0,
    };
    zip64Fields(r, at + 46 + nameLength, extraLength, e);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue; // a folder entry holds no part
    checkName(name);
    if (e.flags & 0x1) throw new PackageRefused(`the part ${name} is encrypted`);
    if (e.method !== 0 && e.method !== 8)
      throw new PackageRefused(
        `the part ${name} uses a compression method (${e.method}) workbooks never use`
      );
    const key = name.toLowerCase();
    if (entries.has(key))
      throw new PackageRefused(
        `the package holds the part ${name} twice; it is ambiguous and refused`
      );
    const h = e.headerOffset;
    if (!r.fits(h, 30) || r.u32(h) !== LOCAL) throw damaged(`the part ${name} has no local header`);
    const localNameLength = r.u16(h + 26);
    const localName = utf8
      .decode(bytes.subarray(h + 30, h + 30 + localNameLength))
      .replace(/^\/+/, "");
    if (localName !== name)
      throw new PackageRefused(
        `the zip's directory and its local headers disagree about the part ${name}; the package is ambiguous and refused`
      );
    e.dataOffset = h + 30 + localNameLength + r.u16(h + 28);
    if (!r.fits(e.dataOffset, e.compressedSize)) throw damaged(`the part ${name} is cut short`);
    spans.push([h, e.dataOffset + e.compressedSize]);
    entries.set(key, e);
  }
  // Every byte of the directory is an entry this reader counted: a reader that walks the
  // directory to its end instead of trusting the count would otherwise see other parts.
  if (at !== dir.offset + dir.size)
    throw new PackageRefused(
      "the zip's directory holds more or fewer entries than it counts; the package is ambiguous and refused"
    );
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++)
    if (spans[i][0] < spans[i - 1][1])
      throw new PackageRefused(
        "two parts of the package overlap in the zip; it is ambiguous and refused"
      );
  return entries;
}

/** The compressed bytes of an entry, exactly as stored (to copy a part without touching it). */
export function rawData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  return bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
}

const MB = 1024 * 1024;

/** A byte count for a message: `6,144 MB`. */
export function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / MB).toLocaleString("en-US")} MB`;
}

/**
 * Counts the inflated bytes of the parts read so far against LIMITS.totalBytes. A part is counted
 * by the size its directory entry declares, before it is inflated, so the total is refused
 * without inflating the part that would pass it.
 */
export class InflateBudget {
  private used = 0;
  take(e: ZipEntry): void {
    this.used += e.size;
    if (this.used > LIMITS.totalBytes) throw totalRefused(e);
  }

  /** Refuses at once when the parts about to be read pass the limits, before any is inflated. */
  plan(entries: Iterable<ZipEntry>): void {
    let total = this.used;
    for (const e of entries) {
      checkDeclaredSize(e);
      total += e.size;
      if (total > LIMITS.totalBytes) throw totalRefused(e);
    }
  }
}

function totalRefused(e: ZipEntry): PackageRefused {
  return new PackageRefused(
    `the parts read inflate to more than ${megabytes(LIMITS.totalBytes)} together (the limit for a package), passed at ${e.name}`
  );
}

/**
 * Refuses an entry whose declared inflated size passes the limit for one part or the compression
 * ratio limit — before inflating anything, so a bomb costs no memory. Inflating is then capped at
 * the declared size (refused past it), so memory is bounded by the limits whatever the file claims.
 */
export function checkDeclaredSize(e: ZipEntry): void {
  if (e.size > LIMITS.partBytes)
    throw new PackageRefused(
      `${e.name} inflates to ${megabytes(e.size)}, more than ${megabytes(LIMITS.partBytes)} (the limit for one part)`
    );
  if (e.size > MB && e.size > e.compressedSize * LIMITS.ratio)
    throw new PackageRefused(
      `${e.name} inflates to ${Math.floor(e.size / Math.max(1, e.compressedSize)).toLocaleString("en-US")} times its compressed size, more than ${LIMITS.ratio.toLocaleString("en-US")} times (the compression-ratio limit): it is a zip bomb`
    );
}

/** The inflated bytes of an entry, within the part, ratio and total limits. */
export function entryBytes(bytes: Uint8Array, e: ZipEntry, budget: InflateBudget): Uint8Array {
  checkDeclaredSize(e);
  budget.take(e);
  if (e.size === 0) return new Uint8Array(0);
  const raw = rawData(bytes, e);
  if (e.method === 0) {
    if (raw.length !== e.size)
      throw damaged(`the stored part ${e.name} is not the size it declares`);
    return raw;
  }
  const out = inflateRaw(raw, e.size, e.name);
  if (out.length !== e.size) throw damaged(`${e.name} is shorter than its zip entry declares`);
  return out;
}
