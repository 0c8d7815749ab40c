/**
 * Entry point of the task pane. In Excel, Office.onReady names the host and the pane works on the
 * open workbook; in a plain browser (no host, or office.js blocked) it works on a file the user
 * opens.
 */
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { excelPort } from "./ports/excel-port";
import { themeFor } from "./theme";
import { useSession } from "./use-session";
import { useEffect } from "react";

function Root({ host }: { host: string | null }) {
  const session = useSession();
  useEffect(() => {
    if (host === "Excel") void session.open(excelPort());
    // Opened once, when the pane starts; later reads come from the user's actions.
  }, [host]);
  return <App session={session} host={host} />;
}

function render(host: string | null): void {
  const container = document.getElementById("container");
  if (!container) return;
  const officeBackground =
    host && typeof Office !== "undefined"
      ? Office.context.officeTheme?.bodyBackgroundColor
      : undefined;
  const prefersDark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  createRoot(container).render(
    <FluentProvider theme={themeFor(officeBackground, prefersDark)} style={{ minHeight: "100vh" }}>
      <Root host={host} />
    </FluentProvider>
  );
}

if (typeof Office === "undefined") render(null);
else void Office.onReady((info) => render(info.host ? String(info.host) : null));
