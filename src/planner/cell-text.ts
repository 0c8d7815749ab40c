/**
 * Excel holds at most 32,767 characters in a cell; a longer one makes it repair the file. The
 * findings sheet cuts its messages here, and both writers cut any other text the same way.
 */
export const CELL_TEXT_MAX = 32_767;

/** Text cut to fit one cell, with "…" where it was cut. */
export function fitCell<T extends string | null>(text: T): T {
  return (
    text !== null && text.length > CELL_TEXT_MAX ? `${text.slice(0, CELL_TEXT_MAX - 1)}…` : text
  ) as T;
}

/** The error values a cell of a file can hold as errors (ECMA-376 part 1, 18.18.11 ST_CellType). */
export const CELL_ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
]);
