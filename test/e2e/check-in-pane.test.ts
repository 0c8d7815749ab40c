/**
 * The pane's check-in cycle in Chromium, on the production build, in file mode (issue 14): the
 * sample before June is opened; "Prepare check-in files" downloads a zip of the files; one is
 * filled in and picked with "Collect returned files"; the summary is shown before anything is
 * written; "Add" writes, and the downloaded workbook holds the new check-in with its Source.
 * Screenshots in .tmp/screens/.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { mkdtempSync } from "fs";
import { unzipSync } from "fflate";
import { Browser, Page } from "playwright-core";
import { readWorkbookInput } from "../../src/adapters/workbook-input";
import { sampleMaster } from "../support/check-in-files";
import { typeInto } from "../support/type-into";
import { browserAvailable, launchChromium, routeOfficeCdn, serveDist } from "../support/browser";

const SCREENS = path.join(__dirname, "..", "..", ".tmp", "screens");
const itBrowser = browserAvailable() ? it : it.skip;
const work = mkdtempSync(path.join(os.tmpdir(), "kpi-pane-checkins-"));

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

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

async function saved(page: Page, click: () => Promise<void>, name: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = path.join(work, name);
  await download.saveAs(file);
  return readFileSync(file);
}

itBrowser(
  "prepares the check-in files and collects a returned one, showing it before writing",
  async () => {
    const master = path.join(work, "sample-company-before-june.xlsx");
    writeFileSync(master, await sampleMaster());
    const page = await browser.newPage({
      viewport: { width: 360, height: 900 },
      acceptDownloads: true,
    });
    await routeOfficeCdn(page);
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Open a workbook" }).waitFor();
    await page.setInputFiles('input[aria-label="Workbook file"]', master);
    await page.getByTestId("org-score").waitFor();
    await page.getByRole("tab", { name: "Build" }).click();

    const zip = unzipSync(
      await saved(
        page,
        () => page.getByRole("button", { name: "Prepare check-in files" }).click(),
        "check-ins.zip"
      )
    );
    await page.getByText(/^12 files with 91 check-ins to fill, as of 2026-06-30/).waitFor();
    expect(Object.keys(zip)).toHaveLength(13);
    await page.getByRole("region", { name: "Prepare check-in files" }).screenshot({
      path: path.join(SCREENS, "check-ins-prepared.png"),
    });

    const emma = path.join(work, "Emma - June.xlsx");
    writeFileSync(emma, typeInto(zip["P07 Emma Walsh.xlsx"], { J8: 0.97, J9: "lots" }));
    await page.setInputFiles('input[aria-label="Returned check-in files"]', emma);
    await page
      .getByText(
        "1 check-in to add to Check-ins (row 873), each with the file and cell it came from."
      )
      .waitFor();
    await page.getByText(/invalid-number/).waitFor();
    await page.getByRole("region", { name: "Collect returned files" }).screenshot({
      path: path.join(SCREENS, "check-ins-collect-preview.png"),
    });

    await page.getByRole("button", { name: "Add 1 check-in and the chase list" }).click();
    await page
      .getByText(/^Added 1 check-in, each with its Source, and wrote KPI Chase List/)
      .waitFor();
    const merged = await saved(
      page,
      () => page.getByRole("button", { name: "Download the workbook" }).last().click(),
      "merged.xlsx"
    );
    const sheets = readWorkbookInput(merged, "merged.xlsx")?.grids.sheets ?? [];
    const rows = sheets.find((s) => s.name === "Check-ins")?.rows ?? [];
    expect(rows[rows.length - 1]).toEqual([
      "K-040",
      "Jun 2026",
      0.97,
      undefined,
      "Emma - June.xlsx, Check-ins!J8",
    ]);
    expect(sheets.map((s) => s.name)).toContain("KPI Chase List");
  },
  180_000
);
