/** The human-readable output of `validate` and `build`: findings grouped by severity, each at `Sheet!Cell`. */
import { sheetRef } from "../engine/address";
import { Finding, Severity } from "../engine/findings";
import { Report } from "../engine/report";
import { nameWithId } from "../engine/names";

const HEADINGS: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };

export function location(f: Finding): string {
  if (f.sheet === null) return "(workbook)";
  return f.cell === null ? sheetRef(f.sheet, "") : sheetRef(f.sheet, f.cell);
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

/**
 * Workbook text as the terminal shows it: control characters escaped (a CR/LF in a cell cannot
 * print a fake line) and cut to a sane length.
 */
export function terminalText(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  const shown = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) =>
    ch === "\r"
      ? "\\r"
      : ch === "\n"
        ? "\\n"
        : ch === "\t"
          ? "\\t"
          : `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`
  );
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
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

export function formatFindings(findings: readonly Finding[]): string {
  const lines: string[] = [];
  let width = 0;
  let ruleWidth = 0;
  for (const f of findings) {
    width = Math.max(width, Math.min(28, location(f).length));
    ruleWidth = Math.max(ruleWidth, f.rule.length);
  }
  for (const severity of ["error", "warning", "info"] as Severity[]) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${HEADINGS[severity]} (${group.length})`);
    for (const f of group)
      lines.push(`  ${location(f).padEnd(width)}  ${f.rule.padEnd(ruleWidth)}  ${f.message}`);
    lines.push("");
  }
  lines.push(totalsLine(findings));
  return lines.join("\n");
}
