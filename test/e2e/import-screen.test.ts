/**
 * The import screen in Chromium (file mode): a real-shaped workbook opens with no Settings row,
 * its sheet reading shows columns labelled and skipped rows greyed, and a correction saved there
 * comes back in the downloaded workbook, where the command line honours it. Screenshots land in
 * .tmp/screens/ to be looked at.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync } from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { browserAvailable, launchChromium, routeOfficeCdn, serveDist } from "../support/browser";
import { LAYOUT_DIR } from "../support/layout-fixtures";

const SCREENS = path.join(__dirname, "..", "..", ".tmp", "screens");
const CLI = path.join(__dirname, "..", "..", "bin", "kpi-cascade.js");
const itBrowser = browserAvailable() ? it : it.skip;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
const work = mkdtempSync(path.join(os.tmpdir(), "kpi-import-"));

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

itBrowser(
  "shows each sheet as read and saves a correction the command line honours",
  async () => {
    page = await browser.newPage({ viewport: { width: 360, height: 900 }, acceptDownloads: true });
    await routeOfficeCdn(page);
    await page.goto(`${server.url}/taskpane.html`);
    await page.setInputFiles(
      'input[type="file"]',
      path.join(LAYOUT_DIR, "kra-merged-appraisal.xlsx")
    );
    await page.getByTestId("org-score").waitFor();
    await page.getByRole("tab", { name: "Mapping" }).click();
    const sheet = page.getByRole("region", { name: "Appraisal reading" });
    await sheet.getByText(/Read as KPIs \(own layout\), header row 5: 6 KPIs/).waitFor();
    const preview = sheet.getByRole("table", { name: "Preview of Appraisal" });
    await preview.getByRole("columnheader", { name: "C: KPI name" }).waitFor();
    // The merged KRA cells read once, on their first row; titles and the Total row are greyed.
    const total = preview.locator('tr[data-kind="total"]');
    expect(await total.count()).toBe(1);
    expect(await preview.locator('tr[data-kind="title"]').count()).toBe(4);
    await page.screenshot({ path: path.join(SCREENS, "08-import.png"), fullPage: true });
    // The controls fit the pane; only the preview table scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360
    );

    await sheet.getByLabel("Owner from the sheet name").check();
    await page.getByRole("button", { name: "Save 1 mapping" }).click();
    await page.getByRole("button", { name: "No changes to save" }).waitFor();
    await page
      .getByRole("region", { name: "Appraisal reading" })
      .getByText('owner "Appraisal" from the sheet name')
      .waitFor();
    await page.screenshot({ path: path.join(SCREENS, "09-import-corrected.png"), fullPage: true });

    await page.getByRole("tab", { name: "Build" }).click();
    await page.getByRole("button", { name: "Build scorecards" }).click();
    await page.getByText(/^Wrote KPI Scorecard/).waitFor();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the workbook" }).last().click(),
    ]);
    const saved = path.join(work, "corrected.xlsx");
    await file.saveAs(saved);
    const json = execFileSync(
      "node",
      [CLI, "validate", saved, "--as-of", "2026-06-30", "--json", "-"],
      {
        encoding: "utf8",
      }
    );
    const report = JSON.parse(json);
    expect(report.kpis.map((k: { id: string }) => k.id)).toContain("Appraisal / Training hours");
  },
  180_000
);
