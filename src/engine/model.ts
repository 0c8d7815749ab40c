/**
 * The structured model the engine reads out of a workbook. Every record keeps a `RowRef` so that
 * findings and jump-to-cell can name the exact cell. A field whose cell could not be read (error
 * value, text that is no number, unknown enumeration) is null and named in `broken`, so rules and
 * scores can leave out exactly what depends on it.
 */
import { Day } from "./dates";
import { RowRef } from "./read/region";
import { Region } from "./read/region";
import { SheetKind } from "./schema";
import { Settings } from "./settings";
import { Aggregation, Direction, Frequency } from "./values";
import { CheckInTable } from "./check-in-table";
import type { KpiOpenCell, PeriodTarget } from "./layout/workbook-layout";

interface Row {
  ref: RowRef;
  /** Fields whose cell held something unreadable (a finding was raised for each). */
  broken: readonly string[];
}

export interface Unit extends Row {
  id: string;
  name: string | null;
  parent: string | null;
  level: string | null;
  head: string | null;
}

export interface Person extends Row {
  id: string;
  name: string | null;
  unit: string | null;
  manager: string | null;
  role: string | null;
}

export interface Goal extends Row {
  id: string;
  name: string | null;
  period: string | null;
  owner: string | null;
}

export interface Objective extends Row {
  id: string;
  goal: string | null;
  name: string | null;
  owner: string | null;
  due: Day | null;
}

export interface Kra extends Row {
  id: string;
  name: string | null;
  owner: string | null;
  objective: string | null;
  parent: string | null;
  weight: number | null;
}

export interface Kpi extends Row {
  id: string;
  kra: string | null;
  name: string | null;
  unit: string | null;
  /** As written; null when blank (then inferred) or unreadable. */
  direction: Direction | null;
  baseline: number | null;
  target: number | null;
  /** The KPI sheet's Target when period targets (SPEC 4.2) set `target` to the effective one. */
  originalTarget?: number | null;
  targetMax: number | null;
  weight: number | null;
  /** As written; null when blank (then `last`) or unreadable. */
  aggregation: Aggregation | null;
  frequency: Frequency | null;
  greenAt: number | null;
  amberAt: number | null;
  owner: string | null;
  actual: number | null;
}

export interface Model {
  settings: Settings;
  asOf: Day;
  regions: Partial<Record<SheetKind, Region>>;
  units: Map<string, Unit>;
  people: Map<string, Person>;
  goals: Map<string, Goal>;
  objectives: Map<string, Objective>;
  kras: Map<string, Kra>;
  kpis: Map<string, Kpi>;
  checkIns: CheckInTable;
  /** The targets per period (SPEC 4.2) as read, each with its cell: the live scorecard links them. */
  periodTargets: readonly PeriodTarget[];
  /** Blank period cells of KPIs read from periods-across layouts: linked so a value typed later counts. */
  openCells: readonly KpiOpenCell[];
}

export function isBroken(row: { broken: readonly string[] }, field: string): boolean {
  return row.broken.length > 0 && row.broken.includes(field);
}
