/**
 * The live scorecard as a person sees it (README, "A live scorecard"): the sample built, one
 * check-in typed into the user's own Check-ins sheet, and the scorecard printed by LibreOffice
 * before and after, recalculated. Lucas Silva signs 5 new customers in June instead of 2: his KPI
 * turns green, his KRA passes 100% and his rating goes from 3 to 4, with no rebuild. The pictures
 * are written to .tmp/live/ (the README's come from here).
 */
import { execFileSync } from "child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { readPackage } from "../../src/adapters/xlsx/read";
import { editSheet, writePlan } from "../../src/adapters/xlsx/write";
import { SAMPLE_WORKBOOK } from "../../src/cli/main";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { planWorkbook } from "../../src/planner";
import { convert } from "../support/libreoffice";

const OUT = path.resolve(__dirname, "../../.tmp/live");

/** The first page of a PDF whose text holds `text`, its text, and a PNG of its top part. */
function render(pdf: string, text: string, png: string): string {
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]
  );
  for (let p = 1; p <= pages; p++) {
    const page = execFileSync(
      "pdftotext",
      ["-layout", "-f", String(p), "-l", String(p), pdf, "-"],
      {
        encoding: "utf8",
      }
    );
    if (!page.includes(text)) continue;
    // The block's rows and the header above them, at 150 dpi.
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "150",
      "-f",
      String(p),
      "-l",
      String(p),
      "-x",
      "60",
      "-y",
      "60",
      "-W",
      "1640",
      "-H",
      "200",
      "-singlefile",
      pdf,
      png,
    ]);
    return page;
  }
  throw new Error(`no page with ${text}`);
}

it("moves the scorecard when a check-in is typed into the user's sheet", () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const bytes = readFileSync(SAMPLE_WORKBOOK);
  const built = writePlan(
    readPackage(bytes),
    planWorkbook(analyzeWorkbook(readPackage(bytes).grids))
  ).bytes;
  const before = path.join(OUT, "before.xlsx");
  writeFileSync(before, built);
  // Check-ins!C421 is K-035's June check-in (2): Lucas Silva types 5.
  const after = path.join(OUT, "after.xlsx");
  writeFileSync(
    after,
    editSheet(readPackage(built), {
      sheet: "Check-ins",
      create: false,
      writes: [{ address: "C421", value: 5 }],
    })
  );
  const owner = "Person: Lucas Silva (P06)";
  const was = render(convert(before, "pdf", OUT), owner, path.join(OUT, "live-before"));
  const now = render(convert(after, "pdf", OUT), owner, path.join(OUT, "live-after"));
  const line = (page: string, what: string) =>
    page
      .split("\n")
      .find((l) => l.includes(what))
      ?.replace(/\s+/g, " ") ?? "";
  expect(line(was, "New customers signed")).toMatch(/25 24 .*96\.0% Amber/);
  expect(line(now, "New customers signed")).toMatch(/25 27 .*108\.0% Green/);
  expect(line(was, owner)).toContain("Largely achieved");
  expect(line(now, owner)).toMatch(/100\.2% 4 Achieved/);
}, 180_000);
