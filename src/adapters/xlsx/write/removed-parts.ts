/**
 * Which parts go when generated sheets are removed: each sheet's part and relationships part,
 * and what they alone lead to (a table, a comment, a drawing and its charts, added to the
 * generated sheet after a build). A part that a kept part still refers to stays.
 */
import { Package, relsPartOf } from "../package/opc";

/** `droppedRels`: relationships being removed with the sheets (the workbook's), which keep nothing. */
export function removableParts(
  pkg: Package,
  sheetParts: string[],
  droppedRels: Set<string>
): Set<string> {
  const removed = new Set<string>();
  if (sheetParts.length === 0) return removed;
  const candidates: string[] = [];
  const queue = [...sheetParts];
  while (queue.length > 0) {
    const part = queue.pop() as string;
    const key = part.toLowerCase();
    if (removed.has(key) || !pkg.entry(part)) continue;
    removed.add(key);
    candidates.push(part);
    const rels = relsPartOf(part);
    if (pkg.entry(rels)) removed.add(rels.toLowerCase());
    for (const r of pkg.relationships(part)) if (!r.external) queue.push(r.target);
  }
  // Keep what any part outside the removed set still refers to.
  const stillUsed = referencedParts(pkg, removed, droppedRels);
  for (const part of candidates)
    if (stillUsed.has(part.toLowerCase())) {
      removed.delete(part.toLowerCase());
      removed.delete(relsPartOf(part).toLowerCase());
    }
  return removed;
}

/**
 * Every part name (lower-cased) that a relationship of a part outside `removed` points at, but
 * for `droppedRels`: whether or not the part exists. A name a kept relationship points at is not
 * free for a new part even when the part is missing, or the kept sheet, drawing or note would
 * show what the writer put there.
 */
export function referencedParts(
  pkg: Package,
  removed: ReadonlySet<string>,
  droppedRels: ReadonlySet<string>
): Set<string> {
  const used = new Set<string>();
  for (const e of pkg.entries.values()) {
    if (!e.name.toLowerCase().endsWith(".rels") || removed.has(e.name.toLowerCase())) continue;
    const source = e.name.replace(/(^|\/)_rels\/([^/]+)\.rels$/i, "$1$2");
    for (const r of pkg.relationships(source))
      if (!r.external && !droppedRels.has(`${source}#${r.id}`)) used.add(r.target.toLowerCase());
  }
  return used;
}
