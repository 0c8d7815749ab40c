/** What `kpi-cascade demo` prints after building the sample: the numbers a first-time user looks for. */
import { Report } from "../engine/report";
import { nameWithId } from "../engine/names";
import { RATING_LABELS } from "../engine/settings";
import { formatFindings } from "./format";
import { terminalText } from "./terminal-text";

function pct(x: number | null): string {
  return x === null ? "  –  " : `${(x * 100).toFixed(1)}%`.padStart(6);
}

/** `Ana Alvarez (P12)  person  107.5%  4 Achieved  coverage 100%`, provisional ones marked. */
function ownerLines(owners: Report["owners"]): string[] {
  const labels = owners.map((o) => terminalText(nameWithId(o.name, o.id)));
  const width = labels.reduce((w, l) => (l.length > w ? l.length : w), 0);
  return owners.map((o, i) => {
    const rating = o.rating === null ? "" : `${o.rating} ${RATING_LABELS[o.rating - 1]}`;
    const mark = o.provisional ? "  provisional" : "";
    return `  ${labels[i].padEnd(width)}  ${(o.kind ?? "").padEnd(6)} ${pct(o.score)}  ${rating.padEnd(22)} coverage ${pct(o.coverage).trim()}${mark}`;
  });
}

export function demoSummary(report: Report, input: string, output: string, json: string): string {
  const statuses = { green: 0, amber: 0, red: 0, none: 0 };
  for (const k of report.kpis) statuses[k.status ?? "none"]++;
  const owners = [...report.owners]
    .filter((o) => o.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number));
  const lines = [
    "",
    `Sample workbook: ${terminalText(input)}`,
    `KPIs: ${statuses.green} green, ${statuses.amber} amber, ${statuses.red} red, ${statuses.none} without a score.`,
    "",
    "Owner scores (best first; coverage is the share of KPI weight with an actual):",
    ...ownerLines(owners),
    "",
    "Goals:",
    ...report.goals.map((g) => `  ${pct(g.score)}  ${terminalText(nameWithId(g.name, g.id))}`),
    "",
    "Findings (the sample has deliberate problems; see examples/README.md):",
    formatFindings(report.findings),
    "",
    `Workbook written to ${terminalText(output)}`,
    `Report written to ${terminalText(json)}`,
  ];
  return lines.join("\n");
}
