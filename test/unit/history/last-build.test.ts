/**
 * The figures a build keeps in the workbook (a hidden `KPI Last Build` sheet): written by both
 * writers, read back by both readers as the same figures, skipped as user data, refused when
 * edited, small at 5,000 people; and a diff against them names exactly what `diff` names
 * between the two workbooks.
 */
import fc from "fast-check";
import { readGridsFromExcel } from "../../../src/adapters/office/read-grids";
import { applyPlanToExcel } from "../../../src/adapters/office/write-plan";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { writePlan } from "../../../src/adapters/xlsx/write";
import { Analysis, analyzeWorkbook } from "../../../src/engine/analyze";
import { isoFromDay } from "../../../src/engine/dates";
import { describeChange, diffAnalyses, diffSides } from "../../../src/engine/diff/diff";
import {
  DIGEST_MODULUS,
  digestCheckIns,
  digestChanges,
} from "../../../src/engine/diff/check-in-digest";
import { KpiCheckIns, sideOf } from "../../../src/engine/diff/side";
import { sideFromSnapshot, snapshotOf } from "../../../src/engine/diff/snapshot";
import { WorkbookGrids } from "../../../src/engine/grid";
import { planWorkbook } from "../../../src/planner";
import {
  CELL_CHARS,
  LAST_BUILD_SHEET,
  fromBase64,
  planLastBuild,
  readLastBuild,
  toBase64,
} from "../../../src/planner/last-build";
import { bigOrganisation, gridsOf } from "../../../src/synthetic/big-org";
import { sampleCompany } from "../../../src/synthetic/sample-company";
import { sheetDataToBuffer } from "../../../src/synthetic/write-xlsx";
import { FakeValue, FakeWorkbook, installExcelEnums } from "../../support/fake-excel";
import { EDITS, analyse, scripted } from "../../support/scripted-edits";
import { AS_OF } from "../../support/workbook";

beforeAll(installExcelEnums);

/** The workbook built: the package a `build` writes, and the analysis it was built from. */
async function built(): Promise<{ bytes: Uint8Array; analysis: Analysis }> {
  const reading = readPackage(new Uint8Array(await sheetDataToBuffer(sampleCompany())));
  const analysis = analyzeWorkbook(reading.grids, { today: AS_OF });
  return { bytes: writePlan(reading, planWorkbook(analysis)).bytes, analysis };
}

/** What the diff says, in the terms a person reads. */
const told = (diff: ReturnType<typeof diffAnalyses>) => ({
  changes: diff.changes.map(describeChange),
  movements: diff.movements.map((m) => `${m.entity} ${m.id} ${m.name}`),
});

/** A score as kept: to a millionth, or null when there was none. */
function expectKept(kept: number | null | undefined, score: number | null | undefined): void {
  if (score === null || score === undefined) return expect(kept ?? null).toBeNull();
  expect(Math.abs((kept as number) - score)).toBeLessThanOrEqual(5e-7 + 1e-12);
}

/** A build's figures, through the JSON they are kept as. */
const keptSide = (a: Analysis) => sideFromSnapshot(JSON.parse(JSON.stringify(snapshotOf(a))));

describe("the last build's figures in the workbook", () => {
  it("round-trips: plan → package → read gives the figures of the build", async () => {
    const { bytes, analysis } = await built();
    const reading = readPackage(bytes);
    const entry = reading.workbook.sheets.find((s) => s.name === LAST_BUILD_SHEET);
    expect(entry?.state).toBe("hidden");
    const last = readLastBuild(reading.grids);
    if (last.state !== "read") throw new Error(`not read: ${JSON.stringify(last)}`);
    expect(last.asOf).toBe(isoFromDay(analysis.model.asOf));
    const { side } = last;
    for (const [id, k] of analysis.model.kpis) {
      const kept = side.kpis.get(id);
      expect(kept).toEqual({
        id,
        name: k.name,
        kra: k.kra,
        target: k.target,
        weight: k.weight,
        actual: k.actual,
        direction: k.direction,
        baseline: k.baseline,
        targetMax: k.targetMax,
        aggregation: k.aggregation,
        greenAt: k.greenAt,
        amberAt: k.amberAt,
      });
      expectKept(side.scores.kpi.get(id), analysis.scores.kpis.get(id)?.attainment);
    }
    for (const [id, r] of analysis.scores.kras) expectKept(side.scores.kra.get(id), r.score);
    for (const [id, o] of analysis.scores.owners) {
      expectKept(side.scores.owner.get(id), o.score);
      expect(side.ownerName(id)).toBe(
        analysis.model.people.get(id)?.name ?? analysis.model.units.get(id)?.name ?? null
      );
    }

    // The sheet is generated, never the user's data: the built workbook reads as the input did.
    const again = analyzeWorkbook(reading.grids, { today: AS_OF });
    expect(again.findings).toEqual(analysis.findings);
    expect(diffSides(side, sideOf(again))).toMatchObject({ changes: [], movements: [] });

    // A rebuild replaces it: one such sheet, whatever the number of builds.
    const rebuilt = readPackage(writePlan(reading, planWorkbook(again)).bytes);
    expect(rebuilt.workbook.sheets.filter((s) => /Last Build/.test(s.name))).toHaveLength(1);
  });

  it("is written hidden by the Office.js writer and read back through Excel's reader", async () => {
    const analysis = analyse(sampleCompany());
    const book = new FakeWorkbook([{ name: "Notes", rows: [["A note"]] }]);
    await applyPlanToExcel(book.context(), { sheets: [planLastBuild(analysis)] });
    const sheet = book.sheet(LAST_BUILD_SHEET);
    expect(sheet).toBeDefined();
    expect((sheet as unknown as { visibility: string }).visibility).toBe("hidden");
    // What Excel then holds: the text typed (an apostrophe only shields it), as values.
    const data: FakeValue[][] = [];
    for (const [address, cell] of sheet?.cells ?? []) {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
      const v = cell.formula;
      (data[Number(row) - 1] ??= [])[col.charCodeAt(0) - 65] =
        typeof v === "string" ? v.replace(/^'/, "") : (v as FakeValue);
      // The figures' cells are text, so Excel never reads a piece of base64 as a number.
      if (Number(row) > 3 && v) expect(cell.format).toBe("@");
    }
    (sheet as unknown as { data: FakeValue[][] }).data = Array.from(data, (r) =>
      Array.from(r ?? [], (v) => v ?? null)
    );
    const { grids } = await readGridsFromExcel(book.context());
    const last = readLastBuild(grids);
    expect(last.state).toBe("read");
    if (last.state === "read")
      expect(diffSides(last.side, sideOf(analysis))).toMatchObject({ changes: [], movements: [] });
  });

  it("is refused, with the reason, when edited after the build", () => {
    const plan = planLastBuild(analyse(sampleCompany()));
    const grid = (edit: (rows: unknown[][]) => void): WorkbookGrids => {
      const rows = plan.rows.map((r) => r.map((c) => c?.value ?? null));
      edit(rows);
      return { sheets: [{ name: LAST_BUILD_SHEET, rows: rows as never }] };
    };
    expect(readLastBuild(grid(() => undefined)).state).toBe("read");
    const flipped = readLastBuild(
      grid((rows) => {
        const text = rows[3][0] as string;
        rows[3][0] = (text[5] === "A" ? "B" : "A") + text.slice(1);
      })
    );
    expect(flipped).toMatchObject({
      state: "unreadable",
      reason: "it was changed after the build",
    });
    expect(readLastBuild(grid((rows) => rows.pop())).state).toBe("unreadable");
    expect(readLastBuild(grid((rows) => (rows[1][1] = 99)))).toMatchObject({
      state: "unreadable",
      reason: "it was written by another version of KPI Cascade",
    });
    expect(readLastBuild({ sheets: [{ name: "KPI Last Build", rows: [] }] }).state).toBe("none");
  });

  it("refuses JSON that is not a snapshot, never misreading it", () => {
    const good = JSON.parse(JSON.stringify(snapshotOf(analyse(sampleCompany()))));
    const bad = [
      null,
      [],
      { ...good, version: 2 },
      { ...good, kpis: { ...good.kpis, target: good.kpis.target.slice(1) } },
      { ...good, kpis: { ...good.kpis, id: [[40, "x"]] } },
      { ...good, kpis: { ...good.kpis, direction: good.kpis.direction.map(() => "sideways") } },
      { ...good, checkIns: { ...good.checkIns, s1: good.checkIns.s1.map(() => DIGEST_MODULUS) } },
      { ...good, checkIns: { ...good.checkIns, kpi: good.checkIns.kpi.map(() => -5) } },
      { ...good, settings: { ...good.settings, ratingBands: [1, 2, 3, 4] } },
    ];
    for (const json of bad) expect(() => sideFromSnapshot(json)).toThrow(/cannot be read/);
  });

  it("base64 round-trips any bytes, and refuses what is not base64", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      })
    );
    expect(fromBase64("abc")).toBeNull();
    expect(fromBase64("ab_=")).toBeNull();
  });

  it("keeps 5,000 people in about 1.6 MB of text, in cells Excel's reader sizes right", () => {
    const a = analyzeWorkbook(gridsOf(bigOrganisation(5000)), { today: AS_OF });
    const plan = planLastBuild(a);
    const cells = plan.rows.slice(3).flat();
    const chars = cells.reduce((n, c) => n + String(c?.value ?? "").length, 0);
    // Measured 1,580,992 characters: under two fifths of what one Office.js request may carry (4 MiB).
    expect(chars).toBeLessThan(1.7e6);
    expect(Math.max(...cells.map((c) => String(c?.value).length))).toBeLessThanOrEqual(CELL_CHARS);
    const last = readLastBuild({
      sheets: [
        { name: LAST_BUILD_SHEET, rows: plan.rows.map((r) => r.map((c) => c?.value ?? null)) },
      ],
    });
    expect(last.state).toBe("read");
  }, 60_000);
});

describe("what changed since the last build", () => {
  it("names exactly what diff names between the two workbooks, whatever the mix of edits", () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(EDITS), { minLength: 1 }), (names) => {
        const { before, after } = scripted(names);
        const exact = diffAnalyses(before, after);
        const fromKept = diffSides(keptSide(before), sideOf(after));
        expect(fromKept.changes).toEqual(exact.changes);
        expect(told(fromKept).changes).toEqual(told(exact).changes);
        // The same movements with the same changes, but for those under a millionth, which
        // scores kept to a millionth cannot see; and two of equal size may swap places.
        const byKey = (d: typeof exact) =>
          new Map(d.movements.map((m) => [`${m.entity} ${m.id} ${m.name}`, m]));
        const [kept, now] = [byKey(fromKept), byKey(exact)];
        for (const [key, m] of now)
          if (!kept.has(key)) expect(Math.abs(m.delta ?? Infinity)).toBeLessThanOrEqual(1e-6);
        for (const [key, m] of kept) {
          const e = now.get(key) as (typeof exact.movements)[number];
          expect(m.changes).toEqual(e.changes);
          expect(Math.abs((m.delta ?? 0) - (e.delta ?? 0))).toBeLessThanOrEqual(1e-6);
        }
      }),
      { numRuns: 20 }
    );
  });

  const checkIns = (pairs: [number, number][]): KpiCheckIns => ({
    ends: pairs.map(([e]) => e),
    values: pairs.map(([, v]) => v),
  });

  /** One KPI's check-ins, one a month, and the changes the digest of `before` finds in `after`. */
  const monthly = (values: readonly number[]) =>
    checkIns(values.map((v, i): [number, number] => [20_000 + 30 * i, v]));
  const fromDigest = (before: KpiCheckIns, after: KpiCheckIns) => {
    const changes: ReturnType<typeof diffAnalyses>["changes"] = [];
    digestChanges(digestCheckIns(new Map([["K", before]])), new Map([["K", after]]), changes);
    return changes;
  };
  /** The check-ins with the i-th one replaced, or removed. */
  const edited = (values: readonly number[], i: number, by: number | null) =>
    checkIns(
      values.flatMap((v, k): [number, number][] =>
        k !== i ? [[20_000 + 30 * k, v]] : by === null ? [] : [[20_000 + 30 * k, by]]
      )
    );
  const amount = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100);

  it("gives each single edit or removal of a check-in with its value then", () => {
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 1, maxLength: 24 }),
        fc.nat(),
        fc.option(amount),
        (values, at, by) => {
          const i = at % values.length;
          const changes = fromDigest(monthly(values), edited(values, i, by));
          if (by === values[i]) return expect(changes).toEqual([]);
          expect(changes).toEqual([
            {
              kind: by === null ? "check-in-removed" : "check-in-edited",
              entity: "kpi",
              id: "K",
              field: isoFromDay(20_000 + 30 * i),
              before: values[i],
              after: by,
            },
          ]);
        }
      ),
      // Large values around a small one: their sum's rounding is a few billionths (found by a run).
      { numRuns: 300, examples: [[[-9999599.87, 0.03, 9999701.7], 1, null]] }
    );
  });

  it("never gives a wrong value then: of any doubles, the right one or none", () => {
    const double = fc.double({ min: -1e12, max: 1e12, noNaN: true }).map((v) => v || 0);
    fc.assert(
      fc.property(
        fc.array(double, { minLength: 1, maxLength: 24 }),
        fc.nat(),
        double,
        (values, at, by) => {
          const i = at % values.length;
          const changes = fromDigest(monthly(values), edited(values, i, by));
          if (by === values[i]) return expect(changes).toEqual([]);
          expect(changes).toHaveLength(1);
          const [c] = changes;
          if (c.kind === "check-ins-changed") return;
          expect(c).toMatchObject({ kind: "check-in-edited", before: values[i], after: by });
        }
      ),
      { numRuns: 300 }
    );
  });

  it("says that several check-ins of a KPI changed when one digest cannot tell which", () => {
    const before = checkIns([
      [20_000, 1],
      [20_030, 2],
      [20_060, 3],
    ]);
    const after = checkIns([
      [20_000, 5],
      [20_030, 2],
      [20_060, 7],
      [20_090, 4],
    ]);
    const changes: ReturnType<typeof diffAnalyses>["changes"] = [];
    digestChanges(digestCheckIns(new Map([["K", before]])), new Map([["K", after]]), changes);
    expect(changes.map(describeChange)).toEqual([
      `Check-ins for KPI K up to the period ending ${isoFromDay(20_060)} edited or removed since the last build (3 then, 3 of them still there)`,
      `New check-in for KPI K, period ending ${isoFromDay(20_090)}: 4`,
    ]);
  });
});
