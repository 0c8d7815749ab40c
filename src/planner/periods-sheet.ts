/**
 * The hidden helper sheet of the live scorecard (SPEC 8): one block of rows per KPI, each row a
 * check-in cell (or a period-target cell) of the user's, referred to by formula, beside the day
 * its period ends as the engine read it (`Mar 2026` → 2026-03-31). The scorecard's actuals and
 * period targets are then plain SUMIFS / COUNTIFS / MINIFS / MAXIFS / INDEX over a KPI's own
 * block: bounded, and a total cost that grows with the number of check-ins, not KPIs × check-ins.
 *
 * Above the blocks sit the rows below the user's check-ins ("room to grow"): each reads a row the
 * user may fill later — its KPI ID, its period (turned into a period end by formula) and its
 * value — and every KPI's actual also counts the rows of its own ID there.
 */
import { Analysis } from "../engine/analyze";
import { a1, columnLetters } from "../engine/address";
import { excelSerialFromDay } from "../engine/dates";
import {
  CheckInRoom,
  PeriodCell,
  ROOM_RECORD_LABEL,
  checkInRoom,
  kpiPeriodCells,
} from "../engine/sources/period-cells";
import { PeriodPart, cellRef, guardedValue, keyCriterion, rangeRef } from "./live-formulas";
import { CellPlan, SheetPlan } from "./plan";

export const PERIODS_SHEET = "KPI Periods";
const HEADER_ROW = 3;
const COL = { id: 0, end: 1, value: 2, position: 3, key: 4, text: 5 } as const;
const DATE_FORMAT = "yyyy-mm-dd";

/** Rows of one block on the helper sheet, 1-based, inclusive. */
export interface PeriodBlock {
  first: number;
  last: number;
}

export interface PeriodsIndex {
  sheet: string;
  checkIns: Map<string, PeriodBlock>;
  targets: Map<string, PeriodBlock>;
  /** The rows that read below the user's check-ins. */
  room: PeriodBlock | null;
}

const letter = (c: number) => columnLetters(c);

/** The longest text value a formula may hold (Excel's limit). */
const FORMULA_TEXT_MAX = 255;

function part(sheet: string, block: PeriodBlock, match?: PeriodPart["match"]): PeriodPart {
  const range = (c: number) => rangeRef(sheet, letter(c), block.first, block.last);
  return {
    ends: range(COL.end),
    values: range(COL.value),
    positions: range(COL.position),
    ...(match ? { match } : {}),
  };
}

/** The cells a KPI's actual counts: its block of check-ins, and the shared rows below them. */
export function checkInParts(index: PeriodsIndex, kpi: string): PeriodPart[] {
  const parts: PeriodPart[] = [];
  const block = index.checkIns.get(kpi);
  if (block) parts.push(part(index.sheet, block));
  const key = keyCriterion(kpi);
  // Excel refuses a formula whose text value is over 255 characters: the check-ins typed below
  // for a KPI whose ID is that long count from the next build on.
  if (index.room && key.length - 2 <= FORMULA_TEXT_MAX)
    parts.push(
      part(index.sheet, index.room, {
        keys: rangeRef(index.sheet, letter(COL.key), index.room.first, index.room.last),
        key,
      })
    );
  return parts;
}

/** The cells of a KPI's targets per period (SPEC 4.2); none when its target is the KPI sheet's. */
export function targetParts(index: PeriodsIndex, kpi: string): PeriodPart[] {
  const block = index.targets.get(kpi);
  return block ? [part(index.sheet, block)] : [];
}

/**
 * A period cell's text as a period end, by formula, for the rows a user fills in after the
 * build: a date, a year (`2026`, `FY2026`), `2026-03-31`, `2026-03`, `Mar 2026` / `March 2026`,
 * `2026-Q1` / `Q1 2026`. Anything else stays blank, and counts after the next build.
 */
export function periodEndFormula(cell: string, text: string): string {
  const q = `SEARCH("Q",${text})`;
  const quarter = `EOMONTH(DATE(IF(${q}=1,RIGHT(${text},4),LEFT(${text},4)),3*MID(${text},${q}+1,1),1),0)`;
  const numeric =
    `IF(LEN(${text})=4,DATE(${text},12,31),IF(LEN(${text})=7,` +
    `EOMONTH(DATE(LEFT(${text},4),RIGHT(${text},2),1),0),DATE(LEFT(${text},4),MID(${text},6,2),RIGHT(${text},2))))`;
  const month = `EOMONTH(DATE(RIGHT(${text},4),(SEARCH(LEFT(${text},3),"JanFebMarAprMayJunJulAugSepOctNovDec")+2)/3,1),0)`;
  const fromText =
    `IF(ISNUMBER(${q}),${quarter},IF(ISNUMBER(-LEFT(${text},4)),${numeric},` +
    `IF(UPPER(LEFT(${text},2))="FY",DATE(RIGHT(${text},4),12,31),${month})))`;
  return (
    `IF(ISNUMBER(${cell}),IF(AND(${cell}=INT(${cell}),${cell}>=1000,${cell}<=9999),DATE(${cell},12,31),INT(${cell})),` +
    `IF(${text}="","",IFERROR(${fromText},"")))`
  );
}

function roomRows(room: CheckInRoom, first: number): (CellPlan | null)[][] {
  const rows: (CellPlan | null)[][] = [];
  for (let i = 0; i < room.rows; i++) {
    const r = room.from + i;
    const at = (c: number) => cellRef({ sheet: room.sheet, cell: a1(r, c) });
    const n = first + i;
    const text = a1(n - 1, COL.text);
    const line: (CellPlan | null)[] = [];
    line[COL.id] = { formula: `TRIM(${at(room.kpi)}&"")` };
    line[COL.end] = { formula: periodEndFormula(at(room.period), text), format: DATE_FORMAT };
    line[COL.value] = { formula: guardedValue(at(room.actual)) };
    line[COL.position] = { value: i + 1 };
    line[COL.key] = { formula: `"#"&${a1(n - 1, COL.id)}` };
    line[COL.text] = { formula: `TRIM(${at(room.period)}&"")` };
    rows.push(line);
  }
  return rows;
}

function blockRows(kpi: string, cells: readonly PeriodCell[]): (CellPlan | null)[][] {
  return cells.map((cell, i) => [
    { value: kpi },
    { value: excelSerialFromDay(cell.end), format: DATE_FORMAT },
    cell.source.kind === "link"
      ? { formula: guardedValue(cellRef(cell.source.at)) }
      : { value: cell.value },
    { value: i + 1 },
  ]);
}

/** The helper sheet and where each KPI's block sits; null when no KPI has period cells to link. */
export function planPeriods(
  analysis: Analysis,
  name = PERIODS_SHEET
): { plan: SheetPlan; index: PeriodsIndex } | null {
  const cells = kpiPeriodCells(analysis);
  const room = checkInRoom(analysis);
  if (cells.size === 0 && !room) return null;
  const rows: (CellPlan | null)[][] = [
    [
      {
        value:
          "The cells behind the KPI Scorecard's actuals and targets per period. Generated and hidden; the next build replaces it.",
        style: "note",
      },
    ],
    room
      ? [
          { value: ROOM_RECORD_LABEL, style: "label" },
          { value: room.sheet },
          { value: room.from + room.rows },
        ]
      : [],
    ["KPI ID", "Period end", "Value", "#", "Match key", "Period as typed"].map((h) => ({
      value: h,
      style: "header" as const,
    })),
  ];
  const index: PeriodsIndex = { sheet: name, checkIns: new Map(), targets: new Map(), room: null };
  if (room) {
    index.room = { first: rows.length + 1, last: rows.length + room.rows };
    rows.push(...roomRows(room, rows.length + 1));
  }
  const place = (into: Map<string, PeriodBlock>, kpi: string, list: readonly PeriodCell[]) => {
    if (list.length === 0) return;
    into.set(kpi, { first: rows.length + 1, last: rows.length + list.length });
    for (const line of blockRows(kpi, list)) rows.push(line);
  };
  for (const [kpi, c] of cells) {
    place(index.checkIns, kpi, c.checkIns);
    if (c.periodTargets) place(index.targets, kpi, c.periodTargets);
  }
  return {
    plan: {
      kind: "periods",
      name,
      rows,
      columnWidths: [24, 12, 12, 6, 24, 16],
      frozen: { rows: HEADER_ROW, columns: 0 },
      hidden: "hidden",
    },
    index,
  };
}
