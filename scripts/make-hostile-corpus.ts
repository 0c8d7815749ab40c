/**
 * `node lib/scripts/make-hostile-corpus.js DIR [NAME…]`: writes the hostile corpus
 * (test/support/hostile-corpus.ts) into DIR — one .xlsx per case and `manifest.json` with each
 * case's expected exit status, first stderr line, and time and memory ceilings.
 */
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { HOSTILE_CORPUS, HostileCase } from "../test/support/hostile-corpus";

export interface ManifestEntry {
  name: string;
  file: string;
  what: string;
  status: HostileCase["expected"]["status"];
  /** A regular expression's source, for the first stderr line (status 2) or a report line. */
  line: string | null;
  pane: string | null;
  maxMs: number;
  maxMB: number;
  cliOnly: boolean;
}

/** Writes the cases (all, or those named) and the manifest; returns the manifest. */
export function writeHostileCorpus(dir: string, names: readonly string[] = []): ManifestEntry[] {
  mkdirSync(dir, { recursive: true });
  const manifest: ManifestEntry[] = [];
  for (const c of HOSTILE_CORPUS) {
    if (names.length > 0 && !names.includes(c.name)) continue;
    const file = path.join(dir, `${c.name}.xlsx`);
    writeFileSync(file, c.make());
    manifest.push({
      name: c.name,
      file,
      what: c.what,
      status: c.expected.status,
      line: c.expected.line?.source ?? null,
      pane: c.expected.pane?.source ?? null,
      maxMs: c.expected.maxMs,
      maxMB: c.expected.maxMB,
      cliOnly: c.cliOnly ?? false,
    });
  }
  writeFileSync(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (require.main === module) {
  const [dir, ...names] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: make-hostile-corpus DIR [NAME…]\n");
    process.exitCode = 2;
  } else {
    const written = writeHostileCorpus(dir, names);
    process.stdout.write(`Wrote ${written.length} cases and manifest.json to ${dir}\n`);
  }
}
