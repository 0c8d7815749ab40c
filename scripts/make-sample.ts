/**
 * Writes examples/sample-company.xlsx from src/synthetic/sample-company.ts, so the sample can be
 * regenerated and reviewed as code: `npm run sample`.
 */
import * as path from "path";
import { sampleCompany } from "../src/synthetic/sample-company";
import { writeSheetData } from "../src/synthetic/write-xlsx";

async function main(): Promise<void> {
  const out = path.resolve(__dirname, "..", "..", "examples", "sample-company.xlsx");
  await writeSheetData(sampleCompany(), out);
  process.stdout.write(`Wrote ${out}\n`);
}

void main();
