/**
 * The import screen's upper half (SPEC 2.2): each sheet as it was read — its first rows with the
 * columns labelled and the skipped rows greyed — and the correction of the guess, kept as a draft
 * until the screen saves it as a `Layout <sheet>` row.
 */
import {
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { LayoutDraft, PreviewRow, SheetPreview } from "../model/mapping";

const useStyles = makeStyles({
  sheet: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100, whiteSpace: "nowrap" },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    maxWidth: "9em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  label: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  unused: { color: tokens.colorNeutralForeground4 },
  skipped: {
    color: tokens.colorNeutralForeground4,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  section: { fontStyle: "italic", backgroundColor: tokens.colorNeutralBackground2 },
  header: { fontWeight: tokens.fontWeightSemibold },
  controls: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  control: { minWidth: 0, width: "100%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const ROW_TITLES: Record<PreviewRow["kind"], string> = {
  data: "data",
  "header-row": "header",
  title: "title (skipped)",
  header: "repeated header (skipped)",
  total: "total (skipped)",
  section: "section: KRA of the rows below",
  footnote: "footnote (skipped)",
  blank: "blank",
};

function Preview({ preview }: { preview: SheetPreview }) {
  const styles = useStyles();
  const meaning = new Map(preview.description.columns.map((c) => [c.column, c.meaning]));
  const rowClass = (kind: PreviewRow["kind"]) =>
    kind === "section"
      ? styles.section
      : kind === "header-row"
        ? styles.header
        : kind === "data"
          ? undefined
          : styles.skipped;
  return (
    <div className={styles.scroll}>
      <table className={styles.table} aria-label={`Preview of ${preview.description.sheet}`}>
        <thead>
          <tr>
            <th className={styles.cell} />
            {preview.columns.map((c) => (
              <th
                key={c}
                scope="col"
                className={mergeClasses(styles.cell, meaning.get(c) ? styles.label : styles.unused)}
              >
                {`${c}: ${meaning.get(c) ?? "ignored"}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr
              key={r.row}
              className={rowClass(r.kind)}
              title={ROW_TITLES[r.kind]}
              data-kind={r.kind}
            >
              <th scope="row" className={styles.cell}>
                {r.row}
              </th>
              {r.cells.map((v, i) => (
                <td key={i} className={styles.cell}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SheetReading({
  preview,
  onChange,
}: {
  preview: SheetPreview;
  onChange: (draft: LayoutDraft) => void;
}) {
  const styles = useStyles();
  const d = preview.description;
  const draft = preview.layout;
  const skipped = d.rows
    .filter((r) => r.kind !== "data" && r.kind !== "section")
    .reduce((n, r) => n + r.to - r.from + 1, 0);
  return (
    <section className={styles.sheet} aria-label={`${d.sheet} reading`}>
      <Subtitle2 as="h3">{d.sheet}</Subtitle2>
      <Caption1>
        {d.readAs
          ? `Read as ${d.readAs} (${d.how}), header row ${d.headerRows.join("–")}${d.how === "own layout" ? `: ${d.kpis} KPIs, ${d.checkIns} check-ins` : ""}${skipped ? `, ${skipped} rows skipped` : ""}.`
          : "Not read."}
        {d.note ? ` It ${d.note}.` : ""}
      </Caption1>
      {preview.rows.length > 0 && <Preview preview={preview} />}
      {d.derived.length > 0 && (
        <ul className={styles.list}>
          {d.derived.map((x) => (
            <li key={x}>
              <Caption1>{x}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {d.how !== "template format" && (
        <div className={styles.controls}>
          <Field label={`Read ${d.sheet} as`} size="small">
            <Select
              size="small"
              className={styles.control}
              value={draft.kind}
              onChange={(_, v) => onChange({ ...draft, kind: v.value as LayoutDraft["kind"] })}
            >
              <option value="">as found</option>
              <option value="kpis">KPIs</option>
              <option value="check-ins">check-ins (one row per KPI and period)</option>
              <option value="ignore">nothing (ignore)</option>
            </Select>
          </Field>
          <Field label={`Header rows of ${d.sheet}`} size="small">
            <Input
              size="small"
              className={styles.control}
              placeholder={d.headerRows.join("-") || "e.g. 3-4"}
              value={draft.headerRows}
              onChange={(_, v) => onChange({ ...draft, headerRows: v.value })}
            />
          </Field>
          <Checkbox
            label="Owner from the sheet name"
            checked={draft.ownerFromSheet}
            onChange={(_, v) => onChange({ ...draft, ownerFromSheet: v.checked === true })}
          />
        </div>
      )}
    </section>
  );
}
