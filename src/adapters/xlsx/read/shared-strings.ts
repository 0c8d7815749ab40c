/**
 * The shared-string table: each `<si>`'s text, rich-text runs joined, phonetic guides (`<rPh>`)
 * left out as Excel shows them, and `_xHHHH_` escapes decoded (ECMA-376 ST_Xstring). A string
 * holding control characters is read as it is; whoever prints it escapes them.
 */
import { Package } from "../package/opc";
import { LIMITS, PackageRefused } from "../package/limits";

export function decodeXstring(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

export function readSharedStrings(pkg: Package, part: string | undefined): string[] {
  const strings: string[] = [];
  if (!part) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  pkg.scan(part, {
    open(name, _tag, selfClosing) {
      // A self-closing element is closed too (the scanner calls `close`), so `<si/>` is "".
      if (name === "si") current = "";
      else if (name === "rPh") phonetic += selfClosing ? 0 : 1;
      else if (name === "t" && !selfClosing) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (name === "si" && current !== null) {
        strings.push(decodeXstring(current));
        current = null;
        if (strings.length > LIMITS.sharedStrings)
          throw new PackageRefused(`${part} holds more than ${LIMITS.sharedStrings} strings`);
      }
    },
    text(t) {
      if (inText && phonetic === 0 && current !== null) current += t;
    },
  });
  return strings;
}
