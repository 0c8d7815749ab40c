/** Part-by-part comparison of two workbook packages, for "every part survives a build" tests. */
import JSZip from "jszip";

/** The parts a build may edit (SPEC section 8); every other part must come out byte for byte. */
export const EDITABLE_PARTS = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
]);

export async function packageParts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out.set(name.replace(/^\//, ""), await file.async("nodebuffer"));
  return out;
}

/** The input's parts that are missing from the output, or changed though not editable. */
export async function lostOrChanged(input: Uint8Array, output: Uint8Array): Promise<string[]> {
  const [before, after] = [await packageParts(input), await packageParts(output)];
  const bad: string[] = [];
  for (const [name, bytes] of before) {
    const now = after.get(name);
    if (!now) bad.push(`${name} lost`);
    else if (!EDITABLE_PARTS.has(name) && !now.equals(bytes)) bad.push(`${name} changed`);
  }
  return bad;
}
