/**
 * Property: for any package made by mutating a real-shaped workbook — bytes flipped, entries
 * dropped, duplicated or renamed, a part's XML cut short, attributes changed, junk inserted — the
 * two commands give one answer. `validate` and `build` either both read it (same exit status, the
 * same report, so the same grids) and build's output reads back with the input's sheets, or both
 * refuse it with the same one line. Neither ever fails unexpectedly.
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { inflateRawSync } from "zlib";
import { readZipEntries, rawData } from "../../../src/adapters/xlsx/package/zip-read";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { run } from "../../../src/cli/main";
import { foreignPackage } from "../../support/foreign-packages";
import { packageBytes, smallWorkbook } from "../../support/hostile-corpus";
import { CraftedEntry, craftZip } from "../../support/zip-craft";

let dir: string;
const fixtures: Uint8Array[] = [];
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-mutated-"));
  fixtures.push(await foreignPackage(), packageBytes({ sheets: smallWorkbook() }));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A package's entries with their inflated bytes (a fixture's parts all inflate). */
function partsOf(bytes: Uint8Array): CraftedEntry[] {
  return [...readZipEntries(bytes).values()].map((e) => ({
    name: e.name,
    data: e.method === 0 ? rawData(bytes, e) : inflateRawSync(rawData(bytes, e)),
  }));
}

const text = (e: CraftedEntry) => Buffer.from(e.data as Uint8Array).toString("utf8");
const HOSTILE_VALUES = [
  "",
  "-1",
  "0",
  "2147483648",
  "1e309",
  "XFE1",
  "A0",
  "s",
  "e",
  "inlineStr",
  "&amp;",
  "<",
  "'",
];

type Mutation =
  | { kind: "flip"; at: number; byte: number }
  | { kind: "cut-file"; at: number }
  | { kind: "drop"; part: number }
  | { kind: "duplicate"; part: number }
  | { kind: "rename-case"; part: number }
  | { kind: "cut-xml"; part: number; at: number }
  | { kind: "attribute"; part: number; nth: number; value: string }
  | { kind: "junk"; part: number; at: number; junk: string };

/** A share of a length, in [0, 1), unbiased: fast-check's default leans to small values. */
const share = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("flip" as const),
    at: share,
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant("cut-file" as const), at: share }),
  fc.record({ kind: fc.constant("drop" as const), part: share }),
  fc.record({ kind: fc.constant("duplicate" as const), part: share }),
  fc.record({ kind: fc.constant("rename-case" as const), part: share }),
  fc.record({ kind: fc.constant("cut-xml" as const), part: share, at: share }),
  fc.record({
    kind: fc.constant("attribute" as const),
    part: share,
    nth: fc.nat(200),
    value: fc.constantFrom(...HOSTILE_VALUES),
  }),
  fc.record({
    kind: fc.constant("junk" as const),
    part: share,
    at: share,
    junk: fc.constantFrom(
      "<",
      "</c>",
      '<c r="A1" t="s"><v>99</v></c>',
      "<!--",
      "<![CDATA[",
      "&#xFFFF;",
      "\u0000",
      '<row r="0">',
      "<si>"
    ),
  })
);

/** Applies mutations to the fixture's parts and then its bytes. */
function mutate(fixture: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let parts = partsOf(fixture);
  const pick = (share: number) => Math.floor(share * parts.length);
  const fileMutations: Mutation[] = [];
  for (const m of mutations) {
    if (m.kind === "flip" || m.kind === "cut-file") fileMutations.push(m);
    else if (m.kind === "drop") parts = parts.filter((_, i) => i !== pick(m.part));
    else if (m.kind === "duplicate") parts.push({ ...parts[pick(m.part)] });
    else if (m.kind === "rename-case") {
      const p = parts[pick(m.part)];
      parts[pick(m.part)] = { ...p, name: p.name.replace(/[a-z]/, (c) => c.toUpperCase()) };
    } else {
      const p = parts[pick(m.part)];
      const xml = text(p);
      let changed = xml;
      if (m.kind === "cut-xml") changed = xml.slice(0, Math.floor(m.at * xml.length));
      else if (m.kind === "junk") {
        const at = Math.floor(m.at * xml.length);
        changed = xml.slice(0, at) + m.junk + xml.slice(at);
      } else {
        let n = 0;
        changed = xml.replace(/ (r|t|s|Id|Target|name|ref)="[^"]*"/g, (all, key: string) =>
          n++ === m.nth ? ` ${key}="${m.value}"` : all
        );
      }
      parts[pick(m.part)] = { ...p, data: changed };
    }
  }
  let bytes = craftZip(parts);
  for (const m of fileMutations) {
    if (m.kind === "flip") {
      bytes = bytes.slice();
      bytes[Math.floor(m.at * bytes.length)] = m.byte;
    } else if (m.kind === "cut-file") bytes = bytes.slice(0, Math.floor(m.at * bytes.length));
  }
  return bytes;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The report without what differs by command by design (nothing today but kept explicit). */
const reportOf = (r: { out: string }) => JSON.parse(r.out.slice(r.out.indexOf("{")));

let count = 0;

describe("validate and build on mutated packages", () => {
  it("give one answer: the same report, or the same refusal", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(fixtures.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (which, mutations) => {
          const input = path.join(dir, `m${count++}.xlsx`);
          await fs.writeFile(input, mutate(fixtures[which], mutations));
          const output = `${input}.out.xlsx`;
          const validate = await cli(["validate", input, "--as-of", "2026-06-30", "--json", "-"]);
          const build = await cli([
            "build",
            input,
            "-o",
            output,
            "--as-of",
            "2026-06-30",
            "--json",
            "-",
          ]);
          for (const r of [validate, build]) {
            expect(r.err).not.toMatch(/Unexpected failure/);
            if (r.code === 2) expect(r.err.trimEnd().split("\n")).toHaveLength(1);
          }
          expect(build.code).toBe(validate.code);
          if (validate.code === 2) {
            expect(build.err).toBe(validate.err);
            return;
          }
          expect(reportOf(build)).toEqual(reportOf(validate));
          const before = readPackage(await fs.readFile(input)).grids.sheets;
          const after = readPackage(await fs.readFile(output)).grids.sheets;
          expect(after.slice(0, before.length)).toEqual(before);
        }
      ),
      { numRuns: 80, seed: 17, endOnFailure: true }
    );
  }, 120_000);
});
