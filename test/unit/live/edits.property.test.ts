/**
 * The live scorecard follows edits of the user's own cells (SPEC 8): random edits of the cells
 * the built sheets link to (targets, actuals, weights, thresholds, check-in values) and of the
 * as-of cell, recalculated by HyperFormula, equal the engine run on the edited workbook.
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { a1, parseA1 } from "../../../src/engine/address";
import { Analysis, analyzeWorkbook } from "../../../src/engine/analyze";
import { dayFromYmd, excelSerialFromDay } from "../../../src/engine/dates";
import { WorkbookGrids } from "../../../src/engine/grid";
import { planWorkbook } from "../../../src/planner";
import { WorkbookPlan } from "../../../src/planner/plan";
import { readFixture } from "../../support/layout-fixtures";
import { Recalculated } from "../../support/recalc";
import { mismatches } from "../../support/scorecard-check";

interface Linked {
  sheet: string;
  cell: string;
  value: number;
}

/** The user's cells the built sheets refer to that hold a number: what a person would edit. */
function linkedCells(grids: WorkbookGrids, plan: WorkbookPlan): Linked[] {
  const planned = new Set(plan.sheets.map((s) => s.name));
  const found = new Map<string, Linked>();
  // A cell, or a range (a KPI's check-ins read where they are: planner/periods-sheet.ts).
  const ref =
    /(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/g;
  for (const sheet of plan.sheets)
    for (const line of sheet.rows)
      for (const cell of line) {
        if (!cell?.formula) continue;
        for (const m of cell.formula.matchAll(ref)) {
          const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
          const grid = grids.sheets.find((g) => g.name === name);
          const from = parseA1(m[3]);
          const to = parseA1(m[4] ?? m[3]);
          if (planned.has(name) || !grid || !from || !to) continue;
          for (let r = from.row; r <= to.row; r++)
            for (let c = from.col; c <= to.col; c++) {
              const v = grid.rows[r - (grid.rowOffset ?? 0)]?.[c - (grid.colOffset ?? 0)];
              const address = a1(r, c);
              if (typeof v === "number" && !found.has(`${name}!${address}`))
                found.set(`${name}!${address}`, { sheet: name, cell: address, value: v });
            }
        }
      }
  return [...found.values()];
}

function setIn(grids: WorkbookGrids, sheet: string, cell: string, value: number): void {
  const grid = grids.sheets.find((g) => g.name === sheet);
  const pos = parseA1(cell);
  if (!grid || !pos) return;
  const row = pos.row - (grid.rowOffset ?? 0);
  const col = pos.col - (grid.colOffset ?? 0);
  while (grid.rows.length <= row) grid.rows.push([]);
  grid.rows[row][col] = value;
}

/** What the sheet formulas cannot follow without a rebuild: the shape of each KPI's score. */
function shape(analysis: Analysis): string {
  return [...analysis.model.kpis.keys()]
    .map((id) => {
      const d = analysis.definitions.get(id);
      const s = analysis.scores.kpis.get(id);
      const unscored = !!d?.scorable && s?.actual !== null && s?.target !== null && s?.raw === null;
      return `${id}:${d?.direction}:${d?.scorable}:${d?.statusable}:${unscored}`;
    })
    .join("|");
}

function property(grids: WorkbookGrids, runs: number, asOfRange: [number, number]) {
  const today = dayFromYmd(2026, 6, 30) as number;
  const analysis = analyzeWorkbook(grids, { today });
  const plan = planWorkbook(analysis);
  const book = Recalculated.of(grids, plan);
  const scorecard = plan.sheets.find((s) => s.kind === "scorecard")?.name as string;
  const cells = linkedCells(grids, plan);
  expect(cells.length).toBeGreaterThan(3);
  const baseShape = shape(analysis);
  const edit = fc.record({
    picks: fc.uniqueArray(fc.nat({ max: cells.length - 1 }), { minLength: 1, maxLength: 4 }),
    factors: fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), {
      minLength: 4,
      maxLength: 4,
    }),
    asOf: fc.option(fc.integer({ min: asOfRange[0], max: asOfRange[1] }), { nil: null }),
  });
  try {
    fc.assert(
      fc.property(edit, ({ picks, factors, asOf }) => {
        const edited = structuredClone(grids);
        const changes = picks.map((p, i) => ({ ...cells[p], to: cells[p].value * factors[i] }));
        for (const c of changes) setIn(edited, c.sheet, c.cell, c.to);
        const after = analyzeWorkbook(edited, { today, asOf: asOf ?? analysis.model.asOf });
        fc.pre(shape(after) === baseShape);
        for (const c of changes) book.set(c.sheet, c.cell, c.to);
        if (asOf !== null) book.set(scorecard, "B1", excelSerialFromDay(asOf));
        try {
          const read = (s: string, r: number, c: number) => book.values(s)[r]?.[c] ?? null;
          expect(mismatches(after, plan, read)).toEqual([]);
        } finally {
          for (const c of changes) book.set(c.sheet, c.cell, c.value);
          book.set(scorecard, "B1", excelSerialFromDay(analysis.model.asOf));
        }
      }),
      { numRuns: runs, seed: 12 }
    );
  } finally {
    book.destroy();
  }
}

describe("editing the user's cells moves the live scorecard as the engine says", () => {
  it("on the sample workbook", () => {
    const grids = readPackage(readFileSync(SAMPLE_WORKBOOK)).grids;
    property(grids, 25, [dayFromYmd(2025, 6, 1) as number, dayFromYmd(2026, 8, 31) as number]);
  }, 240_000);

  it.each([
    "months-across",
    "salesperson-months-target-actual",
    "quarterly-scorecard",
    "kra-merged-appraisal",
  ])(
    "on the %s layout",
    async (name) => {
      const grids = await readFixture(name);
      property(grids, 15, [dayFromYmd(2025, 12, 1) as number, dayFromYmd(2026, 12, 31) as number]);
    },
    240_000
  );
});
