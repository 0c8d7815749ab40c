/**
 * Issue 11's measures: per shape of the layout corpus, KPIs read correctly out of KPIs present;
 * and what the layout reader costs `validate`'s engine step at 5,000 people — on the canonical
 * workbook (where it only checks that it is not needed) and on the same organisation kept as one
 * sheet of KPIs with owners, KRAs and months across (where it reads everything).
 * `npm run build:cli && node --expose-gc lib/bench/layout.js [people]`.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { analyzeWorkbook } from "../src/engine/analyze";
import { dayFromYmd } from "../src/engine/dates";
import { CellValue, WorkbookGrids } from "../src/engine/grid";
import { Findings } from "../src/engine/findings";
import { workbookWithMerges } from "../src/engine/layout/merges";
import { applyPeriodTargets, readTargetsSheet } from "../src/engine/layout/period-targets";
import { readLayouts } from "../src/engine/layout/workbook-layout";
import { buildReport } from "../src/engine/report";
import { checkInferredDirections } from "../src/engine/rules/inferred-direction";
import { bigOrganisation, gridsOf } from "../src/synthetic/big-org";
import { LAYOUT_CORPUS, expectedReading } from "../src/synthetic/layout-corpus";
import { readPackage } from "../src/adapters/xlsx/read";
import { median, timeRuns } from "./measure";

const FIXTURES = path.resolve(__dirname, "..", "..", "test", "fixtures", "layouts");
const AS_OF = dayFromYmd(2026, 12, 31) as number;

async function corpusAccuracy(): Promise<void> {
  process.stdout.write(
    "| workbook | shapes | KPIs read correctly / present | read time (ms) |\n|---|---|---|---|\n"
  );
  for (const fx of LAYOUT_CORPUS) {
    const expected = expectedReading(fx);
    const grids = readPackage(readFileSync(path.join(FIXTURES, `${fx.name}.xlsx`))).grids;
    const [y, m, d] = fx.asOf.split("-").map(Number);
    const asOf = dayFromYmd(y, m, d) as number;
    const times = await timeRuns(5, () => analyzeWorkbook(grids, { asOf }));
    const report = buildReport(analyzeWorkbook(grids, { asOf }));
    const close = (a: number | null | undefined, b: number | null) =>
      b === null ? a === null : a !== null && a !== undefined && Math.abs(a - b) < 1e-9;
    const right = expected.kpis.filter((want) => {
      const got = report.kpis.find((k) => k.id === want.id);
      return (
        got !== undefined &&
        got.name === want.name &&
        got.kra === want.kra &&
        got.owner === want.owner &&
        close(got.target, want.target) &&
        close(got.actual, want.actual)
      );
    }).length;
    const extra = report.kpis.length - right;
    process.stdout.write(
      `| ${fx.name} | ${fx.shapes.join("; ")} | ${right} / ${expected.kpis.length}${extra > 0 ? ` (+${extra} wrong)` : ""} | ${median(times).toFixed(2)} |\n`
    );
  }
}

/** The canonical organisation as people keep it: one sheet, KRA and owner columns, months across. */
function asOwnLayout(canonical: WorkbookGrids): WorkbookGrids {
  const sheet = (name: string) => canonical.sheets.find((s) => s.name === name)?.rows ?? [];
  const kras = new Map(
    sheet("KRAs")
      .slice(1)
      .map((r) => [r[0], r])
  );
  const months = new Map<CellValue, CellValue[]>();
  for (const r of sheet("Actuals").slice(1)) {
    const row = months.get(r[0]) ?? [];
    row[Number(String(r[1]).slice(5, 7)) - 1] = r[2];
    months.set(r[0], row);
  }
  const rows: CellValue[][] = [
    ["KPI scorecard 2026"],
    [
      "Owner",
      "KRA",
      "KPI",
      "Direction",
      "Baseline",
      "Target",
      "Target Max",
      "Weight",
      "Aggregation",
      "Jan",
      "Feb",
      "Mar",
      "Apr",
      "May",
      "Jun",
      "Jul",
      "Aug",
      "Sep",
      "Oct",
      "Nov",
      "Dec",
    ],
  ];
  for (const k of sheet("KPIs").slice(1)) {
    const kra = kras.get(k[1]) ?? [];
    rows.push([
      kra[2],
      kra[1],
      k[2],
      k[3],
      k[4],
      k[5],
      k[6],
      k[7],
      k[8],
      ...(months.get(k[0]) ?? []),
    ]);
  }
  return { sheets: [{ name: "Scorecard 2026", rows }] };
}

async function timing(people: number): Promise<void> {
  const canonical = gridsOf(bigOrganisation(people));
  const own = asOwnLayout(canonical);
  const runs = 5;
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(...(await timeRuns(1, () => analyzeWorkbook(canonical, { asOf: AS_OF }))));
    b.push(...(await timeRuns(1, () => analyzeWorkbook(own, { asOf: AS_OF }))));
  }
  const report = buildReport(analyzeWorkbook(own, { asOf: AS_OF }));
  const ca = median(a);
  const cb = median(b);
  // What the layout step adds to the template-format workbook: the same calls analyze makes.
  const analysis = analyzeWorkbook(canonical, { asOf: AS_OF });
  const step = median(
    await timeRuns(runs, () => {
      const findings = new Findings();
      const merged = workbookWithMerges(canonical);
      readLayouts({
        workbook: merged,
        regions: analysis.model.regions,
        layoutSettings: [],
        mappedByUser: false,
        fallbackYear: 2026,
        findings,
      });
      applyPeriodTargets(analysis.model.kpis, readTargetsSheet(merged, findings), AS_OF, findings);
      checkInferredDirections(analysis.model.kpis, analysis.definitions, findings);
    })
  );
  process.stdout.write(
    `\n${people} people, template format: the layout step takes ${step.toFixed(1)} ms of the engine's ${ca.toFixed(0)} ms (${((step / ca) * 100).toFixed(2)}%)\n`
  );
  process.stdout.write(
    `\n${people} people, engine step of validate, median of ${runs} alternating runs:\n` +
      `  template format: ${ca.toFixed(0)} ms\n` +
      `  own layout (one sheet, owner/KRA columns, months across): ${cb.toFixed(0)} ms (${report.counts.kpis} KPIs, ${report.counts.actuals} check-ins) = +${(((cb - ca) / ca) * 100).toFixed(1)}%\n`
  );
}

async function main(): Promise<void> {
  await corpusAccuracy();
  await timing(Number(process.argv[2] ?? 5000));
}

void main();
