/**
 * What the live scorecard (issue 12) costs a spreadsheet: the built workbook (the user's sheets
 * and the generated ones) opened, recalculated and saved by LibreOffice, against the same build
 * with every link replaced by the value it reads and no helper sheet — the scorecard as it was
 * before it was live. Both in turn, in one process, so machine noise falls on both alike.
 */
import { Analysis } from "../src/engine/analyze";
import { Kpi } from "../src/engine/model";
import { CellPlan, SheetPlan, WorkbookPlan } from "../src/planner/plan";
import { SC } from "../src/planner/scorecard";

/** Formula cells per KPI row of the scorecard, and on the helper sheet per KPI. */
export function formulaCounts(plan: WorkbookPlan): {
  formulasPerKpiRow: number;
  helperFormulasPerKpi: number;
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
  return { formulasPerKpiRow: formulas / rows, helperFormulasPerKpi: helper / rows };
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
