/**
 * `build` as it was before the package writer, kept runnable for the benchmark's before/after:
 * ExcelJS loads the whole workbook, the generated sheets are added, and ExcelJS saves it again.
 * Usage: node build-exceljs.js <in.xlsx> <out.xlsx> <as-of>
 */
import { promises as fs } from "fs";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { dayFromYmd } from "../../src/engine/dates";
import { planWorkbook } from "../../src/planner";
import { gridsFromWorkbook, loadWorkbook } from "./exceljs-read";
import { applyPlan } from "./exceljs-write";

async function main(): Promise<void> {
  const [input, output, asOf] = process.argv.slice(2);
  const wb = await loadWorkbook(await fs.readFile(input));
  const [year, month, day] = asOf.split("-").map(Number);
  const analysis = analyzeWorkbook(gridsFromWorkbook(wb), { asOf: dayFromYmd(year, month, day) });
  applyPlan(wb, planWorkbook(analysis));
  await fs.writeFile(output, Buffer.from(await wb.xlsx.writeBuffer()));
}

void main();
