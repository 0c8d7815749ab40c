/**
 * Hostile and broken files through the real `kpi-cascade` command: each gives the exit status
 * SPEC section 7 says (0, 1, or 2 with one clear line on stderr and no stack trace), never leaves
 * a partial output, and leaves the input byte for byte as it was. Peak memory is measured on the
 * largest and written to .tmp/hardening.json.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLE_WORKBOOK, packageRoot } from "../../src/cli/main";
import { cell, setFat, xlsFile } from "../support/biff8";
import { KPI_HEADER, KRA_HEADER, kpi, kra } from "../support/workbook";

const ROOT = packageRoot();
const CLI = path.join(ROOT, "bin", "kpi-cascade.js");
const PEAK = path.join(ROOT, "test", "support", "report-peak.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "kpi-hostile-"));
const peaks: Record<string, number> = {};

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  peakMB: number;
}

function cli(args: string[]): Ran {
  const peakFile = path.join(dir, "peak.txt");
  const r = spawnSync(process.execPath, ["-r", PEAK, CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, PEAK_FILE: peakFile },
    timeout: 600_000,
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    peakMB: Number(readFileSync(peakFile, "utf8")),
  };
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Runs validate and build on the file and checks the promises that hold whatever the file is. */
function bothCommands(file: string, expected: 0 | 1 | 2 | "0 or 1"): Ran[] {
  const before = sha(file);
  const out = path.join(dir, `${path.basename(file, ".xlsx")}.out.xlsx`);
  const json = path.join(dir, `${path.basename(file, ".xlsx")}.json`);
  const runs = [cli(["validate", file]), cli(["build", file, "-o", out, "--json", json])];
  for (const r of runs) {
    if (expected === "0 or 1") expect([0, 1]).toContain(r.code);
    else expect(r.code).toBe(expected);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/); // never a stack trace
    if (r.code === 2) {
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^kpi-cascade: /);
    }
  }
  const wrote = runs[1].code !== 2;
  expect(existsSync(out)).toBe(wrote);
  expect(existsSync(json)).toBe(wrote);
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]); // no partial files
  expect(sha(file)).toBe(before);
  return runs;
}

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** A small valid workbook; `change` adds the hostile part. */
async function workbook(name: string, change: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("KRAs").addRows([KRA_HEADER, kra("R1"), kra("R2"), kra("R3")]);
  wb.addWorksheet("KPIs").addRows([
    KPI_HEADER,
    kpi("K1"),
    kpi("K2", { kra: "R2" }),
    kpi("K3", { kra: "R3" }),
  ]);
  change(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const cellOf = (wb: ExcelJS.Workbook, sheet: string, address: string) =>
  (wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(address);

afterAll(() => {
  mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
  writeFileSync(path.join(ROOT, ".tmp", "hardening.json"), `${JSON.stringify(peaks, null, 2)}\n`);
});

describe("files that are not workbooks: exit 2, one line, nothing written", () => {
  const sample = readFileSync(SAMPLE_WORKBOOK);
  const cases: [string, Buffer | string, RegExp][] = [
    ["not-a-zip.xlsx", "just some text\n", /is not an \.xlsx workbook/],
    [
      "truncated.xlsx",
      sample.subarray(0, Math.floor(sample.length / 2)),
      /could not be read as an \.xlsx/,
    ],
    [
      "old.xlsx",
      Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(4096, 0)]),
      /could not be read as an \.xls workbook \(its compound file header is damaged\)/,
    ],
    ["data.xlsx", "KPI ID,Target\nK1,100\n", /is not an \.xlsx workbook/],
    [
      "locked.xlsx",
      Buffer.concat([
        Buffer.from("d0cf11e0a1b11ae1", "hex"),
        Buffer.alloc(512, 0),
        Buffer.from("EncryptionInfo", "utf16le"),
        Buffer.from("EncryptedPackage", "utf16le"),
        Buffer.alloc(2048, 7),
      ]),
      /password-protected/,
    ],
    ["empty.xlsx", Buffer.alloc(0), /is not an \.xlsx workbook/],
    [
      "zip-of-nothing.xlsx",
      Buffer.from("504b0506" + "00".repeat(18), "hex"),
      /not an \.xlsx workbook|could not be read/,
    ],
  ];
  it.each(cases)("%s", (name, bytes, message) => {
    const [validate] = bothCommands(write(name, bytes), 2);
    expect(validate.stderr).toMatch(message);
  });
});

describe(".xls files: read, or refused with one line", () => {
  const sampleXls = readFileSync(path.join(ROOT, "test", "fixtures", "xls", "sample-company.xls"));
  const loop = xlsFile({
    sheets: [
      { name: "KPIs", records: Array.from({ length: 600 }, (_, r) => cell.number(r, 0, r)) },
    ],
  });
  const sectors = loop.layout.streams.get("Workbook")?.sectors as number[];
  setFat(loop, sectors[5], sectors[1]);
  const cases: [string, Uint8Array, RegExp][] = [
    [
      "truncated.xls",
      sampleXls.subarray(0, sampleXls.length >> 1),
      /could not be read as an \.xls workbook \(.*cut short|beyond the end|more than the file/,
    ],
    [
      "loop.xls",
      loop.bytes,
      /could not be read as an \.xls workbook \(the "Workbook" stream's sector chain loops\)/,
    ],
    [
      "locked.xls",
      xlsFile({ sheets: [], encrypted: true }).bytes,
      /was refused: it is password-protected/,
    ],
    [
      "excel95.xls",
      xlsFile({ sheets: [], version: 0x0500 }).bytes,
      /was refused: it is an Excel 5\.0\/95 workbook \(BIFF5\)/,
    ],
    [
      "web-page.xls",
      Buffer.from("<html><table><tr><td>KPI</td></tr></table></html>"),
      /is not an Excel 97–2003 workbook/,
    ],
  ];
  it.each(cases)("%s", (name, bytes, message) => {
    const [validate] = bothCommands(write(name, Buffer.from(bytes)), 2);
    expect(validate.stderr).toMatch(message);
  });

  it("the sample saved by LibreOffice: read, and built into a new .xlsx", () => {
    const [validate, build] = bothCommands(write("sample.xls", sampleXls), 1);
    expect(validate.stdout).toContain("80 KPIs and 950 check-ins");
    expect(build.stdout).toContain("is an .xls file");
  });
});

describe("workbooks at Excel's limits and with odd content: exit 0 or 1, input unchanged", () => {
  it("a sheet of 1,048,576 rows and one of 16,384 columns", async () => {
    const file = await workbook("limits.xlsx", (wb) => {
      const tall = wb.addWorksheet("Tall");
      tall.getCell("A1").value = "top";
      tall.getCell("A1048576").value = "bottom";
      cellOf(wb, "KPIs", "XFD1").value = "Far right";
      cellOf(wb, "KPIs", "XFD4").value = "x";
    });
    const [validate, build] = bothCommands(file, 0);
    peaks["1,048,576 rows / 16,384 columns: validate"] = validate.peakMB;
    peaks["1,048,576 rows / 16,384 columns: build"] = build.peakMB;
    for (const r of [validate, build]) expect(r.peakMB).toBeLessThan(2048);
  }, 600_000);

  it("cells of 32,767 characters", async () => {
    const long = "Ж".repeat(32_767);
    const file = await workbook("long.xlsx", (wb) => {
      cellOf(wb, "KPIs", "C2").value = long;
      cellOf(wb, "KPIs", "A5").value = "K4".padEnd(32_767, "4");
    });
    bothCommands(file, "0 or 1");
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, "long.out.xlsx"));
    expect(cellOf(out, "KPIs", "C2").value).toBe(long);
  });

  it("merged header cells and a merged title", async () => {
    const file = await workbook("merged.xlsx", (wb) => {
      const ws = wb.getWorksheet("KPIs") as ExcelJS.Worksheet;
      ws.spliceRows(1, 0, ["KPI register"]);
      ws.mergeCells("A1:L1");
      ws.mergeCells("C2:D2"); // the KPI and Direction headers merged into one
    });
    const [validate] = bothCommands(file, "0 or 1");
    expect(validate.stdout).toContain("KPIs");
  });

  it("formulas left uncalculated read as blank, and say what is missing", async () => {
    const file = await workbook("uncalculated.xlsx", (wb) => {
      cellOf(wb, "KPIs", "L2").value = { formula: "SUM(Z1:Z9)" } as ExcelJS.CellFormulaValue;
    });
    const [validate] = bothCommands(file, 0);
    expect(validate.stdout).toMatch(/KPIs!L2 +missing-actual/);
  });

  it("every Excel error value, each a cell-error at its cell", async () => {
    const errors = [
      "#NULL!",
      "#DIV/0!",
      "#VALUE!",
      "#REF!",
      "#NAME?",
      "#NUM!",
      "#N/A",
      "#GETTING_DATA",
      "#SPILL!",
      "#CALC!",
    ];
    const file = await workbook("errors.xlsx", (wb) => {
      const ws = wb.getWorksheet("KPIs") as ExcelJS.Worksheet;
      errors.forEach((e, i) => {
        ws.addRow(kpi(`E${i}`, { kra: "R1" }));
        ws.getCell(`F${5 + i}`).value = { error: e } as ExcelJS.CellErrorValue;
      });
    });
    const [validate] = bothCommands(file, 1);
    errors.forEach((e, i) =>
      expect(validate.stdout).toMatch(
        new RegExp(`KPIs!F${5 + i} +cell-error.*${e.replace(/[!?/#]/g, "\\$&")}`)
      )
    );
  });

  it("unicode and right-to-left text, kept as written", async () => {
    const names = [
      "مؤشر الأداء",
      "מדד ביצוע",
      "満足度 😀",
      "Ča\u0301s",
      '=HYPERLINK("http://x","y")',
      "+1-2",
    ];
    const file = await workbook("unicode.xlsx", (wb) => {
      names.forEach((n, i) => (cellOf(wb, "KPIs", `C${2 + (i % 3)}`).value = n));
      cellOf(wb, "KRAs", "B2").value = names[0];
      cellOf(wb, "KRAs", "B3").value = names[4];
      cellOf(wb, "KRAs", "B4").value = names[5];
    });
    bothCommands(file, 0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, "unicode.out.xlsx"));
    const cascade = out.getWorksheet("KPI Cascade") as ExcelJS.Worksheet;
    const texts: unknown[] = [];
    cascade.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toEqual(expect.arrayContaining([names[0], names[4], names[5]]));
    // The scores are formulas over the scorecard; no name became one.
    cascade.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula)
          expect(c.formula).toMatch(/^('KPI Scorecard'!\$[A-Z]+\$\d+|IFERROR\(SUMIFS)/);
      })
    );
  });

  it("two sheets whose names are the same once normalised", async () => {
    const file = await workbook("twins.xlsx", (wb) => {
      wb.addWorksheet("K_P_Is").addRows([KPI_HEADER, kpi("T1")]);
      wb.addWorksheet("kpis ").addRows([["nothing here"]]);
    });
    const [, build] = bothCommands(file, 0);
    const report = JSON.parse(readFileSync(path.join(dir, "twins.json"), "utf8"));
    expect(report.counts.kpis).toBe(3); // the first sheet with a header row is the one read
    expect(build.code).toBe(0);
  });
});
