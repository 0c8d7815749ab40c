/**
 * A CSV file as one sheet (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes).
 * The separator is the one the header line uses most among `,`, `;` and tab — Excel writes `;`
 * where the decimal mark is a comma. Every field stays text: the engine reads numbers, percentages
 * and dates from text as it does from typed cells.
 */
import { CellValue, SheetGrid } from "../../engine/grid";

function separatorOf(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  const counts = [",", ";", "\t"].map((s) => [s, firstLine.split(s).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function readCsv(text: string, sheetName: string): SheetGrid {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark
  const sep = separatorOf(body);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field === "" ? null : field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row.some((v) => v !== null) ? row : []);
    row = [];
  };
  while (i < body.length) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) endField();
    else if (ch === "\n") endRow();
    else if (ch !== "\r") field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) endRow();
  return { name: sheetName, rows };
}
