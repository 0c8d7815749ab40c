/**
 * The generated sheets as a person sees them: rendered to PDF by LibreOffice (formulas
 * recalculated) and to PNG by pdftoppm, written to .tmp/render/ to be looked at. The test checks
 * the pages exist, are landscape, and that the scorecard's first page shows content.
 */
import { execFileSync } from "child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "fs";
import * as path from "path";
import { Output, SAMPLE_WORKBOOK, run } from "../../src/cli/main";
import { convert } from "../support/libreoffice";
import { readFileSync } from "fs";
import { readPackage } from "../../src/adapters/xlsx/read";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planWorkbook } from "../../src/planner";

const OUT = path.resolve(__dirname, "../../.tmp/render");
const quiet: Output = { out: () => undefined, err: () => undefined };

it("renders the scorecard, cascade, findings and dashboard to readable landscape pages", async () => {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (/^page.*\.png$/.test(f)) rmSync(path.join(OUT, f));
  const built = path.join(OUT, "sample.out.xlsx");
  await run(["build", SAMPLE_WORKBOOK, "-o", built], quiet);
  // The whole build: the scorecard's cells are links to the user's sheets, printed with them.
  const analysis = analyzeWorkbook(readPackage(readFileSync(built)).grids);
  const plan = planWorkbook(analysis);
  const pdf = convert(built, "pdf", OUT);
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  // Each owner's block starts a page of its own: at least one page per owner, plus the others.
  expect(pages).toBeGreaterThanOrEqual(analysis.scores.owners.size + 3);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const first = text.split("\f").findIndex((p) => p.includes("KPI Scorecard")) + 1;
  const sizes = execFileSync("pdfinfo", ["-f", String(first), "-l", String(pages), pdf], {
    encoding: "utf8",
  });
  // Every page of the generated sheets is landscape.
  for (const [, w, h] of sizes.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g))
    expect(Number(w)).toBeGreaterThan(Number(h));
  execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(first), pdf, path.join(OUT, "page")]);
  const pngs = readdirSync(OUT).filter((f) => f.startsWith("page") && f.endsWith(".png"));
  expect(pngs).toHaveLength(pages - first + 1);
  // A page with an owner's table compresses far worse than an empty one.
  expect(statSync(path.join(OUT, pngs.sort()[0])).size).toBeGreaterThan(12_000);
  // No formula of the generated sheets computes an error (the sample's own #N/A comes before
  // them, and the Findings sheet quotes it).
  const generated = text
    .split("\f")
    .slice(first - 1)
    .filter((p) => !p.includes("cell-error"));
  expect(generated.join("\f")).not.toMatch(/#(NAME\?|REF!|VALUE!|DIV\/0!|N\/A)/);
  // Every scorecard page is one owner's block, all columns wide: none holds only spilled columns.
  const scorecardPages = text.split("\f").filter((p) => p.includes("KPI Scorecard"));
  const breaks = plan.sheets[0].print?.breaksBefore ?? [];
  expect(scorecardPages).toHaveLength(breaks.length + 1);
  for (const page of scorecardPages) {
    expect(page).toContain("Coverage"); // the header row, repeated on every page
    expect(page).toMatch(/(Unit|Person|Owner): /);
  }
}, 180_000);

it("renders the template landscape, one sheet a page, with percentages where they are meant", async () => {
  const dir = path.join(OUT, "template");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "template.xlsx");
  await run(["template", "-o", file], quiet);
  const pdf = convert(file, "pdf", dir);
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(8);
  const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
  expect(w).toBeGreaterThan(h);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text).toMatch(/Orders on time.*97%/);
  expect(text).not.toMatch(/\b0\.97\b/);
  execFileSync("pdftoppm", ["-png", "-r", "70", pdf, path.join(dir, "page")]);
}, 180_000);
