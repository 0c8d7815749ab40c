/** Timing helpers: medians of several runs, in milliseconds, on a shared machine. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timeRuns(
  runs: number,
  body: () => unknown | Promise<unknown>
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Collect the previous run's garbage first (the worker runs with --expose-gc), so each run
    // pays for its own allocations only.
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.hrtime.bigint();
    await body();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

export function peakMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
