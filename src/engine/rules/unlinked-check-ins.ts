/**
 * unlinked-check-in (issue 12, docs/decisions.md): the live scorecard's formulas read the
 * check-in rows there were at the build plus room below them; the helper sheet of that build
 * records how far. Check-ins below that are not counted by the scorecard until the next build.
 */
import { a1 } from "../address";
import { Findings } from "../findings";
import { WorkbookGrids } from "../grid";
import { Model } from "../model";
import { dataRows } from "../read/region";
import { ROOM_RECORD_LABEL } from "../sources/period-cells";

/** The last row (1-based) an earlier build's formulas read on `sheet`; null without such a build. */
function readTo(workbook: WorkbookGrids, sheet: string): number | null {
  for (const grid of workbook.sheets) {
    const record = grid.rows[1 - (grid.rowOffset ?? 0)];
    if ((grid.colOffset ?? 0) !== 0 || !record) continue;
    if (record[0] === ROOM_RECORD_LABEL && record[1] === sheet && typeof record[2] === "number")
      return record[2];
  }
  return null;
}

export function checkUnlinkedCheckIns(
  workbook: WorkbookGrids,
  model: Model,
  findings: Findings
): void {
  const region = model.regions.actuals;
  if (!region || region.origins) return;
  const to = readTo(workbook, region.grid.name);
  if (to === null) return;
  const top = region.grid.rowOffset ?? 0;
  const beyond = dataRows(region).filter((r) => top + r + 1 > to);
  if (beyond.length === 0) return;
  const first = top + beyond[0] + 1;
  const col = (region.grid.colOffset ?? 0) + (region.columns.kpi ?? 0);
  findings.add(
    "unlinked-check-in",
    { sheet: region.grid.name, cell: a1(first - 1, col) },
    "actual",
    null,
    `${beyond.length === 1 ? "1 check-in" : `${beyond.length} check-ins`} of sheet "${region.grid.name}" (from row ${first}) lie below the rows the live scorecard reads (to row ${to}): the scorecard does not count ${beyond.length === 1 ? "it" : "them"} yet. Build again to include ${beyond.length === 1 ? "it" : "them"}.`
  );
}
