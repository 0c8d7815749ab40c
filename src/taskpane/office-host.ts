/**
 * How the pane learns where it runs without waiting on Microsoft's CDN: office.js loads
 * asynchronously, so a CDN that hangs or fails leaves a working pane (file mode) instead of a
 * blank page. Office opens the pane with `_host_Info` in its URL, which is how the pane knows to
 * wait for Excel rather than show file mode first.
 */

/** Office.js from Microsoft's CDN: never bundled (the npm package is 87 MB). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** How long the pane waits for office.js inside Office before it offers file mode instead. */
export const OFFICE_WAIT_MS = 15_000;

/** Where the pane runs: an Office host (`"Excel"`), a plain browser (null), or not known yet. */
export type HostState = string | null | "connecting";

/** Whether Office opened this page: it adds `_host_Info=Excel$…` to the add-in's URL. */
export function openedByOffice(search: string): boolean {
  return new URLSearchParams(search).has("_host_Info");
}

/** Loads office.js without blocking the page; true once it ran, false if it failed to load. */
function loadOfficeJs(doc: Document): Promise<boolean> {
  return new Promise((resolve) => {
    const script = doc.createElement("script");
    script.src = OFFICE_JS_URL;
    script.async = true;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    doc.head.appendChild(script);
  });
}

/**
 * Calls `show` at once with where the pane is believed to run, then again whenever that changes:
 * file mode right away in a plain browser (and Excel if office.js later says so), "connecting"
 * inside Office until Office.onReady answers — or file mode if office.js fails or never comes.
 */
export function watchHost(
  show: (host: HostState) => void,
  env: { doc: Document; search: string; wait?: number } = {
    doc: document,
    search: window.location.search,
  }
): void {
  let current: HostState = openedByOffice(env.search) ? "connecting" : null;
  const settle = (host: HostState) => {
    if (host === current) return;
    current = host;
    show(host);
  };
  show(current);
  if (current === "connecting")
    setTimeout(() => current === "connecting" && settle(null), env.wait ?? OFFICE_WAIT_MS);
  void loadOfficeJs(env.doc).then(async (loaded) => {
    if (!loaded || typeof Office === "undefined") return settle(null);
    const info = await Office.onReady();
    settle(info.host ? String(info.host) : null);
  });
}
