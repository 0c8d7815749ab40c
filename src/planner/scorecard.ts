/**
 * The Scorecard sheet (SPEC section 8): a block per owner — owner row, each KRA, each KPI — with
 * attainment, status, weighted contributions, KRA scores, owner score and rating as native Excel
 * formulas, so the sheet recalculates in Excel (or LibreOffice) without the add-in. It is live:
 * targets, baselines, weights and thresholds refer to the user's cells, actuals aggregate the
 * user's check-in cells up to the as-of date in row 1 (scorecard-links.ts). Every formula refers
 * to its own row, its block, the strip in rows 1–2, or the KPI's own block of the helper sheet:
 * total cost grows linearly.
 */
import { Analysis } from "../engine/analyze";
import { a1, columnLetters, sheetRef } from "../engine/address";
import { excelSerialFromDay, isoFromDay } from "../engine/dates";
import { RATING_LABELS } from "../engine/settings";
import { documentPrint } from "./plan-print";
import { Kpi, Kra, isBroken } from "../engine/model";
import { live } from "../engine/links";
import { groupWeights } from "../engine/scoring/math";
import { KpiScore } from "../engine/scoring/scores";
import { checkInComment } from "../engine/history/latest-check-ins";
import { OwnerBlock, ownerBlocks, unassignedKpis } from "./owners";
import { withFlatFormula, withFlatFormulas } from "./flat-formulas";
import { CellPlan, ConditionalFormatPlan, SheetInBlocks, SheetPlan } from "./plan";
import { wholeSheet } from "./sheet-blocks";
import { PERIODS_SHEET, PeriodsIndex, planPeriods } from "./periods-sheet";
import {
  LiveCells,
  actualCell,
  cycleTargetTerm,
  derivedIdNote,
  fieldCell,
  forecastFormula,
  originalTargetCell,
  paceFormula,
  targetCell,
  targetMaxCell,
  weightCell,
} from "./scorecard-links";

/** Column of each field (0-based). S… are helper columns, hidden. */
export const SC = {
  label: 0,
  id: 1,
  direction: 2,
  baseline: 3,
  target: 4,
  /** The KPI sheet's Target, beside an effective target set by targets per period (SPEC 4.2). */
  originalTarget: 5,
  targetMax: 6,
  actual: 7,
  raw: 8,
  attainment: 9,
  status: 10,
  weight: 11,
  weighted: 12,
  /** Attainment against the straight line to the cycle's target (KPI.PACE). */
  pace: 13,
  /** The end-of-cycle value at the current run rate (KPI.FORECAST), for `sum` KPIs. */
  forecast: 14,
  greenAt: 15,
  amberAt: 16,
  /** KRA and owner rows: the share of KPI weight with an attainment (SPEC section 4). */
  coverage: 17,
  kpiWeightUsed: 18,
  kraWeightUsed: 19,
  kraWeighted: 20,
  kpiWeighted: 21,
  kind: 22,
  /** Hidden: a KRA's weight × its coverage, summed into its owner's coverage. */
  kraCoverageWeighted: 23,
} as const;

/** Owner rows carry the rating's label beside its number, in the (otherwise empty) Weight cell. */
const RATING_LABEL = SC.weight;
const WIDTH = SC.kraCoverageWeighted + 1;
export const HEADER_ROW = 4; // 1-based
const PCT = "0.0%";
const COVERAGE_FORMAT = "0%";
const DATE_FORMAT = "yyyy-mm-dd";

/** The settings strip (row 2): formulas read Cap, Floor, thresholds and bands from here. */
const CAP = "$B$2";
const FLOOR = "$D$2";
const GREEN = "$F$2";
const AMBER = "$H$2";
const BANDS = ["$J$2", "$K$2", "$L$2", "$M$2"];
/** Coverage Min sits in Q2, beside its label in P2 (columns that are never hidden). */
const COVERAGE_MIN = "$Q$2";

/**
 * Row 1: the as-of date (B1) and the cycle (D1 to F1) a person may change, the share of the cycle
 * elapsed (H1); hidden beside them, the as-of date the formulas count to (never after Cycle End),
 * the cycle's days and the days elapsed.
 */
const AS_OF_TYPED = "$B$1";
const CYCLE_START = "$D$1";
const CYCLE_END = "$F$1";
const SHARE = "$H$1";
const AS_OF = `$${columnLetters(SC.kpiWeightUsed)}$1`;
const CYCLE_DAYS = `$${columnLetters(SC.kraWeightUsed)}$1`;
const ELAPSED_DAYS = `$${columnLetters(SC.kraWeighted)}$1`;

const col = (c: number) => columnLetters(c);
const ref = (c: number, row: number) => `${col(c)}${row}`;

/** A number format for a KPI's values: its unit's, else whole numbers or two decimals. */
function valueFormat(kpi: Kpi, values: readonly (number | null)[]): string {
  const unit = (kpi.unit ?? "").toLowerCase();
  if (unit.includes("%")) return PCT;
  const whole = values.every((v) => v === null || Number.isInteger(v));
  if (unit.includes("$")) return whole ? "$#,##0" : "$#,##0.00";
  return whole ? "#,##0" : "#,##0.00";
}

/** Raw attainment as a formula of this row's actual, target, baseline and target max (SPEC 4). */
/**
 * `targetMayBeBlank`: the target is a formula that is blank while no target per period counts
 * yet (SPEC 4.2); the raw attainment is then blank too.
 */
export function rawFormula(
  direction: string,
  hasBaseline: boolean,
  row: number,
  targetMayBeBlank = false
): string {
  const [a, t, b, u] = [
    ref(SC.actual, row),
    ref(SC.target, row),
    ref(SC.baseline, row),
    ref(SC.targetMax, row),
  ];
  let body: string;
  if (direction === "range") {
    const below = `IF(${t}<>0,ABS(${t}),${u}-${t})`;
    const above = `IF(${u}<>0,ABS(${u}),${u}-${t})`;
    body = `IF(AND(${a}>=${t},${a}<=${u}),1,IF(${a}<${t},IF(${below}=0,"",1-(${t}-${a})/${below}),IF(${above}=0,"",1-(${a}-${u})/${above})))`;
  } else if (hasBaseline) {
    body =
      direction === "higher"
        ? `IF(${t}=${b},"",(${a}-${b})/(${t}-${b}))`
        : `IF(${b}=${t},"",(${b}-${a})/(${b}-${t}))`;
  } else {
    body =
      direction === "higher"
        ? `IF(${t}=0,"",1+(${a}-${t})/ABS(${t}))`
        : `IF(${t}=0,"",1+(${t}-${a})/ABS(${t}))`;
  }
  return targetMayBeBlank ? `IF(OR(${a}="",${t}=""),"",${body})` : `IF(${a}="","",${body})`;
}

export function ratingFormula(scoreCell: string): string {
  const [b5, b4, b3, b2] = BANDS;
  return `IF(${scoreCell}="","",IF(${scoreCell}>=${b5}-1E-9,5,IF(${scoreCell}>=${b4}-1E-9,4,IF(${scoreCell}>=${b3}-1E-9,3,IF(${scoreCell}>=${b2}-1E-9,2,1)))))`;
}

/**
 * The rows as they are made, a block at a time: an owner's block is handed to the writer once
 * its owner row is complete (its formulas sum the rows below it), and kept no longer.
 */
class Rows {
  /** Rows made so far, handed over or not: the last one's 1-based number. */
  count = 0;
  private block: (CellPlan | null)[][] = [];
  add(cells: Partial<Record<number, CellPlan>>): number {
    const line: (CellPlan | null)[] = new Array(WIDTH).fill(null);
    for (const [c, cell] of Object.entries(cells)) if (cell) line[Number(c)] = cell;
    this.block.push(withFlatFormulas(line));
    return ++this.count; // 1-based row number
  }
  /** A cell of a row of the block being made. */
  set(row: number, c: number, cell: CellPlan): void {
    this.block[row - (this.count - this.block.length) - 1][c] = withFlatFormula(cell);
  }
  /** The block made since the last one was taken. */
  take(): (CellPlan | null)[][] {
    const block = this.block;
    this.block = [];
    return block;
  }
}

function settingsStrip(analysis: Analysis): Partial<Record<number, CellPlan>> {
  const s = analysis.model.settings;
  const label = (text: string): CellPlan => ({ value: text, style: "label" });
  return {
    0: label("Cap"),
    1: { value: s.cap, format: PCT },
    2: label("Floor"),
    3: { value: s.floor, format: PCT },
    4: label("Green at"),
    5: { value: s.greenAt, format: PCT },
    6: label("Amber at"),
    7: { value: s.amberAt, format: PCT },
    8: label("Rating bands (5, 4, 3, 2)"),
    9: { value: s.ratingBands[0], format: PCT },
    10: { value: s.ratingBands[1], format: PCT },
    11: { value: s.ratingBands[2], format: PCT },
    12: { value: s.ratingBands[3], format: PCT },
    15: label("Coverage min"),
    16: { value: s.coverageMin, format: PCT },
  };
}

/** Whether the workbook sets a cycle the formulas can prorate and pace by (start ≤ end). */
function hasCycle(analysis: Analysis): boolean {
  const { cycleStart, cycleEnd } = analysis.model.settings;
  return cycleStart !== null && cycleEnd !== null && cycleStart <= cycleEnd;
}

/** The cells of row 1 the formulas read (LiveCells), and row 1 itself. */
function asOfStrip(analysis: Analysis): {
  live: LiveCells;
  cells: Partial<Record<number, CellPlan>>;
} {
  const { asOf, settings } = analysis.model;
  const date = (day: number | null): CellPlan =>
    day === null ? { value: null } : { value: excelSerialFromDay(day), format: DATE_FORMAT };
  const cycle = hasCycle(analysis);
  const cells: Partial<Record<number, CellPlan>> = {
    0: { value: "Scorecard — as of", style: "title" },
    1: { ...date(asOf), style: "subtitle" },
    2: { value: "Cycle", style: "label" },
    3: date(settings.cycleStart),
    4: { value: "to", style: "label" },
    5: date(settings.cycleEnd),
    [SC.kpiWeightUsed]: {
      formula: settings.cycleEnd !== null ? `MIN(${AS_OF_TYPED},${CYCLE_END})` : AS_OF_TYPED,
      format: DATE_FORMAT,
    },
  };
  if (cycle) {
    cells[6] = { value: "Elapsed", style: "label" };
    cells[7] = { formula: `${ELAPSED_DAYS}/${CYCLE_DAYS}`, format: "0%" };
    cells[SC.kraWeightUsed] = { formula: `${CYCLE_END}-${CYCLE_START}+1` };
    cells[SC.kraWeighted] = {
      formula: `MAX(0,MIN(${CYCLE_DAYS},${AS_OF}-${CYCLE_START}+1))`,
    };
  }
  return {
    cells,
    live: {
      asOf: AS_OF,
      share: cycle ? SHARE : null,
      cycleDays: cycle ? CYCLE_DAYS : null,
      elapsedDays: cycle ? ELAPSED_DAYS : null,
    },
  };
}

/**
 * True (in Excel) when this row's score rests on less than Coverage Min. `anchored` fixes the
 * columns, for a conditional format whose formula moves down the rows.
 */
function provisionalTest(row: number, anchored = false): string {
  const at = (c: number) => `${anchored ? "$" : ""}${ref(c, row)}`;
  const [I, T] = [at(SC.attainment), at(SC.coverage)];
  return `AND(${I}<>"",ISNUMBER(${T}),${T}<${COVERAGE_MIN}-1E-9)`;
}

/** `Achieved`, `Achieved (provisional)`: the label of the rating number beside it. */
function ratingLabelFormula(row: number): string {
  const J = ref(SC.status, row);
  const labels = RATING_LABELS.map((l) => `"${l}"`).join(",");
  return `IF(${J}="","",CHOOSE(${J},${labels})&IF(${provisionalTest(row)}," (provisional)",""))`;
}

const HEADERS = [
  "Owner / KRA / KPI",
  "ID",
  "Direction",
  "Baseline",
  "Target",
  "Original target",
  "Target max",
  "Actual",
  "Raw",
  "Attainment",
  "Status / rating",
  "Weight",
  "Weighted",
  "Pace",
  "Forecast",
  "Green at",
  "Amber at",
  "Coverage",
  "KPI weight scored",
  "KRA weight scored",
  "KRA weighted",
  "KPI weighted",
  "Row",
  "KRA coverage weighted",
];

/** What every row formula needs: the analysis, the strip's cells, the helper sheet's blocks. */
interface Context {
  analysis: Analysis;
  live: LiveCells;
  periods: PeriodsIndex | null;
}

function kpiRow(
  rows: Rows,
  kpi: Kpi,
  score: KpiScore,
  weight: number | null,
  kraRow: number,
  ctx: Context
): number {
  const { analysis, live, periods } = ctx;
  const def = analysis.definitions.get(kpi.id);
  const n = rows.count + 1;
  const [I, K, M, N] = [
    ref(SC.attainment, n),
    ref(SC.weight, n),
    ref(SC.greenAt, n),
    ref(SC.amberAt, n),
  ];
  const scorable = !!def?.scorable && score.direction !== null && score.target !== null;
  // A KPI the engine left unscored although it has all it needs (scale-mismatch) stays so.
  const unscored = scorable && score.actual !== null && score.raw === null;
  const format = valueFormat(kpi, [kpi.baseline, score.target, score.targetMax, score.actual]);
  const scored = `OR(${I}="",${K}="")`;
  const idNote = derivedIdNote(kpi);
  const cycleTarget = cycleTargetTerm(analysis, kpi, ref(SC.target, n), live);
  const pace =
    live.share !== null &&
    scorable &&
    score.direction !== "range" &&
    kpi.originalTarget === undefined
      ? {
          formula: paceFormula(
            {
              actual: ref(SC.actual, n),
              target: cycleTarget,
              baseline: kpi.baseline !== null ? ref(SC.baseline, n) : null,
            },
            live,
            { cap: CAP, floor: FLOOR }
          ),
          format: PCT,
        }
      : null;
  const forecast =
    live.share !== null && kpi.aggregation === "sum"
      ? { formula: forecastFormula(ref(SC.actual, n), live), format }
      : null;
  return rows.add({
    [SC.label]: { value: kpi.name ?? kpi.id, style: "kpi", indent: 2 },
    [SC.id]: { value: kpi.id, style: "kpi", ...(idNote ? { comment: idNote } : {}) },
    [SC.direction]: { value: score.direction },
    [SC.baseline]: fieldCell(analysis, kpi, "baseline", kpi.baseline, format),
    [SC.target]: targetCell(analysis, kpi, score.target, format, live, periods),
    [SC.originalTarget]: originalTargetCell(analysis, kpi, format) ?? undefined,
    [SC.targetMax]: targetMaxCell(analysis, kpi, score.targetMax, format, live),
    [SC.actual]: actualCell(
      analysis,
      kpi,
      score.actual,
      format,
      periods,
      checkInComment(analysis, kpi.id).comment
    ),
    [SC.raw]:
      scorable && !unscored
        ? {
            formula: rawFormula(
              score.direction as string,
              kpi.baseline !== null,
              n,
              kpi.originalTarget !== undefined
            ),
            format: PCT,
          }
        : { value: null },
    [SC.attainment]: {
      formula: `IF(${ref(SC.raw, n)}="","",MIN(${CAP},MAX(${FLOOR},${ref(SC.raw, n)})))`,
      format: PCT,
    },
    [SC.status]: def?.statusable
      ? { formula: `IF(${I}="","",IF(${I}>=${M}-1E-9,"Green",IF(${I}>=${N}-1E-9,"Amber","Red")))` }
      : { value: null },
    [SC.weight]: weightCell(analysis, kpi, weight),
    [SC.weighted]: {
      formula: `IF(OR(${scored},${ref(SC.kpiWeightUsed, kraRow)}=0),"",${ref(SC.kpiWeighted, n)}/${ref(SC.kpiWeightUsed, kraRow)})`,
      format: PCT,
    },
    [SC.pace]: pace ?? undefined,
    [SC.forecast]: forecast ?? undefined,
    [SC.greenAt]:
      kpi.greenAt !== null
        ? fieldCell(analysis, kpi, "greenAt", kpi.greenAt, PCT)
        : { formula: GREEN, format: PCT },
    [SC.amberAt]:
      kpi.amberAt !== null
        ? fieldCell(analysis, kpi, "amberAt", kpi.amberAt, PCT)
        : { formula: AMBER, format: PCT },
    [SC.kpiWeightUsed]: { formula: `IF(${scored},0,${K})` },
    [SC.kpiWeighted]: { formula: `IF(${scored},0,${I}*${K})` },
    [SC.kind]: { value: "kpi" },
  });
}

/** A KRA row with its KPI rows below it; its weighted share refers to `ownerRow`'s KRA weight. */
function kraBlock(
  rows: Rows,
  block: { kra: Kra; kpis: readonly Kpi[]; weight: number | null; ownerRow: number },
  ctx: Context,
  index: ScorecardIndex
): void {
  const { analysis } = ctx;
  const { kra, kpis, ownerRow } = block;
  const idNote = derivedIdNote(kra);
  const k = rows.add({
    [SC.label]: { value: kra.name ?? kra.id, style: "kra", indent: 1 },
    [SC.id]: { value: kra.id, style: "kra", ...(idNote ? { comment: idNote } : {}) },
    [SC.weight]: weightCell(analysis, kra, block.weight, "kra"),
    [SC.kind]: { value: "kra" },
  });
  index.kras.set(kra.id, k);
  const kpiWeights = groupWeights(
    kpis.map((x) => x.weight),
    kpis.map((x) => isBroken(x, "weight"))
  );
  kpis.forEach((kpi, j) =>
    index.kpis.set(
      kpi.id,
      kpiRow(rows, kpi, analysis.scores.kpis.get(kpi.id) as KpiScore, kpiWeights[j], k, ctx)
    )
  );
  const [first, last] = [k + 1, k + kpis.length];
  const [I, K, O] = [ref(SC.attainment, k), ref(SC.weight, k), ref(SC.kpiWeightUsed, k)];
  const scored = `OR(${I}="",${K}="")`;
  rows.set(
    k,
    SC.kpiWeightUsed,
    kpis.length
      ? { formula: `SUM(${ref(SC.kpiWeightUsed, first)}:${ref(SC.kpiWeightUsed, last)})` }
      : { value: 0 }
  );
  rows.set(
    k,
    SC.attainment,
    kpis.length
      ? {
          formula: `IF(${O}=0,"",SUM(${ref(SC.kpiWeighted, first)}:${ref(SC.kpiWeighted, last)})/${O})`,
          format: PCT,
          style: "kra",
        }
      : { value: null, style: "kra" }
  );
  rows.set(
    k,
    SC.coverage,
    kpis.length
      ? {
          formula: `IF(SUM(${ref(SC.weight, first)}:${ref(SC.weight, last)})=0,0,${O}/SUM(${ref(SC.weight, first)}:${ref(SC.weight, last)}))`,
          format: COVERAGE_FORMAT,
          style: "kra",
        }
      : { value: 0, format: COVERAGE_FORMAT, style: "kra" }
  );
  rows.set(k, SC.kraCoverageWeighted, {
    formula: `IF(${K}="",0,${K}*IF(${I}="",0,${ref(SC.coverage, k)}))`,
  });
  rows.set(k, SC.kraWeightUsed, { formula: `IF(${scored},0,${K})` });
  rows.set(k, SC.kraWeighted, { formula: `IF(${scored},0,${I}*${K})` });
  const P = ref(SC.kraWeightUsed, ownerRow);
  rows.set(k, SC.weighted, {
    formula: `IF(OR(${scored},${P}=0),"",${ref(SC.kraWeighted, k)}/${P})`,
    format: PCT,
    style: "kra",
  });
}

function ownerBlock(rows: Rows, block: OwnerBlock, ctx: Context, index: ScorecardIndex): number {
  const ownerRow = rows.add({
    [SC.label]: {
      value: `${block.kind === "unit" ? "Unit" : block.kind === "person" ? "Person" : "Owner"}: ${block.label}`,
      style: "owner",
    },
    [SC.id]: { value: block.id, style: "owner" },
    [SC.kind]: { value: "owner" },
  });
  const kraWeights = groupWeights(
    block.kras.map((k) => k.kra.weight),
    block.kras.map((k) => isBroken(k.kra, "weight"))
  );
  block.kras.forEach(({ kra, kpis }, i) =>
    kraBlock(rows, { kra, kpis, weight: kraWeights[i], ownerRow }, ctx, index)
  );
  const end = rows.count;
  const P = ref(SC.kraWeightUsed, ownerRow);
  const I = ref(SC.attainment, ownerRow);
  rows.set(
    ownerRow,
    SC.kraWeightUsed,
    end > ownerRow
      ? { formula: `SUM(${ref(SC.kraWeightUsed, ownerRow + 1)}:${ref(SC.kraWeightUsed, end)})` }
      : { value: 0 }
  );
  rows.set(ownerRow, SC.attainment, {
    formula: `IF(${P}=0,"",SUM(${ref(SC.kraWeighted, ownerRow + 1)}:${ref(SC.kraWeighted, end)})/${P})`,
    format: PCT,
    style: "owner",
  });
  rows.set(ownerRow, SC.status, { formula: ratingFormula(I), style: "owner" });
  rows.set(ownerRow, RATING_LABEL, { formula: ratingLabelFormula(ownerRow), style: "owner" });
  const [first, kinds] = [ownerRow + 1, `${ref(SC.kind, ownerRow + 1)}:${ref(SC.kind, end)}`];
  const kraWeightSum = `SUMIFS(${ref(SC.weight, first)}:${ref(SC.weight, end)},${kinds},"kra")`;
  rows.set(
    ownerRow,
    SC.coverage,
    end > ownerRow
      ? {
          formula: `IF(${kraWeightSum}=0,0,SUM(${ref(SC.kraCoverageWeighted, first)}:${ref(SC.kraCoverageWeighted, end)})/${kraWeightSum})`,
          format: COVERAGE_FORMAT,
          style: "owner",
        }
      : { value: 0, format: COVERAGE_FORMAT, style: "owner" }
  );
  index.owners.set(block.id, {
    row: ownerRow,
    last: end,
    kpis: block.kras.reduce((n, k) => n + k.kpis.length, 0),
  });
  return ownerRow;
}

/** The KPIs no owner block shows, under their KRA where it exists, else loose. */
interface Unassigned {
  ofKra: Map<Kra, Kpi[]>;
  loose: Kpi[];
}

function unassignedGroups(analysis: Analysis, kpis: readonly Kpi[]): Unassigned {
  const { model, broken } = analysis;
  const ofKra = new Map<Kra, Kpi[]>();
  const loose: Kpi[] = [];
  for (const kpi of kpis) {
    const kra = model.kras.get(live(broken, "kpi", kpi.id, "kra", kpi.kra) ?? "");
    if (kra) ofKra.set(kra, [...(ofKra.get(kra) ?? []), kpi]);
    else loose.push(kpi);
  }
  return { ofKra, loose };
}

/** Rows of an owner's block: its row, and each KRA's row with its KPIs' rows. */
function ownerBlockRows(block: OwnerBlock): number {
  return block.kras.reduce((n, k) => n + 1 + k.kpis.length, 1);
}

/** Rows of the unassigned block: its head row, a row per KRA and one per KPI; none without KPIs. */
function unassignedRows({ ofKra, loose }: Unassigned): number {
  if (ofKra.size === 0 && loose.length === 0) return 0;
  let n = 1 + ofKra.size + loose.length;
  for (const list of ofKra.values()) n += list.length;
  return n;
}

/**
 * SPEC 8: KPIs with no KRA or owner get a block of their own, never nowhere; it has no score. A
 * KRA that exists but has no owner (a workbook that names no owners) keeps its row and score.
 */
function unassignedBlock(
  rows: Rows,
  groups: Unassigned,
  ctx: Context,
  index: ScorecardIndex
): void {
  if (unassignedRows(groups) === 0) return;
  const { ofKra, loose } = groups;
  const { analysis } = ctx;
  const head = rows.add({
    [SC.label]: { value: "Unassigned KPIs (no KRA or owner)", style: "owner" },
    [SC.kind]: { value: "unassigned" },
  });
  for (const [kra, list] of ofKra)
    kraBlock(rows, { kra, kpis: list, weight: kra.weight, ownerRow: head }, ctx, index);
  if (loose.length === 0) return;
  const first = rows.count + 1;
  for (const kpi of loose)
    index.kpis.set(
      kpi.id,
      kpiRow(rows, kpi, analysis.scores.kpis.get(kpi.id) as KpiScore, kpi.weight, head, ctx)
    );
  const last = rows.count;
  rows.set(head, SC.kpiWeightUsed, {
    formula: `SUM(${ref(SC.kpiWeightUsed, first)}:${ref(SC.kpiWeightUsed, last)})`,
  });
}

const WIDTHS = [
  44, 12, 10, 12, 12, 15, 12, 12, 9, 11, 14, 11, 10, 9, 12, 9, 9, 10, 8, 8, 8, 8, 7, 8,
];
const HIDDEN = [
  SC.kpiWeightUsed,
  SC.kraWeightUsed,
  SC.kraWeighted,
  SC.kpiWeighted,
  SC.kind,
  SC.kraCoverageWeighted,
];

/**
 * Where each KPI, KRA and owner sits on the scorecard (1-based rows), so the dashboard and the
 * cascade refer to its cells and move with it (SPEC 8). An owner's block runs from its row to `last`.
 */
export interface ScorecardIndex {
  sheet: string;
  kpis: Map<string, number>;
  kras: Map<string, number>;
  owners: Map<string, OwnerRows>;
}

/** An owner's row and the last row of its block; how many KPI rows the block holds. */
export interface OwnerRows {
  row: number;
  last: number;
  kpis: number;
}

/** A scorecard cell as other sheets refer to it: `'KPI Scorecard'!$J$12`. */
export function scorecardRef(index: ScorecardIndex, column: number, row: number): string {
  return sheetRef(index.sheet, `$${col(column)}$${row}`);
}

/** The as-of date the formulas count to, as another sheet of the build refers to it. */
export function scorecardAsOf(sheet: string): string {
  return sheetRef(sheet, AS_OF);
}

/** The scorecard alone (the helper sheet it reads is laid out, not planned). */
export function planScorecard(analysis: Analysis, name = "KPI Scorecard"): SheetPlan {
  const periods = planPeriods(analysis, { sheet: PERIODS_SHEET, asOf: scorecardAsOf(name) });
  return buildScorecard(analysis, name, periods?.index ?? null).plan;
}

/** The scorecard over the helper sheet's blocks (`periods`), and where its rows are. */
export function buildScorecard(
  analysis: Analysis,
  name: string,
  periods: PeriodsIndex | null
): { plan: SheetPlan; index: ScorecardIndex } {
  const made = scorecardInBlocks(analysis, name, periods);
  return { plan: wholeSheet(made.sheet), index: made.index };
}

/**
 * The scorecard a block at a time: the rows of the top, then each owner's block. Where every
 * block starts is counted first, so all that is not rows (page breaks before each block,
 * conditional formats down to the last row) is known before any row is made. `index` is complete
 * once the blocks are.
 */
export function scorecardInBlocks(
  analysis: Analysis,
  name: string,
  periods: PeriodsIndex | null
): { sheet: SheetInBlocks; index: ScorecardIndex } {
  const strip = asOfStrip(analysis);
  const ctx: Context = { analysis, live: strip.live, periods };
  const index: ScorecardIndex = {
    sheet: name,
    kpis: new Map(),
    kras: new Map(),
    owners: new Map(),
  };
  const blocks = ownerBlocks(analysis);
  const unassigned = unassignedGroups(analysis, unassignedKpis(analysis, blocks));
  const ownerRows: number[] = [];
  let rowCount = HEADER_ROW;
  for (const block of blocks) {
    ownerRows.push(rowCount + 1);
    rowCount += ownerBlockRows(block);
  }
  rowCount += unassignedRows(unassigned);

  function* rowBlocks(): Generator<(CellPlan | null)[][]> {
    const rows = new Rows();
    rows.add(strip.cells);
    rows.add(settingsStrip(analysis));
    rows.add({
      0: {
        value:
          "Linked to your cells: change a check-in, a target, a weight or the as-of date in B1 and all follows. Cap, floor, thresholds, bands: the cells above.",
        style: "note",
      },
    });
    rows.add(
      Object.fromEntries(HEADERS.map((h, c) => [c, { value: h, style: "header" } as CellPlan]))
    );
    yield rows.take();
    for (const [i, block] of blocks.entries()) {
      if (ownerBlock(rows, block, ctx, index) !== ownerRows[i])
        throw new Error(`${name}: the block of ${block.id} is not where it was counted`);
      yield rows.take();
    }
    unassignedBlock(rows, unassigned, ctx, index);
    yield rows.take();
  }

  const last = Math.max(rowCount, HEADER_ROW + 1);
  const attainments = `${col(SC.attainment)}${HEADER_ROW + 1}:${col(SC.attainment)}${last}`;
  const statuses = `${col(SC.status)}${HEADER_ROW + 1}:${col(SC.status)}${last}`;
  const s = analysis.model.settings;
  const conditionalFormats: ConditionalFormatPlan[] = [
    { kind: "icons", range: attainments, thresholds: [s.amberAt, s.greenAt] },
    { kind: "dataBar", range: attainments, min: 0, max: s.cap, color: "FF5B9BD5" },
    { kind: "textEquals", range: statuses, text: "Green", style: "green" },
    { kind: "textEquals", range: statuses, text: "Amber", style: "amber" },
    { kind: "textEquals", range: statuses, text: "Red", style: "red" },
  ];
  conditionalFormats.push({
    kind: "expression",
    range: `${col(SC.attainment)}${HEADER_ROW + 1}:${col(RATING_LABEL)}${last} ${col(SC.coverage)}${HEADER_ROW + 1}:${col(SC.coverage)}${last}`,
    formula: provisionalTest(HEADER_ROW + 1, true),
    style: "muted",
  });
  if (ownerRows.length) {
    conditionalFormats.push({
      kind: "colorScale",
      range: ownerRows.map((r) => a1(r - 1, SC.attainment)).join(" "),
      min: s.ratingBands[3],
      mid: s.ratingBands[1],
      max: s.ratingBands[0],
    });
  }
  // Pace and Forecast need a cycle: without one they stay out of sight (and of print).
  const hidden = [...HIDDEN, ...(strip.live.share === null ? [SC.pace, SC.forecast] : [])].sort(
    (a, b) => a - b
  );
  const head: SheetInBlocks["head"] = {
    kind: "scorecard",
    name,
    columnWidths: WIDTHS,
    hiddenColumns: hidden,
    frozen: { rows: HEADER_ROW, columns: 1 },
    conditionalFormats,
    // Each owner's block starts a page, so one person's scorecard is never split from its header.
    print: documentPrint("Scorecard", isoFromDay(analysis.model.asOf), HEADER_ROW, {
      widths: WIDTHS,
      hidden,
      // The first block follows the title on page 1; each later one starts a page.
      breaksBefore: ownerRows.slice(1),
    }),
    tabColor: "FF107C10",
  };
  return { sheet: { head, rowCount, width: WIDTH, blocks: rowBlocks() }, index };
}
