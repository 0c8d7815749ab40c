/**
 * How a parser's time grows with its input, measured so that neither a loaded machine nor the
 * garbage collector makes a linear parser look superlinear:
 * - CPU time (user + system), not wall time: time spent waiting for a core is not counted;
 * - a warm-up run of each size first: compiling is not counted;
 * - the larger input (FACTOR × n) is compared with FACTOR parses of the smaller one, every result
 *   kept until the measurement ends, so that both sides allocate and retain as much: a small
 *   input whose garbage fits in the young generation would otherwise cost no collection at all,
 *   and make a linear parser look up to three times "superlinear" at these sizes;
 * - enough repetitions that each side takes at least MIN_MS, far above timer resolution;
 * - both sides measured back to back, in alternating order, as one pair, so that whatever the
 *   machine is doing at that moment weighs on both; the ratio is the median over the pairs,
 *   since a collection of the whole heap or another process can still land on one side only.
 *   When the median still looks too high, more pairs are measured before it is believed.
 */

export interface GrowthCase<T> {
  /** The input of size `n` (entries, rows, records: whatever the parser's input is made of). */
  make(n: number): T;
  parse(input: T): unknown;
  /** The smaller size; the larger is FACTOR times it. */
  n: number;
}

export interface Growth {
  /** CPU time of one parse of the smaller input, in the median pair. */
  smallMs: number;
  /** CPU time of one parse of the larger input, in the median pair. */
  largeMs: number;
  /** largeMs ÷ smallMs: the median of the pairs. */
  ratio: number;
  repetitions: number;
  pairs: number;
}

export const FACTOR = 10;
const MIN_MS = 50;
const PAIRS = 5;
const MAX_PAIRS = 11;

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** The CPU time of `repetitions` rounds of parsing each input, the results kept until the end. */
function timed<T>(c: GrowthCase<T>, inputs: readonly T[], repetitions: number): number {
  const kept: unknown[] = [];
  return cpuMs(() => {
    for (let i = 0; i < repetitions; i++) for (const input of inputs) kept.push(c.parse(input));
  });
}

/** Measures `c` at n and FACTOR × n; `limit` is the ratio past which more pairs are measured. */
export function measureGrowth<T>(c: GrowthCase<T>, limit: number): Growth {
  const small = Array.from({ length: FACTOR }, () => c.make(c.n));
  const large = [c.make(c.n * FACTOR)];
  timed(c, small, 1);
  // Doubled until the larger side takes MIN_MS.
  let repetitions = 1;
  while (timed(c, large, repetitions) < MIN_MS) repetitions *= 2;
  const pairs: { smallMs: number; largeMs: number; ratio: number }[] = [];
  const median = () => [...pairs].sort((a, b) => a.ratio - b.ratio)[pairs.length >> 1];
  while (pairs.length < PAIRS || (median().ratio > limit && pairs.length < MAX_PAIRS)) {
    const smallFirst = pairs.length % 2 === 0;
    const first = timed(c, smallFirst ? small : large, repetitions);
    const second = timed(c, smallFirst ? large : small, repetitions);
    const smallMs = (smallFirst ? first : second) / repetitions / FACTOR;
    const largeMs = (smallFirst ? second : first) / repetitions;
    // A warm-up slowed by the machine may have set too few repetitions: set more, measure again.
    if (largeMs * repetitions < MIN_MS) {
      repetitions *= 2;
      continue;
    }
    pairs.push({ smallMs, largeMs, ratio: largeMs / smallMs });
  }
  return { ...median(), repetitions, pairs: pairs.length };
}
