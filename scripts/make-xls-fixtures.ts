/**
 * Writes test/fixtures/xls/: workbooks saved as Excel 97–2003 (.xls, BIFF8) by LibreOffice from
 * the sample workbook, the layout corpus and the openpyxl-style packages (1900 and 1904 date
 * systems, cached formula errors, merges, an embedded chart), with `sources.json`, which names the
 * workbook each one was made from: its reading is the .xls's expected reading, cell for cell.
 * Needs `soffice`; the unit tests that read these files do not.
 * `npm run build:cli && node lib/scripts/make-xls-fixtures.js`.
 */
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { LAYOUT_CORPUS } from "../src/synthetic/layout-corpus";
import { ForeignOptions, foreignPackage } from "../test/support/foreign-packages";
import { convert } from "../test/support/libreoffice";

const ROOT = path.resolve(__dirname, "..", "..");
export const XLS_FIXTURES = path.join(ROOT, "test", "fixtures", "xls");

/**
 * Where an .xls fixture came from: a workbook in the repository, an openpyxl-style package, or the
 * edge-case workbook below. `recalculated` lists the cells whose value LibreOffice computed anew
 * on saving (it recalculates what it exports), with the value it wrote.
 */
export type XlsSource = ({ file: string } | { foreign: ForeignOptions } | { edgeCases: true }) & {
  recalculated?: Record<string, unknown>;
};

/** Long text that the shared string table cannot hold in one record: Latin-1, and wider. */
export const LONG_LATIN = "Kundenzufriedenheit über Erwartung — ".repeat(260);
export const LONG_WIDE = "Выручка 売上高 ✓ 😀 ".repeat(700);

/**
 * The cases a KPI workbook throws at the reader, in one workbook: strings longer than a record
 * (carried on by Continue records), every kind of cached formula result, booleans and error
 * constants, whole numbers and hundredths (LibreOffice writes them as RK numbers), dates by
 * built-in and custom formats, merges down and across, and a hidden sheet.
 */
export async function edgeCaseWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const strings = wb.addWorksheet("Strings");
  strings.addRows([
    ["Kind", "Text"],
    ["latin", LONG_LATIN],
    ["wide", LONG_WIDE],
    ["short", "Zoë"],
  ]);
  const values = wb.addWorksheet("Values");
  values.addRows([
    ["Whole", 42, -7, 1_000_000],
    ["Hundredths", 0.95, 12.34, -0.01],
    ["Doubles", Math.PI, 1e300, 2 ** -40],
    ["Booleans", true, false],
    ["Errors", { error: "#N/A" }, { error: "#DIV/0!" }, { error: "#REF!" }],
  ]);
  const due = values.getCell("B6");
  due.value = new Date(Date.UTC(2026, 2, 31));
  due.numFmt = "dd/mm/yyyy";
  const builtIn = values.getCell("C6");
  builtIn.value = new Date(Date.UTC(2025, 11, 1));
  builtIn.numFmt = "m/d/yy"; // built-in format 14
  values.getCell("A6").value = "Dates";
  const formulas = wb.addWorksheet("Formulas");
  const cells: [string, ExcelJS.CellFormulaValue["formula"], ExcelJS.CellFormulaValue["result"]][] =
    [
      ["A1", "1/0", { error: "#DIV/0!" }],
      ["A2", "NA()", { error: "#N/A" }],
      ["A3", '"Deals "&"closed"', "Deals closed"],
      ["A4", "1=1", true],
      ["A5", "6*7", 42],
      ["A6", "DATE(2026,6,30)", new Date(Date.UTC(2026, 5, 30))],
      ["A7", '""', ""],
    ];
  for (const [address, formula, result] of cells)
    formulas.getCell(address).value = { formula, result } as ExcelJS.CellFormulaValue;
  formulas.getCell("A6").numFmt = "yyyy-mm-dd";
  const merged = wb.addWorksheet("Merged");
  merged.addRows([
    ["Banner across", null, null],
    ["KRA", "KPI", "Target"],
    ["Grow sales", "Deals", 10],
    [null, "Revenue", 20],
  ]);
  merged.mergeCells("A1:C1");
  merged.mergeCells("A3:A4");
  const hidden = wb.addWorksheet("Hidden");
  hidden.state = "hidden";
  hidden.addRow(["Lists", "Yes", "No"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "kpi-xls-fixtures-"));
  const sources: Record<string, XlsSource> = {};
  // Converted keeping the results each file cached (the layout corpus caches some results on
  // purpose), except the edge cases: LibreOffice writes a string result only when it computed it.
  const make = (input: string, name: string, source: XlsSource, recalculate = false) => {
    const made = convert(input, "xls", mkdtempSync(path.join(tmp, "out-")), { recalculate });
    copyFileSync(made, path.join(XLS_FIXTURES, name));
    sources[name] = source;
  };
  const sample = path.join("examples", "sample-company.xlsx");
  make(path.join(ROOT, sample), "sample-company.xls", { file: sample });
  for (const fx of LAYOUT_CORPUS) {
    const file = path.join("test", "fixtures", "layouts", `${fx.name}.xlsx`);
    make(path.join(ROOT, file), `layout-${fx.name}.xls`, { file });
  }
  // LibreOffice recalculates this shared formula even so: E3's cached #DIV/0! (D3*0.9, D3 = 0) is 0.
  for (const [name, options] of [
    ["openpyxl-style", {}],
    ["openpyxl-style-1904", { date1904: true }],
  ] as [string, ForeignOptions][]) {
    const input = path.join(tmp, `${name}.xlsx`);
    writeFileSync(input, await foreignPackage(options));
    make(input, `${name}.xls`, { foreign: options, recalculated: { "KPI List!E3": 0 } });
  }
  const edge = path.join(tmp, "edge-cases.xlsx");
  writeFileSync(edge, await edgeCaseWorkbook());
  make(edge, "edge-cases.xls", { edgeCases: true }, true);
  writeFileSync(path.join(XLS_FIXTURES, "sources.json"), `${JSON.stringify(sources, null, 2)}\n`);
  const count = readdirSync(XLS_FIXTURES).filter((f) => f.endsWith(".xls")).length;
  process.stdout.write(`Wrote ${count} .xls workbooks to ${XLS_FIXTURES}\n`);
}

if (require.main === module) void main();
