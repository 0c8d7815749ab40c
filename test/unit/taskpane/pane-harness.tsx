/**
 * The task pane rendered in jsdom over a fake workbook port, for the screen tests, and kept
 * quick: a screen test that takes seconds on a busy 2-core machine passes jest's timeout.
 */
import {
  FluentProvider,
  RendererProvider,
  createDOMRenderer,
  webLightTheme,
} from "@fluentui/react-components";
import { act, render, screen } from "@testing-library/react";
import { useState } from "react";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { App } from "../../../src/taskpane/components/App";
import { Session, useSession } from "../../../src/taskpane/use-session";
import { PaneEngine, createPaneEngine } from "../../../src/taskpane/worker/pane-engine";
import { FileWorkbook, WorkbookPort } from "../../../src/taskpane/workbook-port";
import { fakeXlsxIo } from "../../support/fake-xlsx-io";
export { sampleGrids } from "./sample-grids";

// Browsers and workers have these; jsdom does not (the last build's figures are UTF-8).
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;
globalThis.TextDecoder ??= NodeTextDecoder as typeof TextDecoder;

/**
 * jsdom's getComputedStyle, which every role query and click asks for on each element and its
 * ancestors, walks every CSS rule in the document, and Fluent inserts thousands: only the rules
 * that decide what is hidden (and so what a role query sees) are let in.
 */
const renderer = createDOMRenderer(document, {
  unstable_filterCSSRule: (css) => /visibility|display:\s*none|content:/.test(css),
});

export let session: Session;
export let engine: PaneEngine;
function Harness({ host }: { host: string | null }) {
  // The engine in place (jsdom has no Worker), its modules loaded with this file rather than
  // inside the first test's time; files are JSON (jsdom cannot load ExcelJS).
  const [own] = useState(() => createPaneEngine(async () => fakeXlsxIo));
  engine = own;
  session = useSession(Promise.resolve(own));
  return <App session={session} host={host} />;
}

export function renderShell(host: string | null = "Excel") {
  render(
    <RendererProvider renderer={renderer}>
      <FluentProvider theme={webLightTheme}>
        <Harness host={host} />
      </FluentProvider>
    </RendererProvider>
  );
}

/** The pane with the workbook open, its Overview on screen. */
export async function renderPane(
  source: WorkbookPort | FileWorkbook,
  host: string | null = "Excel"
): Promise<void> {
  renderShell(host);
  await act(() => session.open(source));
  await screen.findByTestId("org-score");
}

export const user = () =>
  userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });

// The cause of slow tests is dealt with above; this is the margin for a machine under heavy load
// (other jobs on both cores), where jest's 5 s default is not.
jest.setTimeout(20_000);

beforeAll(() => {
  // jsdom has no layout: Fluent's positioning asks for these.
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
