/**
 * cycle: loops in parent units, in managers, and in parent KRAs, one finding per loop listing its
 * members in order. Members of a loop get their parent link marked broken, so rollups never
 * follow it.
 */
import { Entity, Findings } from "../findings";
import { Model } from "../model";
import { RowRef, cellOf } from "../read/region";
import { BrokenLinks, linkKey } from "../links";

interface Linked {
  id: string;
  ref: RowRef;
}

function findLoops<T extends Linked>(
  nodes: Map<string, T>,
  parentOf: (n: T) => string | null
): string[][] {
  const state = new Map<string, "active" | "done">();
  const loops: string[][] = [];
  for (const start of nodes.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let id: string | null = start;
    while (id !== null && nodes.has(id) && !state.has(id)) {
      state.set(id, "active");
      path.push(id);
      id = parentOf(nodes.get(id) as T);
    }
    if (id !== null && state.get(id) === "active") loops.push(path.slice(path.indexOf(id)));
    for (const p of path) state.set(p, "done");
  }
  return loops;
}

function report<T extends Linked>(
  nodes: Map<string, T>,
  parentOf: (n: T) => string | null,
  entity: Entity,
  field: string,
  words: { noun: string; link: string; fix: string },
  findings: Findings,
  broken: BrokenLinks
): void {
  for (const loop of findLoops(nodes, parentOf)) {
    // Point at the member that comes first in the sheet: where a reader starts looking.
    const first = loop.reduce((a, b) =>
      (nodes.get(a) as T).ref.row <= (nodes.get(b) as T).ref.row ? a : b
    );
    const chain = [...loop, loop[0]].join(" → ");
    for (const id of loop) broken.add(linkKey(entity, id, field));
    findings.add(
      "cycle",
      cellOf((nodes.get(first) as T).ref, field),
      entity,
      first,
      `${words.noun} ${loop.join(", ")} form a loop through ${words.link}: ${chain}. ${words.fix}`
    );
  }
}

export function checkCycles(model: Model, findings: Findings, broken: BrokenLinks): void {
  const live = (entity: Entity, field: string) => (id: string, target: string | null) =>
    broken.has(linkKey(entity, id, field)) ? null : target;
  const unitParent = live("unit", "parent");
  const manager = live("person", "manager");
  const kraParent = live("kra", "parent");
  report(
    model.units,
    (u) => unitParent(u.id, u.parent),
    "unit",
    "parent",
    {
      noun: "Units",
      link: "Parent Unit ID",
      fix: "Change one Parent Unit ID so the organisation is a tree.",
    },
    findings,
    broken
  );
  report(
    model.people,
    (p) => manager(p.id, p.manager),
    "person",
    "manager",
    {
      noun: "People",
      link: "Manager ID",
      fix: "Change one Manager ID so reporting lines end at the top.",
    },
    findings,
    broken
  );
  report(
    model.kras,
    (k) => kraParent(k.id, k.parent),
    "kra",
    "parent",
    {
      noun: "KRAs",
      link: "Parent KRA ID",
      fix: "Change one Parent KRA ID so the cascade runs one way.",
    },
    findings,
    broken
  );
}
