/**
 * The live cells of the scorecard (SPEC 8): each KPI's target, baseline, target max, weight,
 * thresholds and actual as formulas over the user's own cells, prorated and period targets as
 * formulas of the as-of cell, and a comment wherever a value could not be linked.
 */
import { Analysis } from "../engine/analyze";
import { Kpi, Kra, isBroken } from "../engine/model";
import { cellOf } from "../engine/read/region";
import { Source, fieldSource, whereText } from "../engine/sources/cell-source";
import { kpiPeriodCells } from "../engine/sources/period-cells";
import { cellRef, linkedCell } from "./live-formulas";
import { CellPlan } from "./plan";
import { PeriodsIndex, periodsRef } from "./periods-sheet";

/** The cells of the strip at the top that the row formulas read. */
export interface LiveCells {
  /** The as-of date the formulas count to: the typed one, never after Cycle End (SPEC 4.1). */
  asOf: string;
  /** The share of the cycle elapsed on the as-of date; null without a (valid) cycle. */
  share: string | null;
  cycleDays: string | null;
  elapsedDays: string | null;
}

/** The engine's value of a row's field: for a KPI's target, the KPI sheet's own. */
function valueOf(row: Kpi | Kra, field: string): number | null {
  if (field === "target" && "originalTarget" in row && row.originalTarget !== undefined)
    return row.originalTarget;
  const v = (row as unknown as Record<string, unknown>)[field];
  return typeof v === "number" ? v : null;
}

const source = (analysis: Analysis, row: Kpi | Kra, field: string): Source | null =>
  fieldSource(analysis.workbook, row.ref, field, valueOf(row, field));

/** A number as a formula term: blank becomes "". */
const literal = (value: number | null) => (value === null ? `""` : String(value));

/** The formula term for a value read from a cell: the reference, or the value when not linked. */
function term(src: Source | null, value: number | null): string {
  return src?.kind === "link" ? cellRef(src.at) : literal(value);
}

/** Whether SPEC 4.1's prorating applies to this KPI's targets. */
function prorated(analysis: Analysis, kpi: Kpi, live: LiveCells): boolean {
  return (
    live.share !== null &&
    analysis.model.settings.prorateTargets &&
    kpi.aggregation === "sum" &&
    kpi.originalTarget === undefined
  );
}

/** `'Sheet'!F7` or the held value, times the elapsed share when prorated. */
function targetTerm(analysis: Analysis, kpi: Kpi, field: "target" | "targetMax"): string {
  const value = field === "target" ? (kpi.originalTarget ?? kpi.target) : kpi.targetMax;
  return term(source(analysis, kpi, field), value);
}

/** Notes on the period cells that could not be linked (text read as a number), at most three. */
function heldCellsNote(cells: readonly { source: Source }[], what: string): string | undefined {
  const held = cells.flatMap((c) => (c.source.kind === "held" ? [c.source] : []));
  if (held.length === 0) return undefined;
  const shown = held.slice(0, 3).map((s) => `- ${s.why}`);
  const more = held.length > 3 ? [`- and ${held.length - 3} more.`] : [];
  const count =
    held.length === 1
      ? `One ${what} cell is counted as a value, not linked:`
      : `${held.length} ${what} cells are counted as values, not linked:`;
  return [count, ...shown, ...more].join("\n");
}

/** The Target cell: a link, a prorated link, or the aggregation of the targets per period. */
export function targetCell(
  analysis: Analysis,
  kpi: Kpi,
  value: number | null,
  format: string,
  live: LiveCells,
  periods: PeriodsIndex | null
): CellPlan {
  const block = periods?.targets.get(kpi.id);
  if (periods && block !== undefined) {
    const cells = kpiPeriodCells(analysis).get(kpi.id)?.periodTargets ?? [];
    const note = heldCellsNote(cells, "target-per-period");
    return {
      formula: periodsRef(periods, "aggregate", block),
      format,
      ...(note ? { comment: note } : {}),
    };
  }
  return boundCell(analysis, kpi, "target", value, format, live);
}

export function targetMaxCell(
  analysis: Analysis,
  kpi: Kpi,
  value: number | null,
  format: string,
  live: LiveCells
): CellPlan {
  return boundCell(analysis, kpi, "targetMax", value, format, live);
}

/** A Target or Target max: a link, or a link times the share of the cycle elapsed (SPEC 4.1). */
function boundCell(
  analysis: Analysis,
  kpi: Kpi,
  field: "target" | "targetMax",
  value: number | null,
  format: string,
  live: LiveCells
): CellPlan {
  const src = source(analysis, kpi, field);
  if (!prorated(analysis, kpi, live) || value === null) return linkedCell(src, value, format);
  return {
    formula: `${targetTerm(analysis, kpi, field)}*${live.share}`,
    format,
    ...(src?.kind === "held" ? { comment: src.why } : {}),
  };
}

/** The KPI sheet's Target beside an effective target that targets per period set (SPEC 4.2, 7). */
export function originalTargetCell(analysis: Analysis, kpi: Kpi, format: string): CellPlan | null {
  if (kpi.originalTarget === undefined) return null;
  return linkedCell(source(analysis, kpi, "target"), kpi.originalTarget, format);
}

export function fieldCell(
  analysis: Analysis,
  row: Kpi | Kra,
  field: string,
  value: number | null,
  format?: string
): CellPlan {
  return linkedCell(source(analysis, row, field), value, format);
}

/**
 * A weight as its group reads it (SPEC 4): a link to the cell; a blank cell in a group with some
 * weights given is 0, and linked too where the cell is a plain one of the user's (so a weight
 * typed there later counts); all blank is 1 each, which no cell holds.
 */
export function weightCell(
  analysis: Analysis,
  row: Kpi | Kra,
  effective: number | null,
  style?: CellPlan["style"]
): CellPlan {
  const src = source(analysis, row, "weight");
  const cell =
    src === null &&
    effective === 0 &&
    !row.ref.region.origins &&
    row.ref.region.columns.weight !== undefined
      ? { formula: cellRef(cellOf(row.ref, "weight")) }
      : src?.kind === "link" && effective !== null
        ? { formula: cellRef(src.at) }
        : linkedCell(src?.kind === "held" || isBroken(row, "weight") ? src : null, effective);
  return style ? { ...cell, style } : cell;
}

/**
 * The Actual cell (SPEC 4.1): the KPI's aggregation of its check-in cells counted on the as-of
 * date (on its block of the helper sheet); else the KPI sheet's Actual cell. A KPI with no
 * check-in at build time takes the Actual cell until a check-in turns up below the others.
 */
export function actualCell(
  analysis: Analysis,
  kpi: Kpi,
  value: number | null,
  format: string,
  periods: PeriodsIndex | null,
  comment?: string
): CellPlan {
  const block = periods?.checkIns.get(kpi.id);
  const heldCells = heldCellsNote(kpiPeriodCells(analysis).get(kpi.id)?.checkIns ?? [], "check-in");
  const src = source(analysis, kpi, "actual");
  const notes = (...lines: (string | undefined)[]) => {
    const text = lines.filter(Boolean).join("\n\n");
    return text ? { comment: text } : {};
  };
  // linkedCell says itself why the Actual cell is not linked.
  if (!periods || block === undefined)
    return linkedCell(src, value, format, notes(heldCells, comment).comment);
  if (isBroken(kpi, "aggregation")) return { value, format, ...notes(heldCells, comment) };
  const aggregate = periodsRef(periods, "aggregate", block);
  if (analysis.actuals.get(kpi.id)?.fromCheckIns)
    return { formula: aggregate, format, ...notes(heldCells, comment) };
  const why = src?.kind === "held" ? src.why : undefined;
  return {
    formula: `IF(${periodsRef(periods, "usable", block)}=0,${term(src, kpi.actual)},${aggregate})`,
    format,
    ...notes(why, heldCells, comment),
  };
}

/** An ID the layout reader derived from a name (SPEC 2.1) is no cell of the user's: say so. */
export function derivedIdNote(row: Kpi | Kra): string | undefined {
  const origins = row.ref.region.origins?.[row.ref.row];
  const { id, name } = row.ref.region.columns;
  if (!origins || id === undefined || name === undefined || origins[id] !== origins[name])
    return undefined;
  const at = cellOf(row.ref, "name");
  return `Not linked: this ID is made from the name in ${whereText(at)} (the sheet has no ID column). Rename it there and build again to change it.`;
}

/**
 * Pace (SPEC 8, the math of KPI.PACE): attainment against the straight line from the baseline
 * (or 0) at Cycle Start to the cycle's target at Cycle End, on the as-of date, within Cap and Floor.
 */
export function paceFormula(
  cells: { actual: string; target: string; baseline: string | null },
  live: LiveCells,
  bounds: { cap: string; floor: string }
): string {
  const { actual: a, target: t } = cells;
  const b = cells.baseline ?? "0";
  const expected = `(${b}+(${t}-${b})*${live.share})`;
  const raw = `IF(${t}<${b},(${b}-${a})/(${b}-${expected}),(${a}-${b})/(${expected}-${b}))`;
  return `IF(OR(${a}="",${t}=""),"",IF(${expected}=${b},"",MIN(${bounds.cap},MAX(${bounds.floor},${raw}))))`;
}

/** Forecast (SPEC 8, the math of KPI.FORECAST): the year-to-date sum × cycle days ÷ days elapsed. */
export function forecastFormula(actual: string, live: LiveCells): string {
  return `IF(OR(${actual}="",${live.elapsedDays}=0),"",${actual}*${live.cycleDays}/${live.elapsedDays})`;
}

/** The pace's full-cycle target: the KPI sheet's own (not prorated) target. */
export function cycleTargetTerm(
  analysis: Analysis,
  kpi: Kpi,
  targetCellRef: string,
  live: LiveCells
): string {
  return prorated(analysis, kpi, live) ? targetTerm(analysis, kpi, "target") : targetCellRef;
}
