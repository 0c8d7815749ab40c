/**
 * "Did you mean K-012?" for an ID that points at nothing: the existing ID it most likely meant,
 * when there is exactly one close enough — the same once case, spaces, dashes and leading zeros
 * are ignored (`k 12` → `K-012`), or one typed character away (`K-021` → `K-012`, `R-P9-2` →
 * `R-P09-2` is the first kind). Built once per ID set; each lookup is a few map reads.
 */

/** Upper case, only letters and digits, no leading zeros in numbers: how IDs are misread. */
function loose(id: string): string {
  return id
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, " ")
    .replace(/\d+/g, (d) => String(Number(d)))
    .replace(/ /g, "");
}

/**
 * One-edit neighbours are searched only in sets this small (beyond, a typo has too many), and for
 * this many distinct typed IDs: a sheet of 100,000 unknown IDs stays linear.
 */
const EDIT_SEARCH_MAX = 20_000;
const EDIT_SEARCHES = 500;

export class IdSuggester {
  private readonly byLoose = new Map<string, string | null>();
  private readonly ids: string[];
  private readonly hints = new Map<string, string>();

  constructor(...sets: Iterable<string>[]) {
    this.ids = sets.flatMap((s) => [...s]);
    for (const id of this.ids) {
      const key = loose(id);
      // Two IDs with one loose spelling: suggesting either would be a guess.
      this.byLoose.set(key, this.byLoose.has(key) ? null : id);
    }
  }

  /** ` Did you mean K-012?` (with the leading space), or "" when no single ID is close. */
  hint(typed: string): string {
    let hint = this.hints.get(typed);
    if (hint === undefined) {
      const id = this.suggest(typed, this.hints.size < EDIT_SEARCHES);
      hint = id === null ? "" : ` Did you mean ${id}?`;
      this.hints.set(typed, hint);
    }
    return hint;
  }

  suggest(typed: string, searchEdits = true): string | null {
    const exact = this.byLoose.get(loose(typed));
    if (exact) return exact;
    if (exact === null || !searchEdits || this.ids.length > EDIT_SEARCH_MAX) return null;
    let found: string | null = null;
    for (const id of this.ids) {
      if (Math.abs(id.length - typed.length) > 1 || !withinOneEdit(typed, id)) continue;
      if (found !== null) return null;
      found = id;
    }
    return found;
  }
}

/** One substitution, insertion, deletion or swap of neighbours turns `a` into `b`. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return (
      a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    );
  if (a.length + 1 === b.length) return a.slice(i) === b.slice(i + 1);
  if (a.length === b.length + 1) return a.slice(i + 1) === b.slice(i);
  return false;
}
