/** .csv and .ods inputs: read into grids, and `build` writes a new .xlsx with their data. */
import * as fc from "fast-check";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { readCsv } from "../../../src/adapters/tabular/csv";
import { dataSheets, readWorkbookInput } from "../../../src/adapters/workbook-input";
import { emptyWorkbook, writePlan } from "../../../src/adapters/xlsx/write";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { ZipWriter } from "../../../src/adapters/xlsx/package/zip-write";
import { run } from "../../../src/cli/main";

const ODS_CONTENT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
<table:table table:name="KRAs"><table:table-row><table:table-cell office:value-type="string"><text:p>KRA ID</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>KRA</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Owner</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>R1</text:p></table:table-cell><table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>Grow<text:s text:c="2"/>sales</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>
<table:table table:name="KPIs"><table:table-row><table:table-cell office:value-type="string"><text:p>KPI ID</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>KRA ID</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>KPI</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Target</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Actual</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Due</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>K1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>R1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Deals</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.95"><text:p>95%</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="0.9" table:formula="of:=0.9"><text:p>0.9</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2026-03-31"><text:p>31/03/26</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>`;

function odsFile(): Uint8Array {
  const zip = new ZipWriter();
  zip.add("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
  zip.add("content.xml", ODS_CONTENT);
  return zip.finish();
}

describe("CSV", () => {
  it("reads quoted fields, doubled quotes, line breaks inside quotes, a BOM and `;` separators", () => {
    const text =
      '\ufeffKPI ID;KPI;Target\r\nK1;"Deals; ""closed""\nin Q1";1.200,5\r\n\r\nK2;Churn;5%\r\n';
    expect(readCsv(text, "KPIs").rows).toEqual([
      ["KPI ID", "KPI", "Target"],
      ["K1", 'Deals; "closed"\nin Q1', "1.200,5"],
      [],
      ["K2", "Churn", "5%"],
    ]);
  });

  it("reads any text as reading it a character at a time does (stray quotes, an open quote, CRs)", () => {
    const pieces = ['"', '""', ",", ";", "\t", "\n", "\r", "\r\n", "a", "bc", " ", "\ufeff"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(readCsv(text, "S").rows).toEqual(csvByCharacter(text));
      }),
      { numRuns: 3000 }
    );
  });
});

/** The reading readCsv replaced, a character at a time, written again as its specification. */
function csvByCharacter(text: string): (string | null)[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, Math.max(0, body.indexOf("\n")) || body.length);
  const sep = [",", ";", "\t"]
    .map((s) => [s, firstLine.split(s).length] as const)
    .reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const rows: (string | null)[][] = [];
  let cells: (string | null)[] = [];
  let chars: string[] = [];
  let quoted = false;
  const cell = () => {
    cells.push(chars.length === 0 ? null : chars.join(""));
    chars = [];
  };
  const line = () => {
    cell();
    rows.push(cells.every((v) => v === null) ? [] : cells);
    cells = [];
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted && ch === '"' && body[i + 1] === '"') chars.push(body[i++]);
    else if (quoted) ch === '"' ? (quoted = false) : chars.push(ch);
    else if (ch === '"' && chars.length === 0) quoted = true;
    else if (ch === sep) cell();
    else if (ch === "\n") line();
    else if (ch !== "\r") chars.push(ch);
  }
  if (chars.length > 0 || cells.length > 0) line();
  return rows;
}

describe("OpenDocument spreadsheets", () => {
  it("reads values by type, text with spaces, spans as merges, and repeated empty rows without allocating them", () => {
    const input = readWorkbookInput(odsFile(), "book.ods");
    expect(input?.kind).toBe("ods");
    const [kras, kpis] = input?.grids.sheets ?? [];
    expect(kras.rows).toEqual([
      ["KRA ID", "KRA", "Owner"],
      ["R1", "Grow  sales"],
    ]);
    expect(kras.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(kpis.rows[1]).toEqual(["K1", "R1", "Deals", 0.95, 0.9, new Date(Date.UTC(2026, 2, 31))]);
  });
});

describe("building from .ods and .csv", () => {
  it("writes a new .xlsx holding the input's data and the generated sheets, and says so", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-tabular-"));
    const ods = path.join(dir, "book.ods");
    await fs.writeFile(ods, odsFile());
    const out = path.join(dir, "book.xlsx");
    let said = "";
    const io = { out: (t: string) => (said += t), err: (t: string) => (said += t) };
    expect(await run(["build", ods, "-o", out], io)).toBeLessThan(2);
    expect(said).toContain("is an .ods file");
    const written = readPackage(await fs.readFile(out)).grids.sheets;
    expect(written.map((s) => s.name).slice(0, 3)).toEqual(["KRAs", "KPIs", "KPI Scorecard"]);
    expect(written[1].rows[1]).toEqual([
      "K1",
      "R1",
      "Deals",
      0.95,
      0.9,
      new Date(Date.UTC(2026, 2, 31)),
    ]);
    const csv = path.join(dir, "KPIs.csv");
    await fs.writeFile(csv, "KPI ID,KRA ID,KPI,Target,Actual\nK1,R1,Deals,100,90\n");
    said = "";
    // One sheet named KPIs, with its KRA as a column: the layout reader makes the KRA.
    expect(await run(["validate", csv], io)).toBe(0);
    expect(said).toMatch(/1 KRAs?, 1 KPIs?/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("an input's data in the new workbook", () => {
  it("keeps error values as error values (and one no file can hold as an error, as its text)", () => {
    const grids = {
      sheets: [
        {
          name: "KPIs",
          rows: [
            ["KPI ID", "Actual", "Other"],
            ["K1", { error: "#N/A" }, { error: "#SPILL!" }],
          ],
        },
      ],
    };
    const bytes = writePlan(emptyWorkbook(), { sheets: dataSheets(grids) }).bytes;
    expect(readPackage(bytes).grids.sheets[0].rows[1]).toEqual([
      "K1",
      { error: "#N/A" },
      "#SPILL!",
    ]);
  });
});

describe("text and formulas in a written sheet", () => {
  it("read back as written: white space at the edges kept, quotes in formulas unescaped", () => {
    const texts = [" lead", "trail ", "in side", "tab\t", "\nline", 'say "hi"', "a & b < c > d"];
    const bytes = writePlan(emptyWorkbook(), {
      sheets: [
        {
          kind: "findings",
          name: "Texts",
          columnWidths: [],
          rows: [texts.map((value) => ({ value })), [{ formula: 'IF(A1="","x","y")' }]],
        },
      ],
    }).bytes;
    const read = readPackage(bytes);
    expect(read.grids.sheets[0].rows[0]).toEqual(texts);
    const xml = read.pkg.text("xl/worksheets/sheet1.xml") ?? "";
    // xml:space on the four texts with white space at an edge, and on no other.
    expect(xml.match(/xml:space="preserve"/g)?.length).toBe(4);
    expect(xml).toContain('<f>IF(A1="","x","y")</f>');
    expect(xml).toContain('<t>say "hi"</t>');
  });
});
