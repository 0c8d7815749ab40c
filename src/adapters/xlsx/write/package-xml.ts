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

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * `xml` without the `<name …/>` (or `<name …></name>`) elements that `drop` picks, in one pass of
 * `indexOf`: a regular expression over a part of unterminated start tags took quadratic time
 * (a 420 KB relationships part, 3.7 s).
 */
function withoutElements(xml: string, name: string, drop: (tag: string) => boolean): string {
  const open = `<${name}`;
  const close = `</${name}>`;
  // Kept stretches joined once at the end: appending each to a string made a tree of thousands
  // of pieces, which cost more per piece the more there were.
  const out: string[] = [];
  let kept = 0;
  for (let at = xml.indexOf(open); at >= 0;) {
    if (!isSpace(xml.charCodeAt(at + open.length))) {
      at = xml.indexOf(open, at + open.length);
      continue;
    }
    const gt = xml.indexOf(">", at);
    if (gt < 0) break; // no start tag ends after this one either
    let end = gt + 1;
    if (xml.charCodeAt(gt - 1) !== 47 /* / */) {
      let k = end;
      while (k < xml.length && isSpace(xml.charCodeAt(k))) k++;
      if (!xml.startsWith(close, k)) {
        at = xml.indexOf(open, end);
        continue;
      }
      end = k + close.length;
    }
    if (drop(xml.slice(at, end))) {
      out.push(xml.slice(kept, at));
      kept = end;
    }
    at = xml.indexOf(open, end);
  }
  out.push(xml.slice(kept));
  return out.join("");
}

/** The first `<name …/>` start tag that closes itself, as an empty element: where `</name>` is missing. */
function openedEmpty(xml: string, name: string, content: string): string {
  const open = `<${name}`;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + open.length)) {
    const gt = xml.indexOf(">", at);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47)
      return `${xml.slice(0, gt - 1)}>${content}</${name}>${xml.slice(gt + 1)}`;
  }
  return xml;
}

export function editRels(xml: string, removedIds: Set<string>, added: NewRelationship[]): string {
  let out = withoutElements(xml, "Relationship", (tag) => removedIds.has(attr(tag, "Id") ?? ""));
  const extra = added
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  const end = out.lastIndexOf("</Relationships>");
  if (end >= 0) out = out.slice(0, end) + extra + out.slice(end);
  else out = openedEmpty(out, "Relationships", extra);
  return out;
}

export function editContentTypes(
  xml: string,
  removedParts: Set<string>,
  added: { part: string; type: string }[]
): string {
  let out = withoutElements(xml, "Override", (tag) => {
    const name = attr(tag, "PartName") ?? "";
    return removedParts.has((name.startsWith("/") ? name.slice(1) : name).toLowerCase());
  });
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
