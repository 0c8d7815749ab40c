/**
 * `diff` on pairs of workbooks made by scripted edits of the sample: it names exactly the edits
 * made, explains every score that moved, and lists the largest movement first.
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Output, run } from "../../../src/cli/main";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { editSheet } from "../../../src/adapters/xlsx/write";
import { describeChange, diffAnalyses } from "../../../src/engine/diff/diff";
import { SheetGrid } from "../../../src/engine/grid";
import { sampleCompany } from "../../../src/synthetic/sample-company";
import { sheetDataToBuffer } from "../../../src/synthetic/write-xlsx";
import { EDITS, Expected, analyse, scripted } from "../../support/scripted-edits";

const key = (c: Expected) => `${c.kind} ${c.id} ${c.field}`;

describe("diff of scripted edits", () => {
  it("names no change between a workbook and itself", () => {
    const a = analyse(sampleCompany());
    expect(diffAnalyses(a, analyse(sampleCompany()))).toMatchObject({ changes: [], movements: [] });
  });

  it("names exactly the edits made, whatever the mix", () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(EDITS), { minLength: 1 }), (names) => {
        const { before, after, expected } = scripted(names);
        const diff = diffAnalyses(before, after);
        expect(diff.changes.map(key).sort()).toEqual(expected.map(key).sort());
        for (const m of diff.movements) expect(m.changes.length).toBeGreaterThan(0);
        const sizes = diff.movements.map((m) => Math.abs(m.delta ?? m.before ?? m.after ?? 0));
        expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
      }),
      { numRuns: 25 }
    );
  });

  it("traces a check-in edit up to its KRA and owner, largest movement first", () => {
    const { before, after, expected } = scripted(["editCheckIn"]);
    const kpi = expected[0].id as string;
    const kra = before.model.kpis.get(kpi)?.kra as string;
    const owner = before.model.kras.get(kra)?.owner as string;
    const diff = diffAnalyses(before, after);
    const moved = diff.movements.map((m) => `${m.entity} ${m.id}`);
    expect(moved).toEqual(expect.arrayContaining([`kpi ${kpi}`, `kra ${kra}`, `owner ${owner}`]));
    for (const m of diff.movements) expect(m.changes).toEqual([0]);
    expect(describeChange(diff.changes[0])).toMatch(
      new RegExp(`^Check-in for KPI ${kpi}, period ending 2\\d{3}-\\d\\d-\\d\\d, edited: .+ → .+$`)
    );
  });
});

describe("kpi-cascade diff", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-diff-"));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  const capture = () => {
    const io = {
      stdout: "",
      stderr: "",
      out: (t: string) => void (io.stdout += `${t}\n`),
      err: (t: string) => void (io.stderr += `${t}\n`),
    };
    return io as Output & { stdout: string; stderr: string };
  };

  it("prints the movements with their changes, and the JSON on stdout with --json -", async () => {
    const { sheets, expected } = scripted(["reviseTarget", "addCheckIn"]);
    const [a, b] = [path.join(dir, "before.xlsx"), path.join(dir, "after.xlsx")];
    await fs.writeFile(a, await sheetDataToBuffer(sampleCompany()));
    await fs.writeFile(b, await sheetDataToBuffer(sheets));
    const io = capture();
    expect(await run(["diff", a, b, "--json", "-"], io)).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report.changes.map(key).sort()).toEqual(expected.map(key).sort());
    expect(report.movements[0].changes.length).toBeGreaterThan(0);
    expect(io.stderr).toContain("Moved, largest first:");
    expect(io.stderr).toContain(`Target of KPI ${expected[0].id} revised`);

    const asOf = capture();
    expect(await run(["diff", a, a, "--as-of", "2026-03-31"], asOf)).toBe(0);
    expect(asOf.stdout).toContain("0 changes, 0 scores moved.");
  });

  it("needs two workbooks, or one built workbook", async () => {
    const io = capture();
    expect(await run(["diff"], io)).toBe(2);
    expect(io.stderr).toContain("diff needs two workbooks, or one built workbook");
    const plain = path.join(dir, "plain.xlsx");
    await fs.writeFile(plain, await sheetDataToBuffer(sampleCompany()));
    const none = capture();
    expect(await run(["diff", plain], none)).toBe(2);
    expect(none.stderr).toContain("holds no figures of a last build");
  });

  it("with one built workbook, compares it with the figures its last build kept", async () => {
    const input = path.join(dir, "input.xlsx");
    const out = path.join(dir, "built.xlsx");
    await fs.writeFile(input, await sheetDataToBuffer(sampleCompany()));
    expect(await run(["build", input, "-o", out, "--as-of", "2026-06-30"], capture())).toBe(1);
    const same = capture();
    expect(await run(["diff", out, "--as-of", "2026-06-30"], same)).toBe(0);
    expect(same.stdout).toContain(
      `${out} (last build) (as of 2026-06-30) → ${out} (as of 2026-06-30)`
    );
    expect(same.stdout).toContain("0 changes, 0 scores moved.");

    // An analyst edits a check-in of the built workbook: diff names it, as between two files.
    const reading = readPackage(await fs.readFile(out));
    const checkIns = reading.grids.sheets.find((s) => s.name === "Check-ins") as SheetGrid;
    const row = checkIns.rows.findIndex((r, i) => i > 0 && typeof r[2] === "number");
    const edited = path.join(dir, "edited.xlsx");
    await fs.writeFile(
      edited,
      editSheet(reading, {
        sheet: "Check-ins",
        create: false,
        writes: [{ address: `C${row + 1}`, value: (checkIns.rows[row][2] as number) + 50 }],
      })
    );
    const io = capture();
    expect(await run(["diff", edited, "--as-of", "2026-06-30", "--json", "-"], io)).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report.changes).toEqual([
      {
        kind: "check-in-edited",
        entity: "kpi",
        id: checkIns.rows[row][0],
        field: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        before: checkIns.rows[row][2],
        after: (checkIns.rows[row][2] as number) + 50,
      },
    ]);
    expect(report.before).toBe(`${edited} (last build)`);
    expect(report.movements[0].changes).toHaveLength(1);
    expect(io.stderr).toContain("Moved, largest first:");
  });
});
