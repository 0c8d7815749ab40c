/**
 * Reads the cached cell values of one sheet straight from the .xlsx XML. ExcelJS drops a formula
 * result of 0 (it tests the result for truthiness), which would hide exactly the results a
 * recalculation test must see.
 */
import { readFileSync } from "fs";
import JSZip from "jszip";
import { readPackage } from "../../src/adapters/xlsx/read";

export type Cached = number | string | boolean | { error: string } | null;

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1])).join("");
}

export async function cachedValues(file: string, sheet: string): Promise<Map<string, Cached>> {
  const bytes = readFileSync(file);
  const zip = await JSZip.loadAsync(bytes);
  const part = readPackage(bytes).workbook.sheets.find((s) => s.name === sheet);
  if (!part?.part) throw new Error(`no sheet ${sheet}`);
  const shared = [
    ...((await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "").matchAll(
      /<si>([\s\S]*?)<\/si>/g
    ),
  ].map((m) => texts(m[1]));
  const xml = (await zip.file(part.part)?.async("string")) ?? "";
  const values = new Map<string, Cached>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, address, attrs, body = ""] = m;
    const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? "n";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    if (type === "inlineStr") values.set(address, texts(body));
    else if (v === undefined) values.set(address, null);
    else if (type === "s") values.set(address, shared[Number(v)]);
    else if (type === "str") values.set(address, unescape(v));
    else if (type === "b") values.set(address, v === "1");
    else if (type === "e") values.set(address, { error: v });
    else values.set(address, Number(v));
  }
  return values;
}
