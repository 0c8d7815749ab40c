/**
 * The hostile corpus (issue 17): packages an attacker or an unlucky user would hand the commands,
 * each with what every command must answer — the exit status, the first line on stderr (for a
 * refusal) or a line of the report, and ceilings on wall time and peak memory. Written to files by
 * `scripts/make-hostile-corpus.ts` and run by test/e2e/hostile-corpus.test.ts through `validate`,
 * `build` and the task pane's file mode. Every package is made here, byte for byte: nothing is
 * downloaded, nothing is random but for fixed seeds.
 */
import { CellValue } from "../../src/engine/grid";
import { bigOrganisation } from "../../src/synthetic/big-org";
import { toGrid } from "../../src/synthetic/sheet-data";
import { escapeXml } from "../../src/adapters/xlsx/xml/escape";
import { columnLetters } from "../../src/engine/address";
import { CraftedEntry, craftZip, repeatedDeflate } from "./zip-craft";
import { KPI_HEADER, KRA_HEADER, kpi, kra, minimal } from "./workbook";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  /** The worksheet XML as it is, instead of `rows`. */
  xml?: string;
}

export interface PackageSpec {
  sheets: SheetSpec[];
  /** The shared-string table's XML as it is; by default, made from the sheets' text. */
  sharedStrings?: string;
  /** Parts replaced or added, by name. */
  parts?: Record<string, string>;
  /** A `<definedNames>` element's inner XML. */
  definedNames?: string;
}

/** The XML of a worksheet; text goes into `strings` (shared) and is referred to by index. */
export function sheetXml(rows: readonly CellValue[][], strings: string[]): string {
  const out: string[] = [`${HEAD}<worksheet xmlns="${MAIN}"><sheetData>`];
  rows.forEach((row, r) => {
    out.push(`<row r="${r + 1}">`);
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const ref = `${columnLetters(c)}${r + 1}`;
      if (typeof v === "number") out.push(`<c r="${ref}"><v>${v}</v></c>`);
      else if (typeof v === "boolean") out.push(`<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`);
      else if (typeof v === "string") {
        strings.push(v);
        out.push(`<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`);
      }
    });
    out.push("</row>");
  });
  out.push("</sheetData></worksheet>");
  return out.join("");
}

/** The parts of a workbook package, in the order Excel writes them. */
export function packageParts(spec: PackageSpec): Map<string, string> {
  const strings: string[] = [];
  const sheets = spec.sheets.map((s) => s.xml ?? sheetXml(s.rows, strings));
  const parts = new Map<string, string>();
  parts.set(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join("")}<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`
  );
  parts.set(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  parts.set(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${spec.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${spec.definedNames ? `<definedNames>${spec.definedNames}</definedNames>` : ""}</workbook>`
  );
  parts.set(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="${PR}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
  sheets.forEach((xml, i) => parts.set(`xl/worksheets/sheet${i + 1}.xml`, xml));
  parts.set(
    "xl/sharedStrings.xml",
    spec.sharedStrings ??
      `${HEAD}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join("")}</sst>`
  );
  for (const [name, xml] of Object.entries(spec.parts ?? {})) parts.set(name, xml);
  return parts;
}

/** The package zipped; `change` may alter the entries (names, flags, sizes) before. */
export function packageBytes(
  spec: PackageSpec,
  change: (entries: CraftedEntry[]) => CraftedEntry[] = (e) => e,
  options: { shortCount?: boolean } = {}
): Uint8Array {
  const entries = [...packageParts(spec)].map(([name, data]) => ({ name, data }));
  return craftZip(change(entries), options);
}

/** The small workbook with `extra` XML added at the end of its first sheet's data. */
function withRowsAdded(extra: string): Uint8Array {
  return packageBytes({ sheets: smallWorkbook() }, (entries) =>
    entries.map((e) =>
      e.name === "xl/worksheets/sheet1.xml"
        ? { ...e, data: String(e.data).replace("</sheetData>", `${extra}</sheetData>`) }
        : e
    )
  );
}

/** A small valid KPI workbook (three KRAs, three KPIs), its sheets named as given. */
export function smallWorkbook(kras = "KRAs", kpis = "KPIs"): SheetSpec[] {
  const m = minimal();
  return [
    { name: kras, rows: m.KRAs },
    { name: kpis, rows: m.KPIs },
  ];
}

/** How a command must answer a case. */
export interface Expected {
  /** The exit status of `validate` and `build` alike; "0 or 1" when findings decide. */
  status: 0 | 1 | 2 | "0 or 1";
  /** For status 2: the first (only) stderr line. Otherwise: a line the report must hold. */
  line: RegExp | null;
  /** Ceilings per command run on a 2-core machine shared with others (generous, but bounded). */
  maxMs: number;
  maxMB: number;
  /** What the task pane must show: a refusal's text, or null when the workbook opens. */
  pane: RegExp | null;
}

export interface HostileCase {
  name: string;
  what: string;
  make: () => Uint8Array;
  expected: Expected;
  /** Left out of the task pane run (its file is large and says nothing new there). */
  cliOnly?: boolean;
}

const refused = (line: RegExp, pane = line, maxMs = 5_000, maxMB = 300): Expected => ({
  status: 2,
  line,
  maxMs,
  maxMB,
  pane,
});
const read = (status: Expected["status"], line: RegExp | null, maxMs = 8_000, maxMB = 400) => ({
  status,
  line,
  maxMs,
  maxMB,
  pane: null,
});

/** A sheet whose data is `cells` (already XML) between the usual start and end. */
const sheetWith = (cells: string) =>
  `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`;

/** The small workbook with the shared-string table replaced: `si` is the `<si>` of string 0. */
function sharedStringsWith(si: string, extraCell = ""): Uint8Array {
  const strings: string[] = [];
  const m = minimal();
  const kras = sheetXml(m.KRAs, strings);
  const kpis = sheetXml(m.KPIs, strings);
  const table = strings.map((t) => `<si><t>${escapeXml(t)}</t></si>`);
  // String 0 is the KRAs' "KRA ID" header; the case's string is added after, and put in H1.
  table.push(si);
  const sst = `${HEAD}<sst xmlns="${MAIN}">${table.join("")}</sst>`;
  const withCell = kras.replace(
    '<row r="1">',
    `<row r="1"><c r="H1" t="s"><v>${extraCell || strings.length}</v></c>`
  );
  return packageBytes({
    sheets: [
      { name: "KRAs", rows: [], xml: withCell },
      { name: "KPIs", rows: [], xml: kpis },
    ],
    sharedStrings: sst,
  });
}

/** Random but repeatable text: a deflate stream of it cannot be much smaller than it is. */
function digits(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = 48 + (x % 10);
  }
  return out;
}

const MB = 1024 * 1024;
const SHEET_HEAD = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>`;
const SHEET_TAIL = "</sheetData></worksheet>";

/** The small workbook whose first sheet is the given deflate stream, declaring `size`. */
function bombed(bomb: { deflated: Uint8Array; size: number }, declared = bomb.size): Uint8Array {
  return packageBytes({ sheets: smallWorkbook() }, (entries) =>
    entries.map((e) =>
      e.name === "xl/worksheets/sheet1.xml"
        ? { name: e.name, deflated: bomb.deflated, size: declared, crc: 0 }
        : e
    )
  );
}

/** A rectangle of numbers, `columns` wide and `rows` deep, under a KPI header. */
function wideSheet(columns: number, rows: number): string {
  const out: string[] = [SHEET_HEAD];
  for (let r = 1; r <= rows; r++) {
    out.push(`<row r="${r}">`);
    for (let c = 0; c < columns; c++)
      out.push(`<c r="${columnLetters(c)}${r}"><v>${r + c}</v></c>`);
    out.push("</row>");
  }
  out.push(SHEET_TAIL);
  return out.join("");
}

/**
 * 1,000 people whose 144,000 check-ins are each wrong, alternately an actual of `n/a` and a
 * period that is no period — mixed, so no column is one collapsed finding: 144,000 findings.
 */
function everyCheckInWrong(): Uint8Array {
  const org = bigOrganisation(1000);
  for (const sheet of org)
    if (sheet.name === "Actuals")
      sheet.rows.forEach((row, i) => {
        if (i % 2 === 0) row[2] = "n/a";
        else row[1] = "Month 13";
      });
  return packageBytes({ sheets: org.map((s) => ({ name: s.name, rows: toGrid(s) })) });
}

/** KRAs chained 10,000 deep through Parent KRA ID, each with one KPI. */
function deepChain(depth: number): Uint8Array {
  const kras: CellValue[][] = [KRA_HEADER];
  const kpis: CellValue[][] = [KPI_HEADER];
  for (let i = 0; i < depth; i++) {
    kras.push(kra(`R${i}`, { parent: i === 0 ? null : `R${i - 1}`, owner: `P${i % 50}` }));
    kpis.push(kpi(`K${i}`, { kra: `R${i}` }));
  }
  return packageBytes({
    sheets: [
      { name: "KRAs", rows: kras },
      { name: "KPIs", rows: kpis },
    ],
  });
}

/** The sheet names Excel allows that need care: an apostrophe, `!`, unicode, spaces, 31 characters. */
export const ALLOWED_SHEET_NAMES = [
  "Ana's KPIs",
  "KRAs!2026",
  "Показатели 日本 😀",
  "  KPI  list  ",
  "K".repeat(31),
  "R1C1",
  "A1",
  "TRUE",
  "KPI's (2026) — Ünïcødé",
];

/** Names Excel does not allow (too long, forbidden characters, empty, reserved). */
export const INVALID_SHEET_NAMES = [
  "K".repeat(40),
  "KPIs[1]",
  "a/b\\c?*:",
  "",
  "History",
  "kras",
  "'Quoted",
  "Trailing'",
];

export const HOSTILE_CORPUS: readonly HostileCase[] = [
  {
    name: "bomb-part",
    what: "a sheet that inflates to 6 GB from a 6 MB file (its directory entry says so)",
    make: () => bombed(repeatedDeflate(SHEET_HEAD, new Uint8Array(MB).fill(32), 6144, SHEET_TAIL)),
    expected: refused(
      /sheet1\.xml inflates to 6,145 MB, more than 1,024 MB \(the limit for one part\)/
    ),
  },
  {
    name: "bomb-part-lying",
    what: "the same bomb, its directory entry claiming 100 KB",
    make: () =>
      bombed(repeatedDeflate(SHEET_HEAD, new Uint8Array(MB).fill(32), 6144, SHEET_TAIL), 100_000),
    expected: refused(/sheet1\.xml inflates to more than the 100000 bytes its zip entry declares/),
  },
  {
    name: "bomb-ratio",
    what: "a sheet of 64 MB of spaces in 64 KB: a compression ratio only a bomb reaches",
    make: () => bombed(repeatedDeflate(SHEET_HEAD, new Uint8Array(MB).fill(32), 64, SHEET_TAIL)),
    expected: refused(
      /sheet1\.xml inflates to 1,0\d\d times its compressed size.*compression-ratio limit/
    ),
  },
  {
    name: "bomb-total",
    what: "three sheets of 900 MB each, every one under the part and ratio limits",
    make: () => {
      const block = new Uint8Array(MB).fill(32);
      block.set(digits(4000, 1));
      const bomb = repeatedDeflate(SHEET_HEAD, block, 900, SHEET_TAIL);
      return packageBytes(
        {
          sheets: [
            ...smallWorkbook(),
            { name: "Big", rows: [[1]] },
            { name: "Bigger", rows: [[1]] },
          ],
        },
        (entries) =>
          entries.map((e) =>
            /sheet[134]\.xml$/.test(e.name)
              ? { name: e.name, deflated: bomb.deflated, size: bomb.size, crc: 0 }
              : e
          )
      );
    },
    expected: refused(
      /the parts read inflate to more than 2,048 MB together \(the limit for a package\)/
    ),
  },
  {
    name: "row-2147483647",
    what: "a cell on row 2,147,483,647: counted as beyond the grid, never allocated",
    make: () => withRowsAdded('<row r="2147483647"><c r="A2147483647"><v>1</v></c></row>'),
    expected: read(0, /KRAs!A1 +skipped-rows +1 cell beyond Excel's grid/),
  },
  {
    name: "column-beyond-xfd",
    what: "cells in columns XFE and ZZZZZ: counted, never allocated",
    make: () =>
      withRowsAdded('<row r="9"><c r="XFE9"><v>1</v></c><c r="ZZZZZ9"><v>2</v></c></row>'),
    expected: read(0, /KRAs!A1 +skipped-rows +2 cells beyond Excel's grid/),
  },
  {
    name: "workbook-30000-sheets",
    what: "workbook.xml listing 30,000 sheets",
    make: () =>
      packageBytes({
        sheets: smallWorkbook(),
        parts: {
          "xl/workbook.xml": `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${Array.from({ length: 30_000 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${(i % 2) + 1}"/>`).join("")}</sheets></workbook>`,
        },
      }),
    expected: refused(/xl\/workbook\.xml lists more than 10000 sheets/),
  },
  {
    name: "rels-99900",
    what: "a relationships part with 99,900 entries, all but three pointing nowhere",
    make: () =>
      packageBytes({
        sheets: smallWorkbook(),
        parts: {
          "xl/_rels/workbook.xml.rels": `${HEAD}<Relationships xmlns="${PR}">${Array.from({ length: 99_897 }, (_, i) => `<Relationship Id="rX${i}" Type="${R}/worksheet" Target="worksheets/none${i}.xml"/>`).join("")}<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        },
      }),
    expected: read(0, null),
  },
  {
    name: "rels-100001",
    what: "a relationships part with 100,001 entries",
    make: () =>
      packageBytes({
        sheets: smallWorkbook(),
        parts: {
          "xl/_rels/workbook.xml.rels": `${HEAD}<Relationships xmlns="${PR}">${Array.from({ length: 100_001 }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${(i % 2) + 1}.xml"/>`).join("")}</Relationships>`,
        },
      }),
    expected: refused(/workbook\.xml\.rels lists more than 100000 relationships/),
  },
  {
    name: "parts-100001",
    what: "a zip of 100,001 entries",
    make: () =>
      packageBytes({ sheets: smallWorkbook() }, (entries) => [
        ...entries,
        ...Array.from({ length: 100_001 - entries.length }, (_, i) => ({
          name: `customXml/item${i}.xml`,
          data: "",
          method: 0 as const,
        })),
      ]),
    expected: refused(/the package holds 100001 parts \(the limit is 100000\)/),
  },
  {
    name: "zip-count-short",
    what: "70,000 entries counted as 65,535 (the 16-bit count, with no zip64 record)",
    make: () =>
      packageBytes(
        { sheets: smallWorkbook() },
        (entries) => [
          ...entries,
          ...Array.from({ length: 70_000 - entries.length }, (_, i) => ({
            name: `customXml/item${i}.xml`,
            data: "",
            method: 0 as const,
          })),
        ],
        { shortCount: true }
      ),
    expected: refused(/directory holds more or fewer entries than it counts/),
  },
  {
    name: "zip-local-mismatch",
    what: "a directory entry and its local header naming different parts",
    make: () =>
      packageBytes({ sheets: smallWorkbook() }, (entries) =>
        entries.map((e) =>
          e.name === "xl/worksheets/sheet1.xml"
            ? { ...e, localName: "xl/worksheets/sheet2.xml" }
            : e
        )
      ),
    expected: refused(
      /directory and its local headers disagree about the part xl\/worksheets\/sheet1\.xml/
    ),
  },
  {
    name: "zip-duplicate",
    what: "the workbook part twice, with different sheets",
    make: () =>
      packageBytes({ sheets: smallWorkbook() }, (entries) => [
        ...entries,
        { name: "xl/workbook.xml", data: `<workbook xmlns="${MAIN}"><sheets/></workbook>` },
      ]),
    expected: refused(/holds the part xl\/workbook\.xml twice/),
  },
  {
    name: "zip-case-twin",
    what: "two sheet parts whose names differ only by case",
    make: () =>
      packageBytes({ sheets: smallWorkbook() }, (entries) => [
        ...entries,
        {
          name: "xl/worksheets/Sheet1.xml",
          data: sheetWith('<row r="1"><c r="A1"><v>1</v></c></row>'),
        },
      ]),
    expected: refused(/holds the part xl\/worksheets\/Sheet1\.xml twice/),
  },
  {
    name: "zip-dot-dot",
    what: "a part named with ../, shadowing a sheet once resolved",
    make: () =>
      packageBytes({ sheets: smallWorkbook() }, (entries) => [
        ...entries,
        { name: "xl/media/../worksheets/sheet1.xml", data: sheetWith("") },
      ]),
    expected: refused(
      /a part named "xl\/media\/\.\.\/worksheets\/sheet1\.xml", which no workbook has/
    ),
  },
  {
    name: "zip-encrypted",
    what: "a sheet entry flagged as encrypted",
    make: () =>
      packageBytes({ sheets: smallWorkbook() }, (entries) =>
        entries.map((e) => (e.name === "xl/worksheets/sheet2.xml" ? { ...e, flags: 0x801 } : e))
      ),
    expected: refused(/the part xl\/worksheets\/sheet2\.xml is encrypted/),
  },
  {
    name: "zip-overlap",
    what: "two directory entries pointing at one local header",
    make: () =>
      packageBytes({ sheets: smallWorkbook() }, (entries) => [
        ...entries,
        { name: "xl/worksheets/sheet1.xml", sameDataAs: "xl/worksheets/sheet1.xml" },
      ]),
    expected: refused(/holds the part xl\/worksheets\/sheet1\.xml twice|overlap/),
  },
  {
    name: "sst-empty-runs",
    what: "a shared string of empty runs",
    make: () => sharedStringsWith("<si><r><t></t></r><r><t/></r><r/></si>"),
    expected: read(0, null),
  },
  {
    name: "sst-property-runs",
    what: "a shared string whose runs hold only properties",
    make: () =>
      sharedStringsWith('<si><r><rPr><b/><sz val="11"/></rPr></r><r><rPr><i/></rPr></r></si>'),
    expected: read(0, null),
  },
  {
    name: "sst-deep-rich",
    what: "a shared string nested 100,000 deep",
    make: () =>
      sharedStringsWith(`<si>${"<r>".repeat(100_000)}<t>x</t>${"</r>".repeat(100_000)}</si>`),
    expected: refused(/xl\/sharedStrings\.xml nests elements more than 256 deep/),
  },
  {
    name: "sst-nested-200",
    what: "rich text nested 200 deep",
    make: () => sharedStringsWith(`<si>${"<r>".repeat(200)}<t>deep</t>${"</r>".repeat(200)}</si>`),
    expected: read(0, null),
  },
  {
    name: "sst-index-out-of-range",
    what: "a cell naming shared string 4,000,000,000 of a table of 20",
    make: () => sharedStringsWith("<si><t>x</t></si>", "4000000000"),
    expected: read(0, null),
  },
  {
    name: "sst-4000001",
    what: "a shared-string table of 4,000,001 strings",
    make: () => sharedStringsWith("<si><t>a</t></si>".repeat(4_000_001)),
    expected: refused(
      /xl\/sharedStrings\.xml holds more than 4000000 strings/,
      undefined,
      30_000,
      800
    ),
    cliOnly: true,
  },
  {
    name: "dtd-external-entity",
    what: "a workbook part whose DTD declares an external entity",
    make: () =>
      packageBytes({
        sheets: smallWorkbook(),
        parts: {
          "xl/workbook.xml": `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        },
      }),
    expected: refused(
      /xl\/workbook\.xml declares a document type \(DTD\).*refused so that no entity is expanded/
    ),
  },
  {
    name: "dtd-billion-laughs",
    what: "shared strings under a billion-laughs DTD",
    make: () =>
      packageBytes({
        sheets: smallWorkbook(),
        sharedStrings: `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><sst xmlns="${MAIN}"><si><t>&lol9;</t></si></sst>`,
      }),
    expected: refused(/xl\/sharedStrings\.xml declares a document type \(DTD\)/),
  },
  {
    name: "findings-144000",
    what: "1,000 people whose 144,000 check-ins are each wrong",
    make: everyCheckInWrong,
    expected: read(1, /\nErrors \(14\d{4}\)\n/, 60_000, 1500),
    cliOnly: true,
  },
  {
    name: "wide-16384x200",
    what: "a sheet 16,384 columns wide and 200 rows deep beside the KPI sheets",
    make: () =>
      packageBytes({
        sheets: [...smallWorkbook(), { name: "Wide", rows: [], xml: wideSheet(16_384, 200) }],
      }),
    expected: read(0, null, 30_000, 1500),
    cliOnly: true,
  },
  {
    name: "deep-chain-10000",
    what: "10,000 KRAs, each the parent of the next",
    make: () => deepChain(10_000),
    expected: read("0 or 1", null, 30_000, 800),
  },
  {
    name: "sheet-names-allowed",
    what: "KPI sheets and others named with every kind of name Excel allows",
    make: () =>
      packageBytes({
        sheets: [
          ...smallWorkbook("Ana's KPIs".replace("KPIs", "KRAs"), "KPIs"),
          ...ALLOWED_SHEET_NAMES.map((name) => ({ name, rows: [["note"]] })),
        ],
      }),
    expected: read(0, null),
  },
  {
    name: "sheet-names-invalid",
    what: "sheets named as Excel never allows: too long, forbidden characters, empty, twins",
    make: () =>
      packageBytes({
        sheets: [
          ...smallWorkbook(),
          ...INVALID_SHEET_NAMES.map((name) => ({ name, rows: [["note"]] })),
        ],
      }),
    expected: read("0 or 1", null),
  },
];
