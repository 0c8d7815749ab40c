/** Finding rules of SPEC section 3: each rule ID with its fixed severity. */

export type Severity = "error" | "warning" | "info";

export const RULE_SEVERITY = {
  "missing-sheet": "error",
  "missing-column": "error",
  "missing-id": "error",
  "duplicate-id": "error",
  "missing-value": "error",
  "missing-owner": "error",
  "missing-target": "error",
  "unknown-reference": "error",
  cycle: "error",
  "cell-error": "error",
  "invalid-number": "error",
  "invalid-date": "error",
  "invalid-value": "error",
  "invalid-weight": "error",
  "invalid-range": "error",
  "invalid-thresholds": "error",
  "target-equals-baseline": "error",
  "orphan-kra": "error",
  "misaligned-cascade": "warning",
  "direction-conflict": "warning",
  "zero-target": "warning",
  "weights-sum": "warning",
  "partial-weights": "warning",
  "kra-count": "warning",
  "too-many-goals": "warning",
  "kra-without-kpi": "warning",
  "objective-without-kra": "warning",
  "goal-without-objective": "warning",
  "missing-actual": "warning",
  "duplicate-actual": "warning",
  "period-out-of-cycle": "warning",
  "future-period": "info",
  "stale-actual": "warning",
  "check-in-conflict": "error",
  "unknown-contributor": "warning",
  "unknown-setting": "warning",
  "ambiguous-column": "warning",
  "skipped-rows": "info",
  "inferred-direction": "info",
  "scale-mismatch": "warning",
  "low-coverage": "warning",
  "ambiguous-date": "warning",
  "unlinked-check-in": "warning",
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULE_SEVERITY;

export const RULE_IDS = Object.keys(RULE_SEVERITY) as RuleId[];

export type Entity =
  "goal" | "objective" | "kra" | "kpi" | "actual" | "person" | "unit" | "setting" | "workbook";

export interface Finding {
  severity: Severity;
  rule: RuleId;
  message: string;
  /** The sheet of the offending cell; null only when the workbook has no sheet at all. */
  sheet: string | null;
  /** A1 address of the offending cell (or of the row's ID cell). */
  cell: string | null;
  entity: Entity;
  id: string | null;
}

/** Where a finding points: a sheet and a cell on it. */
export interface CellLocation {
  sheet: string | null;
  cell: string | null;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Collects findings; severity always comes from the rule, so it can never disagree with SPEC. */
export class Findings {
  readonly list: Finding[] = [];

  add(rule: RuleId, at: CellLocation, entity: Entity, id: string | null, message: string): void {
    this.list.push({
      severity: RULE_SEVERITY[rule],
      rule,
      message,
      sheet: at.sheet,
      cell: at.cell,
      entity,
      id,
    });
  }
}

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER[a] - SEVERITY_ORDER[b];
}
