/**
 * The pane's writer, whose generated sheets the platform deflates (`CompressionStream`): the same
 * package as the synchronous writer's, part for part once inflated, and a zip `unzip -t` passes.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { Package } from "../../../src/adapters/xlsx/package/opc";
import { STORE_BELOW } from "../../../src/adapters/xlsx/package/zip-write";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { writePlan, writePlanAsync } from "../../../src/adapters/xlsx/write";
import { planWorkbook } from "../../../src/planner";
import { partDigests } from "../../support/package-parts";

describe("writePlanAsync", () => {
  it("writes the package writePlan writes, with sheets deflated natively, that unzip -t passes", async () => {
    const reading = readPackage(new Uint8Array(readFileSync(SAMPLE_WORKBOOK)));
    const plan = planWorkbook(analyzeWorkbook(reading.grids));
    const native = await writePlanAsync(reading, plan);
    const sync = writePlan(reading, plan);
    expect(native.sheets).toEqual(sync.sheets);
    expect(native.checksums).toEqual(sync.checksums);
    expect(partDigests(native.bytes)).toEqual(partDigests(sync.bytes));
    // The generated sheets are deflated, not stored: the native deflater wrote them.
    const sheets = [...new Package(native.bytes).entries.values()].filter(
      (e) => /worksheets\/sheet\d+\.xml$/.test(e.name) && e.size >= STORE_BELOW
    );
    expect(sheets.length).toBeGreaterThan(5);
    for (const e of sheets) expect(e.method).toBe(8);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "kpi-async-")), "built.xlsx");
    writeFileSync(file, native.bytes);
    expect(execFileSync("unzip", ["-tq", file]).toString()).toMatch(/No errors detected/);
  });
});
