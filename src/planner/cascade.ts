/**
 * The Cascade sheet: Goal → Objective → KRA (→ child KRAs) → KPI as an indented tree, with owners
 * and scores. KPI and KRA scores are the scorecard's cells; an objective's score is the mean of its
 * KRAs' and a goal's of its objectives', as formulas over the rows below it (SPEC 8: the cascade
 * moves with the scorecard). The hidden column G holds the row each score counts toward.
 */
import { Analysis } from "../engine/analyze";
import { live } from "../engine/links";
import { CascadeLevel, CascadeNode, cascadeTree } from "./cascade-tree";
import { withFlatFormulas } from "./flat-formulas";
import { CellPlan, SheetFields, SheetInBlocks, SheetPlan } from "./plan";
import { rowsInBlocks, wholeSheet } from "./sheet-blocks";
import { documentPrint } from "./plan-print";
import { isoFromDay } from "../engine/dates";
import { SC, ScorecardIndex, scorecardRef } from "./scorecard";

const PCT = "0.0%";
/** Excel shows at most 15 levels of indent; deeper levels line up at the 15th. */
const MAX_INDENT = 15;
const STATUS_LABEL = { green: "Green", amber: "Amber", red: "Red" } as const;
const HEADERS = ["Cascade", "Level", "ID", "Owner", "Score", "Status", "Counts toward row"];
const LEVEL_STYLE: Partial<Record<CascadeLevel, CellPlan["style"]>> = {
  Goal: "owner",
  Objective: "subtitle",
  KRA: "kra",
};
const FIRST_ROW = 4;
const SCORE = "E";
const TOWARD = "G";

interface Placed {
  node: CascadeNode;
  indent: number;
  /** 1-based row of the parent node; null at the top. */
  parent: number | null;
}

export function planCascade(
  analysis: Analysis,
  name: string,
  scorecard: ScorecardIndex
): SheetPlan {
  return wholeSheet(cascadeInBlocks(analysis, name, scorecard));
}

/** The Cascade sheet a block of rows at a time (80,000 rows at 5,000 people). */
export function cascadeInBlocks(
  analysis: Analysis,
  name: string,
  scorecard: ScorecardIndex
): SheetInBlocks {
  // Depth first without recursion: a cascade of KRAs may be thousands of levels deep.
  const placed: Placed[] = [];
  const stack: Placed[] = cascadeTree(analysis)
    .reverse()
    .map((node) => ({ node, indent: 0, parent: null }));
  while (stack.length > 0) {
    const p = stack.pop() as Placed;
    placed.push(p);
    const row = FIRST_ROW + placed.length - 1;
    for (let i = p.node.children.length - 1; i >= 0; i--)
      stack.push({ node: p.node.children[i], indent: p.indent + 1, parent: row });
  }
  // Each row the score of which counts toward another's: an objective's toward its goal's, a
  // KRA's toward its objective's (wherever the KRA is shown: under a parent KRA, say).
  const { model, broken } = analysis;
  const objectiveRow = new Map<string, number>();
  placed.forEach((p, i) => {
    if (p.node.level === "Objective") objectiveRow.set(p.node.id, FIRST_ROW + i);
  });
  const toward = placed.map((p) => {
    if (p.node.level === "Objective") return p.parent;
    if (p.node.level !== "KRA") return null;
    const kra = model.kras.get(p.node.id);
    const objective = kra ? live(broken, "kra", kra.id, "objective", kra.objective) : null;
    return objective === null ? null : (objectiveRow.get(objective) ?? null);
  });
  const members = new Map<number, { first: number; last: number }>();
  toward.forEach((to, i) => {
    if (to === null) return;
    const row = FIRST_ROW + i;
    const m = members.get(to);
    if (m) m.last = row;
    else members.set(to, { first: row, last: row });
  });
  /** The mean of the scores that count toward `row` (SPEC 4: goals and objectives). */
  const meanOf = (row: number): CellPlan => {
    const m = members.get(row);
    if (!m) return { value: null, format: PCT };
    const scores = `${SCORE}${m.first}:${SCORE}${m.last}`;
    const keys = `${TOWARD}${m.first}:${TOWARD}${m.last}`;
    return {
      formula: `IFERROR(SUMIFS(${scores},${keys},${row})/COUNTIFS(${keys},${row},${scores},">-1E+300"),"")`,
      format: PCT,
    };
  };
  const scoreCell = (node: CascadeNode, row: number): CellPlan => {
    if (node.level === "Goal" || node.level === "Objective") return meanOf(row);
    const at = (node.level === "KPI" ? scorecard.kpis : scorecard.kras).get(node.id);
    // A KRA without KPIs has no score cell on the scorecard (a reference would read 0).
    const scored = node.level === "KPI" || node.children.some((c) => c.level === "KPI");
    return at !== undefined && scored
      ? { formula: scorecardRef(scorecard, SC.attainment, at), format: PCT }
      : { value: node.score, format: PCT };
  };
  const statusCell = (node: CascadeNode): CellPlan => {
    const at = node.level === "KPI" ? scorecard.kpis.get(node.id) : undefined;
    if (at !== undefined && analysis.definitions.get(node.id)?.statusable)
      return { formula: scorecardRef(scorecard, SC.status, at) };
    return { value: node.status ? STATUS_LABEL[node.status] : null };
  };

  const line = (p: Placed, i: number): (CellPlan | null)[] => {
    const { node } = p;
    if (node.level === "Unlinked") return [{ value: node.label, style: "owner" }];
    return withFlatFormulas([
      {
        value: node.label,
        indent: Math.min(p.indent, MAX_INDENT),
        style: LEVEL_STYLE[node.level],
      },
      { value: node.level },
      { value: node.id },
      { value: node.owner },
      scoreCell(node, FIRST_ROW + i),
      statusCell(node),
      toward[i] === null ? null : { value: toward[i] },
    ]);
  };
  function* rowBlocks(): Generator<(CellPlan | null)[][]> {
    yield [
      [{ value: "Cascade — goals to KPIs", style: "title" }],
      [],
      HEADERS.map((h) => ({ value: h, style: "header" })),
    ];
    yield* rowsInBlocks(placed, line);
  }
  const rowCount = FIRST_ROW - 1 + placed.length;
  const head: SheetFields = {
    kind: "cascade",
    name,
    columnWidths: [60, 10, 12, 26, 10, 10, 8],
    hiddenColumns: [6],
    frozen: { rows: 3, columns: 0 },
    conditionalFormats:
      rowCount > 3
        ? [
            {
              kind: "dataBar",
              range: `E4:E${rowCount}`,
              min: 0,
              max: analysis.model.settings.cap,
              color: "FF5B9BD5",
            },
          ]
        : [],
    print: documentPrint("Cascade", isoFromDay(analysis.model.asOf), 3),
    tabColor: "FF2F5597",
  };
  return { head, rowCount, width: HEADERS.length, blocks: rowBlocks() };
}
