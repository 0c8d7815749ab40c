/**
 * An Excel 97–2003 workbook (.xls: BIFF8 records in the `Workbook` stream of a compound file) as
 * the engine's grids, read the way the .xlsx reader reads a package: shared strings, numbers,
 * booleans, cached formula results (a cached error is a CellError, never blank), dates by their
 * cell's number format in either date system, and merged ranges reported, not filled (the engine
 * gives merges their one meaning, SPEC 2.1). Worksheets are read in tab order, hidden ones too, as
 * the .xlsx reader does; chart sheets, macro sheets and VBA modules have no cells and are left out.
 *
 * Refused with one line: an encrypted workbook (FilePass), a workbook older than BIFF8 (the
 * version is named), and anything damaged (the compound file's checks, records cut short).
 * Record layouts are those of [MS-XLS], named where each record is read.
 */
import { CellValue, SheetGrid, WorkbookGrids } from "../../engine/grid";
import { LIMITS, PackageRefused } from "../xlsx/package/limits";
import { dateFromSerial } from "../xlsx/read/sheet";
import { BUILT_IN_DATES, isDateFormat } from "../xlsx/read/styles";
import { BiffRecord, CONTINUE, Pieces, RecordReader, damaged, shortString } from "./biff";
import { CompoundFile, isCompoundFile } from "./cfb";

export { isCompoundFile };

/** Record types ([MS-XLS], "Record Enumeration"). */
const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  FORMAT: 0x041e,
  XF: 0x00e0,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGEDCELLS: 0x00e5,
} as const;

/** Between a Formula and its String record may come ShrFmla, Array or Table ([MS-XLS], the CELL rule). */
const KEEPS_STRING_WAITING = new Set([0x04bc, 0x0221, 0x0236, CONTINUE]);

/** [MS-XLS] 2.4.21 BOF, dt: the kind of substream a BOF record starts. */
const WORKBOOK_GLOBALS = 0x0005;
const WORKSHEET = 0x0010;

/** [MS-XLS] 2.5.10 Bes: error codes, as Excel writes them. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** BOF records of the versions before BIFF8, by their record type or `vers` field. */
const OLD_VERSIONS: Record<number, string> = {
  0x0009: "an Excel 2.x workbook (BIFF2)",
  0x0209: "an Excel 3.0 workbook (BIFF3)",
  0x0409: "an Excel 4.0 workbook (BIFF4)",
  0x0500: "an Excel 5.0/95 workbook (BIFF5)",
};

function tooOld(version: string): PackageRefused {
  return new PackageRefused(
    `it is ${version}, older than the Excel 97–2003 format (BIFF8) that is read; open it in Excel or LibreOffice and save it as .xlsx`
  );
}

/**
 * A file that starts with the BOF record of Excel 2.x, 3.0 or 4.0 (which wrote no compound file):
 * the version's name, else null.
 */
export function oldBiffVersion(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null;
  const type = bytes[0] | (bytes[1] << 8);
  const size = bytes[2] | (bytes[3] << 8);
  return type !== 0x0809 && OLD_VERSIONS[type] && size >= 4 && size <= 16
    ? OLD_VERSIONS[type]
    : null;
}

export interface XlsSheetInfo {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface XlsReading {
  grids: WorkbookGrids;
  /** The worksheets read, in tab order, with their visibility. */
  sheets: XlsSheetInfo[];
  date1904: boolean;
}

interface BoundSheet extends XlsSheetInfo {
  position: number;
  /** [MS-XLS] 2.4.28 BoundSheet8 dt: 0 worksheet or dialog, 1 macro, 2 chart, 6 VBA module. */
  type: number;
}

interface Globals {
  sheets: BoundSheet[];
  sharedStrings: string[];
  isDate: boolean[];
  date1904: boolean;
}

const u16 = (d: Uint8Array, at: number) => d[at] | (d[at + 1] << 8);
const u32 = (d: Uint8Array, at: number) => (u16(d, at) + u16(d, at + 2) * 0x10000) >>> 0;

function f64(d: Uint8Array, at: number): number {
  return new DataView(d.buffer, d.byteOffset + at, 8).getFloat64(0, true);
}

/** [MS-XLS] 2.5.217 RkNumber: 30 bits of an integer or of a double's high bits, maybe ÷ 100. */
function rkNumber(rk: number): number {
  let n: number;
  if (rk & 0x02) n = (rk | 0) >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    n = view.getFloat64(0, true);
  }
  return rk & 0x01 ? n / 100 : n;
}

/** Checks that a record has the bytes it needs; refused when cut short. */
function need(r: BiffRecord, size: number, what: string): void {
  if (r.data.length < size) throw damaged(`its ${what} record at ${r.offset} is cut short`);
}

/** The BOF record at `r`: the substream's type, or a refusal naming an older version. */
function substreamType(r: BiffRecord | null): number | null {
  if (!r) return null;
  if (r.type !== R.BOF) {
    const old = OLD_VERSIONS[r.type];
    if (old) throw tooOld(old);
    return null;
  }
  need(r, 4, "BOF");
  const vers = u16(r.data, 0);
  if (vers < 0x0600)
    throw tooOld(OLD_VERSIONS[vers] ?? `a BIFF version 0x${vers.toString(16)} workbook`);
  return u16(r.data, 2);
}

/** The workbook globals substream ([MS-XLS] 2.1.3): sheets, strings, formats, date system. */
function readGlobals(stream: Uint8Array): Globals {
  const records = new RecordReader(stream, 0);
  const type = substreamType(records.next());
  if (type !== WORKBOOK_GLOBALS)
    throw damaged("its workbook stream does not start with the workbook's BOF record");
  const sheets: BoundSheet[] = [];
  let sharedStrings: string[] = [];
  const formats = new Map<number, boolean>();
  const xfFormats: number[] = [];
  let date1904 = false;
  for (let r = records.next(); r?.type !== R.EOF; r = records.next()) {
    if (!r) throw damaged("its workbook stream is cut short (the workbook's records end early)");
    switch (r.type) {
      case R.FILEPASS:
        // [MS-XLS] FilePass: everything after it is encrypted.
        throw new PackageRefused(
          "it is password-protected (encrypted); open it with its password in Excel or LibreOffice, remove the password, and save it as .xlsx"
        );
      case R.DATEMODE: // [MS-XLS] Date1904
        need(r, 2, "Date1904");
        date1904 = u16(r.data, 0) === 1;
        break;
      case R.BOUNDSHEET: {
        // [MS-XLS] 2.4.28 BoundSheet8: lbPlyPos, hsState (2 bits), dt, stName.
        need(r, 8, "BoundSheet8");
        const hs = r.data[4] & 0x03;
        sheets.push({
          position: u32(r.data, 0),
          state: hs === 1 ? "hidden" : hs === 2 ? "veryHidden" : "visible",
          type: r.data[5],
          name: shortString(r.data, 6, `the BoundSheet8 record at ${r.offset}`),
        });
        if (sheets.length > LIMITS.sheets)
          throw new PackageRefused(`the workbook lists more than ${LIMITS.sheets} sheets`);
        break;
      }
      case R.FORMAT: {
        // [MS-XLS] Format: ifmt, then the format code as an XLUnicodeString (2.5.294).
        need(r, 5, "Format");
        const code = new Pieces([r.data.subarray(2), ...records.continues()], "a Format record");
        formats.set(u16(r.data, 0), isDateFormat(code.unicodeString()));
        break;
      }
      case R.XF: // [MS-XLS] XF: ifnt, then ifmt, the cell's number format.
        need(r, 4, "XF");
        xfFormats.push(u16(r.data, 2));
        break;
      case R.SST:
        sharedStrings = readSst(r, records.continues());
        break;
    }
  }
  const isDate = xfFormats.map((id) => formats.get(id) ?? BUILT_IN_DATES.has(id));
  return { sheets, sharedStrings, isDate, date1904 };
}

/** [MS-XLS] 2.4.265 SST: cstTotal, cstUnique, then the strings, carried on by Continue records. */
function readSst(r: BiffRecord, continues: Uint8Array[]): string[] {
  need(r, 8, "SST");
  const unique = u32(r.data, 4);
  if (unique > LIMITS.sharedStrings)
    throw new PackageRefused(
      `the workbook claims ${unique} shared strings, more than ${LIMITS.sharedStrings}`
    );
  const pieces = new Pieces([r.data.subarray(8), ...continues], "the shared string table");
  // Never allocated by the count the record claims: a string is kept when it has been read.
  const strings: string[] = [];
  while (strings.length < unique && !pieces.atEnd()) strings.push(pieces.richString());
  return strings;
}

/** One worksheet's cells, merges and count, read from its substream. */
class SheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly merges: NonNullable<SheetGrid["merges"]> = [];
  cells = 0;

  constructor(
    private readonly name: string,
    private readonly globals: Globals,
    private readonly budget: number
  ) {}

  put(row: number, col: number, value: CellValue): void {
    if (value === null || value === "" || col >= LIMITS.columns) return;
    if (++this.cells > this.budget)
      throw new PackageRefused(
        `the workbook holds more than ${LIMITS.cells} cells (reached on sheet "${this.name}")`
      );
    (this.rows[row] ??= [])[col] = value;
  }

  /** A number in its cell's format: a Date where the format shows dates. */
  number(row: number, col: number, xf: number, n: number): void {
    this.put(row, col, this.globals.isDate[xf] ? dateFromSerial(n, this.globals.date1904) : n);
  }
}

function readSheet(
  stream: Uint8Array,
  sheet: BoundSheet,
  globals: Globals,
  budget: number
): SheetBuilder | null {
  const at = `sheet "${sheet.name}"`;
  if (sheet.position >= stream.length) throw damaged(`the records of ${at} are missing`);
  const records = new RecordReader(stream, sheet.position);
  const type = substreamType(records.next());
  if (type === null) throw damaged(`the records of ${at} are missing`);
  if (type !== WORKSHEET) return null; // a chart, macro or module sheet that the list called a worksheet
  const out = new SheetBuilder(sheet.name, globals, budget);
  const strings = globals.sharedStrings;
  /** A formula whose cached result is a string: the String record after it holds the text. */
  let pendingString: [number, number] | null = null;
  let depth = 1;
  for (;;) {
    const r = records.next();
    if (!r) throw damaged(`the records of ${at} are cut short`);
    if (r.type === R.BOF)
      depth++; // an embedded chart's substream, inside the sheet's
    else if (r.type === R.EOF && --depth === 0) break;
    if (depth !== 1) continue;
    const d = r.data;
    switch (r.type) {
      case R.LABELSST: // [MS-XLS] LabelSst: rw, col, ixfe, isst (an index into the SST)
        need(r, 10, "LabelSst");
        out.put(u16(d, 0), u16(d, 2), strings[u32(d, 6)] ?? null);
        break;
      case R.LABEL: // [MS-XLS] Label (and the older RString): rw, col, ixfe, an XLUnicodeString
      case R.RSTRING: {
        need(r, 9, "Label");
        const text = new Pieces(
          [d.subarray(6), ...records.continues()],
          `a Label record at ${r.offset}`
        );
        out.put(u16(d, 0), u16(d, 2), text.unicodeString());
        break;
      }
      case R.NUMBER: // [MS-XLS] Number: rw, col, ixfe, an IEEE double
        need(r, 14, "Number");
        out.number(u16(d, 0), u16(d, 2), u16(d, 4), f64(d, 6));
        break;
      case R.RK: // [MS-XLS] RK: rw, col, ixfe, an RkNumber
        need(r, 10, "RK");
        out.number(u16(d, 0), u16(d, 2), u16(d, 4), rkNumber(u32(d, 6)));
        break;
      case R.MULRK: {
        // [MS-XLS] MulRk: rw, colFirst, (ixfe, RkNumber) per column, colLast.
        need(r, 6, "MulRk");
        const row = u16(d, 0);
        const first = u16(d, 2);
        const count = Math.floor((d.length - 6) / 6);
        for (let i = 0; i < count; i++)
          out.number(row, first + i, u16(d, 4 + i * 6), rkNumber(u32(d, 6 + i * 6)));
        break;
      }
      case R.BOOLERR: {
        // [MS-XLS] BoolErr: rw, col, ixfe, a Bes (2.5.10: value, fError).
        need(r, 8, "BoolErr");
        const v = d[6];
        out.put(u16(d, 0), u16(d, 2), d[7] === 1 ? { error: ERRORS[v] ?? "#VALUE!" } : v === 1);
        break;
      }
      case R.FORMULA: {
        // [MS-XLS] 2.4.127 Formula: rw, col, ixfe, then the cached result (a FormulaValue): a
        // double, or, when its last two bytes are 0xFFFF, a typed value whose first byte says
        // string (in the String record that follows), boolean, error or empty string.
        need(r, 14, "Formula");
        const row = u16(d, 0);
        const col = u16(d, 2);
        pendingString = null;
        if (d[12] === 0xff && d[13] === 0xff) {
          const kind = d[6];
          if (kind === 0) pendingString = [row, col];
          else if (kind === 1) out.put(row, col, d[8] === 1);
          else if (kind === 2) out.put(row, col, { error: ERRORS[d[8]] ?? "#VALUE!" });
        } else out.number(row, col, u16(d, 4), f64(d, 6));
        break;
      }
      case R.STRING: {
        // [MS-XLS] String: the string result of the formula before it.
        const text = new Pieces([d, ...records.continues()], `a String record at ${r.offset}`);
        const value = text.unicodeString();
        if (pendingString) out.put(pendingString[0], pendingString[1], value);
        pendingString = null;
        break;
      }
      case R.MERGEDCELLS: {
        // [MS-XLS] MergeCells: a count, then Ref8 ranges (rwFirst, rwLast, colFirst, colLast).
        need(r, 2, "MergeCells");
        const count = Math.min(u16(d, 0), Math.floor((d.length - 2) / 8));
        for (let i = 0, p = 2; i < count; i++, p += 8) {
          const [r1, r2, c1, c2] = [u16(d, p), u16(d, p + 2), u16(d, p + 4), u16(d, p + 6)];
          out.merges.push({
            top: Math.min(r1, r2),
            left: Math.min(c1, c2),
            bottom: Math.max(r1, r2),
            right: Math.max(c1, c2),
          });
        }
        break;
      }
    }
    // A record between a Formula and its String (ShrFmla, Array, Table) keeps the string waiting.
    if (r.type !== R.FORMULA && r.type !== R.STRING && !KEEPS_STRING_WAITING.has(r.type))
      pendingString = null;
  }
  return out;
}

/** Reads an .xls file; refused (PackageRefused) when it cannot or may not be read. */
export function readXls(bytes: Uint8Array): XlsReading {
  const old = oldBiffVersion(bytes);
  if (old) throw tooOld(old);
  const cfb = new CompoundFile(bytes);
  if (cfb.stream("EncryptedPackage"))
    throw new PackageRefused(
      "it is a password-protected workbook; remove the password in Excel (File > Info > Protect Workbook) and save it again"
    );
  const entry = cfb.stream("Workbook") ?? cfb.stream("Book");
  if (!entry)
    throw new PackageRefused(
      "it is a compound file with no workbook in it (no Workbook stream): another Office document, not an .xls workbook"
    );
  const stream = cfb.read(entry);
  const globals = readGlobals(stream);
  const sheets: SheetGrid[] = [];
  const infos: XlsSheetInfo[] = [];
  let cells = 0;
  for (const sheet of globals.sheets) {
    if (sheet.type !== 0) continue; // macro sheets, chart sheets, VBA modules: no cells to read
    const read = readSheet(stream, sheet, globals, LIMITS.cells - cells);
    if (!read) continue;
    cells += read.cells;
    const rows = read.rows;
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const grid: SheetGrid = { name: sheet.name, rows };
    if (read.merges.length > 0) grid.merges = read.merges;
    sheets.push(grid);
    infos.push({ name: sheet.name, state: sheet.state });
  }
  return { grids: { sheets, tables: [] }, sheets: infos, date1904: globals.date1904 };
}
