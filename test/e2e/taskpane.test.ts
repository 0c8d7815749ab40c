/**
 * The task pane in Chromium, in file mode (outside Office): open the sample workbook, see the
 * findings, click one, look at the model, build the scorecards and download them, insert a
 * template, map a sheet and its columns, change a setting — checking each downloaded file with
 * ExcelJS and the command line. Screenshots of every step land in .tmp/screens/ to be looked at.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { SAMPLE_WORKBOOK } from "../../src/cli/main";
import { bigOrganisation } from "../../src/synthetic/big-org";
import { writeSheetData } from "../../src/synthetic/write-xlsx";
import { browserAvailable, launchChromium, routeOfficeCdn, serveDist } from "../support/browser";
import { convert, sofficeAvailable } from "../support/libreoffice";

const SCREENS = path.join(__dirname, "..", "..", ".tmp", "screens");
const CLI = path.join(__dirname, "..", "..", "bin", "kpi-cascade.js");
const itBrowser = browserAvailable() ? it : it.skip;
if (!browserAvailable() && process.env.CI)
  throw new Error(
    "Chromium or dist/ is missing: .ci/run installs chromium and runs npm run build first."
  );

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
const work = mkdtempSync(path.join(os.tmpdir(), "kpi-pane-"));

async function shot(name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage });
}

async function openPane(width = 360): Promise<void> {
  page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  await routeOfficeCdn(page);
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("button", { name: "Open a workbook" }).waitFor();
}

async function openFile(file: string): Promise<number> {
  const started = Date.now();
  await page.setInputFiles('input[type="file"]', file);
  await page.getByTestId("org-score").waitFor();
  return Date.now() - started;
}

async function download(button: string, name: string): Promise<ExcelJS.Workbook> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).last().click(),
  ]);
  const saved = path.join(work, name);
  await file.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  return wb;
}

/** Every sheet of the sample comes back cell for cell. */
async function expectUserSheetsUnchanged(written: ExcelJS.Workbook): Promise<void> {
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(SAMPLE_WORKBOOK);
  for (const ws of original.worksheets) {
    const copy = written.getWorksheet(ws.name) as ExcelJS.Worksheet;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => expect(copy.getCell(r, c).value).toEqual(cell.value))
    );
  }
}

const tab = (name: string) => page.getByRole("tab", { name }).click();

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

describe("the task pane in a browser", () => {
  /** Milliseconds from navigation start until `text` shows, in the page's own clock (0 while blank). */
  async function shownAfter(p: Page, text: string): Promise<number> {
    const handle = await p.waitForFunction(
      (t) => (document.body?.innerText.includes(t) ? performance.now() : 0),
      text,
      { timeout: 10_000 }
    );
    return (await handle.jsonValue()) as number;
  }

  itBrowser(
    "shows the pane within a second while the Office CDN hangs",
    async () => {
      const p = await browser.newPage({ viewport: { width: 360, height: 900 } });
      // The proxy that drops the connection: office.js is requested and never answered.
      await p.route("https://appsforoffice.microsoft.com/**", () => undefined);
      const officeRequested = p.waitForRequest(/appsforoffice\.microsoft\.com\/.*office\.js/);
      await p.goto(`${server.url}/taskpane.html`, { waitUntil: "commit" });
      const ms = await shownAfter(p, "Open a workbook");
      await officeRequested;
      writeFileSync(path.join(SCREENS, "..", "pane-cdn-hang-ms.json"), JSON.stringify({ ms }));
      expect(ms).toBeLessThan(1000);
      // Opened by Office (its _host_Info in the URL), the pane says it is connecting meanwhile.
      await p.goto(`${server.url}/taskpane.html?_host_Info=Excel$Win32$16.01$en-US$$$$0`, {
        waitUntil: "commit",
      });
      expect(await shownAfter(p, "Connecting to Excel")).toBeLessThan(1000);
      await p.close();
    },
    30_000
  );

  itBrowser(
    "opens the sample, shows findings and the model, builds and downloads the scorecards",
    async () => {
      await openPane();
      await shot("01-open");
      const ms = await openFile(SAMPLE_WORKBOOK);
      writeFileSync(path.join(SCREENS, "..", "pane-open-ms.json"), JSON.stringify({ ms }));
      await page.getByText("5 errors").waitFor();
      expect(await page.getByTestId("org-score").innerText()).toMatch(/^\d+\.\d%$/);
      await shot("02-overview");

      await tab("Findings");
      const finding = page.getByRole("button", { name: /^KPIs!A47, duplicate-id/ });
      await finding.click();
      const preview = page.getByTestId("row-preview");
      await preview.waitFor();
      expect(await preview.innerText()).toContain("Row 47 of KPIs");
      expect(await preview.innerText()).toContain("K-042");
      await page.getByLabel("Rule").selectOption("cell-error");
      expect(await page.getByRole("button", { name: /, cell-error:/ }).count()).toBe(1);
      expect(await page.getByRole("button", { name: /, duplicate-id:/ }).count()).toBe(0);
      await page.getByLabel("Rule").selectOption("");
      await shot("03-findings");
      await shot("03-findings-top", false);

      await tab("Model");
      await page.getByRole("treeitem", { name: /^Goal .*\(G1\)/ }).waitFor();
      await page
        .getByRole("treeitem", { name: /^Objective .*\(O1\)/ })
        .first()
        .click();
      await shot("04-model");

      await tab("Build");
      await page.getByRole("button", { name: "Build scorecards" }).click();
      // The hidden sheets (the last build's figures, the live scorecard's helper) go unnamed.
      await page
        .getByText(/^Wrote KPI Scorecard, KPI Cascade, KPI Findings, KPI Dashboard, KPI Trends in/)
        .waitFor();
      await shot("05-built");
      const built = await download("Download the workbook", "built.xlsx");
      // Chromium's own deflater wrote the sheets: the zip tests clean and LibreOffice opens it.
      const builtFile = path.join(work, "built.xlsx");
      expect(execFileSync("unzip", ["-tq", builtFile]).toString()).toMatch(/No errors detected/);
      if (sofficeAvailable()) {
        const reopened = new ExcelJS.Workbook();
        await reopened.xlsx.readFile(
          convert(builtFile, "xlsx", mkdtempSync(path.join(work, "lo-")))
        );
        expect(reopened.getWorksheet("KPI Scorecard")?.rowCount).toBeGreaterThan(10);
      }
      const original = new ExcelJS.Workbook();
      await original.xlsx.readFile(SAMPLE_WORKBOOK);
      const names = built.worksheets.map((w) => w.name);
      expect(names).toEqual([
        ...original.worksheets.map((w) => w.name),
        "KPI Scorecard",
        "KPI Cascade",
        "KPI Findings",
        "KPI Dashboard",
        "KPI Trends",
        "KPI Last Build",
        "KPI Periods",
      ]);
      expect(built.getWorksheet("KPI Last Build")?.state).toBe("hidden");
      // The live scorecard's helper sheet is there, hidden.
      expect(built.getWorksheet("KPI Periods")?.state).toBe("hidden");
      await expectUserSheetsUnchanged(built);
      const scorecard = built.getWorksheet("KPI Scorecard") as ExcelJS.Worksheet;
      let formulas = 0;
      scorecard.eachRow((row) => row.eachCell((cell) => (formulas += cell.formula ? 1 : 0)));
      expect(formulas).toBeGreaterThan(200);

      // Building again replaces the generated sheets instead of adding "KPI Scorecard 2".
      await page.getByRole("button", { name: "Build scorecards" }).click();
      await page.getByText(/^Wrote KPI Scorecard, KPI Cascade/).waitFor();
      const rebuilt = await download("Download the workbook", "rebuilt.xlsx");
      expect(rebuilt.worksheets.map((w) => w.name)).toEqual(names);
      await page.close();
    },
    120_000
  );

  itBrowser(
    "inserts template sheets beside the user's own",
    async () => {
      await openPane();
      await openFile(SAMPLE_WORKBOOK);
      await tab("Build");
      await page.getByRole("checkbox", { name: "KPIs (you have one)" }).check();
      await page.getByRole("button", { name: "Insert template" }).click();
      await page.getByText("Added KPIs 2. Your own sheets were not changed.").waitFor();
      await shot("06-template");
      const wb = await download("Download the workbook", "template.xlsx");
      const sheet = wb.getWorksheet("KPIs 2") as ExcelJS.Worksheet;
      expect(sheet).toBeDefined();
      expect(Object.keys((sheet as unknown as { tables: object }).tables)).toEqual(["tblKPIs"]);
      await expectUserSheetsUnchanged(wb);
      await page.close();
    },
    120_000
  );

  itBrowser(
    "maps a sheet and its columns into Settings, which the command line then honours",
    async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("KRAs").addRows([
        ["KRA ID", "KRA", "Owner", "Weight"],
        ["R1", "Revenue", "U1", 100],
      ]);
      wb.addWorksheet("Scores").addRows([
        ["Code", "KRA ID", "KPI", "Aim", "Actual"],
        ["K1", "R1", "Net revenue", 100, 95],
      ]);
      wb.addWorksheet("Org").addRows([
        ["Unit ID", "Unit Name"],
        ["U1", "Company"],
      ]);
      const file = path.join(work, "unmapped.xlsx");
      await wb.xlsx.writeFile(file);

      await openPane(320);
      await openFile(file);
      await page.getByText("1 error", { exact: true }).waitFor();
      const badgeColour = (text: string) =>
        page
          .getByText(text, { exact: true })
          .evaluate((el) => getComputedStyle(el).backgroundColor);
      const red = await badgeColour("1 error");
      await tab("Mapping");
      await page.getByLabel("Sheet holding KPIs").selectOption("Scores");
      await page.getByRole("button", { name: "Save 1 mapping" }).click();
      await page.getByLabel("KPI ID *").waitFor();
      await page.getByLabel("KPI ID *").selectOption("Code");
      await page.getByLabel("Target *").selectOption("Aim");
      await shot("07-mapping");
      await page.getByRole("button", { name: "Save 2 mappings" }).click();
      await page.getByRole("button", { name: "No changes to save" }).waitFor();
      await tab("Overview");
      await page.getByText("0 errors").waitFor();
      // No errors is good news: the badge is no longer red.
      expect(await badgeColour("0 errors")).not.toBe(red);

      await tab("Settings");
      await page.getByLabel("Cap").fill("abc");
      await page.getByText(/^Setting "Cap" is "abc", which is not a number/).waitFor();
      expect(
        await page.getByRole("button", { name: "Correct 1 setting to save" }).isDisabled()
      ).toBe(true);
      await shot("08-settings-invalid", false);
      await page.getByLabel("Cap").fill("1.5");
      await page.getByRole("button", { name: "Save 1 setting" }).click();
      await page.getByRole("button", { name: "No changes to save" }).waitFor();
      await shot("08-settings");
      // The pane keeps no horizontal scroll bar at 320 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320
      );

      await tab("Build");
      await page.getByRole("button", { name: "Build scorecards" }).click();
      await page.getByText(/^Wrote KPI Scorecard/).waitFor();
      const saved = await download("Download the workbook", "mapped.xlsx");
      const settings = saved.getWorksheet("Settings") as ExcelJS.Worksheet;
      const rows: unknown[][] = [];
      settings.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows).toEqual([
        ["Setting", "Value"],
        ["Sheet KPIs", "Scores"],
        ["Column KPIs.KPI ID", "Code"],
        ["Column KPIs.Target", "Aim"],
        ["Cap", 1.5],
      ]);
      const report = JSON.parse(
        execFileSync(
          process.execPath,
          [CLI, "validate", path.join(work, "mapped.xlsx"), "--json", "-"],
          {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "ignore"],
          }
        )
      );
      expect(report.counts.kpis).toBe(1);
      expect(report.kpis[0]).toMatchObject({ id: "K1", target: 100, attainment: 0.95 });
      await page.close();
    },
    120_000
  );

  itBrowser(
    "opens 1,000 people with progress, draws long lists a window at a time, and searches them",
    async () => {
      const file = path.join(work, "org-1000.xlsx");
      await writeSheetData(bigOrganisation(1000), file);
      await openPane();
      await page.setInputFiles('input[type="file"]', file);
      await page.getByRole("progressbar").waitFor();
      expect(await page.getByText(/^[A-Z][a-z ]+… \d+%$/).innerText()).toMatch(/%$/);
      await shot("10-progress", false);
      await page.getByTestId("org-score").waitFor({ timeout: 120_000 });
      // Focus is on the first tab, where a keyboard user carries on.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Overview");

      await tab("Model");
      const objective = page.getByRole("treeitem", { name: /^Objective / }).first();
      await objective.click();
      await page.getByRole("treeitem", { name: /^KRA / }).first().waitFor();
      const drawn = await page.getByRole("treeitem").count();
      expect(drawn).toBeLessThan(60);
      await page.getByRole("treeitem", { name: /^KRA / }).first().focus();
      await page.keyboard.press("End");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(
        /^(KRA|Goal|Objective|Unlinked) /
      );
      await shot("11-long-list", false);

      await page.getByRole("searchbox").fill("Person 12");
      const matches = page.getByRole("list", { name: "Matches in the cascade" });
      await matches.waitFor();
      expect(await matches.getByRole("listitem").first().getAttribute("aria-label")).toMatch(
        /owner Person 12\d* \(P12\d*\)/
      );
      await shot("12-search", false);
      await tab("Findings");
      expect(await page.getByRole("searchbox").inputValue()).toBe("Person 12");
      await page.close();
    },
    240_000
  );

  itBrowser(
    "works from the keyboard alone and follows a dark colour scheme",
    async () => {
      page = await browser.newPage({ viewport: { width: 320, height: 800 }, colorScheme: "dark" });
      await routeOfficeCdn(page);
      await page.goto(`${server.url}/taskpane.html`);
      await page.setInputFiles('input[type="file"]', SAMPLE_WORKBOOK);
      await page.getByText("5 errors").waitFor();
      const background = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor
      );
      expect(background).not.toBe("rgb(255, 255, 255)");
      // Tab into the tab list, move to Findings with the arrow keys, open the first finding.
      await page.getByRole("tab", { name: "Overview" }).focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: /^Errors/ }).waitFor();
      // From the tab: the search box, the Rule filter, the Sheet filter, then the first finding.
      for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
      expect(focused).toMatch(/^KPIs!A47, duplicate-id/);
      await page.keyboard.press("Enter");
      await page.getByTestId("row-preview").waitFor();
      await shot("09-dark-keyboard");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320
      );
      await page.close();
    },
    120_000
  );
});
