/**
 * Entry point of the task pane. In Excel, Office.onReady names the host and the pane works on the
 * open workbook; in a plain browser (no host, or office.js blocked, failing or hanging) it works
 * on a file the user opens. The pane shows at once: office.js loads beside it (./office-host.ts).
 */
import { FluentProvider, Spinner } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { useEffect } from "react";
import { App } from "./components/App";
import { HostState, watchHost } from "./office-host";
import { excelPort } from "./ports/excel-port";
import { themeFor } from "./theme";
import { useSession } from "./use-session";

function Root({ host }: { host: string | null }) {
  const session = useSession();
  useEffect(() => {
    if (host === "Excel") void session.open(excelPort());
    // Opened once, when the pane starts; later reads come from the user's actions.
  }, [host]);
  return <App session={session} host={host} />;
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const prefersDark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  watchHost((host: HostState) => {
    const officeBackground =
      host && host !== "connecting" && typeof Office !== "undefined"
        ? Office.context.officeTheme?.bodyBackgroundColor
        : undefined;
    root.render(
      <FluentProvider
        theme={themeFor(officeBackground, prefersDark)}
        style={{ minHeight: "100vh" }}
      >
        {host === "connecting" ? (
          <Spinner label="Connecting to Excel…" style={{ paddingTop: 48 }} />
        ) : (
          // A new host is a new session: file mode's state does not carry into Excel's.
          <Root key={host ?? "file"} host={host} />
        )}
      </FluentProvider>
    );
  });
}
