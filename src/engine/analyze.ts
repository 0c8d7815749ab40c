/**
 * The engine's entry point: workbook grids in; model, findings and scores out. Pure: no Office,
 * no DOM, no file system. Bad input never throws; it becomes findings.
 */
import { Day, todayDay } from "./dates";
import { Finding, Findings } from "./findings";
import { WorkbookGrids } from "./grid";
import { workbookWithMerges } from "./layout/merges";
import { applyPeriodTargets, readTargetsSheet } from "./layout/period-targets";
import { headerHint } from "./layout/explain-reading";
import { SheetReading, readLayouts } from "./layout/workbook-layout";
import { checkInferredDirections } from "./rules/inferred-direction";
import { BrokenLinks } from "./links";
import { Model } from "./model";
import { locateAll } from "./read/locate";
import {
  checkColumns,
  readCheckIns,
  readGoals,
  readKpis,
  readKras,
  readObjectives,
  readPeople,
  readUnits,
} from "./read/records";
import { readSettings } from "./read/settings-sheet";
import { inferDateOrder } from "./read/date-order";
import { DateOrder } from "./settings";
import { checkCheckIns, checkMissingActuals } from "./rules/check-ins";
import { checkCycles } from "./rules/cycles";
import { checkSheets } from "./rules/sheet-names";
import { checkCoverage } from "./rules/coverage";
import { checkKpiScale } from "./rules/kpi-scale";
import { collapseColumnFindings } from "./rules/column-findings";
import { mergeSameCellFindings } from "./rules/same-cell";
import { checkKpiDefinitions } from "./rules/kpi-checks";
import { checkReferences } from "./rules/references";
import { checkStaleActuals } from "./rules/stale-actuals";
import { checkStructure } from "./rules/structure";
import { checkWeights } from "./rules/weights";
import { checkUnlinkedCheckIns } from "./rules/unlinked-check-ins";
import { KpiActual, groupCheckIns, kpiActual } from "./scoring/actuals";
import { KpiDefinition, defineKpi } from "./scoring/kpi-definition";
import { Scores, computeScores } from "./scoring/scores";
import { SHEET_BY_KIND, SheetKind } from "./schema";

export interface AnalyzeOptions {
  /** The `--as-of` date; wins over the As Of setting. */
  asOf?: Day | null;
  /** What "today" is, for the default as-of date (tests pin it). */
  today?: Day;
}

export interface Analysis {
  model: Model;
  findings: Finding[];
  scores: Scores;
  definitions: Map<string, KpiDefinition>;
  actuals: Map<string, KpiActual>;
  broken: BrokenLinks;
  /** How the layout reader (SPEC 2.1) read each sheet; empty when the canonical reading sufficed. */
  readings: SheetReading[];
  /** The sheets as read (merged areas filled down): where the live scorecard's links point (SPEC 8). */
  workbook: WorkbookGrids;
}

const REQUIRED_SHEETS: SheetKind[] = ["kras", "kpis"];

export function analyzeWorkbook(input: WorkbookGrids, options: AnalyzeOptions = {}): Analysis {
  const findings = new Findings();
  checkSheets(input, findings);
  const workbook = workbookWithMerges(input);
  // The scan of the workbook's dates runs once, and only if a date reads both ways.
  let scanned: DateOrder | null | undefined;
  const inferredOrder = () =>
    scanned === undefined ? (scanned = inferDateOrder(workbook)) : scanned;
  const {
    settings,
    mappings,
    region: settingsRegion,
  } = readSettings(workbook, findings, inferredOrder);
  if (settingsRegion) checkColumns("settings", settingsRegion, findings);
  const { regions } = locateAll(workbook, mappings, settingsRegion?.grid ?? null, findings);
  if (settingsRegion) regions.settings = settingsRegion;
  const requested = options.asOf ?? settings.asOf ?? options.today ?? todayDay();
  const asOf = settings.cycleEnd !== null ? Math.min(requested, settings.cycleEnd) : requested;
  const layout = readLayouts({
    workbook,
    regions,
    layoutSettings: mappings.layouts ?? [],
    mappedByUser: (["kras", "kpis"] as const).some(
      (k) => mappings.sheets[k] !== undefined || mappings.columns[k] !== undefined
    ),
    fallbackYear: new Date((settings.cycleStart ?? asOf) * 86_400_000).getUTCFullYear(),
    findings,
  });
  if (layout) Object.assign(regions, layout.regions);
  const dateOrder = () => settings.dateOrder ?? inferredOrder();
  for (const region of Object.values(regions)) if (region) region.dateOrder = dateOrder;

  const firstSheet = workbook.sheets[0]?.name ?? null;
  for (const kind of REQUIRED_SHEETS) {
    if (regions[kind]) continue;
    const name = SHEET_BY_KIND[kind].name;
    findings.add(
      "missing-sheet",
      { sheet: firstSheet, cell: firstSheet === null ? null : "A1" },
      "workbook",
      null,
      `No ${name} sheet was found${headerHint(layout?.readings ?? [])}. Add a sheet named "${name}" (or an Excel table of that name), or name the sheet that holds them in Settings as "Sheet ${name}".`
    );
  }
  for (const [kind, region] of Object.entries(regions))
    if (kind !== "settings" && region) checkColumns(kind as SheetKind, region, findings);

  const model: Model = {
    settings,
    asOf,
    regions,
    units: readUnits(regions.org, findings),
    people: readPeople(regions.people, findings),
    goals: readGoals(regions.goals, findings),
    objectives: readObjectives(regions.objectives, findings),
    kras: readKras(regions.kras, findings),
    kpis: readKpis(regions.kpis, findings),
    checkIns: readCheckIns(regions.actuals, findings),
    periodTargets: [...(layout?.periodTargets ?? []), ...readTargetsSheet(workbook, findings)],
    openCells: layout?.openCells ?? [],
  };

  applyPeriodTargets(model.kpis, model.periodTargets, asOf, findings);
  const broken = checkReferences(model, findings);
  checkCycles(model, findings, broken);
  const definitions = new Map<string, KpiDefinition>();
  for (const kpi of model.kpis.values()) definitions.set(kpi.id, defineKpi(kpi, settings));
  checkKpiDefinitions(model.kpis, definitions, findings);
  checkInferredDirections(model.kpis, definitions, findings);
  checkStructure(model, broken, findings);
  checkWeights(model, broken, findings);

  const byKpi = groupCheckIns(model);
  checkCheckIns(model, byKpi, findings);
  checkStaleActuals(model, byKpi, findings);
  const actuals = new Map<string, KpiActual>();
  for (const kpi of model.kpis.values())
    actuals.set(kpi.id, kpiActual(kpi, byKpi.get(kpi.id), model.checkIns, asOf));
  checkMissingActuals(model, actuals, findings);
  checkUnlinkedCheckIns(workbook, model, findings);

  const unscored = checkKpiScale(model, definitions, actuals, findings);
  const scores = computeScores({ model, broken, definitions, actuals, unscored });
  checkCoverage(model, broken, scores, findings);
  const list = mergeSameCellFindings(collapseColumnFindings(findings.list, Object.values(regions)));
  const readings = layout?.readings ?? [];
  return { model, findings: list, scores, definitions, actuals, broken, readings, workbook };
}
