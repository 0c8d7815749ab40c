/**
 * References that must not be followed: they point at nothing (unknown-reference) or close a loop
 * (cycle). Rules record them once; rollups and later rules ask before following a link.
 */
import { Entity } from "./findings";

export type BrokenLinks = Set<string>;

export function linkKey(entity: Entity, id: string, field: string): string {
  return `${entity}:${id}:${field}`;
}

/** The referenced ID, unless the link is blank or broken. */
export function live(
  broken: BrokenLinks,
  entity: Entity,
  id: string,
  field: string,
  value: string | null
): string | null {
  if (value === null) return null;
  return broken.size === 0 || !broken.has(linkKey(entity, id, field)) ? value : null;
}
