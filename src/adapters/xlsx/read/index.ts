/**
 * The one reader of workbook packages: every command and the task pane's file mode read through
 * it, so they see the same grids whatever program wrote the file. It inflates and scans only the
 * parts it needs — workbook, relationships, sheets, shared strings, styles, tables — and never
 * parses charts, drawings, comments, pivots or macros, which therefore cannot make it fail.
 */
import { SheetGrid, TableRef, WorkbookGrids } from "../../../engine/grid";
import { appendAll } from "../../../engine/collections";
import { LIMITS, PackageRefused } from "../package/limits";
import { ContentChecksum, markedSheet, parseMarker } from "../../../planner/generated";
import { Package, relType } from "../package/opc";
import { decodeInto } from "../xml/scanner";
import { SheetScanner } from "./sheet-scan";
import { readSharedStrings } from "./shared-strings";
import { SheetReader, tooManyCells } from "./sheet";
import { readDateStyles } from "./styles";
import { readTables } from "./tables";
import { WorkbookInfo, readWorkbookInfo } from "./workbook-part";

export interface PackageReading {
  grids: WorkbookGrids;
  pkg: Package;
  workbook: WorkbookInfo;
  /**
   * The content checksum (planner/generated.ts) of each sheet a generated-sheet marker points at,
   * taken while the sheet is read: a build replaces the sheet only if it still matches.
   */
  checksums: Map<string, string>;
  /** What each sheet's reading rested on, so a later reading of a rewritten package can reuse it. */
  sheetReadings: Map<string, ReusableReading>;
}

/** A sheet's reading, and what it depended on besides its own part. */
interface ReusableReading {
  grid: SheetGrid;
  cells: number;
  /** The part's entry: the same CRC-32 and size in a later package is the same XML. */
  entry: { name: string; crc: number; size: number };
  /** Which of the styles up to the highest one its cells used are dates. */
  dates: boolean[];
  /** The shared-string table's entry, and the date system, the cells were read with. */
  sharedStrings: string;
  date1904: boolean;
}

/**
 * Sheets a caller has just written itself and whose cells nothing will read (the tool's output
 * sheets, which the engine passes over by name), by name, with the content checksum the writer
 * took: they are read as empty grids and their parts are never inflated. The task pane reads a
 * workbook right after building it, and at 5,000 people those sheets are hundreds of megabytes of
 * XML it would otherwise scan only to throw away.
 */
export type WrittenSheets = ReadonlyMap<string, string>;

/**
 * `previous`: the reading of the package this one was written from. A sheet whose part is the same
 * bytes (the writer copies every part of the user's as it is), read with the same shared strings,
 * date system and date styles, is not scanned again: at 5,000 people the pane reads a build back
 * without rescanning the 720,000 rows of check-ins it has just read.
 */
export function readPackage(
  bytes: Uint8Array,
  written?: WrittenSheets,
  previous?: PackageReading
): PackageReading {
  return readPackageParts(new Package(bytes), written, previous);
}

const entryKey = (e: { name: string; crc: number; size: number } | undefined) =>
  e ? `${e.name.toLowerCase()}|${e.crc}|${e.size}` : "";

/** Whether an earlier reading of a sheet holds for this package's part, strings and styles. */
function stillHolds(
  earlier: ReusableReading | undefined,
  part: string,
  pkg: Package,
  sharedStrings: string,
  isDate: readonly boolean[],
  date1904: boolean
): earlier is ReusableReading {
  if (!earlier || earlier.date1904 !== date1904 || earlier.sharedStrings !== sharedStrings)
    return false;
  if (entryKey(earlier.entry) !== entryKey(pkg.entry(part))) return false;
  return earlier.dates.every((d, i) => d === (isDate[i] === true));
}

/** Reads a package whose zip directory is already read. */
export function readPackageParts(
  pkg: Package,
  written?: WrittenSheets,
  previous?: PackageReading
): PackageReading {
  const workbook = readWorkbookInfo(pkg);
  const rels = pkg.relationships(workbook.part);
  const partOf = (type: string) => rels.find((r) => !r.external && relType(r) === type)?.target;
  const unread = (name: string) => written?.has(name) === true;
  // The limits are checked on every sheet to read, reused or not: the same answer as a fresh read.
  pkg.planReads([
    partOf("sharedStrings"),
    partOf("styles"),
    ...workbook.sheets.filter((sheet) => !unread(sheet.name)).map((sheet) => sheet.part),
  ]);
  const stringsPart = partOf("sharedStrings");
  const stringsKey = entryKey(stringsPart ? pkg.entry(stringsPart) : undefined);
  const isDate = readDateStyles(pkg, partOf("styles"));
  const earlier = (name: string, part: string | null) => {
    const reading = previous?.sheetReadings.get(name);
    return part && stillHolds(reading, part, pkg, stringsKey, isDate, workbook.date1904)
      ? reading
      : undefined;
  };
  const sharedStrings = readSharedStrings(pkg, stringsPart);

  const marked = new Set<string>();
  for (const n of workbook.definedNames)
    if (n.localSheet === null && parseMarker(n.name)) marked.add(markedSheet(n.text) ?? "");
  const sheets: SheetGrid[] = [];
  const tables: TableRef[] = [];
  const checksums = new Map<string, string>();
  const sheetReadings = new Map<string, ReusableReading>();
  let cells = 0;
  for (const sheet of workbook.sheets) {
    if (sheet.part) appendAll(tables, readTables(pkg, sheet.part, sheet.name));
    const writtenChecksum = written?.get(sheet.name);
    if (writtenChecksum !== undefined) {
      sheets.push({ name: sheet.name, rows: [] });
      if (marked.has(sheet.name)) checksums.set(sheet.name, writtenChecksum);
      continue;
    }
    const reused = earlier(sheet.name, sheet.part);
    // A marked sheet's checksum is taken as it is read: it is read again.
    if (reused && !marked.has(sheet.name)) {
      cells += reused.cells;
      if (cells > LIMITS.cells) throw tooManyCells(sheet.name);
      sheets.push(reused.grid);
      sheetReadings.set(sheet.name, reused);
      continue;
    }
    // A chart sheet, or a sheet whose part is missing, has no cells: it reads as an empty grid.
    const checksum = marked.has(sheet.name) ? new ContentChecksum() : undefined;
    const reader = new SheetReader(sheet.name, sheet.part ?? "", {
      sharedStrings,
      isDate,
      date1904: workbook.date1904,
      cellBudget: LIMITS.cells - cells,
      checksum,
    });
    const part = sheet.part ? pkg.read(sheet.part) : undefined;
    if (part && sheet.part) decodeInto(part, new SheetScanner(reader, sheet.part));
    const reading = reader.finish();
    if (checksum) checksums.set(sheet.name, checksum.digest());
    cells += reading.cells;
    if (reading.merges.length > 0) reading.grid.merges = reading.merges;
    if (reading.outsideGrid > 0) reading.grid.outsideGrid = reading.outsideGrid;
    sheets.push(reading.grid);
    const entry = sheet.part ? pkg.entry(sheet.part) : undefined;
    if (entry)
      sheetReadings.set(sheet.name, {
        grid: reading.grid,
        cells: reading.cells,
        entry: { name: entry.name, crc: entry.crc, size: entry.size },
        dates: Array.from({ length: reading.styleReach + 1 }, (_, i) => isDate[i] === true),
        sharedStrings: stringsKey,
        date1904: workbook.date1904,
      });
  }
  return { grids: { sheets, tables }, pkg, workbook, checksums, sheetReadings };
}

export { PackageRefused };
