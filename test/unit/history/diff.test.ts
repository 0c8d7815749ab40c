/**
 * `diff` on pairs of workbooks made by scripted edits of the sample: it names exactly the edits
 * made, explains every score that moved, and lists the largest movement first.
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Output, run } from "../../../src/cli/main";
import { Analysis, analyzeWorkbook } from "../../../src/engine/analyze";
import { isoFromDay } from "../../../src/engine/dates";
import { Kpi, Kra } from "../../../src/engine/model";
import { Change, describeChange, diffAnalyses } from "../../../src/engine/diff/diff";
import { gridsOf } from "../../../src/synthetic/big-org";
import { sampleCompany } from "../../../src/synthetic/sample-company";
import { SheetData } from "../../../src/synthetic/sheet-data";
import { sheetDataToBuffer } from "../../../src/synthetic/write-xlsx";
import { AS_OF } from "../../support/workbook";

type Expected = Pick<Change, "kind" | "id" | "field">;

const analyse = (sheets: SheetData[]) => analyzeWorkbook(gridsOf(sheets), { today: AS_OF });
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

const EDITS: Record<string, Edit> = {
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

function scripted(names: string[]): {
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

const key = (c: Expected) => `${c.kind} ${c.id} ${c.field}`;

describe("diff of scripted edits", () => {
  it("names no change between a workbook and itself", () => {
    const a = analyse(sampleCompany());
    expect(diffAnalyses(a, analyse(sampleCompany()))).toMatchObject({ changes: [], movements: [] });
  });

  it("names exactly the edits made, whatever the mix", () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(EDITS), { minLength: 1 }), (names) => {
        const { before, after, expected } = scripted(names);
        const diff = diffAnalyses(before, after);
        expect(diff.changes.map(key).sort()).toEqual(expected.map(key).sort());
        for (const m of diff.movements) expect(m.changes.length).toBeGreaterThan(0);
        const sizes = diff.movements.map((m) => Math.abs(m.delta ?? m.before ?? m.after ?? 0));
        expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
      }),
      { numRuns: 25 }
    );
  });

  it("traces a check-in edit up to its KRA and owner, largest movement first", () => {
    const { before, after, expected } = scripted(["editCheckIn"]);
    const kpi = expected[0].id as string;
    const kra = before.model.kpis.get(kpi)?.kra as string;
    const owner = before.model.kras.get(kra)?.owner as string;
    const diff = diffAnalyses(before, after);
    const moved = diff.movements.map((m) => `${m.entity} ${m.id}`);
    expect(moved).toEqual(expect.arrayContaining([`kpi ${kpi}`, `kra ${kra}`, `owner ${owner}`]));
    for (const m of diff.movements) expect(m.changes).toEqual([0]);
    expect(describeChange(diff.changes[0])).toMatch(
      new RegExp(`^Check-in for KPI ${kpi}, period ending 2\\d{3}-\\d\\d-\\d\\d, edited: .+ → .+$`)
    );
  });
});

describe("kpi-cascade diff", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-diff-"));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  const capture = () => {
    const io = {
      stdout: "",
      stderr: "",
      out: (t: string) => void (io.stdout += `${t}\n`),
      err: (t: string) => void (io.stderr += `${t}\n`),
    };
    return io as Output & { stdout: string; stderr: string };
  };

  it("prints the movements with their changes, and the JSON on stdout with --json -", async () => {
    const { sheets, expected } = scripted(["reviseTarget", "addCheckIn"]);
    const [a, b] = [path.join(dir, "before.xlsx"), path.join(dir, "after.xlsx")];
    await fs.writeFile(a, await sheetDataToBuffer(sampleCompany()));
    await fs.writeFile(b, await sheetDataToBuffer(sheets));
    const io = capture();
    expect(await run(["diff", a, b, "--json", "-"], io)).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report.changes.map(key).sort()).toEqual(expected.map(key).sort());
    expect(report.movements[0].changes.length).toBeGreaterThan(0);
    expect(io.stderr).toContain("Moved, largest first:");
    expect(io.stderr).toContain(`Target of KPI ${expected[0].id} revised`);

    const asOf = capture();
    expect(await run(["diff", a, a, "--as-of", "2026-03-31"], asOf)).toBe(0);
    expect(asOf.stdout).toContain("0 changes, 0 scores moved.");
  });

  it("needs two workbooks", async () => {
    const io = capture();
    expect(await run(["diff", path.join(dir, "x.xlsx")], io)).toBe(2);
    expect(io.stderr).toContain("diff needs two workbooks");
  });
});
