/**
 * Two findings on one cell read as noise when one only repeats the other: a check-in both after
 * the as-of date and outside the cycle got `future-period` (info: not counted yet) beside
 * `period-out-of-cycle` (warning). On one cell and one record, an info finding gives way to a
 * warning or an error. Findings that say different things (two missing columns at one header
 * cell, a goal both extra and without objectives) all stay.
 */
import { Finding } from "../findings";

export function mergeSameCellFindings(findings: readonly Finding[]): Finding[] {
  const serious = new Set<string>();
  const key = (f: Finding) => `${f.sheet}\u0000${f.cell}\u0000${f.entity}\u0000${f.id}`;
  for (const f of findings) if (f.severity !== "info" && f.cell !== null) serious.add(key(f));
  if (serious.size === 0) return findings.slice();
  return findings.filter((f) => f.severity !== "info" || !serious.has(key(f)));
}
