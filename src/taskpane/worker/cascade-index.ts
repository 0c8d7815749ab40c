/**
 * The cascade tree and the findings, indexed where the engine runs (the pane's worker) so that
 * the page only ever receives what is on screen: the children of the node the user expands, or
 * the matches of a search. At 5,000 people the tree has some 80,000 nodes; copying all of them
 * to the page would freeze it for most of a second.
 */
import { Analysis } from "../../engine/analyze";
import { Finding } from "../../engine/findings";
import { Status } from "../../engine/scoring/math";
import { CascadeLevel, CascadeNode, cascadeTree } from "../../planner/cascade-tree";

/** One node as the Model screen shows it. */
export interface TreeRow {
  /** Stable within one analysis: what the page asks children for. */
  key: number;
  level: CascadeLevel;
  id: string;
  /** Name first, ID in brackets: `Grow revenue (G1)`. */
  label: string;
  /** The owner's name, ID in brackets; "" when there is none. */
  owner: string;
  score: number | null;
  status: Status | null;
  childCount: number;
}

/** A node found by a search, with the path above it so that it can be placed. */
export interface SearchRow extends TreeRow {
  path: string;
}

export interface SearchResult {
  rows: SearchRow[];
  /** All matches, of which `rows` are the first. */
  total: number;
}

/** `Name (ID)`, or the ID alone when there is no name or it says the same. */
export function named(name: string | null | undefined, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}

interface Indexed {
  node: CascadeNode;
  parent: number;
  children: number[];
  row: TreeRow;
  /** Lower-case text a search matches against: IDs, names, the owner's ID and name. */
  text: string;
}

export class CascadeIndex {
  private readonly nodes: Indexed[] = [];
  private readonly roots: number[] = [];
  private readonly findingText: string[];

  constructor(analysis: Analysis, findings: readonly Finding[]) {
    const { model } = analysis;
    const ownerName = (id: string | null): string => {
      if (!id) return "";
      return named(model.people.get(id)?.name ?? model.units.get(id)?.name, id);
    };
    // Keys in depth-first pre-order, as a recursive walk would give them, but with a stack of
    // our own: a cascade 10,000 KRAs deep would overflow the call stack.
    const pending: { node: CascadeNode; parent: number }[] = [];
    const roots = cascadeTree(analysis);
    for (let i = roots.length - 1; i >= 0; i--) pending.push({ node: roots[i], parent: -1 });
    while (pending.length > 0) {
      const { node, parent } = pending.pop() as { node: CascadeNode; parent: number };
      const key = this.nodes.length;
      const owner = ownerName(node.owner);
      const label = node.level === "Unlinked" ? node.label : named(node.label, node.id);
      this.nodes.push({
        node,
        parent,
        children: [],
        row: {
          key,
          level: node.level,
          id: node.id,
          label,
          owner,
          score: node.score,
          status: node.status,
          childCount: node.children.length,
        },
        text: `${label}\n${owner}`.toLowerCase(),
      });
      if (parent < 0) this.roots.push(key);
      else this.nodes[parent].children.push(key);
      for (let i = node.children.length - 1; i >= 0; i--)
        pending.push({ node: node.children[i], parent: key });
    }

    // A finding is found by what it says and by the names of the record it concerns and of
    // that record's owner: searching for a person finds the findings on their KRAs and KPIs.
    const ownerOf = (f: Finding): string | null =>
      f.id === null
        ? null
        : f.entity === "kra"
          ? (model.kras.get(f.id)?.owner ?? null)
          : f.entity === "kpi"
            ? (model.kpis.get(f.id)?.owner ??
              model.kras.get(model.kpis.get(f.id)?.kra ?? "")?.owner ??
              null)
            : f.entity === "person" || f.entity === "unit"
              ? f.id
              : null;
    const nameOf = (f: Finding): string =>
      f.id === null
        ? ""
        : f.entity === "kra"
          ? (model.kras.get(f.id)?.name ?? "")
          : f.entity === "kpi"
            ? (model.kpis.get(f.id)?.name ?? "")
            : "";
    this.findingText = findings.map((f) =>
      [f.id ?? "", nameOf(f), ownerName(ownerOf(f)), f.message, f.sheet ?? ""]
        .join("\n")
        .toLowerCase()
    );
  }

  rootRows(): TreeRow[] {
    return this.roots.map((k) => this.nodes[k].row);
  }

  children(key: number): TreeRow[] {
    return (this.nodes[key]?.children ?? []).map((k) => this.nodes[k].row);
  }

  /** Nodes whose IDs, names or owner match every word of the query, in tree order. */
  search(query: string, limit: number): SearchResult {
    const words = wordsOf(query);
    const rows: SearchRow[] = [];
    let total = 0;
    if (words.length === 0) return { rows, total };
    for (const entry of this.nodes) {
      if (!words.every((w) => entry.text.includes(w))) continue;
      total++;
      if (rows.length < limit) rows.push({ ...entry.row, path: this.pathOf(entry) });
    }
    return { rows, total };
  }

  /** The positions, in the findings given to the constructor, of those matching the query. */
  matchingFindings(query: string): number[] {
    const words = wordsOf(query);
    const out: number[] = [];
    this.findingText.forEach((text, i) => {
      if (words.every((w) => text.includes(w))) out.push(i);
    });
    return out;
  }

  private pathOf(entry: Indexed): string {
    const names: string[] = [];
    // Pushed and reversed: unshift would cost depth² on a deep cascade.
    for (let p = entry.parent; p >= 0; p = this.nodes[p].parent)
      names.push(this.nodes[p].row.label);
    return names.reverse().join(" › ");
  }
}

function wordsOf(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}
