/**
 * The generated sheets as a person sees them: rendered to PDF by LibreOffice (formulas
 * recalculated) and to PNG by pdftoppm, written to .tmp/render/ to be looked at. The test checks
 * the pages exist, are landscape, and that the scorecard's first page shows content.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdirSync, readdirSync, statSync } from "fs";
import * as path from "path";
import { Output, SAMPLE_WORKBOOK, run } from "../../src/cli/main";
import { convert } from "../support/libreoffice";

const OUT = path.resolve(__dirname, "../../.tmp/render");
const quiet: Output = { out: () => undefined, err: () => undefined };

it("renders the scorecard, cascade, findings and dashboard to readable landscape pages", async () => {
  mkdirSync(OUT, { recursive: true });
  const built = path.join(OUT, "sample.out.xlsx");
  await run(["build", SAMPLE_WORKBOOK, "-o", built], quiet);
  // Only the generated sheets: the user's 950 check-ins would be twenty pages of numbers.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(built);
  for (const ws of [...wb.worksheets]) if (!ws.name.startsWith("KPI ")) wb.removeWorksheet(ws.id);
  const generated = path.join(OUT, "generated.xlsx");
  await wb.xlsx.writeFile(generated);
  const pdf = convert(generated, "pdf", OUT);
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(4);
  const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
  expect(w).toBeGreaterThan(h);
  execFileSync("pdftoppm", ["-png", "-r", "70", pdf, path.join(OUT, "page")]);
  const pngs = readdirSync(OUT).filter((f) => f.startsWith("page") && f.endsWith(".png"));
  expect(pngs).toHaveLength(pages);
  // A page with a full table compresses far worse than an empty one.
  expect(statSync(path.join(OUT, pngs.sort()[0])).size).toBeGreaterThan(40_000);
}, 180_000);
