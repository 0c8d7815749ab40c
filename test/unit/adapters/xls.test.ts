/**
 * Excel 97–2003 (.xls) inputs. Workbooks saved as .xls by LibreOffice (test/fixtures/xls, made by
 * scripts/make-xls-fixtures.ts) read cell for cell as the .xlsx they were made from; BIFF8 files
 * written here record by record cover every cell record, strings split across Continue records,
 * dates in both date systems, merges and sheet kinds; damaged and hostile files are refused with
 * one line, in bounded time; `validate` and `build` take an .xls, and `build` writes a new .xlsx.
 */
import fc from "fast-check";
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { XlsReading, readXls } from "../../../src/adapters/xls";
import { readWorkbookInput } from "../../../src/adapters/workbook-input";
import { PackageRefused } from "../../../src/adapters/xlsx/package/limits";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { CellValue, SheetGrid, WorkbookGrids } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import { dayFromYmd } from "../../../src/engine/dates";
import { run } from "../../../src/cli/main";
import { a1 } from "../../../src/engine/address";
import type { XlsSource } from "../../../scripts/make-xls-fixtures";
import { LONG_LATIN, LONG_WIDE } from "../../../scripts/make-xls-fixtures";
import { foreignPackage } from "../../support/foreign-packages";
import {
  CompoundFileBytes,
  SheetSpec,
  WorkbookSpec,
  bof,
  cached,
  cell,
  compoundFile,
  eof,
  record,
  rkDouble,
  rkInt,
  setFat,
  setU32,
  sst,
  stringRecord,
  workbookStream,
  xlsFile,
} from "../../support/biff8";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const XLS_DIR = path.join(ROOT, "test", "fixtures", "xls");

/** A cell as compared: blank as null, a Date by its instant. */
function plain(v: CellValue): unknown {
  if (v === undefined || v === null || v === "") return null;
  if (v instanceof Date) return { date: v.toISOString() };
  return v;
}

/** Every non-blank cell of the grids, by `Sheet!A1`, and each sheet's merges as a sorted set. */
function cellsOf(grids: WorkbookGrids): {
  cells: Map<string, unknown>;
  merges: Map<string, string[]>;
} {
  const cells = new Map<string, unknown>();
  const merges = new Map<string, string[]>();
  for (const s of grids.sheets) {
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (plain(v) !== null) cells.set(`${s.name}!${a1(r, c)}`, plain(v));
      })
    );
    merges.set(
      s.name,
      (s.merges ?? []).map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort()
    );
  }
  return { cells, merges };
}

async function sourceGrids(source: XlsSource): Promise<WorkbookGrids> {
  if ("file" in source) return readPackage(readFileSync(path.join(ROOT, source.file))).grids;
  if ("foreign" in source) return readPackage(await foreignPackage(source.foreign)).grids;
  const { edgeCaseWorkbook } = await import("../../../scripts/make-xls-fixtures");
  return readPackage(await edgeCaseWorkbook()).grids;
}

const SOURCES: Record<string, XlsSource> = JSON.parse(
  readFileSync(path.join(XLS_DIR, "sources.json"), "utf8")
);

function read(spec: WorkbookSpec, extra: { name: string; data: Uint8Array }[] = []): XlsReading {
  return readXls(xlsFile(spec, extra).bytes);
}

function sheet(reading: XlsReading, name: string): SheetGrid {
  return reading.grids.sheets.find((s) => s.name === name) as SheetGrid;
}

/** The refusal's message (and whether it was for damage); "read" when the file was read. */
function refusal(bytes: Uint8Array): string {
  try {
    readXls(bytes);
  } catch (e) {
    if (e instanceof PackageRefused) return `${e.damaged ? "damaged" : "refused"}: ${e.message}`;
    throw e;
  }
  return "read";
}

describe("workbooks saved as .xls by LibreOffice", () => {
  it("has one fixture for each source listed", async () => {
    const files = (await fs.readdir(XLS_DIR)).filter((f) => f.endsWith(".xls")).sort();
    expect(files).toEqual(Object.keys(SOURCES).sort());
    expect(files).toContain("sample-company.xls");
  });

  it.each(Object.keys(SOURCES))(
    "%s reads the same grids, cell for cell, as the workbook it was saved from",
    async (name) => {
      const source = SOURCES[name];
      const xls = cellsOf(readXls(readFileSync(path.join(XLS_DIR, name))).grids);
      const want = cellsOf(await sourceGrids(source));
      for (const [address, value] of Object.entries(source.recalculated ?? {}))
        want.cells.set(address, value);
      expect(Object.fromEntries(xls.merges)).toEqual(Object.fromEntries(want.merges));
      expect(Object.fromEntries(xls.cells)).toEqual(Object.fromEntries(want.cells));
    }
  );

  it("reads the sample as the .xlsx reads it, but for the Excel table that .xls cannot hold", () => {
    const asOf = { asOf: dayFromYmd(2025, 12, 31) as number };
    const xls = readXls(readFileSync(path.join(XLS_DIR, "sample-company.xls"))).grids;
    const xlsx = readPackage(
      readFileSync(path.join(ROOT, "examples", "sample-company.xlsx"))
    ).grids;
    expect(xlsx.tables?.map((t) => t.name)).toEqual(["tblStaff"]);
    expect(xls.tables).toEqual([]);
    // Team Roster is found as the People sheet by its table's name, tblStaff, which LibreOffice
    // drops when it saves .xls: without the table, the .xlsx reads exactly as the .xls does.
    const report = buildReport(analyzeWorkbook(xls, asOf));
    expect(report).toEqual(buildReport(analyzeWorkbook({ ...xlsx, tables: [] }, asOf)));
    expect(report.counts).toMatchObject({ kpis: 80, kras: 35, actuals: 950, people: 0 });
  });

  it("reads the 1904 date system, the edge cases' long strings, and sheet visibility", () => {
    const wb1904 = readXls(readFileSync(path.join(XLS_DIR, "openpyxl-style-1904.xls")));
    expect(wb1904.date1904).toBe(true);
    expect(sheet(wb1904, "KPI List").rows[1][5]).toEqual(new Date(Date.UTC(2030, 3, 1)));
    const edge = readXls(readFileSync(path.join(XLS_DIR, "edge-cases.xls")));
    expect(sheet(edge, "Strings").rows.map((r) => r[1])).toEqual([
      "Text",
      LONG_LATIN,
      LONG_WIDE,
      "Zoë",
    ]);
    expect(sheet(edge, "Formulas").rows.map((r) => r[0])).toEqual([
      { error: "#DIV/0!" },
      { error: "#N/A" },
      "Deals closed",
      true,
      42,
      new Date(Date.UTC(2026, 5, 30)),
      undefined,
    ]);
    expect(edge.sheets.find((s) => s.name === "Hidden")?.state).toBe("hidden");
  });
});

describe("BIFF8 records", () => {
  const base: SheetSpec = { name: "KPIs", records: [] };

  it("reads every kind of cell record, and formulas by their cached result", () => {
    const reading = read({
      strings: ["KPI", "Deals"],
      sheets: [
        {
          ...base,
          records: [
            cell.labelSst(0, 0, 0),
            cell.label(0, 1, "Ünïcode ✓"),
            cell.number(1, 0, 12.5),
            cell.rk(1, 1, rkInt(-42)),
            cell.rk(1, 2, rkInt(1234, true)), // 12.34
            cell.rk(1, 3, rkDouble(0.5)),
            cell.rk(1, 4, rkDouble(150, true)), // 1.5
            cell.mulRk(2, 1, [
              [0, rkInt(1)],
              [0, rkInt(2)],
              [0, rkInt(3)],
            ]),
            cell.bool(3, 0, true),
            cell.bool(3, 1, false),
            cell.error(3, 2, 0x07),
            cell.error(3, 3, 0x2a),
            cell.error(3, 4, 0x17),
            cell.blank(3, 5),
            cell.formula(4, 0, 90),
            cell.formula(4, 1, cached.string),
            ...stringRecord("Résultat — 結果", 4), // split into Continue records
            cell.formula(4, 2, cached.bool(true)),
            cell.formula(4, 3, cached.error(0x07)),
            cell.formula(4, 4, cached.empty),
            cell.formula(4, 5, cached.string),
            cell.number(4, 6, 1), // the String record never came: the formula reads blank
            cell.labelSst(5, 0, 1),
            cell.labelSst(5, 1, 99), // an index past the table: blank
          ],
        },
      ],
    });
    expect(sheet(reading, "KPIs").rows).toEqual([
      ["KPI", "Ünïcode ✓"],
      [12.5, -42, 12.34, 0.5, 1.5],
      [undefined, 1, 2, 3],
      [true, false, { error: "#DIV/0!" }, { error: "#N/A" }, { error: "#REF!" }],
      [90, "Résultat — 結果", true, { error: "#DIV/0!" }, undefined, undefined, 1],
      ["Deals"],
    ]);
  });

  it("reports merges as ranges (the engine gives them their meaning) and ignores what is not a cell", () => {
    const reading = read({
      sheets: [
        {
          ...base,
          records: [
            cell.label(0, 0, "Banner"),
            cell.merges([
              [0, 0, 0, 4],
              [3, 1, 0, 0], // written last-first: read as rows 2–4
            ]),
          ],
        },
      ],
    });
    expect(sheet(reading, "KPIs").merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 1, left: 0, bottom: 3, right: 0 },
    ]);
  });

  it("shows numbers in date formats as dates, in the 1900 and the 1904 date systems", () => {
    const spec = (date1904: boolean): WorkbookSpec => ({
      date1904,
      formats: [
        [164, "dd/mm/yyyy"],
        [165, '0.00" days"'],
        [166, "[Red]#,##0;[Blue]-#,##0"],
      ],
      xfs: [0, 14, 164, 165, 166, 10, 22],
      sheets: [
        {
          ...base,
          records: [
            cell.number(0, 0, 46_112, 1), // built-in 14 (m/d/yyyy)
            cell.number(0, 1, 46_112, 2), // custom dd/mm/yyyy
            cell.number(0, 2, 46_112, 3), // a number with text "days": not a date
            cell.number(0, 3, 46_112, 4), // colours, no date
            cell.number(0, 4, 0.25, 5), // built-in 10 (0.00%)
            cell.rk(0, 5, rkInt(46_112), 1),
            cell.formula(0, 6, 46_112.5, 6), // built-in 22 (m/d/yyyy h:mm)
            cell.number(0, 7, 46_112, 99), // an XF that does not exist: a number
          ],
        },
      ],
    });
    const day1900 = new Date(Date.UTC(2026, 2, 31));
    expect(sheet(read(spec(false)), "KPIs").rows[0]).toEqual([
      day1900,
      day1900,
      46_112,
      46_112,
      0.25,
      day1900,
      new Date(Date.UTC(2026, 2, 31, 12)),
      46_112,
    ]);
    const day1904 = new Date(Date.UTC(2030, 3, 1));
    const r1904 = read(spec(true));
    expect(r1904.date1904).toBe(true);
    expect(sheet(r1904, "KPIs").rows[0][0]).toEqual(day1904);
    expect(sheet(r1904, "KPIs").rows[0][1]).toEqual(day1904);
  });

  it("reads worksheets in tab order, hidden ones too, and leaves out chart sheets, macro sheets and modules", () => {
    const reading = read({
      sheets: [
        { name: "Chart1", type: 2, bofType: 0x0020, records: [cell.number(0, 0, 1)] },
        { name: "Visible", records: [cell.number(0, 0, 1)] },
        { name: "Macro1", type: 1, bofType: 0x0040, records: [cell.number(0, 0, 2)] },
        { name: "Hidden", state: 1, records: [cell.number(0, 0, 3)] },
        { name: "Very hidden", state: 2, records: [cell.number(0, 0, 4)] },
        { name: "Module1", type: 6, bofType: 0x0006, records: [] },
        { name: "Дані", records: [cell.number(0, 0, 5)] },
      ],
    });
    expect(reading.sheets).toEqual([
      { name: "Visible", state: "visible" },
      { name: "Hidden", state: "hidden" },
      { name: "Very hidden", state: "veryHidden" },
      { name: "Дані", state: "visible" },
    ]);
    expect(reading.grids.sheets.map((s) => s.rows[0][0])).toEqual([1, 3, 4, 5]);
  });

  it("skips an embedded chart's substream inside a sheet, whatever records it holds", () => {
    const reading = read({
      sheets: [
        {
          ...base,
          records: [
            cell.number(0, 0, 1),
            bof(0x0020),
            cell.number(0, 0, 999), // inside the chart: not a cell of the sheet
            cell.number(5, 5, 999),
            eof(),
            cell.number(1, 0, 2),
          ],
        },
      ],
    });
    expect(sheet(reading, "KPIs").rows).toEqual([[1], [2]]);
  });

  it("reads the workbook stream from the mini stream (under 4 KB) and from the FAT, and FAT sectors listed in DIFAT sectors", () => {
    const small = xlsFile({ sheets: [{ ...base, records: [cell.number(0, 0, 7)] }] });
    expect(small.layout.streams.has("Workbook")).toBe(false); // in the mini stream
    expect(sheet(readXls(small.bytes), "KPIs").rows).toEqual([[7]]);
    const rows = Array.from({ length: 400 }, (_, r) => cell.number(r, 0, r));
    const big = xlsFile({ sheets: [{ ...base, records: rows }] });
    expect(big.layout.streams.has("Workbook")).toBe(true);
    expect(sheet(readXls(big.bytes), "KPIs").rows[399]).toEqual([399]);
    // An 8 MB stream before the workbook: more than 109 FAT sectors, so DIFAT sectors list them.
    const huge = compoundFile([
      { name: "Padding", data: new Uint8Array(8 * 1024 * 1024) },
      { name: "Workbook", data: workbookStream({ sheets: [{ ...base, records: rows }] }) },
    ]);
    expect(huge.layout.difatSectors.length).toBeGreaterThan(0);
    expect(sheet(readXls(huge.bytes), "KPIs").rows[399]).toEqual([399]);
  });

  it("reads an Excel 97 stream named Book, and any case of Workbook", () => {
    const stream = workbookStream({ sheets: [{ ...base, records: [cell.number(0, 0, 1)] }] });
    for (const name of ["Book", "WORKBOOK"])
      expect(sheet(readXls(compoundFile([{ name, data: stream }]).bytes), "KPIs").rows).toEqual([
        [1],
      ]);
  });
});

describe("the shared string table across Continue records", () => {
  const strings = [
    "KPI",
    "Kundenzufriedenheit über Erwartung",
    "売上高 (前年比) ✓",
    "😀 emoji pairs 😀😀",
    "",
    "x".repeat(300),
    "Ω".repeat(257),
  ];
  const readStrings = (list: string[], options: Parameters<typeof sst>[1]) =>
    sheet(
      read({
        strings: list,
        sstOptions: options,
        sheets: [{ name: "S", records: list.map((_, i) => cell.labelSst(i, 0, i)) }],
      }),
      "S"
    );
  const column = (list: string[], options: Parameters<typeof sst>[1]) => {
    const rows = readStrings(list, options).rows;
    return list.map((_, i) => rows[i]?.[0] ?? "");
  };

  it.each([3, 7, 8, 13, 64, 8224])(
    "reads unicode strings split every %i bytes, the characters' width changing between records",
    (size) => {
      expect(column(strings, { recordSize: size, alternateWidth: true })).toEqual(strings);
      expect(column(strings, { recordSize: size, runs: 3, phonetic: 11 })).toEqual(strings);
    }
  );

  it("reads any strings at any split (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 80 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 3, max: 200 }),
        fc.boolean(),
        fc.nat({ max: 4 }),
        (list, size, alternate, runs) => {
          expect(column(list, { recordSize: size, alternateWidth: alternate, runs })).toEqual(list);
        }
      ),
      { numRuns: 300, seed: 1904 }
    );
  });
});

describe("refused with one line", () => {
  const ok: WorkbookSpec = {
    strings: ["KPI", "Deals"],
    sheets: [{ name: "KPIs", records: [cell.labelSst(0, 0, 0), cell.number(1, 0, 1)] }],
  };
  const bigRecords = Array.from({ length: 600 }, (_, r) => cell.number(r, 0, r));
  const big = (): CompoundFileBytes => xlsFile({ sheets: [{ name: "KPIs", records: bigRecords }] });

  /** Refused fast, with a one-line message. */
  function refused(bytes: Uint8Array): string {
    const t = Date.now();
    const message = refusal(bytes);
    expect(Date.now() - t).toBeLessThan(2000);
    expect(message).not.toContain("\n");
    return message;
  }

  it("an encrypted workbook (FilePass), and an encrypted .xlsx in its compound file", () => {
    expect(refused(xlsFile({ ...ok, encrypted: true }).bytes)).toMatch(
      /^refused: it is password-protected/
    );
    const encryptedXlsx = compoundFile([
      { name: "EncryptionInfo", data: new Uint8Array(200) },
      { name: "EncryptedPackage", data: new Uint8Array(5000) },
    ]).bytes;
    expect(refused(encryptedXlsx)).toMatch(/^refused: it is a password-protected workbook/);
  });

  it("BIFF5 and older, naming the version", () => {
    expect(refused(xlsFile({ ...ok, version: 0x0500 }).bytes)).toMatch(
      /^refused: it is an Excel 5\.0\/95 workbook \(BIFF5\)/
    );
    const biff4 = new Uint8Array([0x09, 0x04, 6, 0, 0, 0, 0x10, 0, 0, 0, 0x0a, 0, 0, 0]);
    expect(refused(biff4)).toMatch(/^refused: it is an Excel 4\.0 workbook \(BIFF4\)/);
    const biff2 = new Uint8Array([0x09, 0x00, 4, 0, 2, 0, 0x10, 0, 0x0a, 0, 0, 0]);
    expect(refused(biff2)).toMatch(/Excel 2\.x workbook \(BIFF2\)/);
  });

  it("a compound file with no workbook in it", () => {
    const doc = compoundFile([{ name: "WordDocument", data: new Uint8Array(5000) }]).bytes;
    expect(refused(doc)).toMatch(/^refused: .*no Workbook stream/);
  });

  it("a workbook stream whose sector chain loops, or points beyond the file", () => {
    const loop = big();
    const sectors = loop.layout.streams.get("Workbook")?.sectors as number[];
    setFat(loop, sectors[5], sectors[1]);
    expect(refused(loop.bytes)).toMatch(/^damaged: the "Workbook" stream's sector chain loops/);
    // A loop after the stream's last sector is never walked: the stream is read whole before it.
    const after = big();
    setFat(after, sectors[sectors.length - 1], sectors[0]);
    expect(refused(after.bytes)).toBe("read");
    const self = big();
    setFat(self, sectors[2], sectors[2]);
    expect(refused(self.bytes)).toMatch(/loops/);
    const beyond = big();
    setFat(beyond, sectors[1], 0x00ffffff);
    expect(refused(beyond.bytes)).toMatch(/^damaged: .*does not exist|beyond the end/);
  });

  it("a directory chain that loops, and a directory tree that points back at itself", () => {
    const dirLoop = big();
    const [dir] = dirLoop.layout.directorySectors;
    setFat(dirLoop, dir, dir);
    expect(refused(dirLoop.bytes)).toMatch(/^damaged: the directory's sector chain loops/);
    const tree = big();
    const entry = tree.layout.entries.get("Workbook") as number;
    setU32(tree.bytes, entry + 72, 1); // the Workbook entry's right sibling: itself
    expect(refused(tree.bytes)).toMatch(/^damaged: its compound file directory loops/);
  });

  it("a DIFAT chain that loops, and more FAT sectors than the file holds", () => {
    // A file of about 150 sectors claiming 120 FAT sectors: the DIFAT chain must list 11 more.
    const rows = Array.from({ length: 4000 }, (_, r) => cell.number(r % 60_000, r >> 12, r));
    const difat = xlsFile({ sheets: [{ name: "KPIs", records: rows }] });
    setU32(difat.bytes, 44, 120);
    setU32(difat.bytes, 68, 1);
    setU32(difat.bytes, (1 + 1) * 512 + 508, 1); // a DIFAT sector whose next is itself
    expect(refused(difat.bytes)).toMatch(/^damaged: .*DIFAT/);
    const claims = big();
    setU32(claims.bytes, 44, 0x7fffffff);
    expect(refused(claims.bytes)).toMatch(/^damaged: its header claims 2147483647 FAT sectors/);
  });

  it("a stream larger than the file, and a mini stream chain that loops", () => {
    const huge = big();
    setU32(huge.bytes, (huge.layout.entries.get("Workbook") as number) + 120, 0xfffffff0);
    expect(refused(huge.bytes)).toMatch(/claims 4294967280 bytes, more than the file/);
    const mini = xlsFile(ok);
    // The mini FAT's first entry (the workbook's first mini sector) points back at itself.
    const miniFatSector = (mini.bytes[60] | (mini.bytes[61] << 8)) + 1;
    setU32(mini.bytes, miniFatSector * 512, 0);
    expect(refused(mini.bytes)).toMatch(/^damaged: .*loops/);
  });

  it("a file cut short anywhere", () => {
    const file = big().bytes;
    for (const cut of [0.1, 0.3, 0.5, 0.7, 0.9])
      expect(refused(file.subarray(0, Math.floor(file.length * cut)))).toMatch(/^damaged: /);
    // Only the padding of the last sector missing: every byte of every stream is there.
    expect(refused(file.subarray(0, file.length - 100))).toBe("read");
    expect(refused(file.subarray(0, 300))).toMatch(/^damaged: the file is cut short/);
  });

  it("a record cut short, and a sheet whose records are missing", () => {
    const shortRecord = workbookStream({
      sheets: [{ name: "KPIs", records: [record(0x0203, [0, 0])] }],
    });
    expect(refused(compoundFile([{ name: "Workbook", data: shortRecord }]).bytes)).toMatch(
      /^damaged: its Number record at \d+ is cut short/
    );
    const stream = workbookStream(ok);
    const cut = stream.subarray(0, stream.length - 20);
    expect(refused(compoundFile([{ name: "Workbook", data: cut }]).bytes)).toMatch(
      /^damaged: (its workbook stream is cut short|the records of sheet "KPIs" are missing)/
    );
  });

  it("more shared strings than the limit, without allocating them", () => {
    const claims = xlsFile({ ...ok, sstOptions: { claimedCount: 0xffffffff } }).bytes;
    expect(refused(claims)).toMatch(
      /^refused: the workbook claims 4294967295 shared strings, more than 4000000/
    );
  });

  it("never anything but a refusal or a reading, whatever bytes are damaged (property)", () => {
    const files = [big().bytes, xlsFile({ ...ok, sstOptions: { recordSize: 5 } }).bytes];
    fc.assert(
      fc.property(
        fc.nat({ max: 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }),
        (which, flips) => {
          const bytes = Uint8Array.from(files[which]);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          expect(refusal(bytes)).toMatch(/^(read|damaged: |refused: )/);
        }
      ),
      { numRuns: 500, seed: 97 }
    );
  });
});

describe("validate and build on an .xls", () => {
  const sampleXls = path.join(XLS_DIR, "sample-company.xls");

  async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  }

  it("validate reads the .xls into the report the engine makes of its grids", async () => {
    const xls = await runCli(["validate", sampleXls, "--as-of", "2025-12-31", "--json", "-"]);
    expect(xls.code).toBe(1);
    expect(xls.err).toContain("35 KRAs, 80 KPIs and 950 check-ins");
    const grids = readXls(readFileSync(sampleXls)).grids;
    const asOf = { asOf: dayFromYmd(2025, 12, 31) as number };
    expect(JSON.parse(xls.out)).toEqual(
      JSON.parse(JSON.stringify(buildReport(analyzeWorkbook(grids, asOf), { withHistory: true })))
    );
  });

  it("build writes a new .xlsx holding the .xls's data and the generated sheets, and says so", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-xls-"));
    const out = path.join(dir, "built.xlsx");
    const built = await runCli(["build", sampleXls, "-o", out, "--as-of", "2025-12-31"]);
    expect(built.code).toBeLessThan(2);
    expect(built.out).toContain("is an .xls file:");
    expect(built.out).toContain("is a new .xlsx workbook holding its data");
    const written = readPackage(await fs.readFile(out)).grids;
    const input = readXls(readFileSync(sampleXls)).grids;
    const names = written.sheets.map((s) => s.name);
    expect(names.slice(0, input.sheets.length)).toEqual(input.sheets.map((s) => s.name));
    expect(names.slice(input.sheets.length)).toEqual(
      expect.arrayContaining(["KPI Scorecard", "KPI Cascade", "KPI Findings", "KPI Dashboard"])
    );
    // The data sheets come out as they went in, cell for cell: dates as dates, errors as errors.
    const data = { sheets: written.sheets.slice(0, input.sheets.length) };
    const want = cellsOf(input).cells;
    expect(Object.fromEntries(cellsOf(data).cells)).toEqual(Object.fromEntries(want));
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("a damaged .xls: status 2, one line naming the format and the damage", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-xls-"));
    const loop = xlsFile({
      sheets: [
        { name: "KPIs", records: Array.from({ length: 600 }, (_, r) => cell.number(r, 0, r)) },
      ],
    });
    const sectors = loop.layout.streams.get("Workbook")?.sectors as number[];
    setFat(loop, sectors[5], sectors[1]);
    const file = path.join(dir, "loop.xls");
    await fs.writeFile(file, loop.bytes);
    const r = await runCli(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/"[^"]*loop\.xls" could not be read as an \.xls workbook \(.*loops\)/);
    const enc = path.join(dir, "locked.xls");
    await fs.writeFile(enc, xlsFile({ sheets: [], encrypted: true }).bytes);
    const locked = await runCli(["build", enc, "-o", path.join(dir, "out.xlsx")]);
    expect(locked.code).toBe(2);
    expect(locked.err).toMatch(/locked\.xls" was refused: it is password-protected/);
    const html = path.join(dir, "export.xls");
    await fs.writeFile(html, "<html><table><tr><td>KPI</td></tr></table></html>");
    expect((await runCli(["validate", html])).err).toMatch(/is not an Excel 97–2003 workbook/);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("the input reader names the kind", () => {
    expect(readWorkbookInput(readFileSync(sampleXls), "x.bin")?.kind).toBe("xls");
  });
});
