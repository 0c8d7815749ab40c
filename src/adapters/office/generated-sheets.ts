/**
 * Which sheets an earlier build wrote, proven rather than claimed: a marker name
 * (`KPICascade_<kind>_<checksum>`, planner/generated.ts) points at the sheet, and the sheet still
 * holds exactly what the checksum says — the same proof the package writer asks of a file. A
 * sheet a user edited, or one a copied or typed marker points at, is the user's and is kept.
 */
import { a1 } from "../../engine/address";
import { ContentChecksum } from "../../planner/generated";
import { readInBlocks, RESPONSE_BUDGET_BYTES, UsedRange } from "./range-blocks";
import { jsonBytes } from "./request-size";

export interface MarkerClaim {
  sheet: string;
  checksum: string | null;
}

/**
 * `range.formulas` gives a formula's text and a constant's value; a text constant that starts
 * with `=` (written with Excel's `'` prefix) reads the same in `values`, a formula does not.
 */
function isFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value;
}

/** The sheets, of those claimed, whose content still has the checksum their marker carries. */
export async function verifiedSheets(
  context: Excel.RequestContext,
  claims: readonly MarkerClaim[],
  sync: () => Promise<void>,
  budgetBytes = RESPONSE_BUDGET_BYTES
): Promise<Set<string>> {
  const checked = claims.filter((c) => c.checksum !== null);
  if (!checked.length) return new Set();
  const used = checked.map((c) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(c.sheet);
    return { claim: c, sheet, range: sheet.getUsedRangeOrNullObject(true) };
  });
  for (const u of used) u.range.load("rowIndex,columnIndex,rowCount,columnCount");
  await sync();

  const sums = new Map<string, ContentChecksum>();
  const ranges: UsedRange[] = [];
  for (const { claim, sheet, range } of used) {
    if (sheet.isNullObject || sums.has(claim.sheet)) continue;
    sums.set(claim.sheet, new ContentChecksum());
    if (range.isNullObject) continue;
    ranges.push({
      sheet: claim.sheet,
      top: range.rowIndex,
      left: range.columnIndex,
      rows: range.rowCount,
      columns: range.columnCount,
    });
  }
  await readInBlocks(context, ranges, "values,formulas", budgetBytes, sync, (u, from, range) => {
    const sum = sums.get(u.sheet) as ContentChecksum;
    range.formulas.forEach((row, r) =>
      row.forEach((formula: unknown, c) => {
        const value: unknown = range.values[r][c];
        const address = a1(u.top + from + r, u.left + c);
        if (isFormula(formula, value)) sum.add(address, { formula: true });
        else if (typeof value === "number" || typeof value === "boolean")
          sum.add(address, { value });
        else if (typeof value === "string" && value !== "") sum.add(address, { value });
      })
    );
    return jsonBytes(range.values) + jsonBytes(range.formulas);
  });

  const verified = new Set<string>();
  for (const c of checked) if (sums.get(c.sheet)?.digest() === c.checksum) verified.add(c.sheet);
  return verified;
}
