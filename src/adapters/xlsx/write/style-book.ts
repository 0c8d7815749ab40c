/**
 * The styles the generated sheets need, appended to the workbook's own `styles.xml`: new fonts,
 * fills, number formats, cell formats and differential formats go after the existing ones, so every
 * existing style index — and so every user cell's look — stays exactly as it was.
 */
import { StyleName } from "../../../planner/plan";
import { STATUS_COLOURS, STYLE_SPECS, StyleSpec } from "../../../planner/styles";
import { escapeXml } from "../xml/escape";
import { XmlScanner, attr } from "../xml/scanner";

/** Formats Excel knows by number (ECMA-376 part 1, 18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

/** The collections this book appends to, in the order CT_Stylesheet requires. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
] as const;
type Collection = (typeof ORDER)[number];
const CHILD: Record<Collection, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  cellStyles: "cellStyle",
  dxfs: "dxf",
};

/** A styles part with nothing but Excel's required defaults, for a package that has none. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/></styleSheet>';

interface Counts {
  children: Record<Collection, number>;
  maxNumFmtId: number;
  prefix: string;
  /** Each existing entry's exact XML → its index, so a rebuild reuses what the last build appended. */
  existing: Record<Collection, Map<string, number>>;
  formats: Map<string, number>;
}

/** The entries of each collection as written, in order (entries never nest their own kind). */
function existingEntries(xml: string, prefix: string): Record<Collection, Map<string, number>> {
  const out = Object.fromEntries(ORDER.map((c) => [c, new Map<string, number>()])) as Record<
    Collection,
    Map<string, number>
  >;
  for (const collection of ORDER) {
    const open = xml.search(new RegExp(`<${prefix}${collection}[\\s>]`));
    const close = xml.indexOf(`</${prefix}${collection}>`, open);
    if (open < 0 || close < 0) continue;
    const body = xml.slice(open, close);
    const child = `${prefix}${CHILD[collection]}`;
    const entry = new RegExp(`<${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g");
    let index = 0;
    for (const m of body.matchAll(entry)) {
      if (!out[collection].has(m[0])) out[collection].set(m[0], index);
      index++;
    }
  }
  return out;
}

function countExisting(xml: string): Counts {
  const children = Object.fromEntries(ORDER.map((c) => [c, 0])) as Record<Collection, number>;
  let maxNumFmtId = 163;
  let prefix: string | null = null;
  let depth = 0;
  let inside: Collection | null = null;
  const scanner = new XmlScanner(
    {
      open(name, tag, selfClosing) {
        if (prefix === null) {
          const colon = tag.indexOf(":");
          const space = tag.search(/[\s/]/);
          prefix = colon > 0 && (space < 0 || colon < space) ? tag.slice(0, colon + 1) : "";
        }
        // A self-closing element is closed too (the scanner calls `close`): count it in, then out.
        const level = depth++;
        if (level === 1 && (ORDER as readonly string[]).includes(name) && !selfClosing)
          inside = name as Collection;
        else if (inside && level === 2 && name === CHILD[inside]) children[inside]++;
        if (name === "numFmt")
          maxNumFmtId = Math.max(maxNumFmtId, Number(attr(tag, "numFmtId") ?? 0));
      },
      close(name) {
        if (inside === name && depth === 2) inside = null;
        depth--;
      },
    },
    "styles.xml"
  );
  scanner.write(xml);
  scanner.end();
  const p = prefix ?? "";
  const formats = new Map<string, number>();
  for (const m of xml.matchAll(new RegExp(`<${p}numFmt\\s[^>]*>`, "g")))
    formats.set(attr(m[0], "formatCode") ?? "", Number(attr(m[0], "numFmtId")));
  return { children, maxNumFmtId, prefix: p, existing: existingEntries(xml, p), formats };
}

const argb = (rgb: string) => `FF${rgb}`;

export class StyleBook {
  private readonly counts: Counts;
  private readonly added: Record<Collection, string[]>;
  /** Cell format indexes by style, then number format, then indent × 4 + unlocked × 2 + wrap: no key string per cell. */
  private readonly xfs = new Map<string, Map<string, number[]>>();
  private readonly fontByKey = new Map<string, number>();
  private readonly fillByKey = new Map<string, number>();
  private readonly formatIds = new Map<string, number>();
  private readonly dxfByKey = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.counts = countExisting(xml);
    this.added = Object.fromEntries(ORDER.map((c) => [c, [] as string[]])) as Record<
      Collection,
      string[]
    >;
  }

  private append(collection: Collection, xml: string): number {
    const existing = this.counts.existing[collection].get(xml);
    if (existing !== undefined) return existing;
    const index = this.counts.children[collection] + this.added[collection].length;
    this.counts.existing[collection].set(xml, index);
    this.added[collection].push(xml);
    return index;
  }

  private font(spec: StyleSpec): number {
    const key = JSON.stringify([spec.bold, spec.italic, spec.underline, spec.size, spec.color]);
    let id = this.fontByKey.get(key);
    if (id === undefined) {
      const p = this.counts.prefix;
      id = this.append(
        "fonts",
        `<${p}font>${spec.bold ? `<${p}b/>` : ""}${spec.italic ? `<${p}i/>` : ""}${spec.underline ? `<${p}u/>` : ""}` +
          `<${p}sz val="${spec.size ?? 11}"/>${spec.color ? `<${p}color rgb="${argb(spec.color)}"/>` : ""}` +
          `<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`
      );
      this.fontByKey.set(key, id);
    }
    return id;
  }

  private fill(rgb: string | undefined): number {
    if (!rgb) return 0;
    let id = this.fillByKey.get(rgb);
    if (id === undefined) {
      const p = this.counts.prefix;
      id = this.append(
        "fills",
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(rgb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
      );
      this.fillByKey.set(rgb, id);
    }
    return id;
  }

  private numFmt(code: string | undefined): number {
    if (!code) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formatIds.get(code) ?? this.counts.formats.get(code);
    if (id === undefined) {
      id = this.counts.maxNumFmtId + 1 + this.formatIds.size;
      this.formatIds.set(code, id);
      this.added.numFmts.push(
        `<${this.counts.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`
      );
    }
    return id;
  }

  /** The cell format index (`s`) for a plan cell's style, number format and indent. */
  xf(
    style: StyleName | undefined,
    format: string | undefined,
    indent: number | undefined,
    wrapText = false,
    unlocked = false
  ): number {
    if (!style && !format && !indent && !wrapText && !unlocked) return 0;
    let byFormat = this.xfs.get(style ?? "");
    if (!byFormat) this.xfs.set(style ?? "", (byFormat = new Map()));
    let slots = byFormat.get(format ?? "");
    if (!slots) byFormat.set(format ?? "", (slots = []));
    const slot = (indent ?? 0) * 4 + (wrapText ? 1 : 0) + (unlocked ? 2 : 0);
    let id = slots[slot];
    if (id === undefined) {
      const base = style ? STYLE_SPECS[style] : {};
      const spec = wrapText ? { ...base, wrap: true } : base;
      const fontId = this.font(spec);
      const fillId = this.fill(spec.fill);
      const numFmtId = this.numFmt(format);
      const p = this.counts.prefix;
      const alignment =
        spec.wrap || indent
          ? `<${p}alignment${indent ? ` horizontal="left" indent="${indent}"` : ""}${spec.wrap ? ' vertical="center" wrapText="1"' : ""}/>`
          : "";
      // CT_Xf: alignment, then protection.
      const protection = unlocked ? `<${p}protection locked="0"/>` : "";
      const children = alignment + protection;
      const applied =
        (alignment ? ' applyAlignment="1"' : "") + (unlocked ? ' applyProtection="1"' : "");
      id = this.append(
        "cellXfs",
        `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
          ` applyNumberFormat="1" applyFont="1" applyFill="1"${applied}${children ? `>${children}</${p}xf>` : "/>"}`
      );
      slots[slot] = id;
    }
    return id;
  }

  /** The differential format (for a conditional format) of a green, amber or red status cell. */
  statusDxf(status: keyof typeof STATUS_COLOURS): number {
    let id = this.dxfByKey.get(status);
    if (id === undefined) {
      const { fill, font } = STATUS_COLOURS[status];
      const p = this.counts.prefix;
      id = this.append(
        "dxfs",
        `<${p}dxf><${p}font><${p}b/><${p}color rgb="${argb(font)}"/></${p}font>` +
          `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`
      );
      this.dxfByKey.set(status, id);
    }
    return id;
  }

  /** The differential format of a provisional score: grey italic text. */
  mutedDxf(): number {
    let id = this.dxfByKey.get("muted");
    if (id === undefined) {
      const p = this.counts.prefix;
      id = this.append(
        "dxfs",
        `<${p}dxf><${p}font><${p}i/><${p}color rgb="FF808080"/></${p}font></${p}dxf>`
      );
      this.dxfByKey.set("muted", id);
    }
    return id;
  }

  get changed(): boolean {
    return ORDER.some((c) => this.added[c].length > 0);
  }

  /** The styles part with the new entries appended to each collection and its count updated. */
  toXml(): string {
    let xml = this.xml;
    const p = this.counts.prefix;
    for (const collection of ORDER) {
      const extra = this.added[collection];
      if (extra.length === 0) continue;
      const count = this.counts.children[collection] + extra.length;
      const open = new RegExp(`<${p}${collection}(\\s[^>]*?)?(/?)>`);
      const m = open.exec(xml);
      if (m && m[2] !== "/") {
        const closeTag = `</${p}${collection}>`;
        const close = xml.indexOf(closeTag, m.index);
        const start = `<${p}${collection}${withCount(m[1] ?? "", count)}>`;
        xml =
          xml.slice(0, m.index) +
          start +
          xml.slice(m.index + m[0].length, close) +
          extra.join("") +
          xml.slice(close);
      } else {
        const element = `<${p}${collection}${withCount(m?.[1] ?? "", count)}>${extra.join("")}</${p}${collection}>`;
        if (m) xml = xml.slice(0, m.index) + element + xml.slice(m.index + m[0].length);
        else xml = insertInOrder(xml, collection, element, p);
      }
    }
    return xml;
  }
}

function withCount(attributes: string, count: number): string {
  const rest = attributes.replace(/\scount="[^"]*"/, "");
  return ` count="${count}"${rest}`;
}

/** Inserts a missing collection before the first later one present, or at the end. */
function insertInOrder(xml: string, collection: Collection, element: string, p: string): string {
  const later = [...ORDER.slice(ORDER.indexOf(collection) + 1), "tableStyles", "colors", "extLst"];
  for (const name of later) {
    const at = xml.search(new RegExp(`<${p}${name}[\\s/>]`));
    if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  }
  const end = xml.lastIndexOf(`</${p}styleSheet>`);
  return xml.slice(0, end) + element + xml.slice(end);
}
