/**
 * What a workbook package may hold before it is refused. Each limit is far above any real KPI
 * workbook (the 5,000-person benchmark inflates to 140 MB in 14 parts and holds 2.3 M cells) and
 * keeps time and memory bounded by these numbers, never by what a crafted file claims.
 * docs/decisions.md ("Limits") gives the reasons.
 */
export const LIMITS = {
  /** Entries in the zip's central directory. */
  entries: 100_000,
  /** Inflated bytes of one part. */
  partBytes: 1024 * 1024 * 1024,
  /** Inflated bytes of every part read, together. */
  totalBytes: 2 * 1024 * 1024 * 1024,
  /** Inflated ÷ compressed, for parts over 1 MB inflated (legitimate sheets stay under 100). */
  ratio: 1000,
  /** Cells kept from all sheets together. */
  cells: 16_000_000,
  /** Shared strings. */
  sharedStrings: 4_000_000,
  /** Sheets in workbook.xml. */
  sheets: 10_000,
  /** Characters of one element (a tag, or one cell with its content) held while it is read. */
  elementChars: 32 * 1024 * 1024,
  /** Excel's own grid: rows and columns beyond it are not cells. */
  rows: 1_048_576,
  columns: 16_384,
} as const;

/** The package is refused: the message names what was refused and why, for one line on stderr. */
export class PackageRefused extends Error {
  constructor(
    message: string,
    /** Damaged (cut short, corrupt) rather than refused for what it holds. */
    readonly damaged = false
  ) {
    super(message);
    this.name = "PackageRefused";
  }
}
