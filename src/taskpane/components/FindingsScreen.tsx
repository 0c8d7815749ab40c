/**
 * Findings grouped by severity, filterable by rule and sheet and searchable by person, unit, KRA
 * or KPI, drawn a window at a time however many there are. A flood of one rule on one sheet
 * shows as one finding with the count until opened. Each names its `Sheet!Cell`;
 * activating one selects that cell in Excel, or, in the browser, shows the row it is on above
 * the list, with the whole message.
 */
import {
  Body1,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { sheetRef } from "../../engine/address";
import { Finding, Severity } from "../../engine/findings";
import { FLOOD_MIN, ShownFinding, collapseFloods, floodKey } from "../../engine/floods";
import { RowPreview } from "../model/row-preview";
import { Loaded, messageOf } from "../use-session";
import { matches } from "./format";
import { useDebounced } from "./use-debounced";
import { VirtualList } from "./VirtualList";
import { LIST_ITEM_STYLE } from "./list-item-style";

const ROW = 64;
const HEIGHT = 576;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  filter: { minWidth: 0 },
  heading: { display: "flex", alignItems: "flex-end", height: "100%", margin: 0 },
  item: {
    ...LIST_ITEM_STYLE,
    ":disabled": { cursor: "default" },
  },
  chosen: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  flood: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  where: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  message: {
    overflow: "hidden",
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
  },
  preview: {
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    margin: 0,
  },
  target: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: "error", title: "Errors" },
  { severity: "warning", title: "Warnings" },
  { severity: "info", title: "Notes" },
];
const ALL = "";

export function findingKey(f: Finding): string {
  return `${f.rule}|${f.sheet}|${f.cell}|${f.id}`;
}

const whereOf = (f: Finding) => (f.sheet && f.cell ? sheetRef(f.sheet, f.cell) : "Workbook");

type Line =
  | { heading: string }
  | { finding: ShownFinding; position: number; size: number }
  /** The row before an opened flood's findings, which closes it again. */
  | { close: string; count: number; rule: string; sheet: string };

export function FindingsScreen({ loaded, query }: { loaded: Loaded; query: string }) {
  const styles = useStyles();
  const { view, engine, workbook } = loaded;
  const findings = view.findings;
  const [rule, setRule] = useState(ALL);
  const [sheet, setSheet] = useState(ALL);
  const [chosen, setChosen] = useState<{ finding: Finding; row: RowPreview | null } | null>(null);
  const [jumpError, setJumpError] = useState<string | null>(null);
  const searched = useDebounced(query.trim(), 200);
  const [found, setFound] = useState<Set<number> | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let live = true;
    if (!searched) setFound(null);
    else void engine.matchingFindings(searched).then((at) => live && setFound(new Set(at)));
    return () => {
      live = false;
    };
  }, [engine, view, searched]);

  const rules = useMemo(() => [...new Set(findings.map((f) => f.rule))].sort(), [findings]);
  const sheets = useMemo(
    () => [...new Set(findings.map((f) => f.sheet).filter((s): s is string => s !== null))],
    [findings]
  );
  const lines = useMemo(() => {
    const visible = findings.filter(
      (f, i) =>
        (rule === ALL || f.rule === rule) &&
        (sheet === ALL || f.sheet === sheet) &&
        (!searched || !found || found.has(i))
    );
    const out: Line[] = [];
    for (const { severity, title } of GROUPS) {
      const group = visible.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      out.push({ heading: `${title} (${group.length.toLocaleString()})` });
      // A flood shows as its first finding with the count, until it is opened.
      const shown = collapseFloods(group, opened);
      const closers = new Map<string, number>();
      for (const f of group) {
        const key = floodKey(f);
        if (key && opened.has(key)) closers.set(key, (closers.get(key) ?? 0) + 1);
      }
      shown.forEach((finding, i) => {
        const key = floodKey(finding);
        const count = key ? closers.get(key) : undefined;
        if (key && count !== undefined && count > FLOOD_MIN) {
          out.push({ close: key, count, rule: finding.rule, sheet: finding.sheet ?? "" });
          closers.delete(key);
        }
        out.push({ finding, position: i + 1, size: shown.length });
      });
    }
    return out;
  }, [findings, rule, sheet, searched, found, opened]);

  const toggle = (key: string) =>
    setOpened((now) => {
      const next = new Set(now);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const jump = async (f: Finding) => {
    setJumpError(null);
    if (!f.sheet || !f.cell) return;
    try {
      if (await workbook.selectCell(f.sheet, f.cell)) return;
      setChosen({ finding: f, row: await engine.rowPreview(f.sheet, f.cell) });
    } catch (e) {
      setJumpError(`Could not go to ${sheetRef(f.sheet, f.cell)}: ${messageOf(e)}`);
    }
  };

  if (findings.length === 0)
    return <Body1>No findings: the cascade is complete and every value could be read.</Body1>;
  return (
    <div className={styles.stack}>
      <div className={styles.filters}>
        <Field label="Rule" className={styles.filter}>
          <Select className={styles.filter} value={rule} onChange={(_, d) => setRule(d.value)}>
            <option value={ALL}>All rules</option>
            {rules.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </Select>
        </Field>
        <Field label="Sheet" className={styles.filter}>
          <Select className={styles.filter} value={sheet} onChange={(_, d) => setSheet(d.value)}>
            <option value={ALL}>All sheets</option>
            {sheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Field>
      </div>
      {jumpError && <Body1 role="alert">{jumpError}</Body1>}
      {chosen && <Preview finding={chosen.finding} row={chosen.row} />}
      {searched && found && (
        <Caption1 role="status">{`${matches(lines.filter((l) => "finding" in l).length)} for "${searched}"`}</Caption1>
      )}
      <VirtualList
        role="list"
        aria-label="Findings"
        data-testid="findings-list"
        count={lines.length}
        rowHeight={ROW}
        maxHeight={HEIGHT}
        focusable={(i) => !("heading" in lines[i])}
        renderRow={(i, tabIndex) => {
          const line = lines[i];
          if ("heading" in line)
            return (
              <Subtitle2 as="h2" className={styles.heading}>
                {line.heading}
              </Subtitle2>
            );
          if ("close" in line)
            return (
              <div role="listitem">
                <button
                  type="button"
                  data-row={i}
                  tabIndex={tabIndex}
                  className={styles.item}
                  aria-expanded={true}
                  onClick={() => toggle(line.close)}
                >
                  <Body1 className={styles.flood}>
                    {`Show the ${line.count.toLocaleString()} ${line.rule} findings on ${line.sheet} as one`}
                  </Body1>
                </button>
              </div>
            );
          const f = line.finding;
          if (f.more) {
            const key = floodKey(f) as string;
            const all = f.more.count + 1;
            return (
              <div role="listitem" aria-setsize={line.size} aria-posinset={line.position}>
                <button
                  type="button"
                  data-row={i}
                  tabIndex={tabIndex}
                  className={styles.item}
                  onClick={() => toggle(key)}
                  aria-expanded={false}
                  aria-label={`${whereOf(f)}, ${f.rule}: ${f.message} Show all ${all}.`}
                  title={f.message}
                >
                  <span>
                    <span className={styles.where}>{f.more.range ?? whereOf(f)}</span>{" "}
                    <Caption1>{f.rule}</Caption1>{" "}
                    <Caption1
                      className={styles.flood}
                    >{`Show all ${all.toLocaleString()}`}</Caption1>
                  </span>
                  <Body1 className={styles.message}>{f.message}</Body1>
                </button>
              </div>
            );
          }
          const where = whereOf(f);
          const isChosen = chosen !== null && findingKey(chosen.finding) === findingKey(f);
          return (
            <div role="listitem" aria-setsize={line.size} aria-posinset={line.position}>
              <button
                type="button"
                data-row={i}
                tabIndex={tabIndex}
                className={isChosen ? `${styles.item} ${styles.chosen}` : styles.item}
                onClick={() => void jump(f)}
                aria-label={`${where}, ${f.rule}: ${f.message}`}
                title={f.message}
                disabled={!f.sheet || !f.cell}
              >
                <span>
                  <span className={styles.where}>{where}</span> <Caption1>{f.rule}</Caption1>
                </span>
                <Body1 className={styles.message}>{f.message}</Body1>
              </button>
            </div>
          );
        }}
      />
    </div>
  );
}

function Preview({ finding, row }: { finding: Finding; row: RowPreview | null }) {
  const styles = useStyles();
  return (
    <div className={styles.preview} data-testid="row-preview">
      <Body1 as="p">{`${whereOf(finding)}: ${finding.message}`}</Body1>
      {row ? (
        <dl aria-label={`Row ${row.row} of ${row.sheet}`}>
          <Caption1>{`Row ${row.row} of ${row.sheet}`}</Caption1>
          {row.cells.map((c, i) => (
            <div key={i} className={c.target ? styles.target : undefined}>
              <dt style={{ display: "inline" }}>{c.header}: </dt>
              <dd style={{ display: "inline", margin: 0 }}>{c.value || "(blank)"}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <Caption1>That cell is outside the sheet&apos;s data.</Caption1>
      )}
    </div>
  );
}
