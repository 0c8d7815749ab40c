/**
 * The check-ins a build kept, in a few numbers per KPI instead of every value (720,000 check-ins
 * at 5,000 people take 1.8 MB even deflated). Per KPI: which periods had check-ins and how many
 * (a "pattern", shared by the many KPIs with the same periods), two sums of hashes of the values
 * and the plain sum of the values. Against the check-ins the workbook holds now, that tells
 * exactly:
 * - every check-in added (in a new period, or beyond the ones a period had): value and period;
 * - one check-in edited or removed: which one, by the position the two hash sums point at (the
 *   check-sums of a single-error-correcting code), and its value then, by the difference of the
 *   value sums, confirmed by its hash;
 * - more than one edited or removed: that the KPI's check-ins changed, without the values.
 */
import { isoFromDay } from "../dates";
import type { Change } from "./changes";
import { KpiCheckIns } from "./side";

/**
 * The largest prime below 2^24: (i+1)·h stays exact in a double. With 24 bits, a value then is
 * confirmed by a hash that a wrong candidate matches once in 16.7 million.
 */
export const DIGEST_MODULUS = 16_777_213;

export interface KpiDigest {
  /** Index into the digest's patterns. */
  pattern: number;
  /** Σ hᵢ and Σ (i+1)·hᵢ mod DIGEST_MODULUS over the pattern's positions. */
  s1: number;
  s2: number;
  /** Σ valueᵢ in position order, to SUM_DIGITS significant digits; null when not finite. */
  sum: number | null;
}

export interface CheckInDigest {
  /** Distinct patterns: period ends in ascending order, an end repeated for each check-in. */
  patterns: number[][];
  kpis: Map<string, KpiDigest>;
}

const bits = new DataView(new ArrayBuffer(8));

/**
 * The hash of a check-in's value (of its 64 bits, little-endian, as any machine reads them back;
 * 0 and −0 alike, as `===` has them), or of a missing one.
 */
export function valueHash(value: number | null): number {
  if (value === null) return 0;
  bits.setFloat64(0, value === 0 ? 0 : value, true);
  let h = Math.imul(bits.getUint32(0, true) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ bits.getUint32(4, true), 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) % (DIGEST_MODULUS - 1)) + 1;
}

/**
 * Significant digits the value sum is kept to: its float rounding (1062.3700000000001) would
 * otherwise cost ten digits a KPI, and a value then is checked against its hash anyway.
 */
const SUM_DIGITS = 12;
const keptSum = (sum: number) =>
  Number.isFinite(sum) ? Number(sum.toPrecision(SUM_DIGITS)) : null;

const mod = (n: number) => ((n % DIGEST_MODULUS) + DIGEST_MODULUS) % DIGEST_MODULUS;

/** a·b mod P for 0 ≤ a, b < P (< 2^48: exact in a double). */
const mulMod = (a: number, b: number) => (a * b) % DIGEST_MODULUS;

/** The inverse of a mod P (P prime, a ≠ 0), by the extended Euclidean algorithm. */
function inverse(a: number): number {
  let [r0, r1] = [DIGEST_MODULUS, a];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return mod(t0);
}

interface Sums {
  s1: number;
  s2: number;
  sum: number;
}

/** The sums over a pattern's positions of the values there (missing: hash of "", value 0). */
function sumsOver(values: readonly (number | null)[]): Sums {
  let s1 = 0;
  let s2 = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const h = valueHash(v);
    s1 = (s1 + h) % DIGEST_MODULUS;
    s2 = (s2 + mulMod((i + 1) % DIGEST_MODULUS, h)) % DIGEST_MODULUS;
    if (v !== null) sum += v;
  }
  return { s1, s2, sum };
}

export function digestCheckIns(byKpi: ReadonlyMap<string, KpiCheckIns>): CheckInDigest {
  const patterns: number[][] = [];
  const known = new Map<string, number>();
  const kpis = new Map<string, KpiDigest>();
  for (const [kpi, { ends, values }] of byKpi) {
    const key = ends.join(",");
    let pattern = known.get(key);
    if (pattern === undefined) {
      pattern = patterns.length;
      patterns.push([...ends]);
      known.set(key, pattern);
    }
    const { s1, s2, sum } = sumsOver(values);
    kpis.set(kpi, { pattern, s1, s2, sum: keptSum(sum) });
  }
  return { patterns, kpis };
}

interface Aligned {
  /** The value now at each position of the pattern (the k-th check-in of its period), or null. */
  values: (number | null)[];
  /** Check-ins now beyond the pattern's: in a new period, or past the ones a period had. */
  extra: { end: number; k: number; value: number }[];
}

function align(pattern: readonly number[], now: KpiCheckIns): Aligned {
  const values: (number | null)[] = [];
  const extra: Aligned["extra"] = [];
  let [i, j] = [0, 0];
  while (i < pattern.length || j < now.ends.length) {
    const end = Math.min(pattern[i] ?? Infinity, now.ends[j] ?? Infinity);
    let [i2, j2] = [i, j];
    while (i2 < pattern.length && pattern[i2] === end) i2++;
    while (j2 < now.ends.length && now.ends[j2] === end) j2++;
    for (let k = 0; k < i2 - i; k++) values.push(j + k < j2 ? now.values[j + k] : null);
    for (let k = i2 - i; k < j2 - j; k++) extra.push({ end, k, value: now.values[j + k] });
    [i, j] = [i2, j2];
  }
  return { values, extra };
}

/**
 * The value then: the value now plus the difference of the value sums, which rounding leaves a
 * little off: the sum then is kept to SUM_DIGITS, and each sum carries the rounding of adding
 * its values, which grows with their size, not the sum's (-9999599.87, 0.03 and 9999701.7 sum to
 * 101.86 a few billionths off). The value is the one, among the nearest short numbers within that
 * rounding, whose hash is the one the sums point at; null when none is. `values` are the values
 * now, of which `now` is the one that changed.
 */
function valueThen(
  now: number,
  sumThen: number | null,
  sumNow: number,
  hash: number,
  values: readonly (number | null)[]
) {
  if (sumThen === null) return null;
  const raw = now + (sumThen - sumNow);
  if (!Number.isFinite(raw)) return null;
  // Adding n values rounds by at most n·ε·Σ|v| (the values then are these, `raw` for `now`).
  let magnitude = Math.abs(raw);
  for (const v of values) if (v !== null) magnitude += Math.abs(v);
  const bound =
    10 ** (1 - SUM_DIGITS) * Math.max(Math.abs(sumThen), Math.abs(sumNow), Math.abs(raw)) +
    (values.length + 1) * Number.EPSILON * magnitude;
  const candidates = [
    raw,
    ...[15, 12].map((p) => Number(raw.toPrecision(p))),
    ...Array.from({ length: 11 }, (_, d) => Number(raw.toFixed(d))),
  ];
  for (const c of candidates)
    if (Math.abs(c - raw) <= bound && valueHash(c) === hash) return c === 0 ? 0 : c;
  return null;
}

/** The one position whose value changed, as the hash sums point at it; -1 if not one. */
function changedPosition(then: KpiDigest, now: Sums, positions: number): number {
  const d1 = mod(then.s1 - now.s1);
  if (d1 === 0) return -1;
  const at = mulMod(mod(then.s2 - now.s2), inverse(d1)) - 1;
  return at >= 0 && at < positions ? at : -1;
}

interface Placed {
  end: number;
  k: number;
  change: Change;
}

/** The changes of one KPI's check-ins since the digest, in period order. */
function kpiChanges(
  kpi: string,
  then: KpiDigest | undefined,
  pattern: readonly number[],
  now: KpiCheckIns
): Change[] {
  const change = (
    kind: Change["kind"],
    end: number,
    before: number | null,
    after: number | null
  ): Change => ({ kind, entity: "kpi", id: kpi, field: isoFromDay(end), before, after });
  const { values, extra } = align(pattern, now);
  const placed: Placed[] = extra.map(({ end, k, value }) => ({
    end,
    k,
    change: change("check-in-added", end, null, value),
  }));
  const sums = sumsOver(values);
  const same =
    then === undefined ||
    (sums.s1 === then.s1 &&
      sums.s2 === then.s2 &&
      (then.sum === null || keptSum(sums.sum) === then.sum));
  if (then && !same) {
    const at = changedPosition(then, sums, values.length);
    const value =
      at < 0
        ? null
        : valueThen(
            values[at] ?? 0,
            then.sum,
            sums.sum,
            mod(valueHash(values[at]) + then.s1 - sums.s1),
            values
          );
    if (value !== null) {
      const end = pattern[at];
      const after = values[at];
      placed.push({
        end,
        k: at - pattern.indexOf(end),
        change: change(after === null ? "check-in-removed" : "check-in-edited", end, value, after),
      });
    } else {
      // More than one check-in changed: which, and from what, the digest cannot tell.
      const last = pattern[pattern.length - 1];
      const still = values.filter((v) => v !== null).length;
      placed.push({
        end: last,
        k: Number.MAX_SAFE_INTEGER,
        change: change("check-ins-changed", last, pattern.length, still),
      });
    }
  }
  placed.sort((a, b) => a.end - b.end || a.k - b.k);
  return placed.map((p) => p.change);
}

/** The check-in changes from a digest to the check-ins now, KPI by KPI, as `diff` lists them. */
export function digestChanges(
  digest: CheckInDigest,
  now: ReadonlyMap<string, KpiCheckIns>,
  changes: Change[]
): void {
  const none: KpiCheckIns = { ends: [], values: [] };
  for (const kpi of new Set([...digest.kpis.keys(), ...now.keys()])) {
    const then = digest.kpis.get(kpi);
    const pattern = then ? (digest.patterns[then.pattern] ?? []) : [];
    changes.push(...kpiChanges(kpi, then, pattern, now.get(kpi) ?? none));
  }
}
