/** The JSON report of SPEC section 7, built from an analysis. Numbers are not rounded. */
import { Analysis } from "./analyze";
import { isoFromDay } from "./dates";
import { Finding, compareSeverity } from "./findings";
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
  }[];
  kras: { id: string; owner: string | null; score: number | null; cascadeScore: number | null }[];
  owners: { id: string; kind: OwnerKind | null; score: number | null; rating: number | null }[];
  units: { id: string; teamScore: number | null }[];
  objectives: { id: string; score: number | null }[];
  goals: { id: string; score: number | null }[];
  /** SPEC 4.3; only when the workbook has check-ins. */
  history?: HistoryJson;
}

/** Findings in the order a reader wants them: errors first, then by sheet order of discovery. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => compareSeverity(a.f.severity, b.f.severity) || a.i - b.i)
    .map(({ f }) => f);
}

export function buildReport(analysis: Analysis): Report {
  const { model, findings, scores } = analysis;
  const history = historyOf(analysis);
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
    kpis: [...scores.kpis.values()].map((k) => ({
      id: k.id,
      kra: k.kra,
      direction: k.direction,
      actual: k.actual,
      target: k.target,
      raw: k.raw,
      attainment: k.attainment,
      status: k.status,
    })),
    kras: [...scores.kras.values()].map((k) => ({
      id: k.id,
      owner: k.owner,
      score: k.score,
      cascadeScore: k.cascadeScore,
    })),
    owners: [...scores.owners.values()].map((o) => ({
      id: o.id,
      kind: o.kind,
      score: o.score,
      rating: o.rating,
    })),
    units: [...scores.units].map(([id, teamScore]) => ({ id, teamScore })),
    objectives: [...scores.objectives].map(([id, score]) => ({ id, score })),
    goals: [...scores.goals].map(([id, score]) => ({ id, score })),
    ...(history ? { history: historyJson(history) } : {}),
  };
}
