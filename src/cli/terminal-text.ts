/**
 * Workbook text on a terminal: cell text can hold CR/LF (a fake "0 errors" line), ESC and BEL
 * (terminal escape sequences; shared strings decode `_x001B_` into a raw ESC) or bidirectional
 * overrides that reorder what is shown. Each such character is printed escaped, and a long piece
 * of text is cut, so what the CLI prints is exactly one line per item and reads as it is.
 */

/** C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidi embeddings/isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** How much of one piece of workbook text (an ID, a sheet name, a path) is printed. */
export const TEXT_MAX = 200;

function escaped(c: string): string {
  const code = c.codePointAt(0) as number;
  return (
    NAMED[c] ??
    (code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`)
  );
}

/** `text` safe to print on one terminal line: at most `max` characters, then "…", controls escaped. */
export function terminalText(text: string, max = TEXT_MAX): string {
  let cut = text;
  if (text.length > max) {
    const chars = Array.from(text.slice(0, 2 * max + 2)); // code points, never half a surrogate pair
    if (chars.length > max) cut = `${chars.slice(0, max).join("")}…`;
  }
  return cut.replace(UNSAFE, escaped);
}
