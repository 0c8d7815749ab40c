/**
 * What `workbook.xml` says that a reader needs: the sheets in tab order with the relationship
 * that names each one's part, the defined names, and the date system. Sheets are resolved
 * through the relationships, never by `sheetId` or by guessing a file name: after a sheet is
 * deleted or re-added, `sheetId` and the part's number differ.
 */
import { Package, relType } from "../package/opc";
import { LIMITS, PackageRefused } from "../package/limits";
import { attr, attrs } from "../xml/scanner";

export interface SheetEntry {
  name: string;
  /** The sheet's part, e.g. `xl/worksheets/sheet3.xml`; null for a chart sheet or a dangling id. */
  part: string | null;
  relId: string;
  sheetId: number;
  state: "visible" | "hidden" | "veryHidden";
}

export interface DefinedName {
  name: string;
  /** The 0-based index of the sheet the name is local to, if any. */
  localSheet: number | null;
  text: string;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  date1904: boolean;
}

/** The relationship id attribute, whatever prefix the writer gave the relationships namespace. */
function relIdOf(tag: string): string {
  const direct = attr(tag, "r:id");
  if (direct !== undefined) return direct;
  for (const [key, value] of attrs(tag)) if (key.endsWith(":id")) return value;
  return "";
}

export function readWorkbookInfo(pkg: Package): WorkbookInfo {
  const part = pkg.workbookPart();
  const rels = new Map(pkg.relationships(part).map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let name: DefinedName | null = null;
  pkg.scan(part, {
    open(element, tag) {
      if (element === "sheet") {
        const relId = relIdOf(tag);
        const rel = rels.get(relId);
        const state = attr(tag, "state");
        sheets.push({
          name: attr(tag, "name") ?? "",
          part: rel && !rel.external && relType(rel) === "worksheet" ? rel.target : null,
          relId,
          sheetId: Number(attr(tag, "sheetId") ?? 0),
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
        });
        if (sheets.length > LIMITS.sheets)
          throw new PackageRefused(`${part} lists more than ${LIMITS.sheets} sheets`);
      } else if (element === "workbookPr") {
        const v = attr(tag, "date1904");
        date1904 = v === "1" || v === "true";
      } else if (element === "definedName") {
        const local = attr(tag, "localSheetId");
        name = {
          name: attr(tag, "name") ?? "",
          localSheet: local === undefined ? null : Number(local),
          text: "",
        };
        definedNames.push(name);
      }
    },
    close(element) {
      if (element === "definedName") name = null;
    },
    text(t) {
      if (name) name.text += t;
    },
  });
  return { part, sheets, definedNames, date1904 };
}
