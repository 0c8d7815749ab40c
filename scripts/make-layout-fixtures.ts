/**
 * Writes test/fixtures/layouts/: each workbook of src/synthetic/layout-corpus.ts as .xlsx (merged
 * cells, formulas with cached results, error values) and its expected reading as .expected.json.
 * `npm run build:cli && node lib/scripts/make-layout-fixtures.js`.
 */
import { writeFile } from "fs/promises";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  FixtureCell,
  LAYOUT_CORPUS,
  LayoutFixture,
  expectedReading,
} from "../src/synthetic/layout-corpus";

export const LAYOUT_FIXTURES = path.resolve(__dirname, "..", "..", "test", "fixtures", "layouts");

function excelValue(cell: FixtureCell): ExcelJS.CellValue {
  if (cell === null || typeof cell !== "object") return cell;
  if ("formula" in cell) return { formula: cell.formula, result: cell.result } as ExcelJS.CellValue;
  return cell as ExcelJS.CellErrorValue;
}

export async function fixtureBytes(fx: LayoutFixture): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPI Cascade layout corpus";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const sheet of fx.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell !== null) ws.getCell(r + 1, c + 1).value = excelValue(cell);
      })
    );
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  for (const fx of LAYOUT_CORPUS) {
    await writeFile(path.join(LAYOUT_FIXTURES, `${fx.name}.xlsx`), await fixtureBytes(fx));
    const json = `${JSON.stringify(expectedReading(fx), null, 2)}\n`;
    await writeFile(path.join(LAYOUT_FIXTURES, `${fx.name}.expected.json`), json);
  }
  process.stdout.write(`Wrote ${LAYOUT_CORPUS.length} workbooks to ${LAYOUT_FIXTURES}\n`);
}

if (require.main === module) void main();
