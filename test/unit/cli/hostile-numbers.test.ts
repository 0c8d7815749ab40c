/**
 * Issue 19, items 3 and 6, through `build`: check-ins summing past 1e308, a target that divides
 * into Infinity, weights beyond ±1e15, an As Of out of Excel's years and a 40,000-character ID.
 * The run finishes with findings at the cells, and no `<v>` of the output holds Infinity or NaN.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Output, run } from "../../../src/cli/main";
import { KPI_HEADER, KRA_HEADER, kpi, kra } from "../../support/workbook";

const quiet: Output = { out: () => undefined, err: () => undefined };

it("build writes no non-finite number and reports each hostile cell", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-hostile-"));
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  };
  add("KRAs", [KRA_HEADER, kra("R1", { weight: 1e300 }), kra("R2"), kra("R3")]);
  add("KPIs", [
    KPI_HEADER,
    kpi("K1", { actual: null }),
    kpi("K2", { kra: "R2", target: 1e-300, actual: 1e15 }),
    kpi("K3", { kra: "R3" }),
    kpi(`K${"9".repeat(40_000)}`, { kra: "R3" }),
  ]);
  add("Actuals", [
    ["KPI ID", "Period", "Actual"],
    ...Array.from({ length: 4 }, () => ["K1", "2026-01", 1e308]),
  ]);
  add("Settings", [
    ["Setting", "Value"],
    ["As Of", "+275760-09-13"],
  ]);
  const input = path.join(dir, "hostile.xlsx");
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "out.xlsx");
  const json = path.join(dir, "report.json");
  expect(await run(["build", input, "-o", out, "--json", json], quiet)).toBe(1);

  const zip = await JSZip.loadAsync(await fs.readFile(out));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async("string");
    expect(xml).not.toMatch(/<v>[^<]*(Infinity|NaN)[^<]*<\/v>/);
    // The 40,000-character ID is cut to fit a cell (a run of 9s, measured without a regular
    // expression that would backtrack over it).
    const longest = (xml.match(/9+/g) ?? []).reduce((m, run) => Math.max(m, run.length), 0);
    expect(longest).toBeLessThan(32_767);
  }
  const report = JSON.parse(await fs.readFile(json, "utf8"));
  const at = (rule: string) =>
    report.findings
      .filter((f: { rule: string }) => f.rule === rule)
      .map((f: { cell: string }) => f.cell);
  expect(at("invalid-number")).toEqual(expect.arrayContaining(["F2", "C2", "F3"]));
  expect(at("invalid-date")).toEqual(["B2"]);
  expect(JSON.stringify(report)).not.toMatch(/Infinity|NaN/);
  await fs.rm(dir, { recursive: true, force: true });
});
