/** A package compared part by part: each part's name and a digest of its inflated bytes. */
import { createHash } from "crypto";
import { Package } from "../../src/adapters/xlsx/package/opc";

/** Each part's name and the SHA-1 of its inflated bytes, in the archive's order. */
export function partDigests(bytes: Uint8Array): string[] {
  const pkg = new Package(bytes);
  return [...pkg.entries.values()].map(
    (e) =>
      `${e.name} ${createHash("sha1")
        .update(pkg.read(e.name) ?? "")
        .digest("hex")}`
  );
}
