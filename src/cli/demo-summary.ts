/** What `kpi-cascade demo` prints after building the sample: the numbers a first-time user looks for. */
import { Report } from "../engine/report";
import { formatFindings } from "./format";
import { terminalText } from "./terminal-text";

function pct(x: number | null): string {
  return x === null ? "  –  " : `${(x * 100).toFixed(1)}%`.padStart(6);
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
    "Owner scores (best first):",
    ...owners.map(
      (o) =>
        `  ${terminalText(o.id).padEnd(10)} ${(o.kind ?? "").padEnd(7)} ${pct(o.score)}  rating ${o.rating}`
    ),
    "",
    "Goals:",
    ...report.goals.map((g) => `  ${terminalText(g.id).padEnd(10)} ${pct(g.score)}`),
    "",
    "Findings (the sample has deliberate problems; see examples/README.md):",
    formatFindings(report.findings),
    "",
    `Workbook written to ${terminalText(output)}`,
    `Report written to ${terminalText(json)}`,
  ];
  return lines.join("\n");
}
