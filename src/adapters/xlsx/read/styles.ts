/**
 * Which cell styles show a date: the one thing the reader needs from `styles.xml`. A number in
 * such a cell is an Excel serial date and reaches the engine as a Date, as Excel shows it.
 */
import { Package } from "../package/opc";
import { attr } from "../xml/scanner";

/** Built-in number formats that are dates or times (ECMA-376 part 1, 18.8.30), CJK ones included. */
export const BUILT_IN_DATES: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format is a date when, outside quotes, escapes and [colour] blocks, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  let plain = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") i++;
    else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const inside = code.slice(i + 1, end < 0 ? code.length : end).toLowerCase();
      // [h], [mm], [ss] are elapsed-time formats: times, not dates, but not plain numbers either.
      if (/^(h+|m+|s+)$/.test(inside)) plain += inside;
      i = end < 0 ? code.length : end;
    } else plain += ch;
  }
  // The first section decides; "General" and pure number formats have none of these letters.
  const first = plain.split(";")[0].toLowerCase();
  return /[dmyhs]/.test(first.replace(/general/g, "")) && !/^[#0.,%e+\-\s]*$/.test(first);
}

/** `isDate[s]` is true when cell style `s` (a `cellXfs` index) formats numbers as dates. */
export function readDateStyles(pkg: Package, part: string | undefined): boolean[] {
  const isDate: boolean[] = [];
  if (!part) return isDate;
  const custom = new Map<number, boolean>();
  let inCellXfs = false;
  pkg.scan(part, {
    open(name, tag, selfClosing) {
      if (name === "numFmt")
        custom.set(Number(attr(tag, "numFmtId")), isDateFormat(attr(tag, "formatCode") ?? ""));
      else if (name === "cellXfs") inCellXfs = !selfClosing;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attr(tag, "numFmtId") ?? 0);
        isDate.push(custom.get(id) ?? BUILT_IN_DATES.has(id));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return isDate;
}
