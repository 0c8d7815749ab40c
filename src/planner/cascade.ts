/** The Cascade sheet: Goal → Objective → KRA (→ child KRAs) → KPI as an indented tree, with owners and scores. */
import { Analysis } from "../engine/analyze";
import { CascadeLevel, CascadeNode, cascadeTree } from "./cascade-tree";
import { CellPlan, SheetPlan } from "./plan";

const PCT = "0.0%";
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
  const flatten = (node: CascadeNode, indent: number) => {
    if (node.level === "Unlinked") rows.push([{ value: node.label, style: "owner" }]);
    else
      rows.push([
        { value: node.label, indent, style: LEVEL_STYLE[node.level] },
        { value: node.level },
        { value: node.id },
        { value: node.owner },
        { value: node.score, format: PCT },
        { value: node.status ? STATUS_LABEL[node.status] : null },
      ]);
    for (const child of node.children) flatten(child, indent + 1);
  };
  for (const root of cascadeTree(analysis)) flatten(root, 0);
  return {
    kind: "cascade",
    name,
    rows,
    columnWidths: [60, 10, 12, 12, 10, 10],
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
    print: { landscape: true, fitToWidth: true, repeatRows: "3:3" },
    tabColor: "FF2F5597",
  };
}
