/**
 * Edits `workbook.xml` as text, touching only what a build must: the `<sheet>` entries of the
 * sheets it removes and adds, the defined names (markers, print titles, and the sheet-local
 * names whose sheet index moves), the active tab when it moved, and `fullCalcOnLoad` so that the
 * new formulas are computed on open. Everything else in the part stays as the user's program wrote it.
 */
import { escapeXml } from "../xml/escape";
import { attr } from "../xml/scanner";

export interface NewSheet {
  name: string;
  sheetId: number;
  relId: string;
  /** A helper sheet people need not see (`state="hidden"`). */
  hidden?: boolean;
}

export interface NewName {
  name: string;
  /** Index of the sheet (after the edit) the name is local to. */
  localSheet?: number;
  text: string;
  hidden?: boolean;
}

export interface WorkbookEdit {
  /** Relationship ids of the sheets removed. */
  removedRelIds: Set<string>;
  /** Old sheet index → new index (absent: removed). */
  sheetIndex: Map<number, number>;
  /** Defined names to drop, by their workbook-level name. */
  droppedNames: Set<string>;
  added: NewSheet[];
  names: NewName[];
}

function prefixOf(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*:)?workbook[\s>]/.exec(xml);
  return m?.[1] ?? "";
}

function relIdIn(tag: string): string | undefined {
  return attr(tag, "r:id") ?? /\s[\w.-]+:id="([^"]*)"/.exec(tag)?.[1];
}

function definedNameXml(n: NewName, p: string): string {
  return (
    `<${p}definedName name="${escapeXml(n.name)}"${n.localSheet !== undefined ? ` localSheetId="${n.localSheet}"` : ""}` +
    `${n.hidden ? ' hidden="1"' : ""}>${escapeXml(n.text)}</${p}definedName>`
  );
}

/** Applies the edit; the result keeps every other byte of the part. */
export function editWorkbookXml(xml: string, edit: WorkbookEdit): string {
  const p = prefixOf(xml);
  const sheetTag = new RegExp(`<${p}sheet\\s[^>]*?(/>|>\\s*</${p}sheet>)`, "g");
  let out = xml.replace(sheetTag, (tag) => (edit.removedRelIds.has(relIdIn(tag) ?? "") ? "" : tag));
  const newSheets = edit.added
    .map(
      (s) =>
        `<${p}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.hidden ? ' state="hidden"' : ""} r:id="${s.relId}"/>`
    )
    .join("");
  const sheetsEnd = out.indexOf(`</${p}sheets>`);
  if (sheetsEnd >= 0) out = out.slice(0, sheetsEnd) + newSheets + out.slice(sheetsEnd);
  else out = out.replace(new RegExp(`<${p}sheets\\s*/>`), `<${p}sheets>${newSheets}</${p}sheets>`);
  if (!/xmlns:r="/.test(out.slice(0, out.indexOf(">", out.indexOf(`<${p}workbook`)))))
    out = out.replace(
      new RegExp(`<${p}workbook(?=[\\s>])`),
      `<${p}workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
    );

  out = editDefinedNames(out, edit, p);
  out = editActiveTab(out, edit, p);
  return fullCalcOnLoad(out, p);
}

function editDefinedNames(xml: string, edit: WorkbookEdit, p: string): string {
  const element = new RegExp(`<${p}definedName\\s[^>]*?(/>|>[^<]*</${p}definedName>)`, "g");
  const kept: string[] = [];
  const block = new RegExp(
    `<${p}definedNames\\s*>[\\s\\S]*?</${p}definedNames>|<${p}definedNames\\s*/>`
  );
  const m = block.exec(xml);
  for (const name of m ? (m[0].match(element) ?? []) : []) {
    const open = name.slice(0, name.indexOf(">"));
    const local = attr(open, "localSheetId");
    if (local === undefined) {
      if (!edit.droppedNames.has(attr(open, "name") ?? "")) kept.push(name);
      continue;
    }
    const moved = edit.sheetIndex.get(Number(local));
    if (moved === undefined) continue; // local to a removed sheet
    kept.push(
      moved === Number(local) ? name : name.replace(/localSheetId="\d+"/, `localSheetId="${moved}"`)
    );
  }
  const names = [...kept, ...edit.names.map((n) => definedNameXml(n, p))];
  const replacement =
    names.length > 0 ? `<${p}definedNames>${names.join("")}</${p}definedNames>` : "";
  if (m) return xml.slice(0, m.index) + replacement + xml.slice(m.index + m[0].length);
  if (!replacement) return xml;
  // CT_Workbook: definedNames follows sheets, functionGroups and externalReferences.
  for (const after of [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`]) {
    const at = xml.indexOf(after);
    if (at >= 0)
      return xml.slice(0, at + after.length) + replacement + xml.slice(at + after.length);
  }
  return xml;
}

function editActiveTab(xml: string, edit: WorkbookEdit, p: string): string {
  return xml.replace(new RegExp(`<${p}workbookView\\s[^>]*>`, "g"), (tag) =>
    tag.replace(/\s(activeTab|firstSheet)="(\d+)"/g, (_all, key: string, index: string) => {
      const moved = edit.sheetIndex.get(Number(index)) ?? 0;
      return ` ${key}="${moved}"`;
    })
  );
}

/** Asks Excel and LibreOffice to compute every formula on open: the new ones carry no results. */
function fullCalcOnLoad(xml: string, p: string): string {
  const calc = new RegExp(`<${p}calcPr(\\s[^>]*?)?(/?)>`);
  const m = calc.exec(xml);
  if (m) {
    const attrs = (m[1] ?? "").replace(/\sfullCalcOnLoad="[^"]*"/, "");
    return (
      xml.slice(0, m.index) +
      `<${p}calcPr${attrs} fullCalcOnLoad="1"${m[2]}>` +
      xml.slice(m.index + m[0].length)
    );
  }
  for (const after of [
    `</${p}definedNames>`,
    `</${p}externalReferences>`,
    `</${p}functionGroups>`,
    `</${p}sheets>`,
  ]) {
    const at = xml.indexOf(after);
    if (at >= 0)
      return (
        xml.slice(0, at + after.length) +
        `<${p}calcPr fullCalcOnLoad="1"/>` +
        xml.slice(at + after.length)
      );
  }
  return xml;
}
