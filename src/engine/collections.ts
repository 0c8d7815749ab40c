/** Grouping helpers shared by rules and scoring. */

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Groups items by key, in first-seen order; items whose key is null are left out. */
export function groupBy<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string | null
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) pushTo(groups, key, item);
  }
  return groups;
}

/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument, and past about 100,000 of them the call overflows the stack.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
