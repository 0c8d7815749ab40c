/**
 * The check-in cycle by files in the pane (issue 14), under Build: "Prepare check-in files" (one
 * protected workbook per owner, manager or unit, and a mail-merge list, downloaded as one zip)
 * and "Collect returned files" (pick several; what they hold, their conflicts and what is still
 * owed are shown before anything is written). The same planning as `kpi-cascade split` and
 * `collect`, run in the pane's worker.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { sheetRef } from "../../engine/address";
import { SplitBy } from "../../engine/check-in-cycle/round";
import { Loaded, Session } from "../use-session";
import { CollectSummary, PreparedCheckIns } from "../worker/check-ins";
import { DownloadButton } from "./DownloadButton";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
});

const rowSpan = (first: number, last: number) =>
  first === last ? `row ${first}` : `rows ${first}–${last}`;

const plural = (n: number, word: string, many = `${word}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? word : many}`;

function download(bytes: Uint8Array, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function Prepared({ result }: { result: PreparedCheckIns }) {
  const styles = useStyles();
  if (result.files.length === 0)
    return (
      <MessageBar intent="info" role="status">
        <MessageBarBody>
          Nothing to ask: every KPI has a check-in for each period that has ended by {result.asOf}.
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <>
      <MessageBar layout="multiline" intent="success" role="status">
        <MessageBarBody>
          {`${plural(result.files.length, "file")} with ${plural(result.checkIns, "check-in")} to fill, as of ${result.asOf}, downloaded as ${result.name} with mail-merge.csv (${result.by}, e-mail, file, count).`}
          {result.nothingOpen > 0 &&
            ` ${plural(result.nothingOpen, result.by)} had nothing to fill and got no file.`}
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.list} aria-label="Check-in files">
        {result.files.slice(0, 8).map((f) => (
          <li key={f.file}>
            <Caption1>{`${f.file}: ${plural(f.count, "check-in")}`}</Caption1>
          </li>
        ))}
        {result.files.length > 8 && (
          <li>
            <Caption1>{`… and ${result.files.length - 8} more`}</Caption1>
          </li>
        )}
      </ul>
      <Button onClick={() => download(result.zip, result.name)}>Download the zip again</Button>
    </>
  );
}

function fileLine(f: CollectSummary["files"][number]): string {
  switch (f.status) {
    case "collected": {
      const parts = [`${f.added} to add`];
      if (f.already) parts.push(`${f.already} already in the workbook`);
      if (f.blank) parts.push(`${f.blank} left blank`);
      if (f.held) parts.push(`${f.held} not collected`);
      if (!f.intact) parts.push("locked cells changed");
      return `${f.file} (${f.ownerLabel}): ${parts.join(", ")}`;
    }
    case "duplicate":
      return `${f.file}: the same as ${f.of}, read once`;
    case "unreadable":
      return `${f.file}: not read — ${f.reason}`;
    default:
      return `${f.file}: ${f.status} — ${f.reason}`;
  }
}

function Preview({
  summary,
  onApply,
  onCancel,
  busy,
}: {
  summary: CollectSummary;
  onApply: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const conflicts = summary.findings.filter((f) => f.severity === "error");
  const warnings = summary.findings.filter((f) => f.severity !== "error");
  return (
    <section className={styles.section} aria-label="What the returned files hold">
      <Body1>
        {summary.added > 0
          ? `${plural(summary.added, "check-in")} to add to ${summary.sheet} (${rowSpan(summary.first, summary.last)}), each with the file and cell it came from.`
          : "No new check-ins: the workbook already holds every answer in these files."}
      </Body1>
      <ul className={styles.list} aria-label="Returned files">
        {summary.files.map((f) => (
          <li key={f.file}>
            <Caption1>{fileLine(f)}</Caption1>
          </li>
        ))}
      </ul>
      {conflicts.length > 0 && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>
            {`${plural(conflicts.length, "problem")}, not written:`}
            <ul className={styles.list} aria-label="Conflicts">
              {conflicts.slice(0, 20).map((f, i) => (
                <li
                  key={i}
                >{`${f.sheet ? sheetRef(f.sheet, f.cell ?? "") : ""} ${f.rule}: ${f.message}`}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {(warnings.length > 0 || summary.notes.length > 0) && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            <ul className={styles.list} aria-label="Warnings">
              {warnings.slice(0, 20).map((f, i) => (
                <li
                  key={`w${i}`}
                >{`${f.sheet ? sheetRef(f.sheet, f.cell ?? "") : ""} ${f.rule}: ${f.message}`}</li>
              ))}
              {summary.notes.slice(0, 20).map((n, i) => (
                <li key={`n${i}`}>{`${sheetRef(n.sheet, n.cell)}: ${n.message}`}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1>
        {summary.owed === 0
          ? "Then nothing is owed: every check-in asked for has come back."
          : `Still owed after this: ${plural(summary.owed, "check-in")} from ${plural(summary.owing.length, summary.by)}. The KPI Chase List sheet will list them.`}
      </Body1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onApply} disabled={busy}>
          {summary.added > 0
            ? `Add ${plural(summary.added, "check-in")} and the chase list`
            : "Write the chase list"}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

type Outcome = { intent: "success" | "error"; text: string } | null;
const failure = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function CheckInSections({ session, loaded }: { session: Session; loaded: Loaded }) {
  const styles = useStyles();
  const [by, setBy] = useState<SplitBy>("owner");
  const [prepared, setPrepared] = useState<PreparedCheckIns | null>(null);
  const [prepareError, setPrepareError] = useState<string | null>(null);
  const [summary, setSummary] = useState<CollectSummary | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const input = useRef<HTMLInputElement>(null);
  const busy = session.busy !== null;

  const prepare = async () => {
    setPrepared(null);
    setPrepareError(null);
    try {
      const result = await session.prepareCheckIns(by);
      setPrepared(result);
      if (result.files.length > 0) download(result.zip, result.name);
    } catch (e) {
      setPrepareError(`No file was made: ${failure(e)}`);
    }
  };
  const pick = async (files: File[]) => {
    setSummary(null);
    setOutcome(null);
    if (files.length === 0) return;
    try {
      setSummary(await session.previewCollect(files));
    } catch (e) {
      setOutcome({ intent: "error", text: `The files could not be read: ${failure(e)}` });
    }
  };
  const apply = async () => {
    const added = summary?.added ?? 0;
    try {
      const { sheets } = await session.applyCollect();
      setSummary(null);
      setOutcome({
        intent: "success",
        text: `${added > 0 ? `Added ${plural(added, "check-in")}, each with its Source, and wrote` : "Wrote"} ${sheets.join(", ") || "KPI Chase List"}. Your own rows were not changed.`,
      });
    } catch (e) {
      setOutcome({ intent: "error", text: `Nothing was written: ${failure(e)}` });
    }
  };

  return (
    <>
      <section className={styles.section} aria-label="Prepare check-in files">
        <Subtitle2 as="h2">Prepare check-in files</Subtitle2>
        <Body1>
          One workbook for each person to fill in: only their KPIs, a row for each check-in they
          owe, their past check-ins, and every other cell locked. Send them with the mail-merge
          list; collect them below when they come back.
        </Body1>
        <Field label="One file per">
          <RadioGroup layout="horizontal" value={by} onChange={(_, d) => setBy(d.value as SplitBy)}>
            <Radio value="owner" label="Owner" />
            <Radio value="manager" label="Manager" />
            <Radio value="unit" label="Unit" />
          </RadioGroup>
        </Field>
        <Button appearance="primary" onClick={() => void prepare()} disabled={busy}>
          Prepare check-in files
        </Button>
        {prepared && <Prepared result={prepared} />}
        {prepareError && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{prepareError}</MessageBarBody>
          </MessageBar>
        )}
      </section>
      <section className={styles.section} aria-label="Collect returned files">
        <Subtitle2 as="h2">Collect returned files</Subtitle2>
        <Body1>
          Pick the files that came back, under any name and in any order. You see what they hold
          before anything is written; a figure that differs from one already there is never written
          over.
        </Body1>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Returned check-in files"
          onChange={(e) => {
            void pick(Array.from(e.target.files ?? []));
            e.target.value = "";
          }}
        />
        <Button onClick={() => input.current?.click()} disabled={busy}>
          Collect returned files
        </Button>
        {summary && (
          <Preview
            summary={summary}
            busy={busy}
            onApply={() => void apply()}
            onCancel={() => setSummary(null)}
          />
        )}
        {outcome && (
          <>
            <MessageBar layout="multiline" intent={outcome.intent} role="status">
              <MessageBarBody>{outcome.text}</MessageBarBody>
            </MessageBar>
            {outcome.intent === "success" && (
              <DownloadButton loaded={loaded} suffix="-collected.xlsx" />
            )}
          </>
        )}
      </section>
    </>
  );
}
