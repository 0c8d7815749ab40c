/** `validate --explain` (SPEC 2.2): how each sheet was read, in plain lines under the findings. */
import { Analysis } from "../engine/analyze";
import { appendAll } from "../engine/collections";
import { RowRange, SheetDescription, describeReading } from "../engine/layout/describe";

const ROW_WORDS: Record<RowRange["kind"], string> = {
  data: "data",
  header: "repeated header (skipped)",
  total: "total (skipped)",
  section: "section: KRA of the rows below",
  footnote: "footnote (skipped)",
  blank: "blank",
};

function rowsLine(rows: RowRange[]): string {
  return rows
    .map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${ROW_WORDS[r.kind]}`)
    .join("; ");
}

function sheetLines(d: SheetDescription): string[] {
  const lines = [`Sheet "${d.sheet}": ${d.readAs ? `${d.readAs}, ${d.how}` : "not read"}`];
  if (d.note) lines.push(`  ${d.note}`);
  if (d.headerRows.length > 0)
    lines.push(`  header row${d.headerRows.length > 1 ? "s" : ""}: ${d.headerRows.join("–")}`);
  const used = d.columns.filter((c) => c.meaning !== null);
  if (used.length > 0)
    lines.push(`  columns: ${used.map((c) => `${c.column} ${c.meaning}`).join(" · ")}`);
  const ignored = d.columns.filter((c) => c.meaning === null && c.header);
  if (ignored.length > 0)
    lines.push(`  ignored: ${ignored.map((c) => `${c.column} "${c.header}"`).join(", ")}`);
  if (d.rows.length > 0) lines.push(`  rows: ${rowsLine(d.rows)}`);
  for (const x of d.derived) lines.push(`  derived: ${x}`);
  if (d.how === "own layout") lines.push(`  gave ${d.kpis} KPIs and ${d.checkIns} check-ins`);
  return lines;
}

export function formatExplain(analysis: Analysis): string {
  const sheets = describeReading(analysis);
  const lines = ["How the workbook was read:"];
  for (const d of sheets) appendAll(lines, sheetLines(d));
  lines.push(
    'Correct a guess with Settings rows: "Sheet KPIs", "Column KPIs.Target", or "Layout <sheet>" (e.g. "kpis; header rows 3-4; owner from sheet name").'
  );
  return lines.join("\n");
}
