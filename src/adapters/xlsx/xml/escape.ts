/** Text into XML: the markup characters escaped, and what XML 1.0 cannot hold written as `_xHHHH_`. */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A C0 control character that XML 1.0 cannot carry (all but tab, line feed and carriage return). */
function illegalInXml(c: number): boolean {
  return c < 32 && c !== 9 && c !== 10 && c !== 13;
}

/**
 * Escapes `&`, `<`, `>` and `"` (for text and attribute values alike) and drops the control
 * characters XML 1.0 cannot hold, so no text from a workbook can make a part unreadable. Cell
 * text keeps its control characters through `escapeCellText` instead.
 */
export function escapeXml(text: string): string {
  // Most text needs nothing: one scan without a regular expression decides.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38 || c === 60 || c === 62 || c === 34 || illegalInXml(c))
      return (
        text
          // Lone surrogates first become U+FFFD, as UTF-8 writes them: dropping a control
          // character between two would otherwise join them into a character the text never had
          // (and that the byte writer, xml-sink.ts, does not write).
          .replace(LONE_SURROGATE, "\ufffd")
          // eslint-disable-next-line no-control-regex -- these are exactly the characters XML refuses
          .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
          .replace(/[&<>"]/g, (ch) => ENTITIES[ch])
      );
  }
  return text;
}

/** `escapeXml` for element content: `"` needs no escaping there. */
export function escapeContent(text: string): string {
  return text.includes('"') ? escapeXml(text).replace(/&quot;/g, '"') : escapeXml(text);
}

/** Whether the text holds `_` or a control character: only then can ST_Xstring escaping change it. */
export function needsXstring(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 95 || c < 32 || c >= 0xfffe) return true;
  }
  return false;
}

/**
 * Cell text as ST_Xstring (ECMA-376 part 1, 22.9.2.19): a literal `_xHHHH_` is protected as
 * `_x005F_xHHHH_`, and control characters XML cannot carry become `_xHHHH_`, so that the text
 * reads back exactly as it was.
 */
export function escapeCellText(text: string): string {
  if (!needsXstring(text)) return escapeXml(text);
  const protectedText = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(
    // eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
  return escapeXml(protectedText);
}
