/**
 * The task pane: a workbook (the one open in Excel, or a file opened in the browser) and seven
 * screens over it. Tabs wrap onto two lines in a 320 px pane; every control is reachable by
 * keyboard and labelled for screen readers. One search box serves the Model and Findings screens.
 * Once a workbook opens, focus moves to the selected tab, where keyboard users continue.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  SearchBox,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { Progress, Session } from "../use-session";
import { BuildScreen } from "./BuildScreen";
import { ChangesScreen } from "./ChangesScreen";
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
  search: { width: "100%", maxWidth: "100%" },
});

/** The stage in words and the share done, e.g. `Reading the workbook… 40%`. */
export function progressText(p: Progress): string {
  return `${p.stage}… ${Math.round(p.percent)}%`;
}

function ProgressLine({ progress }: { progress: Progress }) {
  return (
    <Field validationMessage={progressText(progress)} validationState="none">
      {/* Until the first stage is done, the bar moves of itself: it is working, not stuck. */}
      <ProgressBar
        aria-label={progress.stage}
        value={progress.percent > 0 ? progress.percent / 100 : undefined}
        max={1}
      />
    </Field>
  );
}

export const SCREENS = [
  "Overview",
  "Findings",
  "What changed",
  "Model",
  "Build",
  "Mapping",
  "Settings",
] as const;
export type ScreenName = (typeof SCREENS)[number];

export interface AppProps {
  session: Session;
  /** The Office host, or null in a plain browser (file mode). */
  host: string | null;
}

export function App({ session, host }: AppProps) {
  const styles = useStyles();
  const [screen, setScreen] = useState<ScreenName>("Overview");
  const [query, setQuery] = useState("");
  const { loaded, busy, progress, error } = session;
  const root = useRef<HTMLElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    const open = loaded !== null;
    if (open && !wasOpen.current)
      root.current?.querySelector<HTMLElement>(`[id="tab-${screen}"]`)?.focus();
    wasOpen.current = open;
  }, [loaded, screen]);
  // In Excel, people edit the workbook beside the pane: read it again. In the browser, the file
  // changes only through the pane: open another instead.
  const action = !loaded
    ? null
    : loaded.workbook.mode === "excel"
      ? {
          icon: <ArrowClockwise20Regular />,
          label: "Read the workbook again",
          run: () => void session.refresh(),
        }
      : {
          icon: <FolderOpen20Regular />,
          label: "Open another workbook",
          run: () => {
            session.close();
            setScreen("Overview");
            setQuery("");
          },
        };
  return (
    <main ref={root} className={styles.root} aria-busy={busy !== null}>
      <div className={styles.header}>
        <div className={styles.title}>
          <Title3 as="h1">KPI Cascade</Title3>
          <Caption1>
            {loaded
              ? `Checking ${loaded.workbook.title}`
              : host
                ? `In ${host}`
                : "In your browser: nothing leaves this page"}
          </Caption1>
        </div>
        {action && (
          <Button
            appearance="subtle"
            icon={action.icon}
            aria-label={action.label}
            title={action.label}
            disabled={busy !== null}
            onClick={action.run}
          />
        )}
      </div>
      {progress && <ProgressLine progress={progress} />}
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
            {(screen === "Model" || screen === "Findings") && (
              <SearchBox
                className={styles.search}
                size="small"
                placeholder="Search people, units, KRAs, KPIs"
                aria-label="Search people, units, KRAs and KPIs"
                value={query}
                onChange={(_, d) => setQuery(d.value)}
              />
            )}
            {screen === "Overview" && <OverviewScreen loaded={loaded} />}
            {screen === "Findings" && <FindingsScreen loaded={loaded} query={query} />}
            {screen === "What changed" && <ChangesScreen loaded={loaded} />}
            {screen === "Model" && <ModelScreen loaded={loaded} query={query} />}
            {screen === "Build" && (
              <BuildScreen key={loaded.workbook.title} session={session} loaded={loaded} />
            )}
            {screen === "Mapping" && (
              <MappingScreen key={loaded.version} session={session} loaded={loaded} />
            )}
            {screen === "Settings" && (
              <SettingsScreen key={loaded.workbook.title} session={session} loaded={loaded} />
            )}
          </section>
        </>
      )}
    </main>
  );
}
