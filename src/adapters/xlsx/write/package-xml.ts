/**
 * Edits of the package's plumbing as text: a relationships part (drop some relationships, add
 * others) and `[Content_Types].xml` (drop the overrides of removed parts, add those of new ones).
 * What is not dropped stays as it was written.
 */
import { escapeXml } from "../xml/escape";
import { attr } from "../xml/scanner";

export const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const REL_TYPES = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
};
export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
};

export interface NewRelationship {
  id: string;
  type: string;
  target: string;
}

export const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;

/** A relationship id that none of `taken` has: `rId7`. */
export function freeRelId(taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `rId${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export function editRels(xml: string, removedIds: Set<string>, added: NewRelationship[]): string {
  let out = xml.replace(/<Relationship\s[^>]*?(\/>|>\s*<\/Relationship>)/g, (tag) =>
    removedIds.has(attr(tag, "Id") ?? "") ? "" : tag
  );
  const extra = added
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  const end = out.lastIndexOf("</Relationships>");
  if (end >= 0) out = out.slice(0, end) + extra + out.slice(end);
  else out = out.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${extra}</Relationships>`);
  return out;
}

export function editContentTypes(
  xml: string,
  removedParts: Set<string>,
  added: { part: string; type: string }[]
): string {
  let out = xml.replace(/<Override\s[^>]*?(\/>|>\s*<\/Override>)/g, (tag) =>
    removedParts.has((attr(tag, "PartName") ?? "").replace(/^\//, "").toLowerCase()) ? "" : tag
  );
  const extra = added
    .map((a) => `<Override PartName="/${escapeXml(a.part)}" ContentType="${a.type}"/>`)
    .join("");
  const end = out.lastIndexOf("</Types>");
  out = out.slice(0, end) + extra + out.slice(end);
  return out;
}

/** The target of a relationship from `source` to `part`, relative to the source's folder. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
