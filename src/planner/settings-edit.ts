/**
 * Saving settings and mappings (SPEC section 5) into the workbook's Settings sheet, as plain
 * data: which cells to write. A setting already on the sheet gets its Value cell rewritten (blank
 * to clear it, so its default holds); a new one is appended below the last row; a workbook
 * without a Settings sheet gets one. No other cell, on Settings or elsewhere, is touched.
 */
import { a1 } from "../engine/address";
import { WorkbookGrids, isBlank } from "../engine/grid";
import { Region } from "../engine/read/region";
import { normaliseHeader } from "../engine/schema";
import { freeSheetName } from "./generated";

export type SettingValue = string | number | null;

export interface CellWrite {
  /** A1 address on the sheet. */
  address: string;
  /** Written as a literal: text stays text. `null` clears the cell. */
  value: SettingValue;
}

export interface SheetEdit {
  sheet: string;
  /** The sheet does not exist yet: add it (after the others) before writing. */
  create: boolean;
  writes: CellWrite[];
}

/** The edit that sets each named setting to its value; names as the Setting column spells them. */
export function planSettingsEdit(
  workbook: WorkbookGrids,
  region: Region | null,
  changes: ReadonlyMap<string, SettingValue>
): SheetEdit {
  if (!region) {
    const sheet = freeSheetName(
      "Settings",
      workbook.sheets.map((s) => s.name)
    );
    const writes: CellWrite[] = [
      { address: "A1", value: "Setting" },
      { address: "B1", value: "Value" },
    ];
    let row = 1;
    for (const [name, value] of changes) {
      if (value === null) continue;
      writes.push({ address: a1(row, 0), value: name }, { address: a1(row, 1), value });
      row++;
    }
    return { sheet, create: true, writes };
  }

  const { grid } = region;
  const rowOffset = grid.rowOffset ?? 0;
  const colOffset = grid.colOffset ?? 0;
  const nameCol = region.columns.name ?? 0;
  const valueCol = region.columns.value ?? nameCol + 1;
  const rowOf = new Map<string, number>();
  let lastUsed = region.headerRow;
  for (let r = region.firstRow; r < region.endRow; r++) {
    const cells = grid.rows[r] ?? [];
    if (cells.some((c) => !isBlank(c))) lastUsed = r;
    const name = cells[nameCol];
    if (typeof name !== "string" || isBlank(name)) continue;
    const key = normaliseHeader(name);
    // The engine reads the first of two rows with one name: so does the edit.
    if (!rowOf.has(key)) rowOf.set(key, r);
  }
  const writes: CellWrite[] = [];
  let next = Math.max(lastUsed + 1, region.firstRow);
  for (const [name, value] of changes) {
    const existing = rowOf.get(normaliseHeader(name));
    if (existing !== undefined) {
      writes.push({ address: a1(rowOffset + existing, colOffset + valueCol), value });
    } else if (value !== null) {
      writes.push(
        { address: a1(rowOffset + next, colOffset + nameCol), value: name },
        { address: a1(rowOffset + next, colOffset + valueCol), value }
      );
      next++;
    }
  }
  return { sheet: grid.name, create: false, writes };
}
