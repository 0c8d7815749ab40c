import { readFileSync } from "fs";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { planWorkbook } from "../../../src/planner";
import { Recalculated } from "../../support/recalc";
import { parseA1 } from "../../../src/engine/address";
it("dbg", () => {
  const grids = readPackage(readFileSync(SAMPLE_WORKBOOK)).grids;
  const analysis = analyzeWorkbook(grids);
  const plan = planWorkbook(analysis);
  const book = Recalculated.of(grids, plan);
  const errs = book.errors(plan.sheets.map((s) => s.name));
  const seen = new Set<string>();
  for (const e of errs) {
    const [where, msg] = e.split(": ");
    const [sheet, cell] = where.split("!");
    const p = parseA1(cell)!;
    const key = sheet + msg.slice(0, 40) + p.col;
    if (seen.has(key)) continue;
    seen.add(key);
    const f = plan.sheets.find((s) => s.name === sheet)!.rows[p.row][p.col];
    console.log(e, "\n   ", f?.formula?.slice(0, 600));
  }
  console.log(errs.length);
});
