/**
 * The sheets a build writes, as the engine knows them: by name (`KPI Scorecard`, `KPI Trends 2`)
 * or, for the sheet that keeps a build's figures, by its signature whatever its name. The engine
 * reads none of them as the user's data, so a workbook analyses the same before and after a build.
 */
import { isLastBuildSheet } from "./diff/signature";
import { SheetGrid } from "./grid";

const GENERATED_NAME =
  /^kpi ?(scorecard|cascade|findings|dashboard|trends|chase list|last build|periods)( \d+)?$/i;

export function isGeneratedSheet(grid: SheetGrid): boolean {
  return GENERATED_NAME.test(grid.name) || isLastBuildSheet(grid);
}
