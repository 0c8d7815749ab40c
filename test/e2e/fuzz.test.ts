/**
 * Fuzzing the command line with the sample workbook: fixed seeds mutate random cells of its sheets
 * into hostile values (formula-like text, error values, huge and odd numbers, dates, unicode,
 * 32,767-character text, blanks), then `build` must keep every promise: exit 0 or 1, a readable
 * output whose user sheets equal the mutated input cell for cell (text stays text), a report whose
 * findings name real rules and real sheets, and the input file unchanged. Bounded in count and time.
 */
import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLE_WORKBOOK, run } from "../../src/cli/main";
import { RULE_IDS } from "../../src/engine/findings";
import { Random, pick, seeded } from "../../src/synthetic/random";

const SEEDS = [11, 23, 47];
const WORKBOOKS_PER_SEED = 8;
const MUTATIONS = 40;
const TIME_BUDGET_MS = 90_000;
const dir = mkdtempSync(path.join(os.tmpdir(), "kpi-fuzz-"));

const HOSTILE: ((r: Random) => ExcelJS.CellValue)[] = [
  () => null,
  () => "",
  () => "   ",
  () => '=HYPERLINK("http://x","y")',
  () => "+1-2",
  () => "@SUM(A1:A9)",
  () => "'quoted",
  () => ({ error: "#N/A" }) as ExcelJS.CellErrorValue,
  (r) =>
    ({
      error: pick(r, ["#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"]),
    }) as ExcelJS.CellErrorValue,
  (r) => (r() - 0.5) * 10 ** Math.floor(r() * 400 - 200),
  () => Number.MAX_VALUE,
  () => -0,
  () => "1e999",
  () => "NaN",
  () => "(5)",
  () => "$1,200.50",
  () => "85%",
  () => "2026-02-30",
  () => "Q5 2026",
  (r) =>
    new Date(
      Date.UTC(1900 + Math.floor(r() * 300), Math.floor(r() * 12), 1 + Math.floor(r() * 28))
    ),
  () => true,
  () => "مؤشر 😀 \u202e",
  () => "x".repeat(32_767),
  (r) => pick(r, ["higher", "LOWER", "range", "sideways", "sum", "avg", "median"]),
  (r) => pick(r, ["K-001", "R-FIN-1", "P01", "OPS", "G1", "O1", "nobody"]),
];

function hash(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Every cell value of the user's sheets, as text, for comparing input and output. */
function cells(wb: ExcelJS.Workbook, sheets: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of sheets) {
    wb.getWorksheet(name)?.eachRow((row, r) =>
      row.eachCell((cell, c) => out.set(`${name}!${r}:${c}`, JSON.stringify(cell.value)))
    );
  }
  return out;
}

describe("fuzzing build with mutated copies of the sample", () => {
  const started = Date.now();
  const cases = SEEDS.flatMap((seed) =>
    Array.from({ length: WORKBOOKS_PER_SEED }, (_, i) => [seed, i] as const)
  );

  it.each(cases)(
    "seed %i, workbook %i",
    async (seed, i) => {
      if (Date.now() - started > TIME_BUDGET_MS) return; // bounded: later cases wait for the next run
      const random = seeded(seed * 1000 + i);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(SAMPLE_WORKBOOK);
      const sheets = wb.worksheets.map((w) => w.name);
      for (let m = 0; m < MUTATIONS; m++) {
        const ws = pick(random, wb.worksheets);
        const row = 1 + Math.floor(random() * (ws.rowCount + 2));
        const col = 1 + Math.floor(random() * (ws.columnCount + 1));
        ws.getCell(row, col).value = pick(random, HOSTILE)(random);
      }
      const input = path.join(dir, `fuzz-${seed}-${i}.xlsx`);
      await wb.xlsx.writeFile(input);
      const before = hash(input);
      const output = input.replace(/\.xlsx$/, ".out.xlsx");
      const json = input.replace(/\.xlsx$/, ".json");
      const errors: string[] = [];
      const code = await run(["build", input, "-o", output, "--json", json], {
        out: () => undefined,
        err: (t) => errors.push(t),
      });

      expect(errors).toEqual([]);
      expect([0, 1]).toContain(code);
      expect(hash(input)).toBe(before);
      expect(existsSync(output)).toBe(true);
      const report = JSON.parse(readFileSync(json, "utf8"));
      for (const f of report.findings) {
        expect(RULE_IDS).toContain(f.rule);
        if (f.sheet !== null) expect(sheets).toContain(f.sheet);
      }
      expect(code).toBe(
        report.findings.some((f: { severity: string }) => f.severity === "error") ? 1 : 0
      );

      const written = new ExcelJS.Workbook();
      await written.xlsx.readFile(output);
      const reread = new ExcelJS.Workbook();
      await reread.xlsx.readFile(input);
      expect(cells(written, sheets)).toEqual(cells(reread, sheets));
    },
    60_000
  );
});
