/**
 * @jest-environment jsdom
 *
 * How the pane boots: it shows at once, loads office.js beside itself, and settles on Excel or on
 * file mode whatever the CDN does — answers, fails, or hangs.
 */
import {
  OFFICE_JS_URL,
  HostState,
  openedByOffice,
  watchHost,
} from "../../../src/taskpane/office-host";

const OFFICE_SEARCH = "?_host_Info=Excel$Win32$16.01$en-US$$$$0";

function boot(search: string, wait = 5_000) {
  const shown: HostState[] = [];
  watchHost((h) => shown.push(h), { doc: document, search, wait });
  const script = document.head.querySelector(`script[src="${OFFICE_JS_URL}"]`) as HTMLScriptElement;
  return { shown, script };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.head.innerHTML = "";
  delete (globalThis as Record<string, unknown>).Office;
  jest.useRealTimers();
});

it("knows Office opened the page from the _host_Info Office adds to the URL", () => {
  expect(openedByOffice(OFFICE_SEARCH)).toBe(true);
  expect(openedByOffice("")).toBe(false);
  expect(openedByOffice("?x=1")).toBe(false);
});

it("in a plain browser shows file mode before office.js answers, and keeps it when it fails", async () => {
  const { shown, script } = boot("");
  expect(shown).toEqual([null]);
  expect(script.async).toBe(true);
  script.onerror?.(new Event("error"));
  await flush();
  expect(shown).toEqual([null]);
});

it("moves to Excel when office.js says the pane runs there", async () => {
  const { shown, script } = boot(OFFICE_SEARCH);
  expect(shown).toEqual(["connecting"]);
  (globalThis as Record<string, unknown>).Office = {
    onReady: () => Promise.resolve({ host: "Excel" }),
  };
  script.onload?.(new Event("load"));
  await flush();
  expect(shown).toEqual(["connecting", "Excel"]);
});

it("inside Office falls back to file mode when office.js fails or never comes", async () => {
  const failed = boot(OFFICE_SEARCH);
  failed.script.onerror?.(new Event("error"));
  await flush();
  expect(failed.shown).toEqual(["connecting", null]);

  document.head.innerHTML = "";
  jest.useFakeTimers();
  const hung = boot(OFFICE_SEARCH, 5_000);
  jest.advanceTimersByTime(4_999);
  expect(hung.shown).toEqual(["connecting"]);
  jest.advanceTimersByTime(1);
  expect(hung.shown).toEqual(["connecting", null]);
});
