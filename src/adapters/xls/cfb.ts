/**
 * A Compound File Binary reader ([MS-CFB], "OLE2", the container of .xls files): the header, the
 * FAT through the DIFAT, the mini FAT and mini stream, and the directory, enough to read the
 * streams at the root of the file. Everything it reads is checked against the file first: a sector
 * number beyond the file, a chain that loops, a stream larger than the file, a directory tree that
 * points back at itself is a refusal (PackageRefused, damaged), never a hang and never an
 * allocation of what the file merely claims. Memory is bounded by the file's own size.
 */
import { PackageRefused } from "../xlsx/package/limits";

/** [MS-CFB] 2.1: sector numbers above MAXREGSECT mark the FAT's own entries and ends of chains. */
const MAXREGSECT = 0xfffffffa;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
/** [MS-CFB] 2.6: the stream id that ends a branch of the directory tree. */
const NOSTREAM = 0xffffffff;
/** [MS-CFB] 2.2: streams shorter than this live in the mini stream, in 64-byte mini sectors. */
const MINI_STREAM_CUTOFF = 4096;
const MINI_SECTOR = 64;
/** [MS-CFB] 2.2: the header holds the first 109 entries of the DIFAT. */
const HEADER_DIFAT = 109;
const DIRECTORY_ENTRY = 128;

/** [MS-CFB] 2.6.1 object types. */
export const enum EntryType {
  Storage = 1,
  Stream = 2,
  Root = 5,
}

export interface DirectoryEntry {
  id: number;
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** The compound file signature, D0 CF 11 E0 A1 B1 1A E1 ([MS-CFB] 2.2, Header Signature). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

function damaged(what: string): PackageRefused {
  return new PackageRefused(what, true);
}

export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  /** Sectors the file holds after its header (the last one may be cut short). */
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private miniFat: Uint32Array | null = null;
  private miniStream: Uint8Array | null = null;
  readonly entries: DirectoryEntry[];

  constructor(private readonly bytes: Uint8Array) {
    if (!isCompoundFile(bytes)) throw damaged("it is not a compound file");
    if (bytes.length < 512) throw damaged("the file is cut short");
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // [MS-CFB] 2.2: major version 3 has 512-byte sectors (shift 9), version 4 4,096 (shift 12).
    const major = this.u16(26);
    const shift = this.u16(30);
    if (this.u16(28) !== 0xfffe) throw damaged("its compound file header is damaged");
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)))
      throw damaged(`its compound file header gives version ${major} with 2^${shift}-byte sectors`);
    if (this.u16(32) !== 6) throw damaged("its compound file header is damaged");
    this.sectorSize = 1 << shift;
    this.sectorCount = Math.max(0, Math.ceil((bytes.length - this.sectorSize) / this.sectorSize));
    this.fat = this.readFat();
    this.entries = this.readDirectory();
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  /** The file offset of a sector; refused when the sector lies beyond the file. */
  private sectorOffset(sector: number, what: string): number {
    if (sector >= this.sectorCount)
      throw damaged(`${what} points at sector ${sector}, beyond the end of the file`);
    return (sector + 1) * this.sectorSize;
  }

  /** [MS-CFB] 2.3 and 2.4: the FAT sectors are listed by the DIFAT (header, then a chain). */
  private readFat(): Uint32Array {
    const fatSectors = this.u32(44);
    if (fatSectors > this.sectorCount)
      throw damaged(`its header claims ${fatSectors} FAT sectors, more than the file holds`);
    const perSector = this.sectorSize / 4;
    const list: number[] = [];
    for (let i = 0; i < HEADER_DIFAT && list.length < fatSectors; i++) {
      const s = this.u32(76 + i * 4);
      if (s === FREESECT || s === ENDOFCHAIN) break;
      list.push(s);
    }
    let difat = this.u32(68);
    const visited = new Set<number>();
    while (list.length < fatSectors && difat !== ENDOFCHAIN && difat !== FREESECT) {
      if (visited.has(difat)) throw damaged("its DIFAT chain loops");
      visited.add(difat);
      const at = this.sectorOffset(difat, "the DIFAT");
      if (at + this.sectorSize > this.bytes.length) throw damaged("its DIFAT is cut short");
      for (let i = 0; i < perSector - 1 && list.length < fatSectors; i++) {
        const s = this.u32(at + i * 4);
        if (s === FREESECT || s === ENDOFCHAIN) break;
        list.push(s);
      }
      difat = this.u32(at + (perSector - 1) * 4);
    }
    const fat = new Uint32Array(list.length * perSector);
    list.forEach((sector, i) => {
      const at = this.sectorOffset(sector, "the DIFAT");
      const end = Math.min(at + this.sectorSize, this.bytes.length);
      for (let p = at, j = i * perSector; p + 4 <= end; p += 4, j++) fat[j] = this.u32(p);
      // A FAT sector cut short by the end of the file: its missing entries are free.
      for (let j = i * perSector + Math.floor((end - at) / 4); j < (i + 1) * perSector; j++)
        fat[j] = FREESECT;
    });
    return fat;
  }

  /**
   * The sectors of a chain, in order, at most `limit` of them: each must exist in the table, and
   * a sector met twice is a loop (a flag per entry of the table, which the file's size bounds).
   */
  private chain(start: number, table: Uint32Array, limit: number, what: string): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(table.length);
    let s = start;
    while (s !== ENDOFCHAIN) {
      if (s > MAXREGSECT || s >= table.length)
        throw damaged(`${what} points at sector ${s}, which does not exist`);
      if (seen[s] === 1) throw damaged(`${what}'s sector chain loops`);
      seen[s] = 1;
      out.push(s);
      if (out.length >= limit) break;
      s = table[s];
    }
    return out;
  }

  /** [MS-CFB] 2.6: the directory, an array of 128-byte entries in its own chain. */
  private readDirectory(): DirectoryEntry[] {
    const sectors = this.chain(this.u32(48), this.fat, this.sectorCount, "the directory");
    const entries: DirectoryEntry[] = [];
    const perSector = this.sectorSize / DIRECTORY_ENTRY;
    for (const sector of sectors) {
      const base = this.sectorOffset(sector, "the directory");
      for (let i = 0; i < perSector; i++) {
        const at = base + i * DIRECTORY_ENTRY;
        if (at + DIRECTORY_ENTRY > this.bytes.length) break;
        entries.push(this.entry(entries.length, at));
      }
    }
    if (entries.length === 0 || entries[0].type !== EntryType.Root)
      throw damaged("its compound file directory has no root entry");
    return entries;
  }

  /** [MS-CFB] 2.6.1: one directory entry. */
  private entry(id: number, at: number): DirectoryEntry {
    const nameBytes = Math.min(this.u16(at + 64), 64);
    let name = "";
    for (let i = 0; i + 2 <= nameBytes; i += 2) {
      const ch = this.u16(at + i);
      if (ch === 0) break;
      name += String.fromCharCode(ch);
    }
    const low = this.u32(at + 120);
    const high = this.u32(at + 124);
    // Version 3 files use only the low 32 bits of the size (writers have left garbage above).
    const size = this.sectorSize === 512 ? low : low + high * 2 ** 32;
    return {
      id,
      name,
      type: this.bytes[at + 66],
      left: this.u32(at + 68),
      right: this.u32(at + 72),
      child: this.u32(at + 76),
      start: this.u32(at + 116),
      size,
    };
  }

  /** The entries directly inside the root storage (its children's tree, walked without loops). */
  rootChildren(): DirectoryEntry[] {
    const out: DirectoryEntry[] = [];
    const visited = new Set<number>();
    const stack = [this.entries[0].child];
    while (stack.length > 0) {
      const id = stack.pop() as number;
      if (id === NOSTREAM) continue;
      const e = this.entries[id];
      if (!e)
        throw damaged(
          `its compound file directory points at entry ${id >>> 0}, which does not exist`
        );
      if (visited.has(id)) throw damaged("its compound file directory loops");
      visited.add(id);
      out.push(e);
      stack.push(e.right, e.left);
    }
    return out;
  }

  /** A root stream by name, compared without regard to case, as [MS-CFB] compares names. */
  stream(name: string): DirectoryEntry | undefined {
    const want = name.toUpperCase();
    return this.rootChildren().find(
      (e) => e.type === EntryType.Stream && e.name.toUpperCase() === want
    );
  }

  /** The stream's bytes: its declared size, read through the FAT or the mini FAT. */
  read(entry: DirectoryEntry): Uint8Array {
    if (entry.size > this.bytes.length)
      throw damaged(
        `its "${entry.name}" stream claims ${entry.size} bytes, more than the file's ${this.bytes.length}`
      );
    if (entry.size < MINI_STREAM_CUTOFF && entry.type !== EntryType.Root)
      return this.readMini(entry);
    return this.readChain(
      entry.start,
      entry.size,
      this.fat,
      this.sectorSize,
      this.bytes,
      (s) => this.sectorOffset(s, `the "${entry.name}" stream`),
      entry.name
    );
  }

  private readChain(
    start: number,
    size: number,
    table: Uint32Array,
    unit: number,
    source: Uint8Array,
    offsetOf: (sector: number) => number,
    name: string
  ): Uint8Array {
    const out = new Uint8Array(size);
    if (size === 0) return out;
    const sectors = this.chain(start, table, Math.ceil(size / unit), `the "${name}" stream`);
    let filled = 0;
    for (const s of sectors) {
      const at = offsetOf(s);
      const take = Math.min(unit, size - filled, source.length - at);
      if (take <= 0) break;
      out.set(source.subarray(at, at + take), filled);
      filled += take;
    }
    if (filled < size) throw damaged(`its "${name}" stream is cut short`);
    return out;
  }

  /** [MS-CFB] 2.5: small streams are chains of 64-byte sectors inside the root's mini stream. */
  private readMini(entry: DirectoryEntry): Uint8Array {
    if (!this.miniStream || !this.miniFat) {
      const root = this.entries[0];
      this.miniStream = this.read(root);
      const count = this.u32(64);
      if (count > this.sectorCount)
        throw damaged(`its header claims ${count} mini FAT sectors, more than the file holds`);
      const miniFatBytes = this.readChain(
        this.u32(60),
        count * this.sectorSize,
        this.fat,
        this.sectorSize,
        this.bytes,
        (s) => this.sectorOffset(s, "the mini FAT"),
        "mini FAT"
      );
      const view = new DataView(miniFatBytes.buffer);
      this.miniFat = new Uint32Array(miniFatBytes.length / 4);
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = view.getUint32(i * 4, true);
    }
    const stream = this.miniStream;
    return this.readChain(
      entry.start,
      entry.size,
      this.miniFat,
      MINI_SECTOR,
      stream,
      (s) => {
        if ((s + 1) * MINI_SECTOR > stream.length)
          throw damaged(`the "${entry.name}" stream points beyond the mini stream`);
        return s * MINI_SECTOR;
      },
      entry.name
    );
  }
}
