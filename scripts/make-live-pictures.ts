/**
 * The README's pictures of a live scorecard (docs/images/live-before.png and live-after.png): the
 * sample built, then one check-in typed into the user's own Check-ins sheet by script — Lucas
 * Silva's latest count of new customers signed (K-035, June: 2) becomes 5 — and his block of
 * the scorecard printed by LibreOffice, every formula recalculated, before and after. No rebuild
 * in between: the scorecard moves because its formulas read the Check-ins sheet.
 *
 * `npm run pictures:live` writes them into docs/images/; test/e2e/live-pictures.test.ts makes
 * them in .tmp/ and checks what moved.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { readPackage } from "../src/adapters/xlsx/read";
import { editSheet, writePlan } from "../src/adapters/xlsx/write";
import { SAMPLE_WORKBOOK } from "../src/cli/main";
import { a1 } from "../src/engine/address";
import { analyzeWorkbook } from "../src/engine/analyze";
import { CellValue, WorkbookGrids } from "../src/engine/grid";
import { planWorkbook } from "../src/planner";
import { convert } from "../test/support/libreoffice";

export const EDITED_KPI = "K-035";
export const EDITED_VALUE = 5;
/** The owner row that heads the block the pictures show. */
export const OWNER_LINE = "Person: Lucas Silva (P06)";
const CHECK_INS = "Check-ins";

/** The A1 address of a KPI's last check-in's value on the Check-ins sheet (the latest period). */
export function lastCheckInCell(grids: WorkbookGrids, kpi: string): string {
  const rows = (grids.sheets.find((g) => g.name === CHECK_INS)?.rows ?? []) as CellValue[][];
  const actual = rows[0]?.indexOf("Actual") ?? -1;
  const last = rows.map((r) => r[0]).lastIndexOf(kpi);
  if (actual < 0 || last < 0) throw new Error(`${CHECK_INS} has no check-in of ${kpi}`);
  return a1(last, actual);
}

/**
 * The first page of a PDF whose text holds `text`: its text, and a PNG of its top (the header row
 * and the block's rows, which fit in the first 200 pixels at 150 dpi) written to `png`.png.
 */
function render(pdf: string, text: string, png: string): string {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  for (let p = 1; p <= pages; p++) {
    const page = String(p);
    const words = execFileSync("pdftotext", ["-layout", "-f", page, "-l", page, pdf, "-"], {
      encoding: "utf8",
    });
    if (!words.includes(text)) continue;
    const crop = ["-x", "60", "-y", "60", "-W", "1640", "-H", "200"];
    execFileSync(
      "pdftoppm",
      ["-png", "-r", "150", "-f", page, "-l", page, ...crop].concat(["-singlefile", pdf, png])
    );
    return words;
  }
  throw new Error(`no page of ${pdf} holds ${text}`);
}

export interface LivePictures {
  /** The edited cell, and each picture's page as text. */
  cell: string;
  before: string;
  after: string;
}

/** Builds the sample, edits one check-in, writes live-before.png and live-after.png into `dir`. */
export function makeLivePictures(dir: string): LivePictures {
  mkdirSync(dir, { recursive: true });
  // The workbooks and their PDFs go to a folder of their own, the pictures alone into `dir`.
  const work = mkdtempSync(path.join(os.tmpdir(), "kpi-live-pictures-"));
  const input = readPackage(readFileSync(SAMPLE_WORKBOOK));
  const built = writePlan(input, planWorkbook(analyzeWorkbook(input.grids))).bytes;
  const cell = lastCheckInCell(input.grids, EDITED_KPI);
  const before = path.join(work, "live-before.xlsx");
  const after = path.join(work, "live-after.xlsx");
  writeFileSync(before, built);
  writeFileSync(
    after,
    editSheet(readPackage(built), {
      sheet: CHECK_INS,
      create: false,
      writes: [{ address: cell, value: EDITED_VALUE }],
    })
  );
  const pictures = {
    cell,
    before: render(convert(before, "pdf", work), OWNER_LINE, path.join(dir, "live-before")),
    after: render(convert(after, "pdf", work), OWNER_LINE, path.join(dir, "live-after")),
  };
  rmSync(work, { recursive: true, force: true });
  return pictures;
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "..", "docs", "images"));
  const { cell } = makeLivePictures(dir);
  process.stdout.write(
    `${CHECK_INS}!${cell} (${EDITED_KPI}) typed as ${EDITED_VALUE}: wrote ${path.join(dir, "live-before.png")} and live-after.png\n`
  );
}
