/**
 * Packages written by other programs (test/support/foreign-packages.ts): read as expected, and
 * after `build` every part of the input is still there byte for byte, except the few the writer
 * may edit, which still hold all they held; a rebuild of the output equals the first build.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { run } from "../../../src/cli/main";
import { foreignPackage } from "../../support/foreign-packages";
import { EDITABLE_PARTS, lostOrChanged, packageParts as parts } from "../../support/package-diff";

const quiet = () => ({ out: () => undefined, err: () => undefined });
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-corpus-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function build(input: Uint8Array, name: string): Promise<Uint8Array> {
  const inFile = path.join(dir, name);
  const outFile = path.join(dir, name.replace(/(\.\w+)$/, ".out$1"));
  await fs.writeFile(inFile, input);
  expect(
    await run(["build", inFile, "-o", outFile, "--as-of", "2026-06-30"], quiet())
  ).toBeLessThan(2);
  return fs.readFile(outFile);
}

describe("a package written by another program", () => {
  it("reads sheets through the relationships, whatever their sheetId, with every kind of value", async () => {
    const { grids } = readPackage(await foreignPackage());
    expect(grids.sheets.map((s) => s.name)).toEqual(["KRAs", "KPI List"]);
    const [kras, kpis] = grids.sheets;
    expect(kras.rows[1]).toEqual(["R1", "Grow sales", "Ana", 60]);
    expect(kpis.rows[1]).toEqual([
      "K1",
      "R1",
      "Revenue & margin",
      100,
      90,
      new Date(Date.UTC(2026, 2, 31)),
    ]);
    expect(kpis.rows[2][4]).toEqual({ error: "#DIV/0!" });
    expect(kpis.rows[4][0]).toBe("Note: merged");
    expect(kpis.merges).toEqual([
      { top: 4, left: 0, bottom: 4, right: 5 },
      { top: 1, left: 2, bottom: 2, right: 2 },
    ]);
  });

  it("reads serial dates of the 1904 date system", async () => {
    const { grids } = readPackage(await foreignPackage({ date1904: true }));
    expect(grids.sheets[1].rows[1][5]).toEqual(new Date(Date.UTC(2030, 3, 1)));
  });

  it("keeps every part byte for byte after a build, and the edited ones hold all they held", async () => {
    const input = await foreignPackage();
    const output = await build(input, "foreign.xlsx");
    expect(await lostOrChanged(input, output)).toEqual([]);
    const after = await parts(output);
    expect(EDITABLE_PARTS.has("xl/workbook.xml")).toBe(true);
    const workbook = (after.get("xl/workbook.xml") as Buffer).toString();
    for (const kept of [
      'name="KRAs" sheetId="5" r:id="rId7"',
      '<definedName name="Targets">',
      'localSheetId="1"',
      'calcId="191029"',
    ])
      expect(workbook).toContain(kept);
    const types = (after.get("[Content_Types].xml") as Buffer).toString();
    expect(types).toContain("/xl/charts/chart1.xml");
    expect(types).toContain("/xl/comments/comment1.xml");
    expect(readPackage(await build(input, "again.xlsx")).grids.sheets.slice(0, 2)).toEqual(
      readPackage(input).grids.sheets
    );
  });

  it("rebuilds a built workbook into the same parts as the first build", async () => {
    const first = await build(await foreignPackage(), "first.xlsx");
    const second = await build(first, "second.xlsx");
    const [a, b] = [await parts(first), await parts(second)];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a)
      expect([name, (b.get(name) as Buffer).equals(bytes)]).toEqual([name, true]);
  });

  it("keeps the macros of an .xlsm, byte for byte, and its macro-enabled content type", async () => {
    const input = await foreignPackage({ macros: true });
    const after = await parts(await build(input, "macros.xlsm"));
    expect(
      (after.get("xl/vbaProject.bin") as Buffer).equals(
        (await parts(input)).get("xl/vbaProject.bin") as Buffer
      )
    ).toBe(true);
    expect((after.get("[Content_Types].xml") as Buffer).toString()).toContain(
      "macroEnabled.main+xml"
    );
  });
});

describe("what proves a sheet was generated", () => {
  const NAMES = (sheet: string) =>
    `<definedNames><definedName name="KPICascade_scorecard" hidden="1">'${sheet}'!$A$1</definedName>` +
    `<definedName name="KPICascade_cascade_0123456789abcdef" hidden="1">'${sheet}'!$A$1</definedName></definedNames>`;

  async function withNames(names: string): Promise<Uint8Array> {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await foreignPackage());
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) as string;
    zip.file("xl/workbook.xml", xml.replace(/<definedNames>.*<\/definedNames>/, names));
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  it("keeps a sheet that a copied or typed-in marker points at, byte for byte, and says so", async () => {
    const input = await withNames(NAMES("KPI List"));
    const inFile = path.join(dir, "forged.xlsx");
    const outFile = path.join(dir, "forged.out.xlsx");
    await fs.writeFile(inFile, input);
    let said = "";
    const io = { out: (t: string) => (said += t), err: (t: string) => (said += t) };
    expect(await run(["build", inFile, "-o", outFile], io)).toBeLessThan(2);
    expect(said).toContain(
      '"KPI List" is marked as generated but does not hold what kpi-cascade wrote'
    );
    const output = await fs.readFile(outFile);
    expect(await lostOrChanged(input, output)).toEqual([]);
    expect(readPackage(output).grids.sheets.map((s) => s.name)).toContain("KPI List");
  });

  it("keeps a generated sheet the user edited, and writes the new one beside it", async () => {
    const first = readPackage(await build(await foreignPackage(), "edit-1.xlsx"));
    const { editSheet } = await import("../../../src/adapters/xlsx/write");
    const edited = editSheet(first, {
      sheet: "KPI Scorecard",
      create: false,
      writes: [{ address: "B1", value: "my note" }],
    });
    const names = readPackage(await build(edited, "edit-2.xlsx")).grids.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["KPI Scorecard", "KPI Scorecard 2", "KPI Cascade"])
    );
    expect(names.filter((n) => n.startsWith("KPI Cascade"))).toEqual(["KPI Cascade"]);
  });
});
