/**
 * The Cascade sheet: Goal → Objective → KRA (→ child KRAs) → KPI as an indented tree, with owners
 * and scores. KPI and KRA scores are the scorecard's cells; an objective's score is the mean of its
 * KRAs' and a goal's of its objectives', as formulas over the rows below it (SPEC 8: the cascade
 * moves with the scorecard). The hidden column G holds each row's parent row for those formulas.
 */
import { Analysis } from "../engine/analyze";
import { live } from "../engine/links";
import { CascadeLevel, CascadeNode, cascadeTree } from "./cascade-tree";
import { CellPlan, SheetPlan } from "./plan";
import { documentPrint } from "./plan-print";
import { isoFromDay } from "../engine/dates";
import { SC, ScorecardIndex, scorecardRef } from "./scorecard";

const PCT = "0.0%";
/** Excel shows at most 15 levels of indent; deeper levels line up at the 15th. */
const MAX_INDENT = 15;
const STATUS_LABEL = { green: "Green", amber: "Amber", red: "Red" } as const;
const HEADERS = ["Cascade", "Level", "ID", "Owner", "Score", "Status", "Parent row"];
const LEVEL_STYLE: Partial<Record<CascadeLevel, CellPlan["style"]>> = {
  Goal: "owner",
  Objective: "subtitle",
  KRA: "kra",
};
const FIRST_ROW = 4;
const SCORE = "E";
const PARENT = "G";

interface Placed {
  node: CascadeNode;
  indent: number;
  /** 1-based row of the parent node; null at the top. */
  parent: number | null;
}

/** The KRAs the engine averages into each objective's score (SPEC 4): its linked KRAs. */
function krasOfObjectives(analysis: Analysis): Map<string, Set<string>> {
  const { model, broken } = analysis;
  const out = new Map<string, Set<string>>();
  for (const k of model.kras.values()) {
    const o = live(broken, "kra", k.id, "objective", k.objective);
    if (o !== null) out.set(o, (out.get(o) ?? new Set()).add(k.id));
  }
  return out;
}

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((x) => a.has(x));
}

export function planCascade(analysis: Analysis, name: string, scorecard: ScorecardIndex): SheetPlan {
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
  // The last row of each node's subtree: the row before the next one no deeper than it.
  const end = new Array<number>(placed.length);
  const open: number[] = [];
  placed.forEach((p, i) => {
    while (open.length && placed[open[open.length - 1]].indent >= p.indent)
      end[open.pop() as number] = FIRST_ROW + i - 1;
    open.push(i);
  });
  for (const i of open) end[i] = FIRST_ROW + placed.length - 1;

  const members = krasOfObjectives(analysis);
  const meanOfChildren = (row: number, last: number): CellPlan => {
    if (last <= row) return { value: null, format: PCT };
    const scores = `${SCORE}${row + 1}:${SCORE}${last}`;
    const parents = `${PARENT}${row + 1}:${PARENT}${last}`;
    return {
      formula: `IFERROR(SUMIFS(${scores},${parents},${row})/COUNTIFS(${parents},${row},${scores},">-1E+300"),"")`,
      format: PCT,
    };
  };
  const scoreCell = (p: Placed, row: number, last: number): CellPlan => {
    const { node } = p;
    const fixed: CellPlan = { value: node.score, format: PCT };
    if (node.level === "KPI" || node.level === "KRA") {
      const at = (node.level === "KPI" ? scorecard.kpis : scorecard.kras).get(node.id);
      const scored = node.level === "KPI" || node.children.some((c) => c.level === "KPI");
      return at !== undefined && scored
        ? { formula: scorecardRef(scorecard, SC.attainment, at), format: PCT }
        : fixed;
    }
    if (node.level === "Goal") return meanOfChildren(row, last);
    // An objective whose linked KRAs all sit right under it (none shown elsewhere in the tree).
    const shown = node.children.filter((c) => c.level === "KRA").map((c) => c.id);
    return node.level === "Objective" && sameSet(members.get(node.id) ?? new Set(), shown)
      ? meanOfChildren(row, last)
      : fixed;
  };
  const statusCell = (node: CascadeNode): CellPlan => {
    const at = node.level === "KPI" ? scorecard.kpis.get(node.id) : undefined;
    if (at !== undefined && analysis.definitions.get(node.id)?.statusable)
      return { formula: scorecardRef(scorecard, SC.status, at) };
    return { value: node.status ? STATUS_LABEL[node.status] : null };
  };

  const rows: (CellPlan | null)[][] = [
    [{ value: "Cascade — goals to KPIs", style: "title" }],
    [],
    HEADERS.map((h) => ({ value: h, style: "header" })),
  ];
  placed.forEach((p, i) => {
    const { node } = p;
    const row = FIRST_ROW + i;
    if (node.level === "Unlinked") {
      rows.push([{ value: node.label, style: "owner" }]);
      return;
    }
    rows.push([
      { value: node.label, indent: Math.min(p.indent, MAX_INDENT), style: LEVEL_STYLE[node.level] },
      { value: node.level },
      { value: node.id },
      { value: node.owner },
      scoreCell(p, row, end[i]),
      statusCell(node),
      p.parent === null ? null : { value: p.parent },
    ]);
  });
  return {
    kind: "cascade",
    name,
    rows,
    columnWidths: [60, 10, 12, 26, 10, 10, 8],
    hiddenColumns: [6],
    frozen: { rows: 3, columns: 0 },
    conditionalFormats:
      rows.length > 3
        ? [
            {
              kind: "dataBar",
              range: `E4:E${rows.length}`,
              min: 0,
              max: analysis.model.settings.cap,
              color: "FF5B9BD5",
            },
          ]
        : [],
    print: documentPrint("Cascade", isoFromDay(analysis.model.asOf), 3),
    tabColor: "FF2F5597",
  };
}
