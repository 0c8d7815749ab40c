/** The Excel tables (ListObjects) on a sheet, from its table parts: name and position. */
import { TableRef } from "../../../engine/grid";
import { Package, relType } from "../package/opc";
import { attr } from "../xml/scanner";
import { cellRef } from "./sheet";

export function readTables(pkg: Package, sheetPart: string, sheetName: string): TableRef[] {
  const out: TableRef[] = [];
  for (const rel of pkg.relationships(sheetPart)) {
    if (rel.external || relType(rel) !== "table") continue;
    let table: TableRef | null = null;
    pkg.scan(rel.target, {
      open(name, tag) {
        if (name !== "table" || table) return;
        const [from, to] = (attr(tag, "ref") ?? "").split(":");
        const [top, left] = cellRef(from ?? "");
        const [bottom, right] = cellRef(to ?? from ?? "");
        if (top < 0 || bottom < top || right < left || attr(tag, "headerRowCount") === "0") return;
        const totals = Number(attr(tag, "totalsRowCount") ?? 0) > 0 ? 1 : 0;
        table = {
          name: attr(tag, "displayName") ?? attr(tag, "name") ?? "",
          sheet: sheetName,
          top,
          left,
          rowCount: bottom - top + 1 - totals,
          colCount: right - left + 1,
        };
      },
    });
    if (table) out.push(table);
  }
  return out;
}
