/**
 * Walks over parent links (units under units, KRAs under KRAs) without recursion: an organisation
 * may be a chain 30,000 units deep, and a recursive walk would overflow the stack there or cost
 * depth × nodes. Each walk here visits every node once.
 */

/**
 * The nodes in depth-first pre-order: each parent before its children, roots and siblings in the
 * order given. A node whose parent is null or unknown is a root; nodes caught in a loop of parents
 * (reachable from no root) come last, each still once.
 */
export function preorder(ids: Iterable<string>, parentOf: (id: string) => string | null): string[] {
  const all = [...ids];
  const known = new Set(all);
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of all) {
    const parent = parentOf(id);
    if (parent === null || parent === id || !known.has(parent)) roots.push(id);
    else {
      const list = children.get(parent);
      if (list) list.push(id);
      else children.set(parent, [id]);
    }
  }
  const order: string[] = [];
  const seen = new Set<string>();
  const walk = (root: string) => {
    if (seen.has(root)) return;
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
      const kids = children.get(id);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  };
  for (const root of roots) walk(root);
  for (const id of all) walk(id);
  return order;
}

/**
 * "Is this node at or below that one?" in constant time, from each node's interval in one
 * depth-first walk (an ancestor's interval holds its descendants').
 */
export class Ancestry {
  private readonly enter = new Map<string, number>();
  private readonly leave = new Map<string, number>();

  constructor(ids: Iterable<string>, parentOf: (id: string) => string | null) {
    const order = preorder(ids, parentOf);
    // In pre-order, a node's subtree is the run of nodes after it that sit deeper; walking the
    // order backwards, each node's subtree ends where its last descendant ends.
    order.forEach((id, i) => {
      this.enter.set(id, i);
      this.leave.set(id, i);
    });
    for (let i = order.length - 1; i >= 0; i--) {
      const id = order[i];
      const parent = parentOf(id);
      if (parent === null || parent === id || !this.enter.has(parent)) continue;
      // A parent that comes later in the order sits in a loop: not an ancestor.
      if ((this.enter.get(parent) as number) > i) continue;
      const end = this.leave.get(id) as number;
      if (end > (this.leave.get(parent) as number)) this.leave.set(parent, end);
    }
  }

  isAtOrBelow(node: string, ancestor: string): boolean {
    if (node === ancestor) return true;
    const a = this.enter.get(ancestor);
    const n = this.enter.get(node);
    if (a === undefined || n === undefined) return false;
    return a < n && n <= (this.leave.get(ancestor) as number);
  }
}
