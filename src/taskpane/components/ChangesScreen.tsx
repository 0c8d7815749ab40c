/**
 * What changed since the last build: the figures the last build kept in the workbook against the
 * workbook now — for each owner, KRA and KPI whose score moved, by how much and the changes behind
 * it (new or edited check-ins, target revisions, weights, KPIs added or removed, the as-of date),
 * largest movement first, as `kpi-cascade diff <built.xlsx>` prints it. Opening a movement shows
 * every change behind it above the list.
 */
import {
  Badge,
  Body1,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { ChangesView, MovementLine } from "../worker/changes-view";
import { Loaded, messageOf } from "../use-session";
import { count, percent } from "./format";
import { VirtualList } from "./VirtualList";
import { LIST_ITEM_STYLE } from "./list-item-style";

const ROW = 84;
const HEIGHT = 504;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  item: LIST_ITEM_STYLE,
  chosen: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  title: { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" },
  id: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  scores: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  first: { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" },
  detail: {
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    margin: 0,
  },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  /** Fluent's text is inline: a heading and the sentence under it each take their own line. */
  block: { display: "block", margin: 0 },
  filter: { maxWidth: "200px" },
});

const ENTITY: Record<MovementLine["entity"], string> = { owner: "Owner", kra: "KRA", kpi: "KPI" };
const PLURAL: Record<MovementLine["entity"], string> = {
  owner: "owner",
  kra: "KRA",
  kpi: "KPI",
};
const ALL = "";

/** `+7.3 pts`, `−2.0 pts`; a score that appeared or went: `new` / `gone`. */
export function movedBy(m: Pick<MovementLine, "before" | "after" | "delta">): string {
  if (m.delta === null) return m.before === null ? "new score" : "no score now";
  return `${m.delta >= 0 ? "+" : "−"}${Math.abs(m.delta * 100).toFixed(1)} pts`;
}

function label(m: MovementLine): string {
  return `${ENTITY[m.entity]} ${m.id}${m.name ? ` ${m.name}` : ""}`;
}

function DeltaBadge({ m }: { m: MovementLine }) {
  const up = m.delta !== null ? m.delta > 0 : m.after !== null;
  return (
    <Badge size="small" appearance="tint" color={up ? "success" : "danger"}>
      {movedBy(m)}
    </Badge>
  );
}

export function ChangesScreen({ loaded }: { loaded: Loaded }) {
  const styles = useStyles();
  const { engine, view } = loaded;
  const [changes, setChanges] = useState<ChangesView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [entity, setEntity] = useState(ALL);
  const [chosen, setChosen] = useState<{ index: number; lines: string[] } | null>(null);

  useEffect(() => {
    let live = true;
    setChanges(null);
    setChosen(null);
    engine.whatChanged().then(
      (v) => live && setChanges(v),
      (e) => live && setError(messageOf(e))
    );
    return () => {
      live = false;
    };
  }, [engine, view]);

  const shown = useMemo(() => {
    if (changes?.state !== "read") return [];
    return changes.movements
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => entity === ALL || m.entity === entity);
  }, [changes, entity]);

  if (error) return <Body1 role="alert">{`Could not compare with the last build: ${error}`}</Body1>;
  if (!changes) return <Spinner size="small" label="Comparing with the last build…" />;
  if (changes.state === "none")
    return (
      <Body1 as="p">
        This workbook holds no figures of a last build yet. Build the scorecards (the Build screen):
        the build keeps its figures in the workbook, and this screen then shows what changed since.
      </Body1>
    );
  if (changes.state === "unreadable")
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {`The last build's figures (the hidden sheet “${changes.sheet}”) cannot be used: ${changes.reason}. Build the scorecards again to keep new figures.`}
        </MessageBarBody>
      </MessageBar>
    );

  const { asOf, moved } = changes;
  const total = moved.owner + moved.kra + moved.kpi;
  const open = async (index: number) => {
    if (chosen?.index === index) return setChosen(null);
    try {
      setChosen({ index, lines: await engine.movementChanges(index) });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const chosenLine = chosen ? changes.movements[chosen.index] : null;
  return (
    <div className={styles.stack}>
      <div>
        <Subtitle2 as="h2" className={styles.block}>
          Since the last build
        </Subtitle2>
        <Body1 as="p" className={styles.block}>
          {asOf.before === asOf.after
            ? `The last build and the workbook now are both as of ${asOf.after}.`
            : `The last build was as of ${asOf.before}; the workbook is now as of ${asOf.after}.`}
        </Body1>
      </div>
      <div className={styles.badges} aria-label="What changed, in numbers">
        <Badge appearance="outline" color="informative">
          {count(changes.changes, "change")}
        </Badge>
        {(["owner", "kra", "kpi"] as const).map((e) => (
          <Badge key={e} appearance="tint" color={moved[e] ? "brand" : "subtle"}>
            {`${count(moved[e], PLURAL[e])} moved`}
          </Badge>
        ))}
      </div>
      {total === 0 && changes.changes === 0 && (
        <Body1 as="p">Nothing changed since the last build: every score is as it was.</Body1>
      )}
      {total > 0 && (
        <>
          <Field label="Show" className={styles.filter}>
            <Select value={entity} onChange={(_, d) => setEntity(d.value)}>
              <option value={ALL}>Owners, KRAs and KPIs</option>
              <option value="owner">Owners</option>
              <option value="kra">KRAs</option>
              <option value="kpi">KPIs</option>
            </Select>
          </Field>
          {chosen && chosenLine && (
            <div className={styles.detail} data-testid="movement-detail">
              <Subtitle2 as="h3" className={styles.block}>
                {label(chosenLine)}
              </Subtitle2>
              <Body1 as="p" className={styles.block}>
                {`${percent(chosenLine.before)} → ${percent(chosenLine.after)} (${movedBy(chosenLine)}), because:`}
              </Body1>
              <ul className={styles.lines} aria-label="The changes behind it">
                {chosen.lines.map((line, i) => (
                  <li key={i}>
                    <Body1>{line}</Body1>
                  </li>
                ))}
              </ul>
              {chosenLine.changes > chosen.lines.length && (
                <Caption1>{`… and ${(chosenLine.changes - chosen.lines.length).toLocaleString()} more`}</Caption1>
              )}
            </div>
          )}
          <Subtitle2 as="h2">Moved, largest first</Subtitle2>
          {total > changes.movements.length && (
            <Caption1>
              {`The ${changes.movements.length.toLocaleString()} largest of ${total.toLocaleString()} movements; kpi-cascade diff on the file lists them all.`}
            </Caption1>
          )}
          <VirtualList
            role="list"
            aria-label="Scores that moved"
            data-testid="movements-list"
            count={shown.length}
            rowHeight={ROW}
            maxHeight={HEIGHT}
            renderRow={(i, tabIndex) => {
              const { m, index } = shown[i];
              const more = m.changes - 1;
              return (
                <div role="listitem" aria-setsize={shown.length} aria-posinset={i + 1}>
                  <button
                    type="button"
                    data-row={i}
                    tabIndex={tabIndex}
                    aria-expanded={chosen?.index === index}
                    className={
                      chosen?.index === index ? `${styles.item} ${styles.chosen}` : styles.item
                    }
                    aria-label={`${label(m)}: ${percent(m.before)} to ${percent(m.after)}, ${movedBy(m)}. ${m.first ?? ""}${more > 0 ? ` And ${more} more.` : ""}`}
                    title={m.first ?? undefined}
                    onClick={() => void open(index)}
                  >
                    <span className={styles.title}>
                      <Caption1>{ENTITY[m.entity]}</Caption1>{" "}
                      <span className={styles.id}>{m.id}</span> {m.name ?? ""}
                    </span>
                    <span className={styles.scores}>
                      <Body1>{`${percent(m.before)} → ${percent(m.after)}`}</Body1>
                      <DeltaBadge m={m} />
                    </span>
                    <Caption1 className={styles.first}>
                      {m.first ?? "No change in the workbook explains it."}
                      {more > 0 ? ` (+${more.toLocaleString()} more)` : ""}
                    </Caption1>
                  </button>
                </div>
              );
            }}
          />
        </>
      )}
      {changes.unscoredCount > 0 && (
        <div>
          <Subtitle2 as="h2">{`Changes that moved no score (${changes.unscoredCount.toLocaleString()})`}</Subtitle2>
          <ul className={styles.lines} aria-label="Changes that moved no score">
            {changes.unscored.map((line, i) => (
              <li key={i}>
                <Caption1>{line}</Caption1>
              </li>
            ))}
          </ul>
          {changes.unscoredCount > changes.unscored.length && (
            <Caption1>{`… and ${(changes.unscoredCount - changes.unscored.length).toLocaleString()} more`}</Caption1>
          )}
        </div>
      )}
    </div>
  );
}
