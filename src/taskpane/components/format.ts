/** How the pane prints numbers: scores and attainments as percentages, missing as a dash. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`;
}

/** `1 error`, `5 errors`. */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}${n === 1 ? "" : "s"}`;
}

/** `1 match`, `12 matches`. */
export function matches(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? "match" : "matches"}`;
}
