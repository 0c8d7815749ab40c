/** Reads the layout corpus (test/fixtures/layouts) the way `validate` does: the streaming reader. */
import { readFileSync } from "fs";
import * as path from "path";
import { WorkbookGrids } from "../../src/engine/grid";
import { readPackage } from "../../src/adapters/xlsx/read";
import { ExpectedReading, LAYOUT_CORPUS } from "../../src/synthetic/layout-corpus";

export const LAYOUT_DIR = path.resolve(__dirname, "..", "fixtures", "layouts");

export function fixtureNames(): string[] {
  return LAYOUT_CORPUS.map((f) => f.name);
}

export function expectedOf(name: string): ExpectedReading {
  return JSON.parse(readFileSync(path.join(LAYOUT_DIR, `${name}.expected.json`), "utf8"));
}

export async function readFixture(name: string): Promise<WorkbookGrids> {
  return readPackage(readFileSync(path.join(LAYOUT_DIR, `${name}.xlsx`))).grids;
}
