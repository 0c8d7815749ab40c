/** `validate --explain` (SPEC 2.2) and Settings corrections honoured by the command line. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { SAMPLE_WORKBOOK, run } from "../../../src/cli/main";
import { capture } from "../../support/cli-output";
import { parseArgs } from "../../../src/cli/args";
import { LAYOUT_DIR } from "../../support/layout-fixtures";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-explain-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("validate --explain", () => {
  it("is a flag of validate", () => {
    expect(parseArgs(["validate", "x.xlsx", "--explain"]).explain).toBe(true);
    expect(parseArgs(["validate", "x.xlsx"]).explain).toBe(false);
  });

  it("shows a real-shaped workbook's header rows, columns, rows and what was derived", async () => {
    const io = capture();
    const file = path.join(LAYOUT_DIR, "quarterly-scorecard.xlsx");
    expect(await run(["validate", file, "--explain", "--as-of", "2026-06-30"], io)).toBe(0);
    const text = io.stdout.slice(io.stdout.indexOf("How the workbook was read:"));
    expect(text).toContain('Sheet "Scorecard": KPIs, own layout');
    expect(text).toContain("header rows: 3–4");
    expect(text).toContain("A KPI name · B owner · C Q1 target · E Q1 actual");
    expect(text).toContain('ignored: D "Q1 Forecast"');
    expect(text).toContain(
      "rows: 5 section: KRA of the rows below; 6–7 data; 8 section: KRA of the rows below; 9–10 data; 11–12 footnote (skipped)"
    );
    expect(text).toContain("derived: KRAs from the section rows");
    expect(text).toContain('year from title "Quarterly Scorecard FY26"');
    expect(text).toContain("gave 4 KPIs and 8 check-ins");
  });

  it("shows the template's sheets as read by header, and nothing without the flag", async () => {
    const io = capture();
    await run(["validate", SAMPLE_WORKBOOK, "--explain"], io);
    expect(io.stdout).toMatch(
      /Sheet "KPIs": KPIs, template format\n {2}header row: 3\n {2}columns: A KPI ID · B KRA ID · C KPI/
    );
    const plain = capture();
    await run(["validate", SAMPLE_WORKBOOK], plain);
    expect(plain.stdout).not.toContain("How the workbook was read");
  });

  it("honours a Layout row saved in the workbook's Settings", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ana Alvarez");
    ws.addRows([
      ["KPI", "Target", "Actual", "KRA"],
      ["Calls", 10, 9, "Sales"],
    ]);
    wb.addWorksheet("Settings").addRows([
      ["Setting", "Value"],
      ["Layout Ana Alvarez", "kpis; owner from sheet name"],
    ]);
    const file = path.join(dir, "layout.xlsx");
    await wb.xlsx.writeFile(file);
    const io = capture();
    await run(["validate", file, "--explain", "--json", path.join(dir, "r.json")], io);
    expect(io.stdout).toContain('derived: owner "Ana Alvarez" from the sheet name');
    const report = JSON.parse(await fs.readFile(path.join(dir, "r.json"), "utf8"));
    expect(report.kpis.map((k: { id: string }) => k.id)).toEqual(["Ana Alvarez / Calls"]);
  });
});
