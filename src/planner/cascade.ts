/** The Cascade sheet: Goal → Objective → KRA (→ child KRAs) → KPI as an indented tree, with owners and scores. */
import { Analysis } from "../engine/analyze";
import { CascadeLevel, CascadeNode, cascadeTree } from "./cascade-tree";
import { CellPlan, SheetPlan } from "./plan";
import { documentPrint } from "./plan-print";
import { isoFromDay } from "../engine/dates";

const PCT = "0.0%";
/** Excel shows at most 15 levels of indent; deeper levels line up at the 15th. */
const MAX_INDENT = 15;
const STATUS_LABEL = { green: "Green", amber: "Amber", red: "Red" } as const;
const HEADERS = ["Cascade", "Level", "ID", "Owner", "Score", "Status"];
const LEVEL_STYLE: Partial<Record<CascadeLevel, CellPlan["style"]>> = {
  Goal: "owner",
  Objective: "subtitle",
  KRA: "kra",
};

export function planCascade(analysis: Analysis, name = "KPI Cascade"): SheetPlan {
  const rows: (CellPlan | null)[][] = [
    [{ value: "Cascade — goals to KPIs", style: "title" }],
    [],
    HEADERS.map((h) => ({ value: h, style: "header" })),
  ];
  // Depth first without recursion: a cascade of KRAs may be thousands of levels deep.
  const stack: { node: CascadeNode; indent: number }[] = cascadeTree(analysis)
    .reverse()
    .map((node) => ({ node, indent: 0 }));
  while (stack.length > 0) {
    const { node, indent } = stack.pop() as { node: CascadeNode; indent: number };
    if (node.level === "Unlinked") rows.push([{ value: node.label, style: "owner" }]);
    else
      rows.push([
        { value: node.label, indent: Math.min(indent, MAX_INDENT), style: LEVEL_STYLE[node.level] },
        { value: node.level },
        { value: node.id },
        { value: node.owner },
        { value: node.score, format: PCT },
        { value: node.status ? STATUS_LABEL[node.status] : null },
      ]);
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i], indent: indent + 1 });
  }
  return {
    kind: "cascade",
    name,
    rows,
    columnWidths: [60, 10, 12, 26, 10, 10],
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
