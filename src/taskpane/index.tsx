/** Entry point of the task pane: waits for Office (or learns it runs in a plain browser) and renders. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";

function render(host: string | null): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

// Outside an Office host Office.onReady resolves with host null; without office.js at all
// (a blocked CDN) the pane still renders in browser mode.
if (typeof Office === "undefined") render(null);
else void Office.onReady((info) => render(info.host ? String(info.host) : null));
