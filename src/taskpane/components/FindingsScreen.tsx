/**
 * Findings grouped by severity, filterable by rule and sheet. Each names its `Sheet!Cell`;
 * activating one selects that cell in Excel, or, in the browser, shows the row it is on.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { sheetRef } from "../../engine/address";
import { Finding, Severity } from "../../engine/findings";
import { sortFindings } from "../../engine/report";
import { RowPreview, rowPreview } from "../model/row-preview";
import { Loaded, messageOf } from "../use-session";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  filter: { minWidth: 0 },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    justifyContent: "flex-start",
    textAlign: "left",
    width: "100%",
    height: "auto",
    padding: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  text: { display: "flex", flexDirection: "column", gap: "2px" },
  where: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
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
const PAGE = 100;
const ALL = "";

export function findingKey(f: Finding): string {
  return `${f.rule}|${f.sheet}|${f.cell}|${f.id}`;
}

export function FindingsScreen({ loaded }: { loaded: Loaded }) {
  const styles = useStyles();
  const { analysis, grids, port } = loaded;
  const findings = useMemo(() => sortFindings(analysis.findings), [analysis]);
  const [rule, setRule] = useState(ALL);
  const [sheet, setSheet] = useState(ALL);
  const [shown, setShown] = useState<Record<Severity, number>>({
    error: PAGE,
    warning: PAGE,
    info: PAGE,
  });
  const [preview, setPreview] = useState<{ key: string; row: RowPreview | null } | null>(null);
  const [jumpError, setJumpError] = useState<string | null>(null);
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  const sheets = [...new Set(findings.map((f) => f.sheet).filter((s): s is string => s !== null))];
  const visible = findings.filter(
    (f) => (rule === ALL || f.rule === rule) && (sheet === ALL || f.sheet === sheet)
  );

  const jump = async (f: Finding) => {
    setJumpError(null);
    if (!f.sheet || !f.cell) return;
    try {
      if (await port.selectCell(f.sheet, f.cell)) return;
      const regions = Object.values(analysis.model.regions);
      setPreview({ key: findingKey(f), row: rowPreview(grids, regions, f.sheet, f.cell) });
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
      {GROUPS.map(({ severity, title }) => {
        const group = visible.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} aria-label={title}>
            <Subtitle2 as="h2">{`${title} (${group.length})`}</Subtitle2>
            <ul className={styles.list}>
              {group.slice(0, shown[severity]).map((f) => {
                const key = findingKey(f);
                const where = f.sheet && f.cell ? sheetRef(f.sheet, f.cell) : "Workbook";
                return (
                  <li key={key}>
                    <Button
                      appearance="subtle"
                      className={styles.item}
                      onClick={() => void jump(f)}
                      aria-label={`${where}, ${f.rule}: ${f.message}`}
                      disabled={!f.sheet || !f.cell}
                    >
                      <span className={styles.text}>
                        <span>
                          <span className={styles.where}>{where}</span>{" "}
                          <Caption1>{f.rule}</Caption1>
                        </span>
                        <Body1>{f.message}</Body1>
                      </span>
                    </Button>
                    {preview?.key === key && <Preview row={preview.row} />}
                  </li>
                );
              })}
            </ul>
            {group.length > shown[severity] && (
              <Button
                appearance="transparent"
                onClick={() => setShown({ ...shown, [severity]: group.length })}
              >
                {`Show all ${group.length}`}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}

function Preview({ row }: { row: RowPreview | null }) {
  const styles = useStyles();
  if (!row) return <Caption1>That cell is outside the sheet&apos;s data.</Caption1>;
  return (
    <dl
      className={styles.preview}
      aria-label={`Row ${row.row} of ${row.sheet}`}
      data-testid="row-preview"
    >
      <Caption1>{`Row ${row.row} of ${row.sheet}`}</Caption1>
      {row.cells.map((c, i) => (
        <div key={i} className={c.target ? styles.target : undefined}>
          <dt style={{ display: "inline" }}>{c.header}: </dt>
          <dd style={{ display: "inline", margin: 0 }}>{c.value || "(blank)"}</dd>
        </div>
      ))}
    </dl>
  );
}
