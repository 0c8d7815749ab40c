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
import { SheetReader } from "./sheet";
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
}

/**
 * Sheets a caller has just written itself and whose cells nothing will read (the tool's output
 * sheets, which the engine passes over by name), by name, with the content checksum the writer
 * took: they are read as empty grids and their parts are never inflated. The task pane reads a
 * workbook right after building it, and at 5,000 people those sheets are hundreds of megabytes of
 * XML it would otherwise scan only to throw away.
 */
export type WrittenSheets = ReadonlyMap<string, string>;

export function readPackage(bytes: Uint8Array, written?: WrittenSheets): PackageReading {
  return readPackageParts(new Package(bytes), written);
}

/** Reads a package whose zip directory is already read. */
export function readPackageParts(pkg: Package, written?: WrittenSheets): PackageReading {
  const workbook = readWorkbookInfo(pkg);
  const rels = pkg.relationships(workbook.part);
  const partOf = (type: string) => rels.find((r) => !r.external && relType(r) === type)?.target;
  const unread = (name: string) => written?.has(name) === true;
  pkg.planReads([
    partOf("sharedStrings"),
    partOf("styles"),
    ...workbook.sheets.filter((sheet) => !unread(sheet.name)).map((sheet) => sheet.part),
  ]);
  const sharedStrings = readSharedStrings(pkg, partOf("sharedStrings"));
  const isDate = readDateStyles(pkg, partOf("styles"));

  const marked = new Set<string>();
  for (const n of workbook.definedNames)
    if (n.localSheet === null && parseMarker(n.name)) marked.add(markedSheet(n.text) ?? "");
  const sheets: SheetGrid[] = [];
  const tables: TableRef[] = [];
  const checksums = new Map<string, string>();
  let cells = 0;
  for (const sheet of workbook.sheets) {
    const writtenChecksum = written?.get(sheet.name);
    if (writtenChecksum !== undefined) {
      sheets.push({ name: sheet.name, rows: [] });
      if (marked.has(sheet.name)) checksums.set(sheet.name, writtenChecksum);
      if (sheet.part) appendAll(tables, readTables(pkg, sheet.part, sheet.name));
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
    if (sheet.part) appendAll(tables, readTables(pkg, sheet.part, sheet.name));
  }
  return { grids: { sheets, tables }, pkg, workbook, checksums };
}

export { PackageRefused };
