/**
 * What the streaming reader does not tell: the workbook's sheet names in tab order, the part each
 * sheet lives in, and the Excel tables on each sheet. Read from the package's small XML parts
 * (workbook.xml, its relationships, and xl/tables/*.xml) with JSZip, without loading any sheet.
 */
import JSZip from "jszip";
import { parseA1 } from "../../engine/address";
import { TableRef } from "../../engine/grid";

export interface SheetPart {
  name: string;
  /** e.g. `xl/worksheets/sheet3.xml` */
  path: string;
}

export interface PackageParts {
  sheets: SheetPart[];
  tables: TableRef[];
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = decodeXml(m[2]);
  return out;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(
      e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    );
  });
}

function tags(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, "g"))].map((m) =>
    attributes(m[0])
  );
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

async function relationships(zip: JSZip, part: string): Promise<Map<string, string>> {
  const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
  const xml = await zip.file(relsPath)?.async("string");
  const rels = new Map<string, string>();
  for (const r of tags(xml ?? "", "Relationship"))
    if (r.Id && r.Target) rels.set(r.Id, resolve(part, r.Target));
  return rels;
}

export async function readPackageParts(zip: JSZip): Promise<PackageParts> {
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const workbookRels = await relationships(zip, "xl/workbook.xml");
  const sheets: SheetPart[] = [];
  for (const s of tags(workbookXml, "sheet")) {
    const path = workbookRels.get(s["r:id"] ?? "");
    if (s.name && path) sheets.push({ name: s.name, path });
  }
  const tables: TableRef[] = [];
  for (const sheet of sheets) {
    for (const [, target] of await relationships(zip, sheet.path)) {
      if (!/\/tables\/[^/]+\.xml$/.test(target)) continue;
      const xml = await zip.file(target)?.async("string");
      const t = tags(xml ?? "", "table")[0];
      if (!t?.ref) continue;
      const [from, to] = t.ref.split(":");
      const tl = parseA1(from);
      const br = parseA1(to ?? from);
      if (!tl || !br || t.headerRowCount === "0") continue;
      const totals = Number(t.totalsRowCount ?? 0) > 0 ? 1 : 0;
      tables.push({
        name: t.displayName ?? t.name ?? "",
        sheet: sheet.name,
        top: tl.row,
        left: tl.col,
        rowCount: br.row - tl.row + 1 - totals,
        colCount: br.col - tl.col + 1,
      });
    }
  }
  return { sheets, tables };
}
