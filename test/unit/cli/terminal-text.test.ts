/** Workbook text on a terminal: controls shown escaped, long text cut, one line per item. */
import { TEXT_MAX, terminalText } from "../../../src/cli/terminal-text";

describe("terminalText", () => {
  it("shows CR, LF, tab, ESC, BEL, DEL, C1 controls and bidi overrides escaped", () => {
    expect(terminalText("a\r\nb\tc\x1b[2J\x07\x7f\u009b\u202eZ\u2028")).toBe(
      "a\\r\\nb\\tc\\x1b[2J\\x07\\x7f\\x9b\\u202eZ\\u2028"
    );
  });

  it("leaves ordinary text, accents, CJK and emoji as they are", () => {
    const text = "Показатель-28 · 売上 · café · 📈 · C:\\data\\in.xlsx";
    expect(terminalText(text)).toBe(text);
  });

  it("cuts text beyond the limit with an ellipsis, counting characters, never half an emoji", () => {
    expect(terminalText("x".repeat(TEXT_MAX))).toBe("x".repeat(TEXT_MAX));
    expect(terminalText("x".repeat(TEXT_MAX + 1))).toBe(`${"x".repeat(TEXT_MAX)}…`);
    const emoji = "📈".repeat(TEXT_MAX + 5);
    expect(terminalText(emoji)).toBe(`${"📈".repeat(TEXT_MAX)}…`);
    expect(terminalText("📈".repeat(TEXT_MAX))).toBe("📈".repeat(TEXT_MAX));
    expect(terminalText("\x1b".repeat(10_000), 3)).toBe("\\x1b\\x1b\\x1b…");
  });
});
