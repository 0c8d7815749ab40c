/**
 * The check-in cycle's files as bytes (SPEC 7, `split` and `collect`), for the command line and
 * the pane's worker alike: the master's identity from its package, each check-in file written
 * by the package writer into a new workbook, and each returned file read by the one reader with
 * its marker found and checked.
 */
import { Analysis } from "../engine/analyze";
import { markedSheet, parseMarker } from "../planner/generated";
import {
  CheckInFile,
  MasterIdentity,
  ReturnedFile,
  masterFingerprint,
} from "../planner/check-in-cycle";
import { readWorkbookInput } from "./workbook-input";
import { PackageReading } from "./xlsx/read";
import { emptyWorkbook, writePlan } from "./xlsx/write";
import { Package, relType } from "./xlsx/package/opc";

/** When the package says it was created (docProps/core.xml), which saving and copying keep; "" if it does not. */
export function createdAt(pkg: Package): string {
  let part = "docProps/core.xml";
  try {
    const rel = pkg.relationships("").find((r) => !r.external && relType(r) === "core-properties");
    if (rel) part = rel.target;
  } catch {
    // A package without root relationships still has its workbook read elsewhere.
  }
  const xml = pkg.text(part);
  const m = xml ? /<(?:[\w.-]+:)?created(?:\s[^>]*)?>([^<]*)</.exec(xml) : null;
  return m ? m[1].trim() : "";
}

export function masterIdentity(
  analysis: Analysis,
  reading: PackageReading | null,
  fileName: string
): MasterIdentity {
  return {
    name: fileName.replace(/^.*[\\/]/, ""),
    kpis: masterFingerprint(analysis.model),
    created: reading ? createdAt(reading.pkg) : "",
  };
}

/** The empty package every check-in file starts from: made once, only read by the writer. */
let empty: PackageReading | null = null;

/** A new workbook holding one check-in file. */
export function checkInFileBytes(file: CheckInFile): Uint8Array {
  empty ??= emptyWorkbook();
  return writePlan(empty, file.plan).bytes;
}

export type ReadReturned = { ok: true; file: ReturnedFile } | { ok: false; reason: string };

/** A returned file read for collect; a file that is no workbook says why, and collect goes on. */
export function readReturnedFile(bytes: Uint8Array, name: string): ReadReturned {
  let input;
  try {
    input = readWorkbookInput(bytes, name);
  } catch (e) {
    return {
      ok: false,
      reason: `it could not be read as a workbook (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  if (!input) return { ok: false, reason: "it is not an .xlsx workbook" };
  const reading = input.reading;
  let marker: ReturnedFile["marker"] = null;
  for (const n of reading?.workbook.definedNames ?? []) {
    const m = n.localSheet === null ? parseMarker(n.name) : null;
    if (m?.kind !== "checkin") continue;
    const sheet = markedSheet(n.text) ?? "";
    marker = {
      sheet,
      intact: m.checksum !== null && reading?.checksums.get(sheet) === m.checksum,
    };
    break;
  }
  return { ok: true, file: { name, grids: input.grids, marker } };
}
