/**
 * Every KPI.* function of SPEC section 6, declared once as data. The math is the engine's
 * (src/engine/scoring/math.ts): nothing here computes an attainment of its own.
 */
import {
  DEFAULT_SETTINGS,
  RATING_LABELS,
  parseRatingBands,
  validRatingBands,
} from "../engine/settings";
import {
  aggregate,
  clampAttainment,
  elapsedShare,
  groupWeights,
  inferDirection,
  paceAttainment,
  ratingOf,
  rawAttainment,
  statusOf,
  weightedMean,
} from "../engine/scoring/math";
import { Aggregation, Direction } from "../engine/values";
import {
  Declaration,
  FunctionError,
  Param,
  coerceCell,
  BLANK_CELL,
  isBlankCell,
  numbersOf,
  pairedCells,
} from "./runner";

const num = (name: string, extra: Partial<Param> = {}): Param => ({
  name,
  type: "number",
  ...extra,
});
const opt = (name: string, def?: number): Param => ({
  name,
  type: "number",
  optional: true,
  default: def,
});
const date = (name: string): Param => ({ name, type: "date" });
const range = (name: string, optional = false): Param => ({ name, type: "range", optional });

const DIV0 = (what: string) => new FunctionError("#DIV/0!", what);
const VALUE = (what: string) => new FunctionError("#VALUE!", what);

/** Raw attainment with the checks a formula user needs spelled out; shared by ATTAINMENT, RAW and PACE. */
function raw(
  actual: number,
  target: number,
  direction: Direction | null,
  baseline: number | null,
  targetMax: number | null
): number | FunctionError {
  const dir = direction ?? inferDirection(target, baseline);
  if (dir === "range") {
    if (targetMax === null)
      return VALUE("A range KPI needs targetMax, the upper end of the target range.");
    if (target > targetMax) return VALUE("target is above targetMax; give the range as low, high.");
  }
  const r = rawAttainment({ actual, target, direction: dir, baseline, targetMax });
  return r === null
    ? DIV0("Attainment is undefined: the target equals the baseline, or is 0 with no baseline.")
    : r;
}

function bandsFrom(arg: unknown): readonly number[] | FunctionError {
  if (arg === null || arg === undefined) return DEFAULT_SETTINGS.ratingBands;
  const cells = (arg as unknown[][]).flat().filter((v) => !isBlankCell(v));
  if (cells.length === 0) return DEFAULT_SETTINGS.ratingBands;
  const bands =
    cells.length === 1 && typeof cells[0] === "string"
      ? parseRatingBands(cells[0])
      : validRatingBands(cells.map((v) => (typeof v === "number" ? v : Number.NaN)));
  return bands ?? VALUE("bands must be four descending numbers, such as 1.10, 1.00, 0.90, 0.75.");
}

function rating(score: number, bandsArg: unknown): number | FunctionError {
  const bands = bandsFrom(bandsArg);
  return bands instanceof FunctionError ? bands : ratingOf(score, bands);
}

export const CATALOGUE = {
  ATTAINMENT: {
    name: "KPI.ATTAINMENT",
    params: [
      num("actual"),
      num("target"),
      { name: "direction", type: "direction", optional: true },
      opt("baseline"),
      opt("cap", DEFAULT_SETTINGS.cap),
      opt("floor", DEFAULT_SETTINGS.floor),
      opt("targetMax"),
    ],
    body: ([a, t, d, b, cap, floor, u]) => {
      if ((cap as number) < (floor as number)) return VALUE("cap is below floor.");
      const r = raw(
        a as number,
        t as number,
        d as Direction | null,
        b as number | null,
        u as number | null
      );
      return r instanceof FunctionError ? r : clampAttainment(r, cap as number, floor as number);
    },
  },
  RAW: {
    name: "KPI.RAW",
    params: [
      num("actual"),
      num("target"),
      { name: "direction", type: "direction", optional: true },
      opt("baseline"),
      opt("targetMax"),
    ],
    body: ([a, t, d, b, u]) =>
      raw(a as number, t as number, d as Direction | null, b as number | null, u as number | null),
  },
  STATUS: {
    name: "KPI.STATUS",
    params: [
      num("attainment"),
      opt("greenAt", DEFAULT_SETTINGS.greenAt),
      opt("amberAt", DEFAULT_SETTINGS.amberAt),
    ],
    body: ([att, greenArg, amberArg]) => {
      // Some desktop builds pass a blank cell as 0: both thresholds at 0 would make every
      // attainment Green, which no one means, so it is read as both left blank.
      const blank = greenArg === 0 && amberArg === 0;
      const green = blank ? DEFAULT_SETTINGS.greenAt : (greenArg as number);
      const amber = blank ? DEFAULT_SETTINGS.amberAt : (amberArg as number);
      if (amber > green) return VALUE("amberAt is above greenAt.");
      const s = statusOf(att as number, green, amber);
      return s === "green" ? "Green" : s === "amber" ? "Amber" : "Red";
    },
  },
  SCORE: {
    name: "KPI.SCORE",
    params: [range("attainments"), range("weights", true)],
    body: ([attainments, weights]) => {
      const pairs = pairedCells(attainments, weights);
      if (!pairs) return VALUE("attainments and weights must be ranges of the same size.");
      const values: (number | null)[] = [];
      const given: (number | null)[] = [];
      for (let i = 0; i < pairs[0].length; i++) {
        const v = coerceCell(pairs[0][i], num("attainments"));
        const w = coerceCell(pairs[1][i], num("weights"));
        if (v instanceof FunctionError) return v;
        if (w instanceof FunctionError) return w;
        if (typeof w === "number" && w < 0) return VALUE("weights cannot be negative.");
        values.push(v === BLANK_CELL ? null : (v as number));
        given.push(w === BLANK_CELL ? null : (w as number));
      }
      if (values.every((v) => v === null)) return null;
      const score = weightedMean(
        values,
        groupWeights(
          given,
          given.map(() => false)
        )
      );
      return score === null ? DIV0("The weights of the scored attainments add up to 0.") : score;
    },
  },
  RATING: {
    name: "KPI.RATING",
    params: [num("score"), range("bands", true)],
    body: ([score, bands]) => rating(score as number, bands),
  },
  RATINGLABEL: {
    name: "KPI.RATINGLABEL",
    params: [num("score"), range("bands", true)],
    body: ([score, bands]) => {
      const r = rating(score as number, bands);
      return r instanceof FunctionError ? r : RATING_LABELS[r - 1];
    },
  },
  VARIANCE: {
    name: "KPI.VARIANCE",
    params: [num("actual"), num("target")],
    body: ([a, t]) => (a as number) - (t as number),
  },
  VARIANCEPCT: {
    name: "KPI.VARIANCEPCT",
    params: [num("actual"), num("target")],
    body: ([a, t]) =>
      (t as number) === 0
        ? DIV0("The target is 0.")
        : ((a as number) - (t as number)) / Math.abs(t as number),
  },
  AGGREGATE: {
    name: "KPI.AGGREGATE",
    params: [
      range("values"),
      { name: "method", type: "aggregation", optional: true, default: "last" },
    ],
    body: ([values, method]) => {
      const list = numbersOf(values, "values");
      return list instanceof FunctionError ? list : aggregate(list, method as Aggregation);
    },
  },
  PRORATE: {
    name: "KPI.PRORATE",
    params: [num("target"), date("cycleStart"), date("cycleEnd"), date("asOf")],
    body: ([t, start, end, asOf]) => {
      const share = elapsedShare(start as number, end as number, asOf as number);
      return share === null ? VALUE("cycleEnd is before cycleStart.") : (t as number) * share;
    },
  },
  PACE: {
    name: "KPI.PACE",
    params: [
      num("actual"),
      num("target"),
      date("cycleStart"),
      date("cycleEnd"),
      date("asOf"),
      opt("baseline", 0),
    ],
    body: ([a, t, start, end, asOf, b]) => {
      const pace = paceAttainment(
        a as number,
        t as number,
        { start: start as number, end: end as number, asOf: asOf as number },
        b as number,
        DEFAULT_SETTINGS
      );
      if (pace === "cycle") return VALUE("cycleEnd is before cycleStart.");
      if (pace === "nothing-expected")
        return DIV0("Nothing is expected yet on the as-of date (it is at or before cycleStart).");
      return pace;
    },
  },
  FORECAST: {
    name: "KPI.FORECAST",
    params: [range("values"), num("periodsElapsed"), num("periodsTotal")],
    body: ([values, elapsed, total]) => {
      const list = numbersOf(values, "values");
      if (list instanceof FunctionError) return list;
      if ((elapsed as number) < 0 || (total as number) < 0)
        return VALUE("Periods cannot be negative.");
      if ((elapsed as number) === 0) return DIV0("No period has elapsed yet.");
      return (list.reduce((s, v) => s + v, 0) * (total as number)) / (elapsed as number);
    },
  },
} satisfies Record<string, Declaration>;

export type FunctionName = keyof typeof CATALOGUE;
