/**
 * Writing into the workbook: the scorecard, cascade, findings and dashboard sheets (the pane's
 * progress bar shows how far along it is, then a clear outcome), and the template sheets
 * managers fill in. In the browser, the result is downloaded as a file.
 */
import {
  Body1,
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { SHEETS, SheetKind } from "../../engine/schema";
import { TEMPLATE_KINDS } from "../../planner/template";
import { Loaded, Session } from "../use-session";
import { DownloadButton } from "./DownloadButton";
import { CheckInSections } from "./CheckInSections";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  kinds: { display: "grid", gridTemplateColumns: "1fr 1fr" },
});

type Outcome = { intent: "success" | "error"; text: string } | null;

/** Runs a write and turns its end into an outcome to show: what it did, or why nothing was done. */
async function attempt<T>(
  show: (o: Outcome) => void,
  step: () => Promise<T>,
  success: (result: T) => string,
  failure: string
): Promise<void> {
  show(null);
  try {
    show({ intent: "success", text: success(await step()) });
  } catch (e) {
    show({ intent: "error", text: `${failure}: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** The outcome of a write and, in the browser, the button that saves the workbook. */
function Result({ outcome, loaded, suffix }: { outcome: Outcome; loaded: Loaded; suffix: string }) {
  if (!outcome) return null;
  return (
    <>
      <MessageBar layout="multiline" intent={outcome.intent} role="status">
        <MessageBarBody>{outcome.text}</MessageBarBody>
      </MessageBar>
      {outcome.intent === "success" && <DownloadButton loaded={loaded} suffix={suffix} />}
    </>
  );
}

export function BuildScreen({ session, loaded }: { session: Session; loaded: Loaded }) {
  const styles = useStyles();
  const [built, setBuilt] = useState<Outcome>(null);
  const [inserted, setInserted] = useState<Outcome>(null);
  const present = new Set<SheetKind>(loaded.view.present);
  const [kinds, setKinds] = useState<SheetKind[]>(TEMPLATE_KINDS.filter((k) => !present.has(k)));

  const build = () =>
    attempt(
      setBuilt,
      () => session.build(),
      ({ sheets, kept, ms }) =>
        `Wrote ${sheets.join(", ")} in ${(ms / 1000).toFixed(1)} s.` +
        kept
          .map(
            (name) =>
              ` "${name}" was changed since it was built (or its mark was copied), so it was kept as it is and the new sheet written beside it.`
          )
          .join(""),
      "Nothing was written"
    );
  const insert = () =>
    attempt(
      setInserted,
      () => session.insertTemplate(kinds),
      (sheets) => `Added ${sheets.join(", ")}. Your own sheets were not changed.`,
      "Nothing was added"
    );
  const label = (kind: SheetKind) => SHEETS.find((s) => s.kind === kind)?.name ?? kind;

  return (
    <div className={styles.stack}>
      <section className={styles.section} aria-label="Build scorecards">
        <Subtitle2 as="h2">Build scorecards</Subtitle2>
        <Body1>
          Adds KPI Scorecard, KPI Cascade, KPI Findings, KPI Dashboard and (with check-ins) KPI
          Trends, replacing the ones an earlier build made, and keeps the build&apos;s figures in a
          hidden sheet for What changed. Your own sheets are never changed.
        </Body1>
        <Button appearance="primary" onClick={() => void build()} disabled={session.busy !== null}>
          Build scorecards
        </Button>
        <Result outcome={built} loaded={loaded} suffix="-scorecards.xlsx" />
      </section>
      <section className={styles.section} aria-label="Insert template">
        <Subtitle2 as="h2">Insert template</Subtitle2>
        <Body1>
          Adds sheets for managers to fill in: Excel tables with drop-down lists and example rows. A
          sheet you already have is added beside yours under another name.
        </Body1>
        <div className={styles.kinds} role="group" aria-label="Template sheets">
          {TEMPLATE_KINDS.map((k) => (
            <Checkbox
              key={k}
              label={present.has(k) ? `${label(k)} (you have one)` : label(k)}
              checked={kinds.includes(k)}
              onChange={(_, d) =>
                setKinds(d.checked ? [...kinds, k] : kinds.filter((x) => x !== k))
              }
            />
          ))}
        </div>
        <Button
          onClick={() => void insert()}
          disabled={session.busy !== null || kinds.length === 0}
        >
          Insert template
        </Button>
        <Result outcome={inserted} loaded={loaded} suffix="-template.xlsx" />
      </section>
      <CheckInSections session={session} loaded={loaded} />
    </div>
  );
}
