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

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export function readCsv(text: string, sheetName: string): SheetGrid {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark
  const sep = separatorOf(body).charCodeAt(0);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  // A field's plain characters are taken as one slice of the text, from `run` to where a quote,
  // separator or line break interrupts them: a string built a character at a time made a tree of
  // a node per character, which cost ten times the text's size and grew slower than linearly.
  let run = 0;
  const take = (to: number) => {
    if (to > run) field += body.slice(run, to);
  };
  const endField = () => {
    row.push(field === "" ? null : field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row.some((v) => v !== null) ? row : []);
    row = [];
  };
  let i = 0;
  while (i < body.length) {
    const c = body.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        take(i);
        if (body.charCodeAt(i + 1) === QUOTE) {
          field += '"';
          i++;
        } else quoted = false;
        run = i + 1;
      }
      i++;
      continue;
    }
    if (c === QUOTE && field === "" && run === i) quoted = true;
    else if (c === sep) {
      take(i);
      endField();
    } else if (c === LF) {
      take(i);
      endRow();
    } else if (c === CR) take(i);
    else {
      i++;
      continue;
    }
    i++;
    run = i;
  }
  take(body.length);
  if (field !== "" || row.length > 0) endRow();
  return { name: sheetName, rows };
}
