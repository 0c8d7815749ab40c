/**
 * Scripted edits of the sample workbook, each naming the change \`diff\` must find: for the diff
 * tests and for the "what changed" against a build's kept figures.
 */
import { Analysis, analyzeWorkbook } from "../../src/engine/analyze";
import { isoFromDay } from "../../src/engine/dates";
import { Change } from "../../src/engine/diff/diff";
import { Kpi, Kra } from "../../src/engine/model";
import { gridsOf } from "../../src/synthetic/big-org";
import { sampleCompany } from "../../src/synthetic/sample-company";
import { SheetData } from "../../src/synthetic/sheet-data";
import { AS_OF } from "./workbook";

export type Expected = Pick<Change, "kind" | "id" | "field">;

export const analyse = (sheets: SheetData[]) => analyzeWorkbook(gridsOf(sheets), { today: AS_OF });
const sheet = (sheets: SheetData[], name: string) =>
  sheets.find((s) => s.name === name) as SheetData;
const col = (s: SheetData, header: string) => s.header.indexOf(header);
/** The SheetData row of a grid row (0-based) the engine reports. */
const dataRow = (s: SheetData, gridRow: number) => gridRow - (s.preamble?.length ?? 0) - 1;

/** One scripted edit: changes `sheets` in place, returns what diff must name (null: nothing left to edit). */
type Edit = (sheets: SheetData[], base: Analysis, touched: Set<string>) => Expected | null;

/** Check-ins that are alone in their KPI and period, counted, and on rows of their own. */
function soleCheckIns(base: Analysis, touched: Set<string>): number[] {
  const t = base.model.checkIns;
  const count = new Map<string, number>();
  for (let i = 0; i < t.length; i++) {
    const key = `${t.kpi[i]}@${t.end(i)}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return [...Array(t.length).keys()].filter(
    (i) =>
      t.usable(i) &&
      t.end(i) <= base.model.asOf &&
      base.model.kpis.has(t.kpi[i]) &&
      count.get(`${t.kpi[i]}@${t.end(i)}`) === 1 &&
      !touched.has(`checkin:${t.kpi[i]}`)
  );
}

/** KPIs (or KRAs) read cleanly, from their own row, not yet touched. */
function cleanRecords<K extends "kpis" | "kras">(
  base: Analysis,
  kind: K,
  touched: Set<string>
): (K extends "kpis" ? Kpi : Kra)[] {
  const records = [...base.model[kind].values()] as (K extends "kpis" ? Kpi : Kra)[];
  return records.filter(
    (r) => r.broken.length === 0 && !touched.has(`${kind}:${r.id}`) && r.weight !== null
  );
}

export const EDITS: Record<string, Edit> = {
  editCheckIn(sheets, base, touched) {
    const i = soleCheckIns(base, touched)[3];
    if (i === undefined) return null;
    const t = base.model.checkIns;
    const s = sheet(sheets, "Check-ins");
    s.rows[dataRow(s, t.row(i))][col(s, "Actual")] = t.actual(i) + 17;
    touched.add(`checkin:${t.kpi[i]}`);
    return { kind: "check-in-edited", id: t.kpi[i], field: isoFromDay(t.end(i)) };
  },
  removeCheckIn(sheets, base, touched) {
    const i = soleCheckIns(base, touched)[7];
    if (i === undefined) return null;
    const t = base.model.checkIns;
    const s = sheet(sheets, "Check-ins");
    s.rows[dataRow(s, t.row(i))] = [null, null, null, null];
    touched.add(`checkin:${t.kpi[i]}`);
    return { kind: "check-in-removed", id: t.kpi[i], field: isoFromDay(t.end(i)) };
  },
  addCheckIn(sheets, base, touched) {
    const kpi = cleanRecords(base, "kpis", touched).find((k) => !touched.has(`checkin:${k.id}`));
    if (!kpi) return null;
    sheet(sheets, "Check-ins").rows.push([kpi.id, "2026-06-15", 12345, "added by the test"]);
    touched.add(`checkin:${kpi.id}`);
    return { kind: "check-in-added", id: kpi.id, field: "2026-06-15" };
  },
  reviseTarget(sheets, base, touched) {
    const kpi = cleanRecords(base, "kpis", touched)[5];
    if (!kpi) return null;
    const s = sheet(sheets, "KPIs");
    s.rows[dataRow(s, kpi.ref.row)][col(s, "Target*")] = (kpi.target as number) * 1.25 + 1;
    touched.add(`kpis:${kpi.id}`);
    return { kind: "target-revised", id: kpi.id, field: "target" };
  },
  kpiWeight(sheets, base, touched) {
    const kpi = cleanRecords(base, "kpis", touched)[9];
    if (!kpi) return null;
    const s = sheet(sheets, "KPIs");
    s.rows[dataRow(s, kpi.ref.row)][col(s, "Weight")] = (kpi.weight as number) + 15;
    touched.add(`kpis:${kpi.id}`);
    return { kind: "weight-changed", id: kpi.id, field: "weight" };
  },
  kraWeight(sheets, base, touched) {
    const kra = cleanRecords(base, "kras", touched)[4];
    if (!kra) return null;
    const s = sheet(sheets, "KRAs");
    s.rows[dataRow(s, kra.ref.row)][col(s, "Weight")] = (kra.weight as number) + 10;
    touched.add(`kras:${kra.id}`);
    return { kind: "weight-changed", id: kra.id, field: "weight" };
  },
  addKpi(sheets, base, touched) {
    if (touched.has("kpis:K-NEW")) return null;
    const kra = cleanRecords(base, "kras", touched)[2];
    const s = sheet(sheets, "KPIs");
    const row = s.header.map(() => null as string | number | null);
    row[col(s, "KPI ID*")] = "K-NEW";
    row[col(s, "KRA ID*")] = kra.id;
    row[col(s, "KPI*")] = "New measure";
    row[col(s, "Target*")] = 10;
    s.rows.push(row);
    touched.add("kpis:K-NEW");
    return { kind: "kpi-added", id: "K-NEW", field: null };
  },
  removeKpi(sheets, base, touched) {
    const kpi = cleanRecords(base, "kpis", touched)[13];
    if (!kpi) return null;
    const s = sheet(sheets, "KPIs");
    s.rows[dataRow(s, kpi.ref.row)] = s.header.map(() => null);
    touched.add(`kpis:${kpi.id}`);
    return { kind: "kpi-removed", id: kpi.id, field: null };
  },
  asOf(sheets, _base, touched) {
    if (touched.has("as-of")) return null;
    const s = sheet(sheets, "Settings");
    (s.rows.find((r) => r[0] === "As Of") as unknown[])[1] = "2026-05-31";
    touched.add("as-of");
    return { kind: "as-of", id: null, field: "As Of" };
  },
};

export function scripted(names: string[]): {
  before: Analysis;
  after: Analysis;
  expected: Expected[];
  sheets: SheetData[];
} {
  const before = analyse(sampleCompany());
  const sheets = sampleCompany();
  const touched = new Set<string>();
  const expected = names
    .map((n) => EDITS[n](sheets, before, touched))
    .filter((e): e is Expected => e !== null);
  return { before, after: analyse(sheets), expected, sheets };
}
