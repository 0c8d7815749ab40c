/** The engine's public surface. */
export { analyzeWorkbook } from "./analyze";
export type { Analysis, AnalyzeOptions } from "./analyze";
export { buildReport, sortFindings } from "./report";
export type { Report } from "./report";
export type { Finding, RuleId, Severity, Entity } from "./findings";
export { RULE_IDS, RULE_SEVERITY } from "./findings";
export type { CellValue, CellError, SheetGrid, TableRef, WorkbookGrids } from "./grid";
export { isoFromDay, dayFromYmd } from "./dates";
export type { Day } from "./dates";
