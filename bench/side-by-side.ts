/**
 * Side-by-side comparisons against what users would do instead, each side run on the same input
 * in the same process, alternating run by run so that machine noise falls on both alike:
 * - `vs-formulas`: our engine against the same scorecard as plain Excel formulas, evaluated by
 *   HyperFormula (the planner's own scorecard sheet: every formula a user would need);
 * - `vs-naive-writer`: our Office writer against one that syncs after every row;
 * - `vs-per-cell`: one vectorised KPI.ATTAINMENT call against one call per cell, through the
 *   same runner.
 */
import { HyperFormula } from "hyperformula";
import { applyPlanToExcel } from "../src/adapters/office/write-plan";
import { analyzeWorkbook } from "../src/engine/analyze";
import { Day } from "../src/engine/dates";
import { CATALOGUE } from "../src/functions/catalogue";
import { run } from "../src/functions/runner";
import { planWorkbook } from "../src/planner";
import { SC } from "../src/planner/scorecard";
import { hyperFormulaSheets } from "../test/support/hyperformula-input";
import { bigOrganisation, gridsOf } from "../src/synthetic/big-org";
import { FakeWorkbook, installExcelEnums } from "../test/support/fake-excel";
import { median, timeRuns } from "./measure";
import { writeRowByRow } from "./naive-writer";

/**
 * One round trip between an add-in and Excel on the web, for the estimate: the same bytes go out
 * either way, so the difference between the writers is the count of round trips. 60 ms is a
 * typical figure for Excel on the web; desktop Excel is faster, which shrinks both sides alike.
 */
export const ROUND_TRIP_MS = 60;

type Row = Record<string, unknown> & { name: string };

/** Runs `a` and `b` in turn, `runs` times each. */
async function alternate(
  runs: number,
  a: () => unknown | Promise<unknown>,
  b: () => unknown | Promise<unknown>
): Promise<[number[], number[]]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    ta.push(...(await timeRuns(1, a)));
    tb.push(...(await timeRuns(1, b)));
  }
  return [ta, tb];
}

export async function vsFormulas(people: number, runs: number, today: Day): Promise<Row> {
  const grids = gridsOf(bigOrganisation(people));
  const analysis = analyzeWorkbook(grids, { today });
  // The whole build: the scorecard's live cells read the user's sheets and the helper sheet.
  const plan = planWorkbook(analysis);
  const sheets = hyperFormulaSheets(grids, plan);
  let formulas = 0;
  for (const sheet of plan.sheets)
    for (const line of sheet.rows) for (const c of line) if (c?.formula !== undefined) formulas++;

  let hf: HyperFormula | null = null;
  const [engineMs, formulaMs] = await alternate(
    runs,
    () => analyzeWorkbook(grids, { today }),
    () => {
      hf?.destroy();
      // The user's check-ins sheet alone has 144,001 rows at 1,000 people: past HyperFormula's
      // default of 40,000, so Excel's own limit.
      hf = HyperFormula.buildFromSheets(sheets, {
        licenseKey: "gpl-v3",
        smartRounding: false,
        maxRows: 1_048_576,
      });
    }
  );
  const scorecard = plan.sheets[0];
  const data = scorecard.rows.map((line) => line.map((c) => c?.value ?? null));
  // Both sides computed the same owner scores: check, so the race is a fair one.
  const done = hf as unknown as HyperFormula;
  const values = done.getSheetValues(done.getSheetId(scorecard.name) as number);
  let owners = 0;
  let maxDiff = 0;
  data.forEach((line, r) => {
    if (line[SC.kind] !== "owner") return;
    const expected = analysis.scores.owners.get(String(line[SC.id]))?.score ?? null;
    const got = values[r][SC.attainment];
    owners++;
    maxDiff = Math.max(
      maxDiff,
      expected === null ? (got === "" ? 0 : Infinity) : Math.abs(Number(got) - expected)
    );
  });
  (hf as unknown as HyperFormula).destroy();
  const engine = median(engineMs);
  const plain = median(formulaMs);
  return {
    name: "vs-formulas",
    people,
    medianMs: engine,
    engineMs: engine,
    formulasMs: plain,
    ratio: plain / engine,
    formulas,
    owners,
    maxDiff,
    runs: engineMs,
    otherRuns: formulaMs,
  };
}

export async function vsNaiveWriter(people: number, runs: number, today: Day): Promise<Row> {
  installExcelEnums();
  const plan = planWorkbook(analyzeWorkbook(gridsOf(bigOrganisation(people)), { today }));
  let ours = 0;
  let naive = 0;
  const [oursMs, naiveMs] = await alternate(
    runs,
    async () => {
      ours = (await applyPlanToExcel(new FakeWorkbook().context(), plan)).syncs;
    },
    async () => {
      naive = (await writeRowByRow(new FakeWorkbook().context(), plan)).syncs;
    }
  );
  const oursEstimate = median(oursMs) + ours * ROUND_TRIP_MS;
  const naiveEstimate = median(naiveMs) + naive * ROUND_TRIP_MS;
  return {
    name: "vs-naive-writer",
    people,
    medianMs: median(oursMs),
    syncs: ours,
    naiveSyncs: naive,
    estimatedMs: oursEstimate,
    naiveEstimatedMs: naiveEstimate,
    ratio: naiveEstimate / oursEstimate,
    roundTripMs: ROUND_TRIP_MS,
    runs: oursMs,
    otherRuns: naiveMs,
  };
}

export async function vsPerCell(rows: number, runs: number): Promise<Row> {
  const actual = Array.from({ length: rows }, (_, i) => 50 + (i % 97));
  const target = Array.from({ length: rows }, (_, i) => 80 + (i % 13));
  const column = (values: number[]) => values.map((v) => [v]);
  const [a, t] = [column(actual), column(target)];
  let oneCall = 0;
  let perCell = 0;
  const [vectorMs, cellMs] = await alternate(
    runs,
    () => {
      oneCall = run(CATALOGUE.ATTAINMENT, [a, t, null, null, null, null, null]).length;
    },
    () => {
      perCell = 0;
      for (let i = 0; i < rows; i++)
        perCell += run(CATALOGUE.ATTAINMENT, [
          [[actual[i]]],
          [[target[i]]],
          null,
          null,
          null,
          null,
          null,
        ]).length;
    }
  );
  if (oneCall !== rows || perCell !== rows)
    throw new Error("vs-per-cell: the two sides computed different counts");
  return {
    name: "vs-per-cell",
    rows,
    medianMs: median(vectorMs),
    perCellMs: median(cellMs),
    ratio: median(cellMs) / median(vectorMs),
    runs: vectorMs,
    otherRuns: cellMs,
  };
}
