/**
 * Hostile packages: each is refused with one line that names what was refused, or read within
 * bounded time and memory — never by allocating what the file claims.
 */
import JSZip from "jszip";
import { ZipWriter } from "../../../src/adapters/xlsx/package/zip-write";
import { readZipEntries } from "../../../src/adapters/xlsx/package/zip-read";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { PackageRefused } from "../../../src/adapters/xlsx/package/limits";
import { foreignPackage } from "../../support/foreign-packages";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The openpyxl-style package with one part replaced (deflated by zlib: fast on large parts). */
async function withPart(name: string, content: string): Promise<Uint8Array> {
  const source = await foreignPackage();
  const zip = new ZipWriter();
  for (const e of readZipEntries(source).values())
    if (e.name === name) zip.add(name, content);
    else zip.copy(source, e);
  return zip.finish();
}

function refusal(bytes: Uint8Array): string {
  try {
    readPackage(bytes);
  } catch (e) {
    if (e instanceof PackageRefused) return e.message;
    throw e;
  }
  return "read";
}

/** A stored (uncompressed) zip entry: name, data, and a local header the directory points at. */
function storedZip(entries: { name: string; localName?: string; data: Uint8Array }[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.from(e.localName ?? e.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt32LE(e.data.length, 18);
    header.writeUInt32LE(e.data.length, 22);
    header.writeUInt16LE(local.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    chunks.push(header, local, Buffer.from(e.data));
    offset += 30 + local.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dirBytes, end]));
}

describe("hostile packages", () => {
  it("refuses a DTD with its own message, so no entity is ever expanded", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><sst xmlns="${MAIN}"><si><t>&lol2;</t></si></sst>`;
    expect(refusal(await withPart("xl/sharedStrings.xml", laughs))).toMatch(
      /xl\/sharedStrings\.xml declares a document type \(DTD\)/
    );
  });

  it("refuses a part whose directory entry and local header disagree, and duplicate parts", () => {
    const data = new TextEncoder().encode("<x/>");
    expect(
      refusal(storedZip([{ name: "xl/workbook.xml", localName: "xl/other.xml", data }]))
    ).toMatch(/directory and its local headers disagree/);
    expect(
      refusal(
        storedZip([
          { name: "xl/workbook.xml", data },
          { name: "XL/Workbook.xml", data },
        ])
      )
    ).toMatch(/holds the part XL\/Workbook.xml twice/);
    expect(refusal(storedZip([{ name: "../evil.xml", data }]))).toMatch(
      /a part named "..\/evil.xml"/
    );
  });

  it("refuses a part that inflates past the compression-ratio limit, before inflating it all", async () => {
    // Deflate's best ratio is about 1032:1; a bomb is compressed as hard as deflate can.
    const bomb = `<worksheet xmlns="${MAIN}"><sheetData>${" ".repeat(60 * 1024 * 1024)}</sheetData></worksheet>`;
    const zip = await JSZip.loadAsync(await foreignPackage());
    zip.file("xl/worksheets/sheet3.xml", bomb);
    const bytes = await zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    const started = Date.now();
    expect(refusal(bytes)).toMatch(
      /xl\/worksheets\/sheet3\.xml inflates to 1,0\d\d times its compressed size, more than 1,000 times \(the compression-ratio limit\)/
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 60_000);

  it("counts a cell addressed beyond row 1,048,576 instead of allocating rows up to it", async () => {
    const far = `<worksheet xmlns="${MAIN}"><sheetData><row r="2147483647"><c r="A2147483647"><v>1</v></c></row><row r="3"><c r="XFE3"><v>2</v></c><c r="B3"><v>3</v></c></row></sheetData></worksheet>`;
    const reading = readPackage(await withPart("xl/worksheets/sheet3.xml", far));
    expect(reading.grids.sheets[0].outsideGrid).toBe(2);
    expect(reading.grids.sheets[0].rows).toHaveLength(3);
    expect(reading.grids.sheets[0].rows[2][1]).toBe(3);
  });

  it("refuses an element longer than the element limit instead of rescanning it piece by piece", async () => {
    // Random letters in 64 KB blocks (longer than deflate's 32 KB window), so the part does not
    // compress well and the ratio limit does not refuse it first.
    let seed = 7;
    const block = Array.from({ length: 64 * 1024 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return String.fromCharCode(97 + (seed % 26));
    }).join("");
    const letters = block.repeat(34 * 16);
    const endless = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${letters}`;
    expect(refusal(await withPart("xl/worksheets/sheet3.xml", endless))).toMatch(
      /an element longer than/
    );
  }, 30_000);

  it("reads Cyrillic text split across the decoder's pieces whole", async () => {
    const word = "Показатель";
    const pad = "a".repeat((1 << 20) - 7); // puts the word across the 1 MB boundary
    const sst = `<sst xmlns="${MAIN}"><si><t>${pad}</t></si><si><t>${word}-28</t></si></sst>`;
    const reading = readPackage(await withPart("xl/sharedStrings.xml", sst));
    // Shared string 1 is the KPI List's "KRA ID" header cell (B1).
    expect(reading.grids.sheets[1].rows[0][1]).toBe(`${word}-28`);
  });

  it("refuses a raw-deflate stream that is damaged as a damaged file", async () => {
    const bytes = new Uint8Array(await foreignPackage());
    const workbook = readZipEntries(bytes).get("xl/workbook.xml");
    if (!workbook) throw new Error("no workbook part");
    // 0xFF bytes: a deflate block of the reserved type 3, which no inflater accepts.
    bytes.fill(0xff, workbook.dataOffset, workbook.dataOffset + workbook.compressedSize);
    expect(() => readPackage(bytes)).toThrow(/xl\/workbook\.xml is damaged/);
    try {
      readPackage(bytes);
    } catch (e) {
      expect((e as PackageRefused).damaged).toBe(true);
    }
  });
});

describe("text written into a part", () => {
  it("drops the control characters XML cannot hold and escapes markup, in attributes and text alike", async () => {
    const { escapeXml, escapeCellText } = await import("../../../src/adapters/xlsx/xml/escape");
    expect(escapeXml('a\u0001<b>&"c"\u001f\td')).toBe("a&lt;b&gt;&amp;&quot;c&quot;\td");
    expect(escapeXml("plain")).toBe("plain");
    // Cell text keeps its control characters, as _xHHHH_ escapes.
    expect(escapeCellText("a\u0001b")).toBe("a_x0001_b");
  });
});
