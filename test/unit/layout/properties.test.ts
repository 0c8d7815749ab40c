/**
 * Derived IDs and scores do not depend on where a table sits (SPEC 2.1): title rows inserted
 * above, blank rows inserted inside the data, or sheets reordered change no derived ID and no
 * score, on every workbook of the layout corpus.
 */
import fc from "fast-check";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { dayFromYmd } from "../../../src/engine/dates";
import { CellValue, SheetGrid, WorkbookGrids } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import { expectedOf, fixtureNames, readFixture } from "../../support/layout-fixtures";

const TITLES = ["Acme Corporation", "Confidential", "Prepared by HR", "Version 3"];

function reading(wb: WorkbookGrids, asOf: number) {
  const report = buildReport(analyzeWorkbook(wb, { asOf }));
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
  const scores = (xs: { id: string; score?: number | null; attainment?: number | null }[]) =>
    Object.fromEntries(xs.map((x) => [x.id, x.score ?? x.attainment ?? null]));
  return {
    kpis: ids(report.kpis),
    kras: ids(report.kras),
    attainments: scores(report.kpis),
    kraScores: scores(report.kras),
    ownerScores: scores(report.owners),
  };
}

/** The sheet with `count` rows inserted before grid row `at`, merges moved as Excel moves them. */
function insertRows(sheet: SheetGrid, at: number, rows: CellValue[][]): SheetGrid {
  const n = rows.length;
  return {
    ...sheet,
    rows: [...sheet.rows.slice(0, at), ...rows, ...sheet.rows.slice(at)],
    merges: sheet.merges?.map((m) =>
      m.top >= at ? { ...m, top: m.top + n, bottom: m.bottom + n } : m
    ),
  };
}

/** Rows where a blank row may go: below the header, not inside a merged area. */
function insidePositions(wb: WorkbookGrids, sheet: SheetGrid, asOf: number): number[] {
  const readingOf = analyzeWorkbook(wb, { asOf }).readings.find(
    (r) => r.layout.sheet.name === sheet.name
  );
  const header = readingOf?.layout.headerRows ?? [];
  const first = header.length ? header[header.length - 1] + 2 : sheet.rows.length;
  const out: number[] = [];
  for (let r = first; r < sheet.rows.length; r++)
    if (!(sheet.merges ?? []).some((m) => m.top < r && m.bottom >= r)) out.push(r);
  return out;
}

describe.each(fixtureNames())("%s", (name) => {
  let original: WorkbookGrids;
  let asOf: number;
  let expected: ReturnType<typeof reading>;
  beforeAll(async () => {
    original = await readFixture(name);
    const [y, m, d] = expectedOf(name).asOf.split("-").map(Number);
    asOf = dayFromYmd(y, m, d) as number;
    expected = reading(original, asOf);
  });

  it("reads the same with title rows inserted above every table", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TITLES, ""), { minLength: 1, maxLength: 5 }),
        (titles) => {
          const wb = {
            ...original,
            sheets: original.sheets.map((s) =>
              insertRows(
                s,
                0,
                titles.map((t) => [t])
              )
            ),
          };
          expect(reading(wb, asOf)).toEqual(expected);
        }
      ),
      { numRuns: 8 }
    );
  });

  it("reads the same with blank rows inserted inside the data", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 3 }), (pick, count) => {
        const sheets = original.sheets.map((s) => {
          const places = insidePositions(original, s, asOf);
          if (places.length === 0) return s;
          return insertRows(
            s,
            places[pick % places.length],
            Array.from({ length: count }, () => [])
          );
        });
        expect(reading({ ...original, sheets }, asOf)).toEqual(expected);
      }),
      { numRuns: 8 }
    );
  });

  it("reads the same with its sheets in another order", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          original.sheets.map((_, i) => i),
          { minLength: original.sheets.length }
        ),
        (order) => {
          const wb = { ...original, sheets: order.map((i) => original.sheets[i]) };
          expect(reading(wb, asOf)).toEqual(expected);
        }
      ),
      { numRuns: 6 }
    );
  });
});
