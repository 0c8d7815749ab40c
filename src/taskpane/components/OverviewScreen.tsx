/** What was found, at a glance: the sheets and their roles, counts, findings, statuses, the organisation's score. */
import {
  Badge,
  Body1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { RATING_LABELS } from "../../engine/settings";
import { Loaded } from "../use-session";
import { count, percent } from "./format";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  counts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(88px, 1fr))",
    gap: tokens.spacingVerticalXS,
    margin: 0,
  },
  count: { margin: 0 },
  score: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
});

export function OverviewScreen({ loaded }: { loaded: Loaded }) {
  const styles = useStyles();
  const o = loaded.view.overview;
  // Red and amber only where there is something to fix: "0 errors" is good news.
  const alarm = (n: number, color: "danger" | "warning") => (n > 0 ? color : "subtle");
  return (
    <div className={styles.stack}>
      <div aria-label="Organisation score">
        <Subtitle2 as="h2">Organisation score</Subtitle2>
        <div className={styles.score} data-testid="org-score">
          {percent(o.organisationScore)}
        </div>
        <Body1>
          {o.organisationRating
            ? `Rating ${o.organisationRating}: ${RATING_LABELS[o.organisationRating - 1]}. `
            : ""}
          As of {o.asOf}.
        </Body1>
      </div>
      <div>
        <Subtitle2 as="h2">Health</Subtitle2>
        <div className={styles.badges}>
          <Badge color={alarm(o.findings.error, "danger")} appearance="filled">
            {count(o.findings.error, "error")}
          </Badge>
          <Badge color={alarm(o.findings.warning, "warning")} appearance="filled">
            {count(o.findings.warning, "warning")}
          </Badge>
          <Badge color="informative" appearance="outline">
            {count(o.findings.info, "note")}
          </Badge>
        </div>
        <div className={styles.badges} style={{ marginTop: tokens.spacingVerticalS }}>
          <Badge color="success" appearance="tint">{`${o.statuses.green} green`}</Badge>
          <Badge color="warning" appearance="tint">{`${o.statuses.amber} amber`}</Badge>
          <Badge color="danger" appearance="tint">{`${o.statuses.red} red`}</Badge>
          <Badge color="subtle" appearance="tint">{`${o.statuses.none} not scored`}</Badge>
        </div>
      </div>
      <div>
        <Subtitle2 as="h2">Found</Subtitle2>
        <dl className={styles.counts}>
          {o.counts.map((c) => (
            <div key={c.label} className={styles.count}>
              <dt>
                <Body1>{c.label}</Body1>
              </dt>
              <dd className={styles.count}>
                <Subtitle2>{c.value.toLocaleString()}</Subtitle2>
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <div>
        <Subtitle2 as="h2">Sheets</Subtitle2>
        <Table size="extra-small" aria-label="Which sheet holds what">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Holds</TableHeaderCell>
              <TableHeaderCell>Sheet</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {o.roles.map((r) => (
              <TableRow key={r.kind}>
                <TableCell>{r.label}</TableCell>
                <TableCell>
                  {r.sheet ? (r.table ? `${r.sheet} (table ${r.table})` : r.sheet) : "not found"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
