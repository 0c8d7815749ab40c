/**
 * Every workbook of the layout corpus (test/fixtures/layouts, SPEC 2.1) reads as a person reads
 * it: the same KPIs (no section, total or header row among them), targets, KRAs, owners, periods
 * and scores, the rows it skips, and the findings it raises.
 */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { dayFromYmd } from "../../../src/engine/dates";
import { buildReport } from "../../../src/engine/report";
import { expectedReading, LAYOUT_CORPUS } from "../../../src/synthetic/layout-corpus";
import { readFileSync } from "fs";
import * as path from "path";
import { gridsFromWorkbook, loadWorkbook } from "../../../bench/baseline/exceljs-read";
import { LAYOUT_DIR, expectedOf, fixtureNames, readFixture } from "../../support/layout-fixtures";

function day(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromYmd(y, m, d) as number;
}

describe("the layout corpus", () => {
  it("has the expected reading next to each workbook, as the generator writes it", () => {
    for (const fx of LAYOUT_CORPUS)
      expect(expectedOf(fx.name)).toEqual(JSON.parse(JSON.stringify(expectedReading(fx))));
  });

  it.each(fixtureNames())(
    "%s reads the same through the package reader as through ExcelJS (an independent reader)",
    async (name) => {
      const bytes = readFileSync(path.join(LAYOUT_DIR, `${name}.xlsx`));
      const full = gridsFromWorkbook(await loadWorkbook(bytes));
      const streamed = await readFixture(name);
      expect(full.sheets.map((s) => s.merges ?? [])).toEqual(
        streamed.sheets.map((s) => s.merges ?? [])
      );
      const asOf = { asOf: day(expectedOf(name).asOf) };
      expect(buildReport(analyzeWorkbook(full, asOf))).toEqual(
        buildReport(analyzeWorkbook(streamed, asOf))
      );
    }
  );

  it.each(fixtureNames())("%s reads as expected", async (name) => {
    const expected = expectedOf(name);
    const analysis = analyzeWorkbook(await readFixture(name), { asOf: day(expected.asOf) });
    const report = buildReport(analysis);
    expect(report.kpis.map((k) => k.id).sort()).toEqual(expected.kpis.map((k) => k.id).sort());
    for (const want of expected.kpis) {
      const got = report.kpis.find((k) => k.id === want.id);
      expect({ id: want.id, name: got?.name, kra: got?.kra, owner: got?.owner }).toEqual({
        id: want.id,
        name: want.name,
        kra: want.kra,
        owner: want.owner,
      });
      const numbers = { target: got?.target, actual: got?.actual, attainment: got?.attainment };
      for (const [key, value] of Object.entries(numbers)) {
        const w = want[key as keyof typeof numbers];
        if (w === null) expect([key, value]).toEqual([key, null]);
        else expect([key, value, want.id]).toEqual([key, expect.closeTo(w as number, 9), want.id]);
      }
      if (want.direction) expect([want.id, got?.direction]).toEqual([want.id, want.direction]);
      if (want.checkIns !== undefined) {
        const table = analysis.model.checkIns;
        let n = 0;
        for (let i = 0; i < table.length; i++) if (table.kpi[i] === want.id && table.usable(i)) n++;
        expect([want.id, n]).toEqual([want.id, want.checkIns]);
      }
    }
    expect(report.kras.map((k) => k.id).sort()).toEqual(expected.kras.map((k) => k.id).sort());
    for (const want of expected.kras) {
      const got = report.kras.find((k) => k.id === want.id);
      expect([want.id, got?.owner]).toEqual([want.id, want.owner]);
      if (want.score === null) expect(got?.score).toBeNull();
      else expect([want.id, got?.score]).toEqual([want.id, expect.closeTo(want.score, 9)]);
    }
    for (const want of expected.owners) {
      const got = report.owners.find((o) => o.id === want.id);
      if (want.score === null) expect([want.id, got?.score ?? null]).toEqual([want.id, null]);
      else expect([want.id, got?.score]).toEqual([want.id, expect.closeTo(want.score, 9)]);
    }
    const skipped = analysis.readings
      .flatMap((r) => r.layout.rows)
      .filter((r) => r.kind !== "data" && r.kind !== "blank").length;
    expect(skipped).toBe(expected.skippedRows);
    expect([...new Set(report.findings.map((f) => f.rule))].sort()).toEqual(
      [...expected.rules].sort()
    );
  });
});
