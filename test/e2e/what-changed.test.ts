/**
 * "What changed" in Chromium (file mode): the sample built by the command line, then edited as an
 * analyst would (a check-in corrected, a target revised), opens in the pane, which shows the
 * movements since the build with the changes behind them — what `kpi-cascade diff <built.xlsx>`
 * prints — and, once built again in the pane, that nothing has changed since. Screenshots land in
 * .tmp/screens/ to be looked at.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { readPackage } from "../../src/adapters/xlsx/read";
import { editSheet } from "../../src/adapters/xlsx/write";
import { SAMPLE_WORKBOOK } from "../../src/cli/main";
import { SheetGrid } from "../../src/engine/grid";
import { writeSheetData } from "../../src/synthetic/write-xlsx";
import { KPI_HEADER, KRA_HEADER, kpi, kra } from "../support/workbook";
import { browserAvailable, launchChromium, routeOfficeCdn, serveDist } from "../support/browser";

const SCREENS = path.join(__dirname, "..", "..", ".tmp", "screens");
const CLI = path.join(__dirname, "..", "..", "bin", "kpi-cascade.js");
const itBrowser = browserAvailable() ? it : it.skip;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
const work = mkdtempSync(path.join(os.tmpdir(), "kpi-changed-"));

beforeAll(async () => {
  if (!browserAvailable()) return;
  mkdirSync(SCREENS, { recursive: true });
  server = await serveDist();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The sample built, then edited: returns the edited file and what was changed. */
function builtAndEdited(): { file: string; kpi: string; from: number; to: number } {
  const built = path.join(work, "built.xlsx");
  const run = spawnSync("node", [CLI, "build", SAMPLE_WORKBOOK, "-o", built], { encoding: "utf8" });
  expect(run.status).toBe(1); // the sample's deliberate errors
  const reading = readPackage(readFileSync(built));
  const checkIns = reading.grids.sheets.find((s) => s.name === "Check-ins") as SheetGrid;
  // The last check-in of June 2026: its value goes up by half.
  let row = checkIns.rows.length - 1;
  while (
    row > 0 &&
    !(
      typeof checkIns.rows[row][2] === "number" &&
      /2026-06|Jun.*2026/.test(String(checkIns.rows[row][1]))
    )
  )
    row--;
  const [kpi, , from] = checkIns.rows[row] as [string, unknown, number];
  const to = Math.round(from * 1.5);
  const bytes = editSheet(reading, {
    sheet: "Check-ins",
    create: false,
    writes: [{ address: `C${row + 1 + (checkIns.rowOffset ?? 0)}`, value: to }],
  });
  const file = path.join(work, "edited.xlsx");
  writeFileSync(file, bytes);
  return { file, kpi, from, to };
}

itBrowser(
  "shows the scores that moved since the last build, and the changes behind them",
  async () => {
    const { file, kpi, from, to } = builtAndEdited();
    const cli = spawnSync("node", [CLI, "diff", file], { encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain("1 change,");

    page = await browser.newPage({ viewport: { width: 360, height: 900 }, acceptDownloads: true });
    await routeOfficeCdn(page);
    await page.goto(`${server.url}/taskpane.html`);
    await page.setInputFiles('input[type="file"]', file);
    await page.getByTestId("org-score").waitFor();
    await page.getByRole("tab", { name: "What changed" }).click();
    await page.getByRole("heading", { name: "Since the last build" }).waitFor();
    await page.getByText("1 change", { exact: true }).waitFor();
    const list = page.getByTestId("movements-list");
    const first = list.getByRole("button").first();
    const line = `Check-in for KPI ${kpi}, period ending`;
    expect(await first.getAttribute("aria-label")).toContain(`edited: ${from} → ${to}`);
    expect(await list.getByRole("button").count()).toBe(
      (cli.stdout.match(/^ {2}(Owner|KRA|KPI) /gm) ?? []).length
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360
    );
    await page.screenshot({ path: path.join(SCREENS, "20-what-changed.png"), fullPage: true });

    await list
      .getByRole("button", { name: /^Owner / })
      .first()
      .click();
    const detail = page.getByTestId("movement-detail");
    await detail.getByText(line).waitFor();
    await page.screenshot({
      path: path.join(SCREENS, "21-what-changed-detail.png"),
      fullPage: true,
    });

    // Built again in the pane (fflate's deflate and inflate in the worker), nothing has moved.
    await page.getByRole("tab", { name: "Build" }).click();
    await page.getByRole("button", { name: "Build scorecards" }).click();
    await page.getByText(/^Wrote KPI Scorecard/).waitFor();
    expect(await page.getByText(/Last Build/).count()).toBe(0);
    await page.getByRole("tab", { name: "What changed" }).click();
    await page
      .getByText("Nothing changed since the last build: every score is as it was.")
      .waitFor();
    await page.screenshot({ path: path.join(SCREENS, "22-nothing-changed.png"), fullPage: true });
  },
  180_000
);

itBrowser(
  "shows a flood of duplicate IDs as one finding with the count, and opens it",
  async () => {
    const file = path.join(work, "flood.xlsx");
    await writeSheetData(
      [
        { name: "KRAs", header: KRA_HEADER, rows: [kra("R1", { owner: "P1" })] },
        {
          name: "KPIs",
          header: KPI_HEADER,
          rows: [kpi("K0"), ...Array.from({ length: 300 }, () => kpi("K1"))],
        },
      ],
      file
    );
    page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    await routeOfficeCdn(page);
    await page.goto(`${server.url}/taskpane.html`);
    await page.setInputFiles('input[type="file"]', file);
    await page.getByTestId("org-score").waitFor();
    await page.getByRole("tab", { name: "Findings" }).click();
    const list = page.getByTestId("findings-list");
    const flood = list.getByRole("button", {
      name: /duplicate-id: .* — and 298 more like it in KPIs!A4:A302\. Show all 299\.$/,
    });
    await flood.waitFor();
    await page.screenshot({ path: path.join(SCREENS, "23-findings-flood.png"), fullPage: true });
    await flood.click();
    await list.getByRole("button", { name: /^KPIs!A5, duplicate-id/ }).waitFor();
    await page.screenshot({
      path: path.join(SCREENS, "24-findings-flood-open.png"),
      fullPage: true,
    });
  },
  120_000
);
