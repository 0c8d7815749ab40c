/**
 * A small writer of Excel 97–2003 files for the .xls reader's tests: BIFF8 records ([MS-XLS]) in
 * a `Workbook` stream of a version 3 compound file ([MS-CFB]), laid out so that tests can break it
 * on purpose (the layout of the sectors is returned). Strings in the shared string table can be
 * split across Continue records at any size, with the characters' width changing from one record
 * to the next, as [MS-XLS] 2.5.293 allows.
 */

const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;
const NOSTREAM = 0xffffffff;

// ---------------------------------------------------------------------------------------------
// Records

function u16(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

function f64(n: number): number[] {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, n, true);
  return [...b];
}

export function record(type: number, data: number[] | Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  out.set([...u16(type), ...u16(data.length)]);
  out.set(data, 4);
  return out;
}

/** Characters as BIFF8 writes them: one byte each when every one fits, else two. */
function chars(text: string, wide: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (wide) out.push(...u16(c));
    else out.push(c & 0xff);
  }
  return out;
}

const needsWide = (text: string) => [...text].some((c) => c.charCodeAt(0) > 0xff);

/** XLUnicodeString: a 2-byte count, a flags byte, the characters. */
export function unicodeString(text: string): number[] {
  const wide = needsWide(text);
  return [...u16(text.length), wide ? 1 : 0, ...chars(text, wide)];
}

export function bof(dt: number, vers = 0x0600): Uint8Array {
  return record(0x0809, [
    ...u16(vers),
    ...u16(dt),
    ...u16(0x1f7f),
    ...u16(1997),
    ...u32(0),
    ...u32(6),
  ]);
}

export const eof = () => record(0x000a, []);

/** Cell records: row and column 0-based, `xf` an index into the XF records. */
export const cell = {
  labelSst: (r: number, c: number, isst: number, xf = 0) =>
    record(0x00fd, [...u16(r), ...u16(c), ...u16(xf), ...u32(isst)]),
  label: (r: number, c: number, text: string, xf = 0) =>
    record(0x0204, [...u16(r), ...u16(c), ...u16(xf), ...unicodeString(text)]),
  number: (r: number, c: number, n: number, xf = 0) =>
    record(0x0203, [...u16(r), ...u16(c), ...u16(xf), ...f64(n)]),
  /** `rk` is the raw RkNumber. */
  rk: (r: number, c: number, rk: number, xf = 0) =>
    record(0x027e, [...u16(r), ...u16(c), ...u16(xf), ...u32(rk)]),
  mulRk: (r: number, c: number, values: [xf: number, rk: number][]) =>
    record(0x00bd, [
      ...u16(r),
      ...u16(c),
      ...values.flatMap(([xf, rk]) => [...u16(xf), ...u32(rk)]),
      ...u16(c + values.length - 1),
    ]),
  bool: (r: number, c: number, v: boolean) =>
    record(0x0205, [...u16(r), ...u16(c), ...u16(0), v ? 1 : 0, 0]),
  error: (r: number, c: number, code: number) =>
    record(0x0205, [...u16(r), ...u16(c), ...u16(0), code, 1]),
  /** A formula (the expression `1`) with a cached number. */
  formula: (r: number, c: number, cached: number[] | number, xf = 0) =>
    record(0x0006, [
      ...u16(r),
      ...u16(c),
      ...u16(xf),
      ...(typeof cached === "number" ? f64(cached) : cached),
      ...u16(0),
      ...u32(0),
      ...u16(3),
      0x1e,
      ...u16(1),
    ]),
  blank: (r: number, c: number) => record(0x0201, [...u16(r), ...u16(c), ...u16(0)]),
  merges: (ranges: [r1: number, r2: number, c1: number, c2: number][]) =>
    record(0x00e5, [...u16(ranges.length), ...ranges.flatMap((m) => m.flatMap(u16))]),
};

/** FormulaValue ([MS-XLS] 2.5.133) of a cached string, boolean, error or empty string. */
export const cached = {
  string: [0, 0, 0, 0, 0, 0, 0xff, 0xff],
  bool: (v: boolean) => [1, 0, v ? 1 : 0, 0, 0, 0, 0xff, 0xff],
  error: (code: number) => [2, 0, code, 0, 0, 0, 0xff, 0xff],
  empty: [3, 0, 0, 0, 0, 0, 0xff, 0xff],
};

/** A String record (a formula's string result), split into Continue records every `chunk` chars. */
export function stringRecord(text: string, chunk = Infinity): Uint8Array[] {
  const wide = needsWide(text);
  const first = Math.min(text.length, chunk);
  const out = [
    record(0x0207, [...u16(text.length), wide ? 1 : 0, ...chars(text.slice(0, first), wide)]),
  ];
  for (let i = first; i < text.length; i += chunk)
    out.push(record(0x003c, [wide ? 1 : 0, ...chars(text.slice(i, i + chunk), wide)]));
  return out;
}

/** An RkNumber of a whole number (fInt), optionally stored × 100. */
export function rkInt(n: number, x100 = false): number {
  return ((n << 2) | 0x02 | (x100 ? 1 : 0)) >>> 0;
}

/** An RkNumber holding a double's 30 high bits (exact for doubles whose low 34 bits are zero). */
export function rkDouble(n: number, x100 = false): number {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, n, true);
  return ((b.getUint32(4, true) & 0xfffffffc) | (x100 ? 1 : 0)) >>> 0;
}

export interface SstOptions {
  /** Bytes of string data per record: the SST's first, then each Continue. */
  recordSize?: number;
  /** Write characters that fit in one byte wide in every other record (the flag changes). */
  alternateWidth?: boolean;
  /** Formatting runs and phonetic bytes added to every string (skipped by a reader). */
  runs?: number;
  phonetic?: number;
  /** The unique count the record claims (default: the strings' count). */
  claimedCount?: number;
}

/**
 * SST and its Continue records: the string data flows from record to record; where characters
 * cross into a new record, that record starts with the fHighByte flag of what follows.
 */
export function sst(strings: string[], options: SstOptions = {}): Uint8Array[] {
  const size = options.recordSize ?? 8224;
  const records: number[][] = [
    [...u32(strings.length), ...u32(options.claimedCount ?? strings.length)],
  ];
  let room = Math.max(0, size - 8);
  let count = 0;
  const next = () => {
    records.push([]);
    room = size;
    count++;
  };
  const put = (bytes: number[]) => {
    for (const b of bytes) {
      if (room === 0) next();
      records[records.length - 1].push(b);
      room--;
    }
  };
  for (const s of strings) {
    const forcedWide = needsWide(s);
    const firstWide = forcedWide;
    const flags = (firstWide ? 1 : 0) | (options.phonetic ? 0x04 : 0) | (options.runs ? 0x08 : 0);
    put([...u16(s.length), flags]);
    if (options.runs) put(u16(options.runs));
    if (options.phonetic) put(u32(options.phonetic));
    let wide = firstWide;
    let i = 0;
    while (i < s.length) {
      if (room < (wide ? 2 : 1)) {
        next();
        wide = forcedWide || (options.alternateWidth ? count % 2 === 1 : false);
        records[records.length - 1].push(wide ? 1 : 0);
        room--;
        continue;
      }
      const take = Math.min(s.length - i, wide ? room >> 1 : room);
      const bytes = chars(s.slice(i, i + take), wide);
      records[records.length - 1].push(...bytes);
      room -= bytes.length;
      i += take;
    }
    for (let r = 0; r < (options.runs ?? 0); r++) put([...u16(r), ...u16(0)]);
    put(new Array(options.phonetic ?? 0).fill(0xab));
  }
  return records.map((data, i) => record(i === 0 ? 0x00fc : 0x003c, data));
}

// ---------------------------------------------------------------------------------------------
// The workbook stream

export interface SheetSpec {
  name: string;
  /** BoundSheet8 dt: 0 worksheet, 1 macro sheet, 2 chart sheet, 6 VBA module. */
  type?: number;
  /** BoundSheet8 hsState: 0 visible, 1 hidden, 2 very hidden. */
  state?: number;
  /** The BOF dt of the substream (0x0010 worksheet, 0x0020 chart, 0x0040 macro). */
  bofType?: number;
  records: Uint8Array[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  strings?: string[];
  sstOptions?: SstOptions;
  date1904?: boolean;
  /** Custom number formats: [ifmt, code]. */
  formats?: [number, string][];
  /** The ifmt of each XF record, in order (XF 0 is the default; 15 is the usual cell XF). */
  xfs?: number[];
  /** A FilePass record right after the BOF: the rest would be encrypted. */
  encrypted?: boolean;
  /** The BOF's BIFF version (0x0600 for BIFF8; 0x0500 for Excel 5.0/95). */
  version?: number;
  /** Records added to the globals, before the sheets' BoundSheet8 records. */
  globals?: Uint8Array[];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The `Workbook` stream: globals (BOF, FilePass?, Date1904, Format, XF, BoundSheet8, SST, EOF), then each sheet. */
export function workbookStream(spec: WorkbookSpec): Uint8Array {
  const head: Uint8Array[] = [bof(0x0005, spec.version)];
  if (spec.encrypted) head.push(record(0x002f, [...u16(0), ...u16(0x1234), ...u16(0x5678)]));
  head.push(record(0x0022, u16(spec.date1904 ? 1 : 0)));
  for (const [id, code] of spec.formats ?? [])
    head.push(record(0x041e, [...u16(id), ...unicodeString(code)]));
  for (const ifmt of spec.xfs ?? [0])
    head.push(record(0x00e0, [...u16(0), ...u16(ifmt), ...new Array(16).fill(0)]));
  head.push(...(spec.globals ?? []));
  const boundSheet = (s: SheetSpec, position: number) => {
    const wide = needsWide(s.name);
    return record(0x0085, [
      ...u32(position),
      s.state ?? 0,
      s.type ?? 0,
      s.name.length,
      wide ? 1 : 0,
      ...chars(s.name, wide),
    ]);
  };
  const tail = [...(spec.strings ? sst(spec.strings, spec.sstOptions) : []), eof()];
  const substreams = spec.sheets.map((s) =>
    concat([bof(s.bofType ?? 0x0010, spec.version), ...s.records, eof()])
  );
  // The BoundSheet8 records have a fixed size, so the sheets' positions are known before writing them.
  const globalsSize =
    concat(head).length +
    spec.sheets.reduce((n, s) => n + boundSheet(s, 0).length, 0) +
    concat(tail).length;
  let position = globalsSize;
  const bounds = spec.sheets.map((s, i) => {
    const b = boundSheet(s, position);
    position += substreams[i].length;
    return b;
  });
  return concat([...head, ...bounds, ...tail, ...substreams]);
}

// ---------------------------------------------------------------------------------------------
// The compound file

export interface CfbLayout {
  /** The sectors holding the FAT, in order. */
  fatSectors: number[];
  difatSectors: number[];
  directorySectors: number[];
  /** The first sector of each stream stored in the FAT (not the mini stream), by name. */
  streams: Map<string, { start: number; sectors: number[] }>;
  /** File offset of each stream's directory entry, by name ("Root Entry" for the root). */
  entries: Map<string, number>;
}

export interface CompoundFileBytes {
  bytes: Uint8Array;
  layout: CfbLayout;
}

/** A version 3 compound file with the given streams at its root (small ones in the mini stream). */
export function compoundFile(streams: { name: string; data: Uint8Array }[]): CompoundFileBytes {
  const big = streams.filter((s) => s.data.length >= CUTOFF);
  const small = streams.filter((s) => s.data.length < CUTOFF);
  // The mini stream: small streams one after another, in 64-byte mini sectors.
  const miniFat: number[] = [];
  const miniStarts: number[] = [];
  const miniParts: Uint8Array[] = [];
  for (const s of small) {
    const n = Math.ceil(s.data.length / MINI);
    miniStarts.push(n === 0 ? ENDOFCHAIN : miniFat.length);
    for (let i = 0; i < n; i++) miniFat.push(i === n - 1 ? ENDOFCHAIN : miniFat.length + 1);
    const padded = new Uint8Array(n * MINI);
    padded.set(s.data);
    miniParts.push(padded);
  }
  const miniStream = concat(miniParts);
  const miniFatBytes = new Uint8Array(Math.ceil((miniFat.length * 4) / SECTOR) * SECTOR).fill(0xff);
  new Uint8Array(miniFat.flatMap(u32)).forEach((b, i) => (miniFatBytes[i] = b));
  const entries = 1 + streams.length;
  const sectorsOf = (n: number) => Math.ceil(n / SECTOR);
  const chains = [
    { name: "directory", size: sectorsOf(entries * 128) },
    { name: "miniFat", size: sectorsOf(miniFatBytes.length) },
    { name: "miniStream", size: sectorsOf(miniStream.length) },
    ...big.map((s) => ({ name: s.name, size: sectorsOf(s.data.length) })),
  ];
  const dataSectors = chains.reduce((n, c) => n + c.size, 0);
  // FAT sectors (128 entries each) must cover themselves, the DIFAT sectors and the data.
  let fatCount = 1;
  let difatCount = 0;
  for (;;) {
    difatCount = fatCount > 109 ? Math.ceil((fatCount - 109) / 127) : 0;
    if (fatCount * 128 >= fatCount + difatCount + dataSectors) break;
    fatCount++;
  }
  const total = fatCount + difatCount + dataSectors;
  const fat = new Array(fatCount * 128).fill(FREESECT);
  const fatSectors = Array.from({ length: fatCount }, (_, i) => i);
  const difatSectors = Array.from({ length: difatCount }, (_, i) => fatCount + i);
  fatSectors.forEach((s) => (fat[s] = FATSECT));
  difatSectors.forEach((s) => (fat[s] = DIFSECT));
  let next = fatCount + difatCount;
  const starts = new Map<string, number[]>();
  for (const c of chains) {
    const sectors = Array.from({ length: c.size }, (_, i) => next + i);
    sectors.forEach((s, i) => (fat[s] = i === sectors.length - 1 ? ENDOFCHAIN : s + 1));
    starts.set(c.name, sectors);
    next += c.size;
  }
  const file = new Uint8Array((total + 1) * SECTOR);
  const put = (at: number, bytes: number[] | Uint8Array) => file.set(bytes, at);
  const sectorAt = (s: number) => (s + 1) * SECTOR;
  // Header ([MS-CFB] 2.2).
  put(0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  put(24, [...u16(0x3e), ...u16(3), ...u16(0xfffe), ...u16(9), ...u16(6)]);
  put(44, u32(fatCount));
  const first = (name: string) => starts.get(name)?.[0] ?? ENDOFCHAIN;
  put(48, u32(first("directory")));
  put(56, u32(CUTOFF));
  put(60, u32(miniFat.length ? first("miniFat") : ENDOFCHAIN));
  put(64, u32(miniFat.length ? (starts.get("miniFat") as number[]).length : 0));
  put(68, u32(difatCount ? difatSectors[0] : ENDOFCHAIN));
  put(72, u32(difatCount));
  for (let i = 0; i < 109; i++) put(76 + i * 4, u32(i < fatCount ? fatSectors[i] : FREESECT));
  difatSectors.forEach((d, k) => {
    for (let i = 0; i < 127; i++) {
      const f = 109 + k * 127 + i;
      put(sectorAt(d) + i * 4, u32(f < fatCount ? fatSectors[f] : FREESECT));
    }
    put(sectorAt(d) + 508, u32(k + 1 < difatCount ? difatSectors[k + 1] : ENDOFCHAIN));
  });
  fat.forEach((v, i) => put(sectorAt(fatSectors[Math.floor(i / 128)]) + (i % 128) * 4, u32(v)));
  const writeChain = (name: string, data: Uint8Array) =>
    (starts.get(name) ?? []).forEach((s, i) =>
      put(sectorAt(s), data.subarray(i * SECTOR, (i + 1) * SECTOR))
    );
  writeChain("miniFat", miniFatBytes);
  writeChain("miniStream", miniStream);
  for (const s of big) writeChain(s.name, s.data);
  // Directory ([MS-CFB] 2.6.1): the root, then the streams, chained as right siblings.
  const dir = starts.get("directory") as number[];
  const entryAt = (i: number) => sectorAt(dir[Math.floor(i / 4)]) + (i % 4) * 128;
  const entryOffsets = new Map<string, number>();
  const writeEntry = (
    i: number,
    name: string,
    type: number,
    child: number,
    right: number,
    start: number,
    size: number
  ) => {
    const at = entryAt(i);
    entryOffsets.set(name, at);
    put(at, chars(name, true));
    put(at + 64, u16((name.length + 1) * 2));
    file[at + 66] = type;
    file[at + 67] = 1; // black
    put(at + 68, u32(NOSTREAM));
    put(at + 72, u32(right));
    put(at + 76, u32(child));
    put(at + 116, u32(start));
    put(at + 120, u32(size));
  };
  writeEntry(
    0,
    "Root Entry",
    5,
    streams.length ? 1 : NOSTREAM,
    NOSTREAM,
    miniStream.length ? first("miniStream") : ENDOFCHAIN,
    miniStream.length
  );
  streams.forEach((s, i) => {
    const isSmall = s.data.length < CUTOFF;
    const start = isSmall ? miniStarts[small.indexOf(s)] : first(s.name);
    writeEntry(
      i + 1,
      s.name,
      2,
      NOSTREAM,
      i + 1 < streams.length ? i + 2 : NOSTREAM,
      start,
      s.data.length
    );
  });
  for (let i = entries; i < dir.length * 4; i++) {
    put(entryAt(i) + 68, [...u32(NOSTREAM), ...u32(NOSTREAM), ...u32(NOSTREAM)]);
  }
  const streamsLayout = new Map(
    big.map((s) => [s.name, { start: first(s.name), sectors: starts.get(s.name) as number[] }])
  );
  return {
    bytes: file,
    layout: {
      fatSectors,
      difatSectors,
      directorySectors: dir,
      streams: streamsLayout,
      entries: entryOffsets,
    },
  };
}

/** Sets FAT entry `sector` to `value` in a file written by compoundFile. */
export function setFat(file: CompoundFileBytes, sector: number, value: number): void {
  const at = (file.layout.fatSectors[Math.floor(sector / 128)] + 1) * SECTOR + (sector % 128) * 4;
  file.bytes.set(u32(value), at);
}

export function setU32(bytes: Uint8Array, at: number, value: number): void {
  bytes.set(u32(value), at);
}

/** An .xls file: the workbook stream in a compound file, with any other streams given. */
export function xlsFile(
  spec: WorkbookSpec,
  extra: { name: string; data: Uint8Array }[] = []
): CompoundFileBytes {
  return compoundFile([{ name: "Workbook", data: workbookStream(spec) }, ...extra]);
}
