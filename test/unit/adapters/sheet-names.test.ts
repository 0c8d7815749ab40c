/**
 * Every sheet name Excel allows — an apostrophe, `!`, unicode, spaces, 31 characters, names that
 * read as cell references — is read, named correctly from the formulas and links a build writes,
 * and survives the build and a rebuild. Names Excel does not allow are reported, never a crash,
 * and a generated sheet's name never passes 31 characters nor collides with another, ignoring case.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { sheetRef } from "../../../src/engine/address";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { decodeEntities } from "../../../src/adapters/xlsx/xml/scanner";
import { run } from "../../../src/cli/main";
import { freeSheetName } from "../../../src/planner/generated";
import { sheetNameProblem } from "../../../src/engine/rules/sheet-names";
import {
  ALLOWED_SHEET_NAMES,
  INVALID_SHEET_NAMES,
  packageBytes,
  smallWorkbook,
} from "../../support/hostile-corpus";
import { KPI_HEADER, kpi } from "../../support/workbook";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-sheet-names-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The sheet names a formula or a link target refers to (string literals left out, but for `#` links). */
function namesReferred(formula: string): string[] {
  const names: string[] = [];
  for (const m of formula.matchAll(/"#'((?:[^']|'')+)'!/g)) names.push(m[1].replace(/''/g, "'"));
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const m of code.matchAll(/'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!/g))
    names.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  return names;
}

/** Every formula of every sheet of a package, by sheet name. */
function formulasOf(bytes: Uint8Array): { sheets: string[]; formulas: string[] } {
  const reading = readPackage(bytes);
  const formulas: string[] = [];
  for (const s of reading.workbook.sheets) {
    const xml = s.part ? (reading.pkg.text(s.part) ?? "") : "";
    for (const m of xml.matchAll(/<f(?: [^>]*)?>([^<]*)<\/f>/g))
      formulas.push(decodeEntities(m[1]));
  }
  return { sheets: reading.workbook.sheets.map((s) => s.name), formulas };
}

describe("sheet names Excel allows", () => {
  it.each(ALLOWED_SHEET_NAMES.map((n) => [n]))(
    "%j is read, linked to, and survives a build",
    async (name) => {
      const [kras] = smallWorkbook();
      // K2 has no target: an error the findings sheet links to, on the sheet of this name.
      const kpis = {
        name,
        rows: [
          KPI_HEADER,
          kpi("K1"),
          kpi("K2", { kra: "R2", target: null }),
          kpi("K3", { kra: "R3" }),
        ],
      };
      const input = path.join(dir, "in.xlsx");
      await fs.writeFile(input, packageBytes({ sheets: [kras, kpis] }));
      const validated = await cli(["validate", input, "--as-of", "2026-06-30"]);
      expect(validated.code).toBe(1);
      expect(validated.out).toContain(`${sheetRef(name, "A3")}`);

      const output = path.join(dir, "out.xlsx");
      const built = await cli(["build", input, "-o", output, "--as-of", "2026-06-30", "--force"]);
      expect([built.err, built.code]).toEqual(["", 1]);
      const first = await fs.readFile(output);
      const { sheets, formulas } = formulasOf(first);
      expect(sheets.slice(0, 2)).toEqual(["KRAs", name]);
      const referred = formulas.flatMap(namesReferred);
      expect(referred).toContain(name); // the findings sheet's link to K2
      for (const n of referred) expect(sheets).toContain(n);

      const again = path.join(dir, "again.xlsx");
      expect(
        (await cli(["build", output, "-o", again, "--as-of", "2026-06-30", "--force"])).code
      ).toBe(1);
      expect(formulasOf(await fs.readFile(again)).sheets).toEqual(sheets);
    }
  );

  it("quotes a name in a reference whenever Excel would", () => {
    expect(sheetRef("KPIs", "A1")).toBe("KPIs!A1");
    expect(sheetRef("Ana's KPIs", "A1")).toBe("'Ana''s KPIs'!A1");
    for (const name of [
      "R1C1",
      "rc",
      "C3",
      "A1",
      "TRUE",
      "KRAs!2026",
      "  KPI  list  ",
      "Показатели",
    ])
      expect(sheetRef(name, "B2")).toBe(`'${name}'!B2`);
  });
});

describe("sheet names Excel does not allow", () => {
  it("reports each, once, and builds", async () => {
    // "kras" is allowed alone; beside "KRAs" it is a twin.
    for (const name of INVALID_SHEET_NAMES.filter((n) => n !== "kras"))
      expect([name, sheetNameProblem(name)]).not.toEqual([name, null]);
    for (const name of ALLOWED_SHEET_NAMES)
      expect([name, sheetNameProblem(name)]).toEqual([name, null]);
    const input = path.join(dir, "invalid.xlsx");
    await fs.writeFile(
      input,
      packageBytes({
        sheets: [
          ...smallWorkbook(),
          ...INVALID_SHEET_NAMES.map((name) => ({ name, rows: [["x"]] })),
        ],
      })
    );
    const output = path.join(dir, "invalid.out.xlsx");
    const built = await cli(["build", input, "-o", output, "--json", "-", "--force"]);
    expect(built.code).toBe(1);
    const report = JSON.parse(built.out.slice(built.out.indexOf("{")));
    const named = report.findings.filter(
      (f: { rule: string; message: string }) =>
        f.rule === "invalid-value" && f.message.startsWith("The sheet name")
    );
    expect(named.map((f: { sheet: string }) => f.sheet)).toEqual(INVALID_SHEET_NAMES);
  });
});

describe("the name of a generated sheet", () => {
  it("never passes 31 characters, and never collides with another ignoring case", () => {
    const long = "A scorecard with a very long name indeed";
    expect(freeSheetName(long, [])).toHaveLength(31);
    const taken = [long.slice(0, 31).toUpperCase()];
    for (let n = 2; n < 120; n++) {
      const name = freeSheetName(long, taken);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
      taken.push(name);
    }
    expect(freeSheetName("KPI Scorecard", ["kpi scorecard"])).toBe("KPI Scorecard 2");
    // A cut never leaves half of a surrogate pair.
    expect(freeSheetName(`${"x".repeat(30)}😀`, [])).toBe("x".repeat(30));
  });
});
