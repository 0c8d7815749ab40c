/**
 * How the CLI knows that an existing file is an earlier output of kpi-cascade, which SPEC section 7
 * lets it replace without `--force`. A workbook carries the proof in its package; a JSON report is
 * recognised by its shape. Anything else (including a damaged or encrypted file) is the user's.
 */
import { Package } from "../adapters/xlsx/package/opc";
import { readWorkbookInfo } from "../adapters/xlsx/read/workbook-part";
import { parseMarker } from "../planner/generated";
import { MAIL_MERGE_HEADER } from "../planner/check-in-cycle/chase";

/**
 * True when the workbook package says kpi-cascade wrote it: a generated-sheet marker among its
 * workbook-level defined names (planner/generated.ts). A user could type such a name, but only
 * into their own workbook, to have it replaced.
 */
export function isKpiCascadeOutput(bytes: Uint8Array): boolean {
  try {
    const names = readWorkbookInfo(new Package(bytes)).definedNames;
    return names.some((n) => n.localSheet === null && parseMarker(n.name) !== null);
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

/** True for a mail-merge CSV of `split` or `collect`: its first line is theirs. */
export function isKpiCascadeCsv(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 200))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  return head.startsWith(`${MAIL_MERGE_HEADER}\r\n`);
}
