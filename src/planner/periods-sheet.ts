/**
 * The hidden helper sheet of the live scorecard (SPEC 8): one block of rows per KPI, each row a
 * check-in cell (or a period-target cell) of the user's, referred to by formula, beside the day
 * its period ends as the engine read it (`Mar 2026` → 2026-03-31). On each block's first row, in
 * columns H to J, the KPI's count, aggregation (SPEC 4.1, 4.2) and usable count: plain SUMIFS /
 * COUNTIFS / MINIFS / MAXIFS / INDEX over the block's own rows, so the cost grows with the number
 * of check-ins, not KPIs × check-ins. The scorecard's Actual and Target cells refer to them.
 *
 * Above the blocks sit the rows below the user's check-ins ("room to grow"): each reads a row the
 * user may fill later — its KPI ID, its period (turned into a period end by formula) and its
 * value — and every KPI's aggregation also counts the rows of its own ID there.
 */
import { Analysis } from "../engine/analyze";
import { a1, columnLetters, parseA1, sheetRef } from "../engine/address";
import { excelSerialFromDay } from "../engine/dates";
import {
  CheckInRoom,
  KpiPeriodCells,
  PeriodCell,
  ROOM_RECORD_LABEL,
  checkInRoom,
  kpiPeriodCells,
} from "../engine/sources/period-cells";
import {
  Criteria,
  PeriodPart,
  aggregateFormula,
  cellRef,
  countFormula,
  guardedValue,
  keyCriterion,
  usableFormula,
} from "./live-formulas";
import { withFlatFormula, withFlatFormulas } from "./flat-formulas";
import { CellPlan, SheetPlan } from "./plan";

export const PERIODS_SHEET = "KPI Periods";
const HEADER_ROW = 3;
const COL = {
  id: 0,
  end: 1,
  value: 2,
  position: 3,
  key: 4,
  text: 5,
  counted: 7,
  aggregate: 8,
  usable: 9,
} as const;
const DATE_FORMAT = "yyyy-mm-dd";
/** Row 2: how many numbers were typed in the room (its formulas run only then), and the criteria. */
const ROOM_USED = "$E$2";
const CRITERIA: Criteria = { ended: "$G$2", number: "$I$2" };
/** The longest criterion text Excel's COUNTIFS and SUMIFS accept. */
const MAX_CRITERION = 255;
/**
 * Where a workbook's check-ins fall in at most this many distinct periods (months of a few years),
 * each KPI's cells lie across one row, under row 3's period ends (from column L): half the cells
 * of a row per check-in, since the period ends are written once. Each KPI's formulas then read
 * the whole row, so the cost grows with KPIs × periods: more periods take the rows down instead.
 */
const MAX_ACROSS = 120;
/** Column K: the same period ends down, for KPIs whose own cells run down a column (`directRun`). */
const ENDS_DOWN = COL.usable + 1;
const FIRST_ACROSS = COL.usable + 2;

export interface PeriodsIndex {
  sheet: string;
  /** The row of each KPI's check-in block, whose H, I and J cells count, aggregate, and count the usable. */
  checkIns: Map<string, number>;
  /** The row of each KPI's block of targets per period (SPEC 4.2), whose I cell aggregates them. */
  targets: Map<string, number>;
}

/** A cell of a block's first row, as the scorecard refers to it. */
export function periodsRef(
  index: PeriodsIndex,
  what: "counted" | "aggregate" | "usable",
  row: number
): string {
  return sheetRef(index.sheet, `$${columnLetters(COL[what])}$${row}`);
}

const letter = (c: number) => columnLetters(c);
const range = (c: number, first: number, last: number, fixed = false) =>
  fixed
    ? `$${letter(c)}$${first}:$${letter(c)}$${last}`
    : `${letter(c)}${first}:${letter(c)}${last}`;

function blockPart(first: number, last: number, positions: boolean): PeriodPart {
  return {
    ends: range(COL.end, first, last),
    values: range(COL.value, first, last),
    positions: positions ? range(COL.position, first, last) : null,
  };
}

function roomPart(room: { first: number; last: number }, kpi: string): PeriodPart {
  const fixed = (c: number) => range(c, room.first, room.last, true);
  return {
    ends: fixed(COL.end),
    values: fixed(COL.value),
    positions: null,
    match: {
      keys: fixed(COL.key),
      key: keyCriterion(kpi),
      gate: ROOM_USED,
      positions: fixed(COL.position),
    },
  };
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
    rows.push(withFlatFormulas(line));
  }
  return rows;
}

/**
 * Cells every block shares (the writers never change a plan's cells): a period end, a position.
 * A helper sheet at 5,000 people holds 720,000 rows.
 */
class SharedCells {
  private readonly ends = new Map<number, CellPlan>();
  private readonly positions: CellPlan[] = [];
  end(day: number): CellPlan {
    let cell = this.ends.get(day);
    if (!cell) this.ends.set(day, (cell = { value: excelSerialFromDay(day), format: DATE_FORMAT }));
    return cell;
  }
  position(i: number): CellPlan {
    return (this.positions[i] ??= { value: i + 1 });
  }
}

/** Whether two cells of a block share a period (then `last` needs their positions). */
function sharesPeriod(cells: readonly PeriodCell[]): boolean {
  for (let i = 1; i < cells.length; i++) if (cells[i].end === cells[i - 1].end) return true;
  return false;
}

/** The distinct period ends of every KPI's cells, when few enough to lie across a row; else null. */
function periodsAcross(cells: ReadonlyMap<string, KpiPeriodCells>): number[] | null {
  const ends = new Set<number>();
  for (const c of cells.values())
    for (const list of [c.checkIns, c.periodTargets ?? []])
      for (const cell of list) {
        ends.add(cell.end);
        if (ends.size > MAX_ACROSS) return null;
      }
  return [...ends].sort((a, b) => a - b);
}

/**
 * A KPI's cells as one range of the user's, when they are: every cell a link, in one sheet, one
 * after another down a column (a check-ins sheet with a KPI's rows together) or along a row (a
 * sheet of months across), their periods consecutive ends of the sorted `across` list. Its
 * formulas then read the user's range beside the same stretch of period ends (column K down,
 * row 3 across), and the helper sheet holds no cell per check-in: at 5,000 people, 720,000 fewer
 * formulas to write, load and recalculate. SUMIFS, COUNTIFS, MINIFS and MAXIFS pass over the
 * blanks and text the helper's guarded copies turned into "" (live-formulas.ts), so both read
 * the same. Null when the cells are not such a run.
 */
function directRun(
  list: readonly PeriodCell[],
  positionOf: ReadonlyMap<number, number>
): { values: string; start: number; down: boolean } | null {
  const head = list[0]?.source;
  if (head?.kind !== "link" || !head.at.cell) return null;
  const origin = parseA1(head.at.cell);
  const start = positionOf.get(list[0].end);
  if (!origin || start === undefined) return null;
  let down = true;
  for (let i = 1; i < list.length; i++) {
    const source = list[i].source;
    if (source.kind !== "link" || source.at.sheet !== head.at.sheet) return null;
    if (positionOf.get(list[i].end) !== start + i) return null;
    const at = source.at.cell ? parseA1(source.at.cell) : null;
    // The second cell says which way the run goes; every later one must follow it.
    if (at && i === 1) down = at.col === origin.col;
    const row = origin.row + (down ? i : 0);
    const col = origin.col + (down ? 0 : i);
    if (!at || at.row !== row || at.col !== col) return null;
  }
  const last = list.length - 1;
  const end = a1(origin.row + (down ? last : 0), origin.col + (down ? 0 : last));
  return {
    values: cellRef({ sheet: head.at.sheet, cell: `${a1(origin.row, origin.col)}:${end}` }),
    start,
    down,
  };
}

/** The helper sheet's names: its own, and the scorecard's as-of cell as it refers to it. */
export interface PeriodsNames {
  sheet: string;
  asOf: string;
}

/** Rows a KPI's cells take: one across, else one per cell (one when it has none). */
function height(list: readonly PeriodCell[], across: readonly number[] | null): number {
  return across && !sharesPeriod(list) ? 1 : Math.max(list.length, 1);
}

type BlockKind = "checkIns" | "targets";

/**
 * The helper sheet's blocks in order, the same for laying them out and for planning them: each
 * KPI's check-ins (where it has any, or the room may hold some), then its targets per period.
 */
function forEachBlock(
  analysis: Analysis,
  cells: ReadonlyMap<string, KpiPeriodCells>,
  room: CheckInRoom | null,
  visit: (kpi: string, list: readonly PeriodCell[], kind: BlockKind) => void
): void {
  for (const kpi of analysis.model.kpis.keys()) {
    const c = cells.get(kpi);
    if (c || room) visit(kpi, c?.checkIns ?? [], "checkIns");
    if (c?.periodTargets) visit(kpi, c.periodTargets, "targets");
  }
}

/**
 * Where each KPI's block sits, worked out without planning a cell: the scorecard refers to
 * these rows long before the helper sheet itself is planned and written (planner/index.ts).
 */
function layout(
  analysis: Analysis,
  cells: ReadonlyMap<string, KpiPeriodCells>,
  room: CheckInRoom | null,
  across: readonly number[] | null,
  sheet: string
): PeriodsIndex {
  const index: PeriodsIndex = { sheet, checkIns: new Map(), targets: new Map() };
  let next = HEADER_ROW + (room?.rows ?? 0) + 1;
  forEachBlock(analysis, cells, room, (kpi, list, kind) => {
    index[kind].set(kpi, next);
    next += height(list, across);
  });
  return index;
}

/**
 * Where each KPI's block sits on the helper sheet, and the sheet itself, planned when `plan` is
 * called; null when no KPI has period cells to link and no check-ins sheet leaves room to grow.
 */
export function planPeriods(
  analysis: Analysis,
  names: PeriodsNames
): { plan: () => SheetPlan; index: PeriodsIndex } | null {
  const cells = kpiPeriodCells(analysis);
  const room = checkInRoom(analysis);
  if (cells.size === 0 && !room) return null;
  const across = periodsAcross(cells);
  return {
    index: layout(analysis, cells, room, across, names.sheet),
    plan: () => periodsSheet(analysis, names, cells, room, across),
  };
}

function periodsSheet(
  analysis: Analysis,
  names: PeriodsNames,
  cells: ReadonlyMap<string, KpiPeriodCells>,
  room: CheckInRoom | null,
  across: readonly number[] | null
): SheetPlan {
  const rows: (CellPlan | null)[][] = [
    [
      {
        value:
          "The cells behind the KPI Scorecard's actuals and targets per period. Generated and hidden; the next build replaces it.",
        style: "note",
      },
    ],
    [
      ...(room
        ? [
            { value: ROOM_RECORD_LABEL, style: "label" as const },
            { value: room.sheet },
            { value: room.from + room.rows },
            { value: "Typed below", style: "label" as const },
            {
              formula: `COUNT(${range(COL.value, HEADER_ROW + 1, HEADER_ROW + room.rows)})`,
            },
          ]
        : [null, null, null, null, null]),
      { value: "Counted to", style: "label" },
      { formula: `"<="&${names.asOf}` },
      { value: "A number", style: "label" },
      { value: ">-1E+300" },
    ],
    [
      "KPI ID",
      "Period end",
      "Value",
      "#",
      "Match key",
      "Period as typed",
      null,
      "Counted",
      "Aggregate",
      "Usable",
    ].map((h) => (h === null ? null : { value: h, style: "header" as const })),
  ];
  const roomRange = room ? { first: rows.length + 1, last: rows.length + room.rows } : null;
  if (room) rows.push(...roomRows(room, rows.length + 1));
  const shared = new SharedCells();
  const width = FIRST_ACROSS + (across?.length ?? 0);
  if (across) {
    const header = rows[HEADER_ROW - 1];
    while (header.length < width) header.push(null);
    across.forEach(
      (end, i) => (header[FIRST_ACROSS + i] = { ...shared.end(end), style: "header" })
    );
  }
  /** Each period end's place in the list: its column is FIRST_ACROSS on from there. */
  const positionOf = new Map(across?.map((end, i) => [end, i]));
  const [fromLetter, toLetter] = [letter(FIRST_ACROSS), letter(width - 1)];
  /** Period ends `start` to `start + count - 1` of the list, down column K or along row 3. */
  const endsOf = (start: number, count: number, down: boolean) =>
    down
      ? range(ENDS_DOWN, HEADER_ROW + 1 + start, HEADER_ROW + start + count, true)
      : `$${letter(FIRST_ACROSS + start)}$${HEADER_ROW}:$${letter(FIRST_ACROSS + start + count - 1)}$${HEADER_ROW}`;
  const endsAcross = endsOf(0, across?.length ?? 0, false);
  let endsDown = false;
  const valueCell = (cell: PeriodCell): CellPlan =>
    cell.source.kind === "link"
      ? withFlatFormula({ formula: guardedValue(cellRef(cell.source.at)) })
      : { value: cell.value };
  /** A KPI's cells: across one row, or a block down (a blank row when empty); formulas on its first row. */
  const place = (kpiId: string, list: readonly PeriodCell[], kind: BlockKind) => {
    const kpi = analysis.model.kpis.get(kpiId);
    const method = kpi?.aggregation ?? "last";
    const first = rows.length + 1;
    let part: PeriodPart;
    const run = across ? directRun(list, positionOf) : null;
    if (run) {
      rows.push([{ value: kpiId }]);
      endsDown ||= run.down;
      part = {
        ends: endsOf(run.start, list.length, run.down),
        values: run.values,
        positions: null,
        across: !run.down,
        direct: true,
      };
    } else if (across && !sharesPeriod(list)) {
      const line: (CellPlan | null)[] = new Array(list.length ? width : 1).fill(null);
      line[0] = { value: kpiId };
      for (const cell of list)
        line[FIRST_ACROSS + (positionOf.get(cell.end) as number)] = valueCell(cell);
      rows.push(line);
      part = {
        ends: endsAcross,
        values: `${fromLetter}${first}:${toLetter}${first}`,
        positions: null,
        across: true,
      };
    } else {
      const last = first + Math.max(list.length, 1) - 1;
      const positions = method === "last" && sharesPeriod(list);
      list.forEach((cell, i) =>
        rows.push([
          i === 0 ? { value: kpiId } : null,
          shared.end(cell.end),
          valueCell(cell),
          positions ? shared.position(i) : null,
        ])
      );
      if (list.length === 0) rows.push([{ value: kpiId }]);
      part = blockPart(first, last, positions);
    }
    const parts = [part];
    // Excel reads a criterion of at most 255 characters: an ID longer than that (a typing
    // accident) cannot be matched in the rows below, and counts after the next build.
    if (kind === "checkIns" && roomRange && keyCriterion(kpiId).length <= MAX_CRITERION + 2)
      parts.push(roomPart(roomRange, kpiId));
    const line = rows[first - 1];
    while (line.length < COL.usable) line.push(null);
    const counted = a1(first - 1, COL.counted);
    if (kind === "checkIns") {
      line[COL.counted] = { formula: countFormula(parts, CRITERIA) };
      line[COL.aggregate] = { formula: aggregateFormula(method, parts, CRITERIA, counted) };
      if (!analysis.actuals.get(kpiId)?.fromCheckIns)
        line[COL.usable] = { formula: usableFormula(parts, CRITERIA) };
    } else
      line[COL.aggregate] = {
        formula: aggregateFormula(method, parts, CRITERIA, `(${countFormula(parts, CRITERIA)})`),
      };
    withFlatFormulas(line);
  };
  forEachBlock(analysis, cells, room, place);
  if (across && endsDown) {
    rows[HEADER_ROW - 1][ENDS_DOWN] = { value: "Ends down", style: "header" };
    across.forEach((end, i) => {
      while (rows.length <= HEADER_ROW + i) rows.push([]);
      rows[HEADER_ROW + i][ENDS_DOWN] = shared.end(end);
    });
  }
  return {
    kind: "periods",
    name: names.sheet,
    rows,
    columnWidths: [24, 12, 12, 6, 24, 16, 4, 10, 12, 10, 12],
    frozen: { rows: HEADER_ROW, columns: 0 },
    hidden: "hidden",
  };
}
