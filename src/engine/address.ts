/** A1 addresses from 0-based coordinates, and back. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Parses `B7` (or `$B$7`) into 0-based coordinates; null when it is not a cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * `Sheet!A1`, quoting the sheet name the way Excel does when it needs quotes: anything but a
 * plain word, and words a formula would read as a cell (`A1`, `R1C1`, `R2`, `C3`) or a boolean.
 */
export function sheetRef(sheet: string, cell: string): string {
  // Quoted unless a plain word that reads as no cell reference (A1 or R1C1) and no boolean.
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^(R\d*C?\d*|C\d*)$/i.test(sheet) &&
    !/^(TRUE|FALSE)$/i.test(sheet);
  return plain ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
