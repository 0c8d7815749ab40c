/**
 * The built functions bundle, as Excel's JavaScript-only runtime loads it: dist/functions.js in a
 * bare Node sandbox (no DOM, no window) with a stub CustomFunctions global. Every id in
 * dist/functions.json must be associated and answer a sample call.
 */
import { execFileSync } from "child_process";
import { readFileSync, statSync } from "fs";
import * as path from "path";
import * as vm from "vm";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");

class StubError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

const associated = new Map<string, (...args: unknown[]) => unknown>();
let metadata: {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string }[];
  }[];
};
let bundle: string;

beforeAll(() => {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"],
    { cwd: ROOT, stdio: "pipe" }
  );
  bundle = readFileSync(path.join(DIST, "functions.js"), "utf8");
  metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8"));
  const sandbox = {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
      Error: StubError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        divisionByZero: "#DIV/0!",
        notAvailable: "#N/A",
        invalidNumber: "#NUM!",
        invalidReference: "#REF!",
        invalidName: "#NAME?",
        nullReference: "#NULL!",
      },
    },
  };
  vm.runInNewContext(bundle, sandbox, { filename: "functions.js" });
}, 120_000);

const SAMPLES: Record<string, [unknown[], unknown]> = {
  ATTAINMENT: [
    [[[90], [200]], [[100]]],
    [[0.9], [1.2]],
  ],
  RAW: [[[[200]], [[100]]], [[2]]],
  STATUS: [[[[0.95], [1], [0.5]]], [["Amber"], ["Green"], ["Red"]]],
  SCORE: [
    [
      [[1], [0.5]],
      [[3], [1]],
    ],
    [[0.875]],
  ],
  RATING: [[[[1.05]]], [[4]]],
  RATINGLABEL: [[[[1.05]]], [["Achieved"]]],
  VARIANCE: [[[[90]], [[100]]], [[-10]]],
  VARIANCEPCT: [[[[90]], [[100]]], [[-0.1]]],
  AGGREGATE: [[[[1, 5, 3]], [["max"]]], [[5]]],
  PRORATE: [[[[365]], [["2026-01-01"]], [["2026-12-31"]], [["2026-12-31"]]], [[365]]],
  PACE: [[[[100]], [[100]], [["2026-01-01"]], [["2026-12-31"]], [["2026-12-31"]]], [[1]]],
  FORECAST: [[[[10, 20, 30]], [[3]], [[12]]], [[240]]],
};

describe("dist/functions.js in the JavaScript-only runtime", () => {
  it("associates every function of functions.json, in the KPI catalogue", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids).toEqual(Object.keys(SAMPLES).sort());
    expect([...associated.keys()].sort()).toEqual(ids);
  });

  it.each(Object.entries(SAMPLES))("%s answers a sample call", (id, [args, expected]) => {
    expect(associated.get(id)?.(...args)).toEqual(expected);
  });

  it("returns a per-cell CustomFunctions.Error for bad input", () => {
    const out = associated.get("ATTAINMENT")?.([[90], ["lots"]], [[100]]) as unknown[][];
    expect(out[0][0]).toBe(0.9);
    expect(out[1][0]).toBeInstanceOf(StubError);
    expect((out[1][0] as StubError).code).toBe("#VALUE!");
  });

  it("documents every function and parameter for the formula tooltip", () => {
    for (const f of metadata.functions) {
      expect(f.description.length).toBeGreaterThan(15);
      for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(5);
    }
  });

  it("is small and carries no React, ExcelJS or DOM code", () => {
    const size = statSync(path.join(DIST, "functions.js")).size;
    expect(size).toBeLessThanOrEqual(60 * 1024);
    for (const word of ["react", "exceljs", "document.", "window."])
      expect(bundle.toLowerCase()).not.toContain(word);
  });
});
