/**
 * How the CLI knows that an existing file is an earlier output of kpi-cascade, which SPEC section 7
 * lets it replace without `--force`. A workbook carries the proof in its package; a JSON report is
 * recognised by its shape. Anything else (including a damaged or encrypted file) is the user's.
 */
import { inflateRawSync } from "zlib";

/**
 * The namespace of the custom XML part the writer adds to every workbook it builds. Any part under
 * `customXml/` counts, whatever its name: Excel renames custom parts to `itemN.xml` when it saves.
 */
export const OUTPUT_NAMESPACE = "urn:kpi-cascade:output";

/**
 * The generated-sheet marker names (planner/generated.ts), which every build output so far
 * carries: the proof for outputs written before the custom part. A user could type such a name,
 * but only into their own workbook, to have it replaced.
 */
const MARKER_DEFINED_NAME = /<(?:\w+:)?definedName\b[^>]*\bname="KPICascade_/;

/** More than any workbook.xml or custom part holds: a zip bomb is cut short and read as "not ours". */
const PART_LIMIT = 16 * 1024 * 1024;

interface ZipEntry {
  name: string;
  read(): string;
}

/** The entries of a zip archive from its central directory; [] for anything that is not a plain zip. */
function zipEntries(bytes: Buffer): ZipEntry[] {
  const endMin = 22;
  let end = -1;
  for (let i = bytes.length - endMin; i >= Math.max(0, bytes.length - endMin - 0xffff); i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return [];
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count && at + 46 <= bytes.length; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) break;
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    entries.push({
      name,
      read: () => {
        if (flags & 1 || local + 30 > bytes.length) return "";
        const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
        const data = bytes.subarray(start, start + size);
        if (method === 0) return data.toString("utf8");
        if (method !== 8) return "";
        return inflateRawSync(data, { maxOutputLength: PART_LIMIT }).toString("utf8");
      },
    });
    at += 46 + skip;
  }
  return entries;
}

/**
 * True when the workbook package says kpi-cascade wrote it: a custom XML part in
 * OUTPUT_NAMESPACE or a generated-sheet marker name in `xl/workbook.xml`.
 */
export function isKpiCascadeOutput(bytes: Uint8Array): boolean {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return zipEntries(buffer).some((entry) =>
      /^customXml\/(?!itemProps)[^/]+\.xml$/i.test(entry.name)
        ? entry.read().includes(OUTPUT_NAMESPACE)
        : entry.name === "xl/workbook.xml" && MARKER_DEFINED_NAME.test(entry.read())
    );
  } catch {
    return false; // a damaged archive proves nothing
  }
}

/** True for a JSON report of SPEC section 7: an object with a numeric `version` and a `findings` list. */
export function isKpiCascadeReport(bytes: Uint8Array): boolean {
  try {
    const report = JSON.parse(Buffer.from(bytes).toString("utf8")) as unknown;
    return (
      typeof report === "object" &&
      report !== null &&
      typeof (report as { version?: unknown }).version === "number" &&
      Array.isArray((report as { findings?: unknown }).findings)
    );
  } catch {
    return false;
  }
}
