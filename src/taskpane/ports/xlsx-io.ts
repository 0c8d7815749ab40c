/**
 * The file mode's reading and writing of workbook bytes, behind three functions the pane's worker
 * calls and nothing else: bytes → grids, bytes + plan → bytes (and the sheets written), bytes + Settings edit → bytes —
 * through the same package reader and writer as the command line, so a file reads and builds the
 * same in both. The bytes are never changed in place, so a write that fails leaves the workbook as
 * it was. Empty bytes stand for a new, empty workbook.
 */
import { WorkbookGrids } from "../../engine/grid";
import { SheetPlan, WorkbookToWrite } from "../../planner/plan";
import { SheetEdit } from "../../planner/settings-edit";
import { dataSheets, readWorkbookInput } from "../../adapters/workbook-input";
import { PackageRefused } from "../../adapters/xlsx/package/limits";
import { PackageReading, WrittenSheets, readPackage } from "../../adapters/xlsx/read";
import { nativeDeflateAvailable } from "../../adapters/xlsx/package/stream-deflater";
import { DeflatedPart, PartSink } from "../../adapters/xlsx/package/deflated-part";
import {
  PackageWrite,
  editSheet,
  emptyWorkbook,
  writePlan as writePackage,
  writePlanAsync as writePackageNatively,
} from "../../adapters/xlsx/write";

/**
 * The package last read or written, beside its bytes: the next call is nearly always about the
 * same bytes (read after open, write after read, read after write), so it is not read twice.
 */
let last: { bytes: Uint8Array; reading: PackageReading } | null = null;

/**
 * The bytes as a package. An .xls, .ods or .csv is read as the command line reads it and becomes
 * a new .xlsx holding its data (SPEC section 7, "Inputs"), which every later write goes into.
 */
function open(bytes: Uint8Array, fileName = "workbook.xlsx"): PackageReading {
  if (last?.bytes === bytes) return last.reading;
  if (bytes.length === 0) return emptyWorkbook();
  let input;
  try {
    input = readWorkbookInput(bytes, fileName);
  } catch (e) {
    throw new Error(
      e instanceof PackageRefused && !e.damaged
        ? `This workbook was refused: ${e.message}.`
        : "This workbook could not be read: it may be damaged or password-protected."
    );
  }
  if (!input)
    throw new Error(
      "This file is not a workbook the pane reads (.xlsx, .xlsm, .xls, .ods or .csv). Save it from Excel as .xlsx and open it again."
    );
  const reading =
    input.reading ??
    readPackage(writePackage(emptyWorkbook(), { sheets: dataSheets(input.grids) }).bytes);
  last = { bytes, reading };
  return reading;
}

/** Bytes written from `before`, read at once: the sheets the write did not touch are not read again. */
function remember(bytes: Uint8Array, before: PackageReading): Uint8Array {
  try {
    last = { bytes, reading: readPackage(bytes, undefined, before) };
  } catch {
    open(bytes); // says why, as for any workbook
  }
  return bytes;
}

/**
 * The workbook's grids; rejects with a message a person can act on when it is no workbook. The
 * file's name tells a .csv (which has no signature) from the rest.
 */
export async function readGrids(bytes: Uint8Array, fileName?: string): Promise<WorkbookGrids> {
  return open(bytes, fileName).grids;
}

/**
 * The kinds of output sheet the engine passes over by name (engine/generated-sheets.ts),
 * whatever they hold. Not the last build's figures, which What changed reads, nor
 * template sheets, which are the user's to fill in.
 */
const PASSED_OVER = new Set<SheetPlan["kind"]>([
  "scorecard",
  "cascade",
  "findings",
  "dashboard",
  "trends",
  "chase",
  "periods",
]);

/** The sheets just written that the next reading need not scan, with their checksums. */
function unreadOutputs(plan: WorkbookToWrite, written: PackageWrite): WrittenSheets {
  const unread = new Map<string, string>();
  plan.sheets.forEach((sheet, i) => {
    const name = written.sheets[i];
    const checksum = written.checksums.get(name);
    if (PASSED_OVER.has(sheet.kind) && checksum !== undefined) unread.set(name, checksum);
  });
  return unread;
}

/**
 * The workbook with the plan's sheets written into it, the names they were written under, and the
 * sheets marked as generated that were kept because they no longer hold what the tool wrote.
 * The new package is read at once for the analysis that follows, without its output sheets.
 */
export async function writePlan(
  bytes: Uint8Array,
  plan: WorkbookToWrite,
  deflater?: () => PartSink<Promise<DeflatedPart>>
): Promise<{ bytes: Uint8Array; sheets: string[]; kept: string[] }> {
  // A deflate worker where the pane has one; else Chromium and Node deflate natively; elsewhere
  // the bundle's fflate does, synchronously.
  const before = open(bytes);
  const written =
    deflater || nativeDeflateAvailable()
      ? await writePackageNatively(before, plan, deflater)
      : writePackage(before, plan);
  // The user's sheets are copied as they are: their readings carry over (read/index.ts).
  last = {
    bytes: written.bytes,
    reading: readPackage(written.bytes, unreadOutputs(plan, written), before),
  };
  return { bytes: written.bytes, sheets: written.sheets, kept: written.kept };
}

/** The workbook with the Settings rows written. */
export async function applyEdit(bytes: Uint8Array, edit: SheetEdit): Promise<Uint8Array> {
  const before = open(bytes);
  return remember(editSheet(before, edit), before);
}
