/**
 * Where collect puts the new check-ins: below the master's own rows, in its Excel table when the
 * check-ins are one (the table grows over them and gains the Source column), in a sheet whose
 * elements carry a namespace prefix, over empty formatted rows, or in a new Check-ins sheet when
 * the master has none; a layout it cannot add rows to is refused with one line.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";
import { readWorkbookInput } from "../../../src/adapters/workbook-input";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { appendRows } from "../../../src/adapters/xlsx/write/append-rows";
import { EMPTY_STYLES, StyleBook } from "../../../src/adapters/xlsx/write/style-book";
import { SheetData } from "../../../src/synthetic/sheet-data";
import { sheetDataToBuffer } from "../../../src/synthetic/write-xlsx";
import { capture } from "../../support/cli-output";
import { sampleMaster, typeInto } from "../../support/check-in-files";
import { packageParts } from "../../support/package-diff";

jest.setTimeout(120_000);

let dir: string;
const at = (...p: string[]) => path.join(dir, ...p);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-append-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Splits the master, fills Emma's file, collects it; returns the merged bytes and the exit status. */
async function roundTrip(
  name: string,
  master: Buffer
): Promise<{ status: number; merged: Buffer; io: ReturnType<typeof capture> }> {
  await fs.writeFile(at(`${name}.xlsx`), master);
  const split = capture();
  await run(["split", at(`${name}.xlsx`), "-o", at(name)], split);
  const emma = typeInto(await fs.readFile(at(name, "P07 Emma Walsh.xlsx")), {
    J8: 0.97,
    K8: "ok",
    J9: 4,
  });
  await fs.writeFile(at(`${name}-emma.xlsx`), emma);
  const io = capture();
  const status = await run(
    ["collect", at(`${name}.xlsx`), at(`${name}-emma.xlsx`), "-o", at(`${name}-merged.xlsx`)],
    io
  );
  const merged = await fs.readFile(at(`${name}-merged.xlsx`)).catch(() => Buffer.alloc(0));
  return { status, merged, io };
}

describe("collect into an Excel table", () => {
  it("extends the table over the new rows and a Source column", async () => {
    const master = await sampleMaster({ checkInsTable: "tblCheckIns" });
    const { status, merged } = await roundTrip("table", master);
    expect(status).toBe(1);
    const input = readWorkbookInput(merged, "m.xlsx");
    const table = input?.grids.tables?.find((t) => t.name === "tblCheckIns");
    const sheet = input?.grids.sheets.find((s) => s.name === "Check-ins");
    expect(table).toMatchObject({
      top: 0,
      left: 0,
      colCount: 5,
      rowCount: sheet?.rows.length ?? 0,
    });
    expect(sheet?.rows[0]).toEqual(["KPI ID", "Period", "Actual", "Comment", "Source"]);
    const parts = await packageParts(merged);
    const tableXml =
      [...parts.values()]
        .map((b) => b.toString("utf8"))
        .find((x) => x.includes('displayName="tblCheckIns"')) ?? "";
    expect(tableXml).toMatch(new RegExp(`ref="A1:E${sheet?.rows.length}"`));
    expect(tableXml).toMatch(/<tableColumn id="5" name="Source"\/><\/tableColumns>/);
    expect(tableXml).toMatch(/<tableColumns count="5">/);
    const a = analyzeWorkbook(input?.grids ?? { sheets: [] });
    expect(a.model.regions.actuals?.grid.name).toBe("Check-ins");
    expect(a.model.checkIns.kpi.filter((k) => k === "K-040")).toHaveLength(12);
  });
});

describe("a master without a check-ins sheet", () => {
  it("gets one, and its own sheets stay as they were", async () => {
    const master = await sampleMaster({
      edit: (sheets: SheetData[]) => {
        const i = sheets.findIndex((s) => s.name === "Check-ins");
        sheets.splice(i, 1);
      },
    });
    const { merged } = await roundTrip("bare", master);
    const sheets = readWorkbookInput(merged, "m.xlsx")?.grids.sheets ?? [];
    const added = sheets.find((s) => s.name === "Check-ins");
    expect(added?.rows[0]).toEqual(["KPI ID", "Period", "Actual", "Note", "Confidence", "Source"]);
    // With no check-in at all, Emma was asked for every month of the cycle: J8 is July's.
    expect(added?.rows[1]).toEqual([
      "K-040",
      "Jul 2025",
      0.97,
      "ok",
      undefined,
      "bare-emma.xlsx, Check-ins!J8",
    ]);
  });
});

describe("a master whose actuals are in columns", () => {
  it("is split, and refused by collect with one line: it appends rows", async () => {
    await fs.writeFile(
      at("wide.xlsx"),
      await sheetDataToBuffer([
        {
          name: "Scorecard",
          header: ["KPI", "Owner", "Target", "Jan 2026", "Feb 2026", "Mar 2026"],
          rows: [
            ["Deals closed", "Ana", 10, 8, 9, null],
            ["Calls made", "Ana", 50, 40, null, null],
          ],
        },
        { name: "Settings", header: ["Setting", "Value"], rows: [["As Of", "2026-03-31"]] },
      ])
    );
    const split = capture();
    await run(["split", at("wide.xlsx"), "-o", at("wide")], split);
    const [file] = (await fs.readdir(at("wide"))).filter((f) => f.endsWith(".xlsx"));
    expect(file).toBe("Ana.xlsx");
    const ana = await fs.readFile(at("wide", file));
    const rows = readWorkbookInput(ana, "a.xlsx")?.grids.sheets[0].rows ?? [];
    expect(rows.slice(7).map((r) => [r[0], r[8]])).toEqual([
      ["Ana / Deals closed", "Mar 2026"],
      ["Ana / Calls made", "Feb 2026"],
      ["Ana / Calls made", "Mar 2026"],
    ]);
    await fs.writeFile(at("wide-ana.xlsx"), typeInto(ana, { J8: 10 }));
    const io = capture();
    expect(
      await run(["collect", at("wide.xlsx"), at("wide-ana.xlsx"), "-o", at("wide-merged.xlsx")], io)
    ).toBe(2);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
    expect(io.stderr).toMatch(
      /keeps its check-ins on "Scorecard" in a layout .* one row per check-in/
    );
    await expect(fs.stat(at("wide-merged.xlsx"))).rejects.toThrow();
  });
});

describe("appendRows", () => {
  const prefixed =
    '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<x:dimension ref="A1:C3"/><x:sheetData>' +
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>KPI ID</x:t></x:is></x:c><x:c r="B1" s="1" t="inlineStr"><x:is><x:t>Period</x:t></x:is></x:c><x:c r="C1" s="1" t="inlineStr"><x:is><x:t>Actual</x:t></x:is></x:c></x:row>' +
    '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>K1</x:t></x:is></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>Jan 2026</x:t></x:is></x:c><x:c r="C2" s="2"><x:v>5</x:v></x:c></x:row>' +
    '<x:row r="3" ht="20" customHeight="1"><x:c r="C3" s="2"/></x:row>' +
    '<x:row r="9"/></x:sheetData><x:pageMargins left="0.7"/></x:worksheet>';

  it("writes in the part's prefix, over empty formatted rows, with the look of the last data row", () => {
    const done = appendRows(
      new TextEncoder().encode(prefixed),
      {
        sheet: "Check-ins",
        header: { row: 1, cells: [{ column: 3, cell: { value: "Source" } }] },
        firstRow: 3,
        rows: [
          [{ value: "K1" }, { value: "Feb 2026" }, { value: 6 }, { value: "a.xlsx, Check-ins!J8" }],
          [{ value: "K1" }, { value: "Mar 2026" }, { value: 7 }, { value: "a.xlsx, Check-ins!J9" }],
        ],
        styleFrom: 2,
      },
      new StyleBook(EMPTY_STYLES),
      "Check-ins"
    );
    const xml = new TextDecoder().decode(done.bytes);
    expect(xml).toContain('<x:dimension ref="A1:D4"/>');
    // The header gains D1, styled as its last cell; the rows keep their order; row 3 keeps its height.
    expect(xml).toContain(
      '<x:c r="D1" s="1" t="inlineStr"><x:is><x:t>Source</x:t></x:is></x:c></x:row>'
    );
    expect(xml).toContain('<x:row r="3" ht="20" customHeight="1"><x:c r="A3" t="inlineStr">');
    expect(xml).toContain('<x:c r="C3" s="2"><x:v>6</x:v></x:c>');
    expect(xml).toMatch(/<x:row r="4"><x:c r="A4"[\s\S]*<\/x:row><x:row r="9"\/><\/x:sheetData>/);
    // Row 2 is byte for byte what it was.
    expect(xml).toContain(
      prefixed.slice(prefixed.indexOf('<x:row r="2">'), prefixed.indexOf('<x:row r="3"'))
    );
    expect(done).toMatchObject({ lastRow: 4, lastCol: 3 });
  });

  it("refuses to write over a cell that holds a value", () => {
    expect(() =>
      appendRows(
        new TextEncoder().encode(prefixed),
        { sheet: "S", firstRow: 2, rows: [[{ value: "x" }]] },
        new StyleBook(EMPTY_STYLES),
        "S"
      )
    ).toThrow(/would overwrite/);
  });
});
