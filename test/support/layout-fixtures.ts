/**
 * Reads a layout-corpus workbook the way the lead's package reader will: cell values (formulas as
 * their cached results) from the streaming reader, and each sheet's `<mergeCells>` as
 * `SheetGrid.merges`, which the current readers do not fill yet.
 */
import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { parseA1 } from "../../src/engine/address";
import { CellRange, WorkbookGrids } from "../../src/engine/grid";
import { readPackageParts } from "../../src/adapters/xlsx/package-parts";
import { streamGrids } from "../../src/adapters/xlsx/stream-grids";
import { ExpectedReading, LAYOUT_CORPUS } from "../../src/synthetic/layout-corpus";

export const LAYOUT_DIR = path.resolve(__dirname, "..", "fixtures", "layouts");

export function mergesOf(sheetXml: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of sheetXml.matchAll(/<mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const a = parseA1(m[1]);
    const b = parseA1(m[2]);
    if (a && b) out.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  return out;
}

export async function readLayoutWorkbook(bytes: Uint8Array): Promise<WorkbookGrids> {
  const grids = await streamGrids(bytes);
  const zip = await JSZip.loadAsync(bytes);
  const parts = await readPackageParts(zip);
  for (const part of parts.sheets) {
    const xml = (await zip.file(part.path)?.async("string")) ?? "";
    const grid = grids.sheets.find((s) => s.name === part.name);
    if (grid) grid.merges = mergesOf(xml);
  }
  return grids;
}

export function fixtureNames(): string[] {
  return LAYOUT_CORPUS.map((f) => f.name);
}

export function expectedOf(name: string): ExpectedReading {
  return JSON.parse(readFileSync(path.join(LAYOUT_DIR, `${name}.expected.json`), "utf8"));
}

export async function readFixture(name: string): Promise<WorkbookGrids> {
  return readLayoutWorkbook(readFileSync(path.join(LAYOUT_DIR, `${name}.xlsx`)));
}
