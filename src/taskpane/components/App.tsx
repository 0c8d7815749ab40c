/**
 * The task pane: a workbook (the one open in Excel, or a file opened in the browser) and six
 * screens over it. Tabs wrap onto two lines in a 320 px pane; every control is reachable by
 * keyboard and labelled for screen readers.
 */
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { Session } from "../use-session";
import { BuildScreen } from "./BuildScreen";
import { FindingsScreen } from "./FindingsScreen";
import { MappingScreen } from "./MappingScreen";
import { ModelScreen } from "./ModelScreen";
import { OpenFile } from "./OpenFile";
import { OverviewScreen } from "./OverviewScreen";
import { SettingsScreen } from "./SettingsScreen";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "288px",
    maxWidth: "720px",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { display: "flex", flexDirection: "column", margin: 0 },
  tabs: { flexWrap: "wrap" },
});

export const SCREENS = ["Overview", "Findings", "Model", "Build", "Mapping", "Settings"] as const;
export type ScreenName = (typeof SCREENS)[number];

export interface AppProps {
  session: Session;
  /** The Office host, or null in a plain browser (file mode). */
  host: string | null;
}

export function App({ session, host }: AppProps) {
  const styles = useStyles();
  const [screen, setScreen] = useState<ScreenName>("Overview");
  const { loaded, busy, error } = session;
  return (
    <main className={styles.root} aria-busy={busy !== null}>
      <div className={styles.header}>
        <div className={styles.title}>
          <Title3 as="h1">KPI Cascade</Title3>
          <Caption1>
            {loaded
              ? `Checking ${loaded.port.title}`
              : host
                ? `In ${host}`
                : "In your browser: nothing leaves this page"}
          </Caption1>
        </div>
        {loaded && (
          <Button
            appearance="subtle"
            icon={<ArrowClockwise20Regular />}
            aria-label="Read the workbook again"
            title="Read the workbook again"
            disabled={busy !== null}
            onClick={() => void session.refresh()}
          />
        )}
      </div>
      {busy && <Spinner size="tiny" label={busy} labelPosition="after" />}
      {error && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!loaded && !host && <OpenFile session={session} />}
      {!loaded && host && !busy && (
        <Body1>The workbook could not be read. Try the refresh button.</Body1>
      )}
      {loaded && (
        <>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={screen}
            onTabSelect={(_, d) => setScreen(d.value as ScreenName)}
            aria-label="Screens"
          >
            {SCREENS.map((s) => (
              <Tab key={s} value={s} id={`tab-${s}`} aria-controls="screen">
                {s}
              </Tab>
            ))}
          </TabList>
          <section id="screen" role="tabpanel" aria-labelledby={`tab-${screen}`}>
            {screen === "Overview" && <OverviewScreen loaded={loaded} />}
            {screen === "Findings" && <FindingsScreen loaded={loaded} />}
            {screen === "Model" && <ModelScreen loaded={loaded} />}
            {screen === "Build" && (
              <BuildScreen key={loaded.port.title} session={session} loaded={loaded} />
            )}
            {screen === "Mapping" && (
              <MappingScreen key={loaded.version} session={session} loaded={loaded} />
            )}
            {screen === "Settings" && (
              <SettingsScreen key={loaded.version} session={session} loaded={loaded} />
            )}
          </section>
        </>
      )}
    </main>
  );
}
