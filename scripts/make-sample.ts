/**
 * Writes examples/sample-company.xlsx from src/synthetic/sample-company.ts, so the sample can be
 * regenerated and reviewed as code: `npm run sample`. Also the same workbook as it stood on
 * 1 July, before June's check-ins came back (examples/sample-company-before-june.xlsx): the
 * master the README's check-in cycle (`split`, `collect`) starts from.
 */
import * as path from "path";
import { sampleCompany } from "../src/synthetic/sample-company";
import { writeSheetData } from "../src/synthetic/write-xlsx";

async function main(): Promise<void> {
  const folder = path.resolve(__dirname, "..", "..", "examples");
  for (const [name, sheets] of [
    ["sample-company.xlsx", sampleCompany()],
    ["sample-company-before-june.xlsx", sampleCompany({ months: 11 })],
  ] as const) {
    const out = path.join(folder, name);
    await writeSheetData(sheets, out);
    process.stdout.write(`Wrote ${out}\n`);
  }
}

void main();
