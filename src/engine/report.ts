/** The JSON report of SPEC section 7, built from an analysis. Numbers are not rounded. */
import { Analysis } from "./analyze";
import { isoFromDay } from "./dates";
import { Finding, compareSeverity } from "./findings";
import { RowRef, cellOf } from "./read/region";
import { OwnerKind } from "./rules/references";
import { Status } from "./scoring/math";
import { Direction } from "./values";
import { HistoryJson, historyJson, historyOf } from "./history/history";

export interface Report {
  version: 1;
  asOf: string;
  counts: {
    units: number;
    people: number;
    goals: number;
    objectives: number;
    kras: number;
    kpis: number;
    actuals: number;
  };
  findings: Finding[];
  kpis: {
    id: string;
    kra: string | null;
    direction: Direction | null;
    actual: number | null;
    target: number | null;
    raw: number | null;
    attainment: number | null;
    status: Status | null;
    /** SPEC 7: names and the row each was read from. */
    name: string | null;
    owner: string | null;
    sheet: string | null;
    cell: string | null;
    /** The KPI sheet's Target, when a period target or revision changed `target`. */
    originalTarget?: number | null;
  }[];
  kras: ({
    id: string;
    owner: string | null;
    score: number | null;
    cascadeScore: number | null;
    name: string | null;
    sheet: string | null;
    cell: string | null;
  } & Coverage)[];
  owners: ({
    id: string;
    /** The unit's or person's name, where the workbook gives one. */
    name: string | null;
    kind: OwnerKind | null;
    score: number | null;
    rating: number | null;
  } & Coverage)[];
  units: ({ id: string; teamScore: number | null } & Coverage)[];
  objectives: { id: string; score: number | null }[];
  goals: { id: string; name: string | null; score: number | null }[];
  /** SPEC 4.3; only when the workbook has check-ins. */
  history?: HistoryJson;
}

/** How complete a score is (SPEC section 4): provisional below Coverage Min. */
interface Coverage {
  coverage: number;
  provisional: boolean;
}

/** Findings in the order a reader wants them: errors first, then by sheet order of discovery. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => compareSeverity(a.f.severity, b.f.severity) || a.i - b.i)
    .map(({ f }) => f);
}

/** The sheet and cell of a record's row: its ID cell (for a derived ID, the name it came from). */
function rowCell(row: { ref: RowRef } | undefined): { sheet: string | null; cell: string | null } {
  if (!row) return { sheet: null, cell: null };
  const at = cellOf(row.ref, "id");
  return { sheet: at.sheet, cell: at.cell };
}

/**
 * The report of SPEC section 7. `withHistory: false` leaves out section 4.3's history, which
 * scores every period again: for a caller that prints the report but never writes it.
 */
export function buildReport(analysis: Analysis, { withHistory = true } = {}): Report {
  const { model, findings, scores } = analysis;
  const history = withHistory ? historyOf(analysis) : null;
  return {
    version: 1,
    asOf: isoFromDay(model.asOf),
    counts: {
      units: model.units.size,
      people: model.people.size,
      goals: model.goals.size,
      objectives: model.objectives.size,
      kras: model.kras.size,
      kpis: model.kpis.size,
      actuals: model.checkIns.length,
    },
    findings: sortFindings(findings),
    kpis: [...scores.kpis.values()].map((k) => {
      const kpi = model.kpis.get(k.id);
      const kraOwner = k.kra === null ? null : (model.kras.get(k.kra)?.owner ?? null);
      return {
        id: k.id,
        kra: k.kra,
        direction: k.direction,
        actual: k.actual,
        target: k.target,
        raw: k.raw,
        attainment: k.attainment,
        status: k.status,
        name: kpi?.name ?? null,
        owner: kpi?.owner ?? kraOwner,
        ...rowCell(kpi),
        ...(kpi?.originalTarget !== undefined && kpi.originalTarget !== kpi.target
          ? { originalTarget: kpi.originalTarget }
          : {}),
      };
    }),
    kras: [...scores.kras.values()].map((k) => {
      const kra = model.kras.get(k.id);
      return {
        id: k.id,
        owner: k.owner,
        score: k.score,
        cascadeScore: k.cascadeScore,
        coverage: k.coverage,
        provisional: k.provisional,
        name: kra?.name ?? null,
        ...rowCell(kra),
      };
    }),
    owners: [...scores.owners.values()].map((o) => ({
      id: o.id,
      name: model.units.get(o.id)?.name ?? model.people.get(o.id)?.name ?? null,
      kind: o.kind,
      score: o.score,
      rating: o.rating,
      coverage: o.coverage,
      provisional: o.provisional,
    })),
    units: [...scores.units].map(([id, teamScore]) => ({
      id,
      teamScore,
      ...(scores.unitCoverage.get(id) as Coverage),
    })),
    objectives: [...scores.objectives].map(([id, score]) => ({ id, score })),
    goals: [...scores.goals].map(([id, score]) => ({
      id,
      name: model.goals.get(id)?.name ?? null,
      score,
    })),
    ...(history ? { history: historyJson(history) } : {}),
  };
}
