/**
 * What the live scorecard (issue 12) costs a spreadsheet: the built workbook (the user's sheets
 * and the generated ones) opened, recalculated and saved by LibreOffice, against the same build
 * with every link replaced by the value it reads and no helper sheet — the scorecard as it was
 * before it was live. Both in turn, in one process, so machine noise falls on both alike.
 *
 * A bench that timed a no-op would be a defect: the package writer caches no formula results, so
 * every value in the saved file is LibreOffice's, and the scorecard, dashboard and cascade it
 * saved are checked against the engine, cell by cell (test/support/scorecard-check.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { readPackage } from "../src/adapters/xlsx/read";
import { emptyWorkbook, writePlan } from "../src/adapters/xlsx/write";
import { a1 } from "../src/engine/address";
import { Analysis, analyzeWorkbook } from "../src/engine/analyze";
import { Day } from "../src/engine/dates";
import { Kpi } from "../src/engine/model";
import { planWorkbook } from "../src/planner";
import { CellPlan, SheetPlan, WorkbookPlan } from "../src/planner/plan";
import { SC } from "../src/planner/scorecard";
import { bigOrganisation, gridsOf } from "../src/synthetic/big-org";
import { sheetDataToBuffer } from "../src/synthetic/write-xlsx";
import { Cached, cachedValues } from "../test/support/cell-values";
import { convert } from "../test/support/libreoffice";
import { mismatches } from "../test/support/scorecard-check";
import { median, timeRuns } from "./measure";

/**
 * `recalc` before the scorecard was live (docs/bench.json at commit 0328f4a): the generated sheets
 * alone, their inputs copied as values, recalculated by LibreOffice. Issue 12: at most 1.5 × these.
 */
const PRE_LIVE_RECALC_MS: Readonly<Record<number, number>> = { 1000: 6036, 5000: 30269 };

/** Formula cells per KPI row of the scorecard, and on the helper sheet per KPI and per check-in. */
export function formulaCounts(
  plan: WorkbookPlan,
  checkIns: number
): {
  formulasPerKpiRow: number;
  helperFormulasPerKpi: number;
  helperFormulasPerCheckIn: number;
} {
  const scorecard = plan.sheets.find((s) => s.kind === "scorecard") as SheetPlan;
  const periods = plan.sheets.find((s) => s.kind === "periods");
  let rows = 0;
  let formulas = 0;
  for (const line of scorecard.rows) {
    if (line[SC.kind]?.value !== "kpi") continue;
    rows++;
    for (const c of line) if (c?.formula !== undefined) formulas++;
  }
  let helper = 0;
  for (const line of periods?.rows ?? [])
    for (const c of line) if (c?.formula !== undefined) helper++;
  return {
    formulasPerKpiRow: formulas / rows,
    helperFormulasPerKpi: helper / rows,
    helperFormulasPerCheckIn: checkIns ? helper / checkIns : 0,
  };
}

/** The cells of a KPI row that read the user's sheets, and the engine's value of each. */
function kpiValues(analysis: Analysis, kpi: Kpi): Partial<Record<number, number | null>> {
  const score = analysis.scores.kpis.get(kpi.id);
  return {
    [SC.baseline]: kpi.baseline,
    [SC.target]: score?.target ?? null,
    [SC.originalTarget]: kpi.originalTarget ?? null,
    [SC.targetMax]: score?.targetMax ?? null,
    [SC.actual]: score?.actual ?? null,
    [SC.weight]: kpi.weight,
    [SC.greenAt]: kpi.greenAt,
    [SC.amberAt]: kpi.amberAt,
  };
}

/** The plan with the scorecard's links replaced by values and no helper sheet (benchmark only). */
export function staticPlan(analysis: Analysis, plan: WorkbookPlan): WorkbookPlan {
  const fixed = (cell: CellPlan | null, value: number | null | undefined): CellPlan | null =>
    cell?.formula !== undefined && cell.formula.includes("!") && value !== undefined
      ? { value, format: cell.format }
      : cell;
  return {
    sheets: plan.sheets
      .filter((s) => s.kind !== "periods")
      .map((s) =>
        s.kind !== "scorecard"
          ? s
          : {
              ...s,
              rows: s.rows.map((line) => {
                const id = String(line[SC.id]?.value);
                const kind = line[SC.kind]?.value;
                if (kind === "kra")
                  return line.map((c, i) =>
                    i === SC.weight ? fixed(c, analysis.model.kras.get(id)?.weight ?? null) : c
                  );
                const kpi = kind === "kpi" ? analysis.model.kpis.get(id) : undefined;
                if (!kpi) return line;
                const values = kpiValues(analysis, kpi);
                return line.map((c, i) => fixed(c, values[i]));
              }),
            }
      ),
  };
}

/** Each cell of the recalculated file's scorecard, dashboard and cascade that is not the engine's. */
async function differences(recalculated: string, analysis: Analysis, plan: WorkbookPlan) {
  const names = ["scorecard", "dashboard", "cascade"].flatMap(
    (kind) => plan.sheets.find((s) => s.kind === kind)?.name ?? []
  );
  const values = new Map<string, Map<string, Cached>>();
  for (const name of names) values.set(name, await cachedValues(recalculated, name));
  return mismatches(analysis, plan, (sheet, r, c) => values.get(sheet)?.get(a1(r, c)) ?? null);
}

/** Minutes a conversion may take: five at 1,000 people, proportionally more above. */
const timeoutMs = (people: number) => Math.max(300_000, people * 300);

/** `recalc`: the live build and the static one recalculated in turn, then the live one checked. */
export async function recalcJob(people: number, runs: number, file: string, today: Day) {
  const analysis = analyzeWorkbook(gridsOf(bigOrganisation(people)), { today });
  const plan = planWorkbook(analysis);
  const source = readPackage(await sheetDataToBuffer(bigOrganisation(people)));
  const staticFile = file.replace(/\.xlsx$/, "-static.xlsx");
  writeFileSync(file, writePlan(source, plan).bytes);
  writeFileSync(staticFile, writePlan(source, staticPlan(analysis, plan)).bytes);
  const outDir = path.join(path.dirname(file), "recalculated");
  mkdirSync(outDir, { recursive: true });
  // LibreOffice's first start with a new profile builds it: not part of either measurement.
  const warm = path.join(os.tmpdir(), `kpi-recalc-warm-${process.pid}.xlsx`);
  const tiny: SheetPlan = {
    kind: "template",
    name: "Warm",
    rows: [[{ formula: "1+1" }]],
    columnWidths: [8],
  };
  writeFileSync(warm, writePlan(emptyWorkbook(), { sheets: [tiny] }).bytes);
  convert(warm, "xlsx", outDir);
  rmSync(warm);
  const recalc = (input: string) =>
    convert(input, "xlsx", outDir, { timeoutMs: timeoutMs(people) });
  const live: number[] = [];
  const before: number[] = [];
  let recalculated = "";
  for (let i = 0; i < runs; i++) {
    before.push(...(await timeRuns(1, () => recalc(staticFile))));
    live.push(...(await timeRuns(1, () => (recalculated = recalc(file)))));
  }
  const wrong = await differences(recalculated, analysis, plan);
  const preLiveMs = PRE_LIVE_RECALC_MS[people];
  return {
    name: "recalc",
    people,
    medianMs: median(live),
    runs: live,
    staticMs: median(before),
    staticRuns: before,
    ratio: median(live.map((t, i) => t / before[i])),
    ...(preLiveMs ? { preLiveMs, preLiveRatio: median(live) / preLiveMs } : {}),
    kpis: analysis.scores.kpis.size,
    mismatches: wrong.length,
    firstMismatches: wrong.slice(0, 5),
    ...formulaCounts(plan, analysis.model.checkIns.length),
  };
}
