/** Reading and analysing an input file, the same way for every command. */
import { PackageRefused } from "../adapters/xlsx/package/limits";
import { WorkbookInput, looksLikeXls, readWorkbookInput } from "../adapters/workbook-input";
import { Analysis, analyzeWorkbook } from "../engine/analyze";
import { Report, buildReport } from "../engine/report";
import { CliArgs, UsageError } from "./args";
import { readInput } from "./io";

export interface Analysed {
  analysis: Analysis;
  report: Report;
  /** The file as read: a build writes its copy from it. */
  input: WorkbookInput;
}

/** Reads and analyses a workbook: one reader for every command. */
export async function analyseFile(file: string, args: CliArgs): Promise<Analysed> {
  const bytes = await readInput(file);
  let input: WorkbookInput | null;
  try {
    input = readWorkbookInput(bytes, file);
  } catch (e) {
    throw new UsageError(
      e instanceof PackageRefused && !e.damaged
        ? `"${file}" was refused: ${e.message}.`
        : looksLikeXls(bytes)
          ? `"${file}" could not be read as an .xls workbook (${e instanceof PackageRefused ? e.message : "it may be damaged"}).`
          : `"${file}" could not be read as an .xlsx workbook (${e instanceof PackageRefused ? e.message : "it may be damaged, encrypted, or another format renamed .xlsx"}).`
    );
  }
  if (!input)
    throw new UsageError(
      `"${file}" is not an .xlsx workbook (an .xlsx file is a zip archive; save it from Excel as "Excel Workbook (*.xlsx)").`
    );
  const analysis = analyzeWorkbook(input.grids, { asOf: args.asOf });
  // The history goes only into a written report (and the trends sheet, which computes it itself).
  return { analysis, report: buildReport(analysis, { withHistory: args.json !== null }), input };
}
