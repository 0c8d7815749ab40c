/**
 * The task pane's figures: its initial JavaScript gzipped (the scripts taskpane.html loads,
 * office.js excluded, ExcelJS's chunk not among them), and in Chromium, in file mode, the time
 * from giving the pane the sample workbook to its findings on screen, and at the scale of a big
 * organisation the times to open and to build and the longest main-thread task meanwhile.
 *
 * `node lib/bench/taskpane.js [1000,5000]` prints the big-organisation figures alone.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { SAMPLE_WORKBOOK, packageRoot } from "../src/cli/main";
import { bigOrganisation } from "../src/synthetic/big-org";
import { writeSheetData } from "../src/synthetic/write-xlsx";
import {
  browserAvailable,
  launchChromium,
  routeOfficeCdn,
  serveDist,
} from "../test/support/browser";

const DIST = path.join(packageRoot(), "dist");

export function paneBundle(): { files: string[]; kb: number; gzipKb: number } {
  const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  // Minified HTML leaves attribute values unquoted.
  const files = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const bytes = files.map((f) => readFileSync(path.join(DIST, f)));
  return {
    files,
    kb: bytes.reduce((n, b) => n + b.length, 0) / 1024,
    gzipKb: bytes.reduce((n, b) => n + gzipSync(b).length, 0) / 1024,
  };
}

/** Milliseconds from the file input receiving the sample to the findings' counts on screen. */
export async function paneOpenTimes(runs: number): Promise<number[] | null> {
  if (!browserAvailable() || !existsSync(SAMPLE_WORKBOOK)) return null;
  const server = await serveDist();
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
      await routeOfficeCdn(page);
      await page.goto(`${server.url}/taskpane.html`);
      await page.getByRole("button", { name: "Open a workbook" }).waitFor();
      const started = performance.now();
      await page.setInputFiles('input[type="file"]', SAMPLE_WORKBOOK);
      await page.getByText(/^\d+ errors?$/).waitFor();
      times.push(performance.now() - started);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return times;
}

const CACHE = path.join(os.tmpdir(), "kpi-cascade-bench");

/** The synthetic organisation of that many people as an .xlsx file, written once and cached. */
export async function bigOrganisationFile(people: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `org-${people}.xlsx`);
  if (!existsSync(file)) await writeSheetData(bigOrganisation(people), file);
  return file;
}

export interface PaneScale {
  people: number;
  openMs: number;
  buildMs: number;
  /** Milliseconds spent in each stage the progress bar named, opening then building. */
  stages: string;
  /** The longest task the page's main thread ran while opening and building. */
  longestTaskMs: number;
}

/**
 * Keeps the longest main-thread task (any over 50 ms is reported) in `window.longestTask`, from
 * the page's first script on. Page-side source as text: this file is compiled without the DOM.
 */
const WATCH_LONG_TASKS = `window.longestTask = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.longestTask = Math.max(window.longestTask, e.duration);
}).observe({ type: "longtask", buffered: true });
window.stages = [];
new MutationObserver(() => {
  const bar = document.querySelector('[role="progressbar"]');
  const stage = bar ? bar.getAttribute("aria-label") : null;
  const last = window.stages[window.stages.length - 1];
  if (stage && (!last || last.stage !== stage)) window.stages.push({ stage, at: performance.now() });
}).observe(document, { subtree: true, childList: true, attributes: true });`;

/**
 * Opens the synthetic organisation in the pane, then builds its scorecards: the time to the
 * organisation's score on screen, the time from the Build click to its outcome, and the longest
 * main-thread task (PerformanceObserver "longtask") over both.
 */
export async function paneScale(sizes: readonly number[]): Promise<PaneScale[] | null> {
  if (!browserAvailable()) return null;
  const files = new Map<number, string>();
  for (const people of sizes) files.set(people, await bigOrganisationFile(people));
  const server = await serveDist();
  const browser = await launchChromium();
  const out: PaneScale[] = [];
  try {
    for (const people of sizes) {
      const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
      page.setDefaultTimeout(600_000);
      await page.addInitScript({ content: WATCH_LONG_TASKS });
      await routeOfficeCdn(page);
      await page.goto(`${server.url}/taskpane.html`);
      await page.getByRole("button", { name: "Open a workbook" }).waitFor();
      await page.evaluate("window.longestTask = 0");
      let started = performance.now();
      await page.setInputFiles('input[type="file"]', files.get(people) as string);
      await page.getByTestId("org-score").waitFor();
      const openMs = performance.now() - started;
      await page.evaluate('window.stages.push({ stage: "", at: performance.now() })');
      await page.getByRole("tab", { name: "Build" }).click();
      started = performance.now();
      await page.getByRole("button", { name: "Build scorecards" }).click();
      await page.getByText(/^(Wrote KPI Scorecard|Nothing was written)/).waitFor();
      const buildMs = performance.now() - started;
      await page.evaluate('window.stages.push({ stage: "", at: performance.now() })');
      const longestTaskMs = (await page.evaluate("window.longestTask")) as number;
      const seen = (await page.evaluate("window.stages")) as { stage: string; at: number }[];
      // An empty stage marks the end of opening, then of building.
      const stages = seen
        .map((s, i) =>
          s.stage ? `${s.stage} ${((seen[i + 1].at - s.at) / 1000).toFixed(1)} s` : ""
        )
        .filter(Boolean)
        .join(", ");
      out.push({ people, openMs, buildMs, longestTaskMs, stages });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

if (require.main === module)
  void paneScale((process.argv[2] ?? "1000,5000").split(",").map(Number)).then((rows) => {
    for (const r of rows ?? [])
      process.stdout.write(
        `taskpane-scale ${r.people} people: open ${(r.openMs / 1000).toFixed(1)} s, build ${(r.buildMs / 1000).toFixed(1)} s, longest main-thread task ${Math.round(r.longestTaskMs)} ms\n  stages: ${r.stages}\n`
      );
  });
