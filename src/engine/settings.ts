/** The settings of SPEC section 5, with their defaults. */
import { Day } from "./dates";
import { parseNumberText } from "./values";

export interface Settings {
  cycleStart: Day | null;
  cycleEnd: Day | null;
  asOf: Day | null;
  cap: number;
  floor: number;
  greenAt: number;
  amberAt: number;
  /** Four descending thresholds for ratings 5, 4, 3 and 2. */
  ratingBands: readonly [number, number, number, number];
  prorateTargets: boolean;
  kraCountMin: number;
  kraCountMax: number;
  goalCountMax: number;
  /** Below this share of KPI weight with an attainment, a score is provisional (`low-coverage`). */
  coverageMin: number;
  /** How text dates such as 03/04/2026 are read; null is `auto` (SPEC section 2). */
  dateOrder: DateOrder | null;
}

export type DateOrder = "dmy" | "mdy";

export const DEFAULT_SETTINGS: Settings = {
  cycleStart: null,
  cycleEnd: null,
  asOf: null,
  cap: 1.2,
  floor: 0,
  greenAt: 1.0,
  amberAt: 0.9,
  ratingBands: [1.1, 1.0, 0.9, 0.75],
  prorateTargets: false,
  kraCountMin: 3,
  kraCountMax: 5,
  goalCountMax: 3,
  coverageMin: 0.5,
  dateOrder: null,
};

export const RATING_LABELS = [
  "Not achieved",
  "Partially achieved",
  "Largely achieved",
  "Achieved",
  "Exceptional",
] as const;

/** Four strictly descending thresholds, or null. */
export function validRatingBands(nums: readonly number[]): Settings["ratingBands"] | null {
  if (nums.length !== 4 || nums.some((n) => !Number.isFinite(n))) return null;
  for (let i = 1; i < 4; i++) if (!(nums[i] < nums[i - 1])) return null;
  return [nums[0], nums[1], nums[2], nums[3]];
}

/** Reads `1.10, 1.00, 0.90, 0.75` (or `;`/`|`/space separated, or percentages). */
export function parseRatingBands(text: string): Settings["ratingBands"] | null {
  const nums = text
    .trim()
    .split(/\s*[;,|]\s*|\s+/)
    .map((p) => parseNumberText(p) ?? NaN);
  return validRatingBands(nums);
}
