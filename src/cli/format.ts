/** The human-readable output of `validate` and `build`: findings grouped by severity, each at `Sheet!Cell`. */
import { sheetRef } from "../engine/address";
import { Finding, Severity } from "../engine/findings";
import { collapseFloods } from "../engine/floods";
import { Report } from "../engine/report";
import { terminalText } from "./terminal-text";

/** A finding's message quotes workbook text inside the engine's own sentence (under 200 characters). */
const MESSAGE_MAX = 400;
import { nameWithId } from "../engine/names";

const HEADINGS: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };

/** `Sheet!Cell` as printed: the sheet name is workbook text, so it is made safe for a terminal. */
export function location(f: Finding): string {
  if (f.sheet === null) return "(workbook)";
  return terminalText(f.cell === null ? sheetRef(f.sheet, "") : sheetRef(f.sheet, f.cell));
}

export function countLine(report: Report): string {
  const c = report.counts;
  const read = `Read ${c.units} units, ${c.people} people, ${c.goals} goals, ${c.objectives} objectives, ${c.kras} KRAs, ${c.kpis} KPIs and ${c.actuals} check-ins (as of ${report.asOf}).`;
  const provisional = report.owners.filter((o) => o.provisional);
  if (provisional.length === 0) return read;
  const scored = report.owners.filter((o) => o.score !== null).length;
  const names = provisional.slice(0, 3).map((o) => terminalText(nameWithId(o.name, o.id)));
  const more = provisional.length > 3 ? ` and ${provisional.length - 3} more` : "";
  return `${read}\n${provisional.length} of ${scored} owner scores are provisional (too few of their KPIs have an actual; see low-coverage): ${names.join(", ")}${more}.`;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function totalsLine(findings: readonly Finding[]): string {
  const n = severityCounts(findings);
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  return `${plural(n.error, "error")}, ${plural(n.warning, "warning")}, ${n.info} info.`;
}

/**
 * The findings by severity, each at its cell. A flood (more than FLOOD_MIN of one rule on one
 * sheet about one kind of entity) prints as its first finding with the count and the cells the
 * rest span; the headings and totals count every finding, as the exit status and --json do.
 */
export function formatFindings(findings: readonly Finding[]): string {
  const shown = collapseFloods(findings);
  const lines: string[] = [];
  let width = 0;
  let ruleWidth = 0;
  for (const f of shown) {
    width = Math.max(width, Math.min(28, location(f).length));
    ruleWidth = Math.max(ruleWidth, f.rule.length);
  }
  const counts = severityCounts(findings);
  for (const severity of ["error", "warning", "info"] as Severity[]) {
    if (counts[severity] === 0) continue;
    lines.push(`${HEADINGS[severity]} (${counts[severity]})`);
    for (const f of shown)
      if (f.severity === severity)
        lines.push(
          `  ${location(f).padEnd(width)}  ${f.rule.padEnd(ruleWidth)}  ${terminalText(f.message, MESSAGE_MAX)}`
        );
    lines.push("");
  }
  lines.push(totalsLine(findings));
  return lines.join("\n");
}
