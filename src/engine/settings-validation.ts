/**
 * Checks one Settings value the way `validate` would read it, before anything is written: the
 * task pane's Settings form calls this on each edit. The same reader judges it (a bad value is
 * the message `validate` would print), so the form can never accept what the engine rejects.
 */
import { Findings } from "./findings";
import { CellValue } from "./grid";
import { readSettings } from "./read/settings-sheet";

/**
 * The finding message for `name` = `text`, or null when the engine reads it cleanly. `others` are
 * the form's other settings (name → text), for the checks that pair two settings: Amber At above
 * Green At, Cap below Floor, Cycle End before Cycle Start, KRA Count Min above Max.
 */
export function validateSettingValue(
  name: string,
  text: string,
  others: Readonly<Record<string, string>> = {}
): string | null {
  const rows: CellValue[][] = [["Setting", "Value"]];
  for (const [other, value] of Object.entries(others))
    if (other.trim().toLowerCase() !== name.trim().toLowerCase() && value.trim() !== "")
      rows.push([other, value]);
  const before = messagesOf(rows);
  const after = messagesOf([...rows, [name, text]]);
  return after.find((m) => !before.includes(m)) ?? null;
}

function messagesOf(rows: CellValue[][]): string[] {
  const findings = new Findings();
  readSettings({ sheets: [{ name: "Settings", rows }] }, findings);
  return findings.list.filter((f) => f.severity !== "info").map((f) => f.message);
}
