/** Properties that must hold for every input: no throw, findings that point at real cells, bounded scores, order independence. */
import fc from "fast-check";
import { parseA1 } from "../../../src/engine/address";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { RULE_IDS } from "../../../src/engine/findings";
import { CellValue } from "../../../src/engine/grid";
import { parseNumberText } from "../../../src/engine/values";
import { arbitraryOrganisation, arbitraryWorkbook } from "../../support/arbitraries";
import { AS_OF, workbook } from "../../support/workbook";

const RUNS = { numRuns: 300 };

describe("arbitrary grids", () => {
  it("never make the engine throw, and every finding names a spec rule and a cell of the input", () => {
    fc.assert(
      fc.property(arbitraryWorkbook, (wb) => {
        const { findings } = analyzeWorkbook(wb, { today: AS_OF });
        for (const f of findings) {
          expect(RULE_IDS).toContain(f.rule);
          expect(f.message.length).toBeGreaterThan(10);
          if (wb.sheets.length === 0) continue;
          const sheet = wb.sheets.find((s) => s.name === f.sheet);
          expect(sheet).toBeDefined();
          const at = parseA1(f.cell ?? "");
          expect(at).not.toBeNull();
          if (f.entity === "workbook") continue;
          const top = sheet?.rowOffset ?? 0;
          expect((at as { row: number }).row).toBeGreaterThanOrEqual(top);
          expect((at as { row: number }).row).toBeLessThan(
            top + Math.max(1, sheet?.rows.length ?? 0)
          );
          expect((at as { col: number }).col).toBeGreaterThanOrEqual(sheet?.colOffset ?? 0);
        }
      }),
      RUNS
    );
  });
});

describe("well-formed organisations", () => {
  it("keep every attainment and score within [floor, cap]", () => {
    fc.assert(
      fc.property(arbitraryOrganisation, (sheets) => {
        const { scores, model } = analyzeWorkbook(workbook(sheets), { today: AS_OF });
        const { floor, cap } = model.settings;
        const inRange = (x: number | null) =>
          x === null || (x >= floor - 1e-12 && x <= cap + 1e-12);
        for (const k of scores.kpis.values()) expect(inRange(k.attainment)).toBe(true);
        for (const k of scores.kras.values())
          expect(inRange(k.score) && inRange(k.cascadeScore)).toBe(true);
        for (const o of scores.owners.values()) expect(inRange(o.score)).toBe(true);
        for (const map of [scores.units, scores.objectives, scores.goals])
          for (const v of map.values()) expect(inRange(v)).toBe(true);
      }),
      RUNS
    );
  });

  it("give the same scores whatever the order of the rows in any sheet", () => {
    const shuffled = fc.tuple(arbitraryOrganisation, fc.integer()).map(([sheets, seed]) => {
      let s = seed;
      const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x7fffffff);
      const shuffle = (rows: CellValue[][]) => {
        const body = rows.slice(1);
        for (let i = body.length - 1; i > 0; i--) {
          const j = Math.floor(next() * (i + 1));
          [body[i], body[j]] = [body[j], body[i]];
        }
        return [rows[0], ...body];
      };
      const copy = Object.fromEntries(
        Object.entries(sheets).map(([name, rows]) => [
          name,
          name === "Settings" ? rows : shuffle(rows),
        ])
      );
      return [sheets, copy] as const;
    });
    fc.assert(
      fc.property(shuffled, ([original, reordered]) => {
        const a = analyzeWorkbook(workbook(original), { today: AS_OF }).scores;
        const b = analyzeWorkbook(workbook(reordered), { today: AS_OF }).scores;
        const same = (x: number | null | undefined, y: number | null | undefined) =>
          x === null || x === undefined
            ? expect(y ?? null).toBeNull()
            : expect(y).toBeCloseTo(x, 9);
        for (const [id, k] of a.kpis) same(k.attainment, b.kpis.get(id)?.attainment);
        for (const [id, k] of a.kras) {
          same(k.score, b.kras.get(id)?.score);
          same(k.cascadeScore, b.kras.get(id)?.cascadeScore);
        }
        for (const [id, o] of a.owners) same(o.score, b.owners.get(id)?.score);
        for (const [id, u] of a.units) same(u, b.units.get(id));
      }),
      RUNS
    );
  });
});

describe("the number parser", () => {
  it("reads back numbers written the ways people write them", () => {
    const formatted = fc
      .tuple(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom("plain", "comma", "dollar", "paren", "percent", "minus")
      )
      .map(([whole, cents, style]) => {
        const value = whole + cents / 100;
        const grouped = whole.toLocaleString("en-US") + `.${String(cents).padStart(2, "0")}`;
        const text = {
          plain: value.toFixed(2),
          comma: grouped,
          dollar: `$${grouped}`,
          paren: `(${grouped})`,
          percent: `${value.toFixed(2)}%`,
          minus: `-${grouped}`,
        }[style];
        const expected =
          style === "paren" || style === "minus"
            ? -value
            : style === "percent"
              ? value / 100
              : value;
        return { text, expected };
      });
    fc.assert(
      fc.property(formatted, ({ text, expected }) => {
        expect(parseNumberText(text)).toBeCloseTo(expected, 9);
      }),
      { numRuns: 1000 }
    );
  });
  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = parseNumberText(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 2000 }
    );
  });
});
