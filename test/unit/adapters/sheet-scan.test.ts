/**
 * The worksheet scanner's fast path for inline strings: a cell holding one plain run is read
 * without the general scanner, and reads exactly as the general scanner reads it; anything else
 * (rich runs, phonetic guides, CDATA, comments) still goes to the general scanner.
 */
import { SheetScanner, SheetSink, richCellText } from "../../../src/adapters/xlsx/read/sheet-scan";
import { SheetReader } from "../../../src/adapters/xlsx/read/sheet";

const PLAIN = [
  `<is><t>Ana</t></is>`,
  `<is><t xml:space="preserve"> two  spaces </t></is>`,
  `<is><t>a &amp; b &lt;c&gt; &#x41;&#66;</t></is>`,
  `<is><t>line_x000D_break</t></is>`,
  `<is><t></t></is>`,
];
const RICH = [
  `<is><r><t>bold</t></r><r><t> plain</t></r></is>`,
  `<is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></is>`,
  `<is><t><![CDATA[a < b]]></t></is>`,
  `<is><t>a</t><!-- note --></is>`,
  `<is><t/></is>`,
  `<is> <t>spaced</t> </is>`,
];

type Seen = { kind: "inline" | "rich"; text: string };

function scan(sheetXml: string, prefix = ""): Seen[] {
  const seen: Seen[] = [];
  const sink: SheetSink = {
    row() {},
    mergeCell() {},
    cell() {
      throw new Error("an inline string is not a plain value cell");
    },
    inlineCell(_tag, text) {
      seen.push({ kind: "inline", text });
    },
    richCell(_tag, inner) {
      seen.push({ kind: "rich", text: richCellText(inner, "sheet").text });
    },
  };
  const scanner = new SheetScanner(sink, "sheet");
  scanner.write(
    `<${prefix}worksheet><${prefix}sheetData><${prefix}row r="1">${sheetXml}</${prefix}row></${prefix}sheetData></${prefix}worksheet>`
  );
  scanner.end();
  return seen;
}

const cellOf = (inner: string, prefix = "") =>
  `<${prefix}c r="A1" t="inlineStr">${prefix ? inner.replace(/<(\/?)(is|t|r|rPh)\b/g, `<$1${prefix}$2`) : inner}</${prefix}c>`;

describe("inline strings in a worksheet", () => {
  it.each(["", "x:"])("reads one plain run without the general scanner (prefix %j)", (prefix) => {
    const seen = scan(PLAIN.map((p) => cellOf(p, prefix)).join(""), prefix);
    expect(seen.map((s) => s.kind)).toEqual(PLAIN.map(() => "inline"));
    // The same text the general scanner reads from the same content.
    expect(seen.map((s) => s.text)).toEqual(PLAIN.map((p) => richCellText(p, "sheet").text));
  });

  it("leaves rich text, phonetic guides, CDATA and comments to the general scanner", () => {
    const seen = scan(RICH.map((p) => cellOf(p)).join(""));
    expect(seen.map((s) => s.kind)).toEqual(RICH.map(() => "rich"));
    expect(seen.map((s) => s.text)).toEqual(["bold plain", "漢字", "a < b", "a", "", "spaced"]);
  });
});

describe("cell attributes read in place from the start tag", () => {
  it("reads addresses, types and styles written plainly, with character references or oddly spaced", () => {
    const reader = new SheetReader("Data", "sheet", {
      sharedStrings: ["shared"],
      isDate: [false, true],
      date1904: false,
      cellBudget: 100,
    });
    const scanner = new SheetScanner(reader, "sheet");
    scanner.write(
      `<worksheet><sheetData><row r="1">` +
        `<c r="A1" t="s"><v>0</v></c>` +
        `<c r='B1' s='1'><v>45000</v></c>` +
        `<c r="&#68;1" t="&#115;"><v>0</v></c>` +
        `<c r="E1" s="&#49;"><v>45000</v></c>` +
        `<c r="F1" s=" 1"><v>45000</v></c>` +
        `<c r="G1" s="0"><v>45000</v></c>` +
        `<c t="b"><v>1</v></c>` +
        `<c r="zz" t="e"><v>#N/A</v></c>` +
        `</row></sheetData></worksheet>`
    );
    scanner.end();
    const date = new Date(Date.UTC(2023, 2, 15));
    expect(reader.finish().grid.rows[0]).toEqual([
      "shared",
      date,
      undefined,
      "shared",
      date,
      date,
      45000,
      true,
      { error: "#N/A" },
    ]);
  });
});
