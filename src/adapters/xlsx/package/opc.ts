/**
 * An Open Packaging Conventions package (ECMA-376 part 2) over a zip archive: parts by name
 * (case-insensitive), their relationships, and the content types. Parts are inflated only when
 * asked for, so charts, pivots, drawings and macros are never read, let alone parsed.
 */
import { LIMITS, PackageRefused } from "./limits";
import { InflateBudget, ZipEntry, entryBytes, readZipEntries } from "./zip-read";
import { XmlHandler, attr, scanBytes } from "../xml/scanner";

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name, resolved against the source part; the raw target when external. */
  target: string;
  external: boolean;
}

/** Relationship types by their last segment (the namespaces differ between transitional and strict). */
export function relType(r: Relationship): string {
  return r.type.slice(r.type.lastIndexOf("/") + 1);
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function percentDecoded(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** Resolves a relationship target against the folder of the part that names it. */
export function resolveTarget(source: string, target: string): string {
  const t = percentDecoded(target);
  const pieces = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const piece of t.split("/")) {
    if (piece === "..") pieces.pop();
    else if (piece !== "." && piece !== "") pieces.push(piece);
  }
  return pieces.join("/");
}

export class Package {
  readonly entries: Map<string, ZipEntry>;
  private readonly budget = new InflateBudget();

  constructor(readonly bytes: Uint8Array) {
    this.entries = readZipEntries(bytes);
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  /** The inflated bytes of a part, or undefined when the package has no such part. */
  read(name: string): Uint8Array | undefined {
    const e = this.entry(name);
    return e ? entryBytes(this.bytes, e, this.budget) : undefined;
  }

  /** Refuses at once when these parts (a name may come twice: it is read twice) pass the limits. */
  planReads(names: readonly (string | null | undefined)[]): void {
    const entries: ZipEntry[] = [];
    for (const name of names) {
      const e = name ? this.entry(name) : undefined;
      if (e) entries.push(e);
    }
    this.budget.plan(entries);
  }

  text(name: string): string | undefined {
    const bytes = this.read(name);
    return bytes ? new TextDecoder("utf-8").decode(bytes) : undefined;
  }

  /** Scans a part's XML; false when there is no such part. */
  scan(name: string, handler: XmlHandler): boolean {
    const bytes = this.read(name);
    if (!bytes) return false;
    scanBytes(bytes, handler, name);
    return true;
  }

  /** Each part's relationships, scanned once: the reader and the writer ask for them again. */
  private readonly relsCache = new Map<string, readonly Relationship[]>();

  relationships(source: string): readonly Relationship[] {
    const cached = this.relsCache.get(source.toLowerCase());
    if (cached) return cached;
    const out: Relationship[] = [];
    this.scan(relsPartOf(source), {
      open(name, tag) {
        if (name !== "Relationship") return;
        const id = attr(tag, "Id");
        const target = attr(tag, "Target");
        if (!id || target === undefined) return;
        const external = attr(tag, "TargetMode") === "External";
        out.push({
          id,
          type: attr(tag, "Type") ?? "",
          target: external ? target : resolveTarget(source, target),
          external,
        });
        if (out.length > LIMITS.entries)
          throw new PackageRefused(
            `${relsPartOf(source)} lists more than ${LIMITS.entries} relationships`
          );
      },
    });
    this.relsCache.set(source.toLowerCase(), out);
    return out;
  }

  /** The workbook part, found as the package's officeDocument (never assumed to be xl/workbook.xml). */
  workbookPart(): string {
    const main = this.relationships("").find((r) => relType(r) === "officeDocument" && !r.external);
    const name = main?.target ?? "xl/workbook.xml";
    if (!this.entry(name))
      throw new PackageRefused("the package has no workbook part (is it an .xlsx workbook?)", true);
    return this.entry(name)?.name ?? name;
  }
}
