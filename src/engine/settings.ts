/** The settings of SPEC section 5, with their defaults. */
import { Day } from "./dates";

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
}

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
};

export const RATING_LABELS = [
  "Not achieved",
  "Partially achieved",
  "Largely achieved",
  "Achieved",
  "Exceptional",
] as const;
