/**
 * Who still owes which check-ins after `collect`, computed from the merged workbook: the round is
 * worked out again and every period still open is owed, with why (not returned, left blank,
 * refused, conflicting answers…). As a `KPI Chase List` sheet that prints, as lines for the
 * terminal, and as a mail-merge CSV (owner, e-mail, file, outstanding) like `split`'s.
 */
import { Analysis } from "../../engine/analyze";
import { isoFromDay } from "../../engine/dates";
import { Recipient, Round, checkInRound } from "../../engine/check-in-cycle/round";
import { CellPlan, SheetPlan } from "../plan";
import { CollectResult, periodKey } from "./collect";
import { fileNames } from "./split-file";

export interface ChaseEntry {
  recipient: Recipient;
  file: string;
  kpi: string;
  kpiName: string | null;
  period: string;
  status: string;
}

export interface ChaseList {
  round: Round;
  entries: ChaseEntry[];
  /** The recipients who owe something, in round order, with their file name. */
  owing: { recipient: Recipient; file: string; count: number }[];
}

export function chaseList(merged: Analysis, result: CollectResult): ChaseList {
  const round = checkInRound(merged, { by: result.by, asOf: result.asOf });
  const names = fileNames(round.recipients);
  const entries: ChaseEntry[] = [];
  const owing: ChaseList["owing"] = [];
  for (const r of round.recipients) {
    if (r.open.length === 0) continue;
    const file = names.get(r.id) as string;
    const returned = result.returned.get(r.id);
    const refused = result.refused.get(r.id);
    owing.push({ recipient: r, file, count: r.open.length });
    for (const o of r.open) {
      const held = result.held.get(periodKey(o.kpi, o.end));
      const status =
        held ??
        (returned
          ? `not in ${returned} (asked for after it was made)`
          : refused
            ? `file refused: ${refused}`
            : "not returned");
      entries.push({
        recipient: r,
        file,
        kpi: o.kpi,
        kpiName: merged.model.kpis.get(o.kpi)?.name ?? null,
        period: o.label,
        status,
      });
    }
  }
  return { round, entries, owing };
}

const HEADER = ["Owner ID", "Owner", "E-mail", "File", "KPI ID", "KPI", "Period", "Status"];

/** The chase list as a sheet to print and hand round. */
export function chaseSheet(list: ChaseList): SheetPlan {
  const asOf = isoFromDay(list.round.asOf);
  const count = list.entries.length;
  const rows: (CellPlan | null)[][] = [
    [{ value: "Check-ins still owed", style: "title" }],
    [
      {
        value:
          count === 0
            ? `As of ${asOf}: nothing is owed — every check-in asked for has come back.`
            : `As of ${asOf}: ${count} check-in${count === 1 ? "" : "s"} from ${list.owing.length} ${list.round.by === "unit" ? "unit" : list.round.by === "manager" ? "manager" : "owner"}${list.owing.length === 1 ? "" : "s"}. Send each one their file again (the same file can be filled in and returned).`,
        style: "subtitle",
      },
    ],
    [],
    HEADER.map((h) => ({ value: h, style: "header" as const })),
  ];
  for (const e of list.entries)
    rows.push([
      { value: e.recipient.id },
      { value: e.recipient.label },
      e.recipient.email === null ? null : { value: e.recipient.email },
      { value: e.file },
      { value: e.kpi },
      e.kpiName === null ? null : { value: e.kpiName },
      { value: e.period },
      { value: e.status, wrap: e.status.length > 40 },
    ]);
  return {
    kind: "chase",
    name: "KPI Chase List",
    rows,
    columnWidths: [10, 26, 28, 28, 10, 36, 11, 44],
    frozen: { rows: 4, columns: 0 },
    tabColor: "C00000",
    print: {
      landscape: true,
      fitToWidth: true,
      repeatRows: "4:4",
      header: { left: "{file}", center: "Check-ins still owed", right: `As of ${asOf}` },
      footer: { left: "{sheet}", right: "Page {page} of {pages}" },
    },
  };
}

/** A CSV field: quoted when it holds a separator, a quote or a line break; formulas defused. */
function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const MAIL_MERGE_HEADER = "Owner ID,Owner,E-mail,File,Outstanding";

/**
 * One line per recipient: who, where to send, which file, how many check-ins. CRLF and a UTF-8
 * byte order mark, so Excel and Word's mail merge read accented names right.
 */
export function mailMergeCsv(
  rows: readonly { recipient: Recipient; file: string; count: number }[]
): string {
  const lines = [MAIL_MERGE_HEADER];
  for (const { recipient: r, file, count } of rows)
    lines.push([r.id, r.name ?? r.label, r.email ?? "", file, String(count)].map(field).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * The terminal's chase list: one line per recipient with what they owe, grouped by why (`not
 * returned` alone when nothing of theirs came back).
 */
export function chaseLines(list: ChaseList, shown = 6): string[] {
  const byRecipient = new Map<string, ChaseEntry[]>();
  for (const e of list.entries) {
    const l = byRecipient.get(e.recipient.id);
    if (l) l.push(e);
    else byRecipient.set(e.recipient.id, [e]);
  }
  const width = Math.min(36, Math.max(0, ...list.owing.map((o) => o.recipient.label.length)));
  const lines: string[] = [];
  for (const { recipient: r, file } of list.owing) {
    const owed = byRecipient.get(r.id) ?? [];
    const byStatus = new Map<string, ChaseEntry[]>();
    for (const e of owed) {
      const l = byStatus.get(e.status);
      if (l) l.push(e);
      else byStatus.set(e.status, [e]);
    }
    const why = [...byStatus].map(([status, entries]) => {
      if (byStatus.size === 1 && status === "not returned") return status;
      const items = entries.slice(0, shown).map((e) => `${e.kpi} ${e.period}`);
      const more = entries.length > shown ? ` and ${entries.length - shown} more` : "";
      return `${status}: ${items.join(", ")}${more}`;
    });
    lines.push(
      `  ${r.label.padEnd(width)}  ${String(owed.length).padStart(3)}  ${file}${r.email ? ` <${r.email}>` : ""} — ${why.join("; ")}`
    );
  }
  return lines;
}
