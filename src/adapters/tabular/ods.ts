/**
 * An OpenDocument spreadsheet (.ods, as LibreOffice and Google Sheets save it) as the engine's
 * grids: `content.xml`'s tables, cells by value type (numbers, percentages and currencies by
 * their value, dates as dates, booleans, text from the paragraphs), repeated rows and columns
 * expanded only where they hold something, and spanned cells reported as merges.
 */
import { CellValue, SheetGrid, WorkbookGrids } from "../../engine/grid";
import { LIMITS, PackageRefused } from "../xlsx/package/limits";
import { Package } from "../xlsx/package/opc";
import { attr } from "../xlsx/xml/scanner";

type Merge = NonNullable<SheetGrid["merges"]>[number];

export function isOds(pkg: Package): boolean {
  const mime = pkg.entry("mimetype") ? pkg.text("mimetype") : undefined;
  return mime?.trim() === "application/vnd.oasis.opendocument.spreadsheet";
}

function cellValue(tag: string, text: string): CellValue {
  const type = attr(tag, "office:value-type");
  switch (type) {
    case "float":
    case "percentage":
    case "currency": {
      const n = Number(attr(tag, "office:value"));
      return Number.isFinite(n) ? n : text;
    }
    case "date": {
      const iso = attr(tag, "office:date-value") ?? "";
      const ms = Date.parse(iso.length <= 10 ? iso : `${iso}Z`);
      return Number.isNaN(ms) ? text : new Date(ms);
    }
    case "boolean":
      return attr(tag, "office:boolean-value") === "true";
    default:
      return text === "" ? null : text;
  }
}

export function readOds(pkg: Package): WorkbookGrids {
  const sheets: SheetGrid[] = [];
  let sheet: SheetGrid | null = null;
  let merges: Merge[] = [];
  let row = -1;
  let col = 0;
  let rowRepeat = 1;
  let cellTag = "";
  let cellRepeat = 1;
  let inCell = false;
  let text = "";
  let paragraphs = 0;
  let cells = 0;
  const put = (value: CellValue) => {
    if (!sheet || value === null || row >= LIMITS.rows) return;
    for (let r = 0; r < rowRepeat; r++)
      for (let c = 0; c < cellRepeat && col + c < LIMITS.columns; c++) {
        if (++cells > LIMITS.cells)
          throw new PackageRefused(`the workbook holds more than ${LIMITS.cells} cells`);
        (sheet.rows[row + r] ??= [])[col + c] = value;
      }
  };
  pkg.scan("content.xml", {
    open(name, tag, selfClosing) {
      if (name === "table" && tag.startsWith("table:table")) {
        sheet = { name: attr(tag, "table:name") ?? `Sheet${sheets.length + 1}`, rows: [] };
        merges = [];
        row = -1;
      } else if (name === "table-row") {
        row++;
        col = 0;
        rowRepeat = Math.min(
          Number(attr(tag, "table:number-rows-repeated") ?? 1) || 1,
          LIMITS.rows
        );
      } else if (name === "table-cell" || name === "covered-table-cell") {
        cellTag = tag;
        cellRepeat = Math.min(
          Number(attr(tag, "table:number-columns-repeated") ?? 1) || 1,
          LIMITS.columns
        );
        const across = Number(attr(tag, "table:number-columns-spanned") ?? 1);
        const down = Number(attr(tag, "table:number-rows-spanned") ?? 1);
        if (across > 1 || down > 1)
          merges.push({ top: row, left: col, bottom: row + down - 1, right: col + across - 1 });
        text = "";
        paragraphs = 0;
        inCell = !selfClosing;
        if (selfClosing) {
          if (name === "table-cell") put(cellValue(tag, ""));
          col += cellRepeat;
        }
      } else if (name === "p" && inCell && !selfClosing) {
        if (paragraphs++ > 0) text += "\n";
      } else if (name === "s" && inCell) text += " ".repeat(Number(attr(tag, "text:c") ?? 1));
    },
    close(name) {
      if ((name === "table-cell" || name === "covered-table-cell") && inCell) {
        if (name === "table-cell") put(cellValue(cellTag, text));
        col += cellRepeat;
        inCell = false;
      } else if (name === "table-row") {
        row += rowRepeat - 1;
      } else if (name === "table" && sheet) {
        const rows = sheet.rows;
        for (let r = 0; r < rows.length; r++) rows[r] ??= [];
        if (merges.length > 0) sheet.merges = merges;
        sheets.push(sheet);
        sheet = null;
      }
    },
    text(t) {
      if (inCell) text += t;
    },
  });
  return { sheets, tables: [] };
}
