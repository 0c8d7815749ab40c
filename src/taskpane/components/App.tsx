/** The task pane's shell: title and where it runs. The screens hang off this component. */
import { Body1, Caption1, Title2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "640px",
  },
});

export interface AppProps {
  /** The Office host (`Excel`), or null in a plain browser. */
  host: string | null;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">KPI Cascade</Title2>
      <Body1>
        Goals, objectives, key result areas and KPIs from your workbook, checked as one cascade and
        scored.
      </Body1>
      <Caption1>{host ? `Running in ${host}.` : "Running in a browser, outside Office."}</Caption1>
    </main>
  );
}
