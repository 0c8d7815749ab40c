/**
 * Writes a few literal values into an existing worksheet part (the Settings rows the pane saves),
 * changing only the cells named: each keeps its style, other cells and rows keep their bytes.
 * Text is written as an inline string, so it is never read as a formula.
 */
import { CellWrite } from "../../../planner/settings-edit";
import { cellRef } from "../read/sheet";
import { escapeCellText } from "../xml/escape";
import { attr } from "../xml/scanner";

function cellXml(address: string, style: string | undefined, value: CellWrite["value"]): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (value === null || value === "") return `<c r="${address}"${s}/>`;
  if (typeof value === "number" && Number.isFinite(value))
    return `<c r="${address}"${s}><v>${value}</v></c>`;
  return `<c r="${address}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(String(value))}</t></is></c>`;
}

const CELL = /<c\s[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const ROW = /<row\s[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;

function editRow(row: string, rowNumber: number, writes: Map<number, CellWrite>): string {
  const open = /^<row\s[^>]*?(\/?)>/.exec(row) as RegExpExecArray;
  const cells: { col: number; xml: string }[] = [];
  if (open[1] !== "/")
    for (const m of row.matchAll(CELL)) {
      const [, col] = cellRef(attr(m[0], "r") ?? "");
      cells.push({ col, xml: m[0] });
    }
  for (const [col, w] of writes) {
    const at = cells.findIndex((c) => c.col === col);
    const style = at >= 0 ? attr(cells[at].xml, "s") : undefined;
    const xml = cellXml(w.address.toUpperCase(), style, w.value);
    if (at >= 0) cells[at].xml = xml;
    else cells.push({ col, xml });
  }
  cells.sort((a, b) => a.col - b.col);
  const start = open[0].replace(/\/>$/, ">").replace(/\sspans="[^"]*"/, "");
  return `${start}${cells.map((c) => c.xml).join("")}</row>`.replace(
    /\sr="\d+"/,
    ` r="${rowNumber}"`
  );
}

export function editCells(sheetXml: string, writes: readonly CellWrite[]): string {
  const byRow = new Map<number, Map<number, CellWrite>>();
  for (const w of writes) {
    const [row, col] = cellRef(w.address);
    if (row < 0) continue;
    const line = byRow.get(row + 1) ?? new Map<number, CellWrite>();
    line.set(col, w);
    byRow.set(row + 1, line);
  }
  let xml = sheetXml.replace(/<sheetData\s*\/>/, "<sheetData></sheetData>");
  xml = xml.replace(ROW, (row) => {
    const n = Number(attr(row.slice(0, row.indexOf(">") + 1), "r"));
    const edits = byRow.get(n);
    if (!edits) return row;
    byRow.delete(n);
    return editRow(row, n, edits);
  });
  // Rows that do not exist yet go in row order among the others.
  for (const [n, edits] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const newRow = editRow(`<row r="${n}">`, n, edits);
    let inserted = false;
    xml = xml.replace(ROW, (row) => {
      if (!inserted && Number(attr(row.slice(0, row.indexOf(">") + 1), "r")) > n) {
        inserted = true;
        return newRow + row;
      }
      return row;
    });
    if (!inserted) xml = xml.replace("</sheetData>", `${newRow}</sheetData>`);
  }
  return xml;
}
