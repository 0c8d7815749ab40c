/**
 * KPI.* custom functions for Excel's JavaScript-only custom functions runtime: pure functions,
 * no Excel API, no DOM. custom-functions-metadata-plugin builds functions.json from the JSDoc
 * below (what Excel shows in the formula tooltip) and registers each function by its id, so this
 * file only declares them. Every range parameter is `any[][]`, so one blank or text cell does not
 * turn the whole call into #VALUE! (see ../shared/NOTES.md).
 */
import { CATALOGUE } from "./catalogue";
import { forExcel } from "./excel-errors";
import { run } from "./runner";

/**
 * Attainment of a KPI: how far the actual has come towards the target, capped and floored.
 * @customfunction ATTAINMENT ATTAINMENT
 * @param actual The measured value, a cell or a range.
 * @param target The target, a cell or a range of the same size.
 * @param [direction] "higher", "lower" or "range" is better. Blank: lower when the target is below the baseline, else higher.
 * @param [baseline] Where the KPI started. Blank: no baseline.
 * @param [cap] Highest attainment given. Default 1.2.
 * @param [floor] Lowest attainment given. Default 0.
 * @param [targetMax] Upper end of the target range, for direction "range".
 * @returns Attainment, one per row of the input.
 */
export function attainment(
  actual: any[][],
  target: any[][],
  direction?: any[][],
  baseline?: any[][],
  cap?: any[][],
  floor?: any[][],
  targetMax?: any[][]
): any[][] {
  return forExcel(
    run(CATALOGUE.ATTAINMENT, [actual, target, direction, baseline, cap, floor, targetMax])
  );
}

/**
 * Raw attainment of a KPI, neither capped nor floored.
 * @customfunction RAW RAW
 * @param actual The measured value, a cell or a range.
 * @param target The target, a cell or a range of the same size.
 * @param [direction] "higher", "lower" or "range" is better. Blank: inferred from target and baseline.
 * @param [baseline] Where the KPI started. Blank: no baseline.
 * @param [targetMax] Upper end of the target range, for direction "range".
 * @returns Raw attainment.
 */
export function raw(
  actual: any[][],
  target: any[][],
  direction?: any[][],
  baseline?: any[][],
  targetMax?: any[][]
): any[][] {
  return forExcel(run(CATALOGUE.RAW, [actual, target, direction, baseline, targetMax]));
}

/**
 * Traffic-light status of an attainment: Green, Amber or Red.
 * @customfunction STATUS STATUS
 * @param attainment An attainment, a cell or a range.
 * @param [greenAt] Green at or above this attainment. Default 1.0. Leave it out rather than point at a blank cell.
 * @param [amberAt] Amber at or above this attainment. Default 0.9. Both 0 (blank cells in some Excel builds) mean the defaults.
 * @returns "Green", "Amber", "Red", or blank for a blank attainment.
 */
export function status(attainment: any[][], greenAt?: any[][], amberAt?: any[][]): any[][] {
  return forExcel(run(CATALOGUE.STATUS, [attainment, greenAt, amberAt]));
}

/**
 * Weighted mean of attainments (a KRA or owner score). Blank weights count as 1 when all are blank, else as 0.
 * @customfunction SCORE SCORE
 * @param attainments The attainments to combine; blank cells are skipped.
 * @param [weights] Their weights, a range of the same size. Blank: all equal.
 * @returns The score, one value.
 */
export function score(attainments: any[][], weights?: any[][]): any[][] {
  return forExcel(run(CATALOGUE.SCORE, [attainments, weights]));
}

/**
 * Rating from 5 (Exceptional) to 1 (Not achieved) for a score.
 * @customfunction RATING RATING
 * @param score A score, a cell or a range.
 * @param [bands] Four descending thresholds for ratings 5 to 2, as four cells or text. Default 1.10, 1.00, 0.90, 0.75.
 * @returns The rating, 1 to 5.
 */
export function rating(score: any[][], bands?: any[][]): any[][] {
  return forExcel(run(CATALOGUE.RATING, [score, bands]));
}

/**
 * Rating label for a score: Exceptional, Achieved, Largely achieved, Partially achieved or Not achieved.
 * @customfunction RATINGLABEL RATINGLABEL
 * @param score A score, a cell or a range.
 * @param [bands] Four descending thresholds for ratings 5 to 2, as four cells or text. Default 1.10, 1.00, 0.90, 0.75.
 * @returns The rating's label.
 */
export function ratingLabel(score: any[][], bands?: any[][]): any[][] {
  return forExcel(run(CATALOGUE.RATINGLABEL, [score, bands]));
}

/**
 * Variance: actual minus target.
 * @customfunction VARIANCE VARIANCE
 * @param actual The measured value, a cell or a range.
 * @param target The target, a cell or a range of the same size.
 * @returns actual − target.
 */
export function variance(actual: any[][], target: any[][]): any[][] {
  return forExcel(run(CATALOGUE.VARIANCE, [actual, target]));
}

/**
 * Variance as a share of the target: (actual − target) / |target|.
 * @customfunction VARIANCEPCT VARIANCEPCT
 * @param actual The measured value, a cell or a range.
 * @param target The target, a cell or a range of the same size; 0 gives #DIV/0!.
 * @returns The variance as a fraction of the target.
 */
export function variancePct(actual: any[][], target: any[][]): any[][] {
  return forExcel(run(CATALOGUE.VARIANCEPCT, [actual, target]));
}

/**
 * Aggregates check-ins the way a KPI does: sum, average, last, min or max of the non-blank cells.
 * @customfunction AGGREGATE AGGREGATE
 * @param values The check-in values, in period order.
 * @param [method] "sum", "average", "last", "min" or "max". Default "last".
 * @returns One value.
 */
export function aggregateValues(values: any[][], method?: any[][]): any[][] {
  return forExcel(run(CATALOGUE.AGGREGATE, [values, method]));
}

/**
 * Target prorated to the as-of date: target × days elapsed / days in the cycle (both inclusive).
 * @customfunction PRORATE PRORATE
 * @param target The full-cycle target, a cell or a range.
 * @param cycleStart First day of the cycle (a date).
 * @param cycleEnd Last day of the cycle (a date).
 * @param asOf The date to prorate to.
 * @returns The prorated target.
 */
export function prorate(
  target: any[][],
  cycleStart: any[][],
  cycleEnd: any[][],
  asOf: any[][]
): any[][] {
  return forExcel(run(CATALOGUE.PRORATE, [target, cycleStart, cycleEnd, asOf]));
}

/**
 * Attainment against the straight line from the baseline at cycle start to the target at cycle end, on the as-of date.
 * @customfunction PACE PACE
 * @param actual The measured value so far, a cell or a range.
 * @param target The full-cycle target.
 * @param cycleStart First day of the cycle (a date).
 * @param cycleEnd Last day of the cycle (a date).
 * @param asOf The date to measure on.
 * @param [baseline] Value at cycle start. Default 0.
 * @returns Attainment against pace (capped at 1.2, floored at 0).
 */
export function pace(
  actual: any[][],
  target: any[][],
  cycleStart: any[][],
  cycleEnd: any[][],
  asOf: any[][],
  baseline?: any[][]
): any[][] {
  return forExcel(run(CATALOGUE.PACE, [actual, target, cycleStart, cycleEnd, asOf, baseline]));
}

/**
 * End-of-cycle forecast at today's run rate: sum of values × periodsTotal / periodsElapsed.
 * @customfunction FORECAST FORECAST
 * @param values The values so far.
 * @param periodsElapsed How many periods have passed.
 * @param periodsTotal How many periods the cycle has.
 * @returns The forecast for the whole cycle.
 */
export function forecast(values: any[][], periodsElapsed: any[][], periodsTotal: any[][]): any[][] {
  return forExcel(run(CATALOGUE.FORECAST, [values, periodsElapsed, periodsTotal]));
}
