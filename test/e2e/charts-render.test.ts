/**
 * Charts as a person sees them: the trends and dashboard sheets of the sample, with their
 * DrawingML charts put in the package, opened and rendered by LibreOffice, then turned to PNG in
 * .tmp/charts/ to be looked at (the README's pictures come from here).
 */
import { execFileSync } from "child_process";
import JSZip from "jszip";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { readPackage } from "../../src/adapters/xlsx/read";
import { writePlan } from "../../src/adapters/xlsx/write";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { dayFromYmd } from "../../src/engine/dates";
import { SAMPLE_WORKBOOK } from "../../src/cli/main";
import { planWorkbook } from "../../src/planner";
import { convert } from "../support/libreoffice";

const OUT = path.resolve(__dirname, "../../.tmp/charts");

it("opens in LibreOffice with the trends and dashboard charts drawn", async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const grids = readPackage(readFileSync(SAMPLE_WORKBOOK)).grids;
  const analysis = analyzeWorkbook(grids, { asOf: dayFromYmd(2026, 9, 30) });
  // The dashboard's counts are formulas over the scorecard, which reads the user's sheets.
  const { bytes } = writePlan(readPackage(readFileSync(SAMPLE_WORKBOOK)), planWorkbook(analysis));
  const file = path.join(OUT, "charts.xlsx");
  writeFileSync(file, bytes);

  // LibreOffice's own save of the file keeps the three charts: it read them as charts.
  const resaved = convert(file, "xlsx", path.join(OUT, "resaved"));
  const zip = await JSZip.loadAsync(readFileSync(resaved));
  expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(
    3
  );

  const pdf = convert(file, "pdf", OUT);
  // The user's sheets print first: the trends sheet's first page is the one with its title.
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]
  );
  const page = Array.from({ length: pages }, (_, i) => i + 1).find((p) =>
    execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], {
      encoding: "utf8",
    }).includes("Trends — scores by period")
  );
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "60",
    "-f",
    String(page),
    "-l",
    String(page),
    pdf,
    path.join(OUT, "trends"),
  ]);
  const pngs = readdirSync(OUT).filter((f) => f.startsWith("trends") && f.endsWith(".png"));
  expect(pngs).toHaveLength(1);
  // Charts are large coloured areas: a page holding them compresses far worse than text alone.
  expect(statSync(path.join(OUT, pngs[0])).size).toBeGreaterThan(30_000);
}, 180_000);
