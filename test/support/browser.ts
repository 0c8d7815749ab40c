/**
 * The built task pane in a real browser: `dist/` served on a loopback port, Debian's Chromium
 * driven by playwright-core (see ../shared/NOTES.md for the flags a closed network needs). The
 * Office CDN script is answered from node_modules/@microsoft/office-js, so the page runs the real
 * office.js and learns from Office.onReady that it is outside Office, as in a plain browser.
 */
import { existsSync, readFileSync } from "fs";
import { AddressInfo } from "net";
import * as http from "http";
import * as path from "path";
import { Browser, Page, chromium } from "playwright-core";
import { packageRoot } from "../../src/cli/main";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DIST = path.join(packageRoot(), "dist");
const OFFICE_DIST = path.join(packageRoot(), "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM) && existsSync(path.join(DIST, "taskpane.html"));
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serves dist/ on 127.0.0.1; resolves with the base URL and a function that stops the server. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(
      DIST,
      path.normalize(decodeURIComponent((req.url ?? "/").split("?")[0]))
    );
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Playwright gives every launch a new, empty profile directory of its own. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Answers the Office CDN from the npm package: office.js and the files it loads beside itself
 * (`o15apptofilemappingtable.js`, string tables), each by its path under `dist/`.
 */
export async function routeOfficeCdn(page: Page): Promise<void> {
  await page.route(`${OFFICE_CDN}**`, (route) => {
    const file = path.join(
      OFFICE_DIST,
      route.request().url().slice(OFFICE_CDN.length).split("?")[0]
    );
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: "text/javascript", body: readFileSync(file) });
  });
}
