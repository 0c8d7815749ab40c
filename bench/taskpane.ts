/**
 * The task pane's figures: its initial JavaScript gzipped (the scripts taskpane.html loads,
 * office.js excluded, ExcelJS's chunk not among them), and in Chromium the time from giving the
 * pane the sample workbook to its findings on screen, in file mode.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { SAMPLE_WORKBOOK, packageRoot } from "../src/cli/main";
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
      await page.getByRole("button", { name: "Open an .xlsx workbook" }).waitFor();
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
