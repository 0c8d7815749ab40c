/**
 * The package writer on workbooks written by another program (ExcelJS), read back by it too:
 * generated sheets are replaced, the user's sheets never touched, text stays text.
 */
import { SC } from "../../../src/planner/scorecard";
import ExcelJS from "exceljs";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { writePlan } from "../../../src/adapters/xlsx/write";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { planWorkbook } from "../../../src/planner";
import { AS_OF, KPI_HEADER, KRA_HEADER, kpi, kra } from "../../support/workbook";

const HOSTILE = ['=HYPERLINK("http://x","y")', "+1-2", "@SUM(A1)", "-3+4", "=1/0"];

function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const kras = wb.addWorksheet("KRAs");
  [KRA_HEADER, kra("R1", { name: HOSTILE[0] }), kra("R2"), kra("R3")].forEach((r) =>
    kras.addRow(r)
  );
  const kpis = wb.addWorksheet("KPIs");
  [
    KPI_HEADER,
    kpi("K1", { name: HOSTILE[1] }),
    kpi("K2", { kra: "R2", name: HOSTILE[2] }),
    kpi("K3", { kra: "R3", name: HOSTILE[3] }),
    kpi("K4", { kra: "R9", name: HOSTILE[4] }),
  ].forEach((r) => kpis.addRow(r));
  return wb;
}

/** A workbook as the package writer receives it and returns it: bytes. */
class Book {
  constructor(public bytes: Uint8Array) {}
  static async of(wb: ExcelJS.Workbook): Promise<Book> {
    return new Book(new Uint8Array(await wb.xlsx.writeBuffer()));
  }
}

async function roundTrip(book: Book): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(Buffer.from(book.bytes) as unknown as ExcelJS.Buffer);
  return copy;
}

function build(book: Book): string[] {
  const reading = readPackage(book.bytes);
  const out = writePlan(reading, planWorkbook(analyzeWorkbook(reading.grids, { today: AS_OF })));
  book.bytes = out.bytes;
  return out.sheets;
}

describe("applying a plan to a package", () => {
  it("adds the generated sheets after the user's and replaces them on the next build", async () => {
    const book = await Book.of(userWorkbook());
    const built = [
      "KPI Scorecard",
      "KPI Cascade",
      "KPI Findings",
      "KPI Dashboard",
      "KPI Last Build",
    ];
    expect(build(book)).toEqual(built);
    const again = await Book.of(await roundTrip(book));
    expect(build(again)).toEqual(built);
    const final = await roundTrip(again);
    expect(final.worksheets.map((w) => w.name)).toEqual([
      "KRAs",
      "KPIs",
      "KPI Scorecard",
      "KPI Cascade",
      "KPI Findings",
      "KPI Dashboard",
      "KPI Last Build",
    ]);
    // The build's figures are hidden, and still so after a round trip through another program.
    expect(final.getWorksheet("KPI Last Build")?.state).toBe("hidden");
  });

  it("never touches a sheet of the user's that happens to share a generated name", async () => {
    const wb = userWorkbook();
    const mine = wb.addWorksheet("KPI Scorecard");
    mine.getCell("A1").value = "my own notes";
    const book = await Book.of(wb);
    expect(build(book)[0]).toBe("KPI Scorecard 2");
    const again = await Book.of(await roundTrip(book));
    expect(build(again)[0]).toBe("KPI Scorecard 2");
    const final = await roundTrip(again);
    expect(final.getWorksheet("KPI Scorecard")?.getCell("A1").value).toBe("my own notes");
    expect(
      final.worksheets.filter((w) => w.name.startsWith("KPI Scorecard")).map((w) => w.name)
    ).toEqual(["KPI Scorecard", "KPI Scorecard 2"]);
  });

  it("writes text from the workbook as text, never as a formula", async () => {
    const book = await Book.of(userWorkbook());
    build(book);
    const out = await roundTrip(book);
    const found = new Map<string, ExcelJS.CellValue>();
    for (const name of ["KPI Scorecard", "KPI Cascade", "KPI Findings"]) {
      out.getWorksheet(name)?.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && HOSTILE.includes(cell.value))
            found.set(cell.value, cell.value);
          if (cell.value && typeof cell.value === "object" && "formula" in cell.value) {
            for (const h of HOSTILE)
              expect((cell.value as ExcelJS.CellFormulaValue).formula).not.toContain(h.slice(1));
          }
        })
      );
    }
    // K4's KRA does not exist: it is in the scorecard's Unassigned KPIs block (SPEC 8), as text.
    expect([...found.keys()].sort()).toEqual([...HOSTILE].sort());
  });

  it("leaves the user's sheets exactly as they were", async () => {
    const book = await Book.of(userWorkbook());
    const before = await roundTrip(book);
    build(book);
    const after = await roundTrip(book);
    for (const ws of before.worksheets)
      expect(after.getWorksheet(ws.name)?.getSheetValues()).toEqual(ws.getSheetValues());
  });

  it("formats the scorecard: frozen header, hidden helpers, bounded conditional formats, landscape print", async () => {
    const book = await Book.of(userWorkbook());
    build(book);
    const ws = (await roundTrip(book)).getWorksheet("KPI Scorecard") as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.getColumn(SC.kpiWeightUsed + 1).hidden).toBe(true);
    expect(ws.pageSetup.orientation).toBe("landscape");
    const refs = (
      ws as unknown as { conditionalFormattings: { ref: string }[] }
    ).conditionalFormattings.map((c) => c.ref);
    expect(refs.length).toBeGreaterThanOrEqual(5);
    for (const ref of refs)
      for (const part of ref.split(" ")) expect(part).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
  });
});
