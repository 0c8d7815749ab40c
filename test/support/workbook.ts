/** Builds engine input from literal rows, so a test reads like the sheet it describes. */
import { analyzeWorkbook, AnalyzeOptions, Analysis } from "../../src/engine/analyze";
import { dayFromYmd } from "../../src/engine/dates";
import { Finding, RuleId } from "../../src/engine/findings";
import { CellValue, SheetGrid, TableRef, WorkbookGrids } from "../../src/engine/grid";

export type Rows = CellValue[][];

export function workbook(sheets: Record<string, Rows>, tables: TableRef[] = []): WorkbookGrids {
  const grids: SheetGrid[] = Object.entries(sheets).map(([name, rows]) => ({ name, rows }));
  return { sheets: grids, tables };
}

export const AS_OF = dayFromYmd(2026, 6, 30) as number;

export function analyze(sheets: Record<string, Rows>, options: AnalyzeOptions = {}): Analysis {
  return analyzeWorkbook(workbook(sheets), { today: AS_OF, ...options });
}

export function rules(analysis: Analysis): RuleId[] {
  return analysis.findings.map((f) => f.rule);
}

export function findingsOf(analysis: Analysis, rule: RuleId): Finding[] {
  return analysis.findings.filter((f) => f.rule === rule);
}

export const KRA_HEADER = ["KRA ID", "KRA", "Owner", "Objective ID", "Parent KRA ID", "Weight"];
export const KPI_HEADER = [
  "KPI ID",
  "KRA ID",
  "KPI",
  "Direction",
  "Baseline",
  "Target",
  "Target Max",
  "Weight",
  "Aggregation",
  "Green At",
  "Amber At",
  "Actual",
];

/** A KPI row in KPI_HEADER order, from the fields a test cares about. */
export function kpi(
  id: string,
  fields: Partial<{
    kra: CellValue;
    name: CellValue;
    direction: CellValue;
    baseline: CellValue;
    target: CellValue;
    targetMax: CellValue;
    weight: CellValue;
    aggregation: CellValue;
    greenAt: CellValue;
    amberAt: CellValue;
    actual: CellValue;
  }> = {}
): CellValue[] {
  const f = { kra: "R1", name: `KPI ${id}`, target: 100, actual: 100, ...fields };
  return [
    id,
    f.kra,
    f.name,
    f.direction ?? null,
    f.baseline ?? null,
    f.target,
    f.targetMax ?? null,
    f.weight ?? null,
    f.aggregation ?? null,
    f.greenAt ?? null,
    f.amberAt ?? null,
    f.actual,
  ];
}

/** A KRA row in KRA_HEADER order. */
export function kra(
  id: string,
  fields: Partial<{
    name: CellValue;
    owner: CellValue;
    objective: CellValue;
    parent: CellValue;
    weight: CellValue;
  }> = {}
): CellValue[] {
  const f = { name: `KRA ${id}`, owner: "P1", ...fields };
  return [id, f.name, f.owner, f.objective ?? null, f.parent ?? null, f.weight ?? null];
}

/** Three KRAs for owner P1 (so kra-count stays quiet) each with one on-target KPI. */
export function minimal(extra: { kras?: Rows; kpis?: Rows } = {}): Record<string, Rows> {
  return {
    KRAs: [KRA_HEADER, kra("R1"), kra("R2"), kra("R3"), ...(extra.kras ?? [])],
    KPIs: [
      KPI_HEADER,
      kpi("K1"),
      kpi("K2", { kra: "R2" }),
      kpi("K3", { kra: "R3" }),
      ...(extra.kpis ?? []),
    ],
  };
}
