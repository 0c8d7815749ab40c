/**
 * Masters and returned check-in files for the `split` / `collect` tests: the sample workbook as
 * it stood on 1 July (June's check-ins not in yet), variants of it, and a person's edits to a
 * check-in file (type-into.ts).
 */
import { CellValue } from "../../src/engine/grid";
import { SampleOptions, sampleCompany } from "../../src/synthetic/sample-company";
import { SheetData } from "../../src/synthetic/sheet-data";
import { sheetDataToBuffer } from "../../src/synthetic/write-xlsx";

export interface MasterOptions extends SampleOptions {
  /** Settings rows replaced by name (`Cycle Start`, …). */
  settings?: Record<string, CellValue>;
  /** Keep the check-ins in an Excel table of this name. */
  checkInsTable?: string;
  /** Change the sheets before they are written. */
  edit?: (sheets: SheetData[]) => void;
}

/** The sample before June's check-ins came back (11 of 12 months), as an .xlsx file. */
export async function sampleMaster(options: MasterOptions = {}): Promise<Buffer> {
  const sheets = sampleCompany({ months: options.months ?? 11 });
  const settings = sheets.find((s) => s.name === "Settings") as SheetData;
  for (const [name, value] of Object.entries(options.settings ?? {})) {
    const row = settings.rows.find((r) => r[0] === name);
    if (row) row[1] = value;
    else settings.rows.push([name, value]);
  }
  if (options.checkInsTable)
    (sheets.find((s) => s.name === "Check-ins") as SheetData).table = options.checkInsTable;
  options.edit?.(sheets);
  return sheetDataToBuffer(sheets);
}

export { typeInto } from "./type-into";
