/**
 * The checksum a generated sheet's marker carries: workbooks built by earlier versions carry it
 * too, so its value may never change (a sheet whose sum no longer matches is taken for edited and
 * kept beside the new one), however it is computed.
 */
import * as fc from "fast-check";
import { ContentChecksum, twelveDigits } from "../../../src/planner/generated";

const reference = (n: number) => String(Number(n.toPrecision(12)));

it("gives the value earlier versions gave for the same cells", () => {
  const sum = new ContentChecksum();
  const cells: [string, { formula: true } | { value: string | number | boolean }][] = [
    ["A1", { formula: true }],
    ["B1", { value: 0.7999400763349216 }],
    ["C1", { value: -12.5 }],
    ["D1", { value: 1e-7 }],
    ["E1", { value: 999999999999.9 }],
    ["F1", { value: 123456789012345 }],
    ["G1", { value: "Ann Lee" }],
    ["H1", { value: true }],
    ["I1", { value: false }],
    ["J1", { value: 0 }],
    ["K1", { value: -0 }],
    ["L1", { value: 0.1 + 0.2 }],
    ["M1", { value: 1 / 3 }],
    ["N1", { value: 2.5e-6 }],
    ["O1", { value: 42 }],
  ];
  for (const [address, content] of cells) sum.add(address, content);
  // Computed by the version before twelveDigits, which converted every number twice.
  expect(sum.digest()).toBe("7e92eff7b81e610d");
});

it("takes a sheet's address as column and row as it takes the whole address", () => {
  const whole = new ContentChecksum();
  whole.add("AB12", { value: 3.25 });
  whole.add("AC12", { formula: true });
  const parts = new ContentChecksum();
  parts.addValue("AB", "12", 3.25);
  parts.addFormula("AC", "12");
  expect(parts.digest()).toBe(whole.digest());
});

describe("twelve significant digits", () => {
  it("are the reference conversion's on any double", () => {
    fc.assert(
      fc.property(fc.double(), (n) => expect(twelveDigits(n)).toBe(reference(n))),
      { numRuns: 5_000 }
    );
  });

  it("are the reference conversion's at every magnitude and at the edges of the short path", () => {
    const edges = [1e-6, 9.99999999999e-7, 999999999999.9, 999999999999.4, 1e12, -1e12, 1e21];
    for (const n of edges) expect(twelveDigits(n)).toBe(reference(n));
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 30 }), fc.double({ min: 1, max: 10 }), (e, m) => {
        const n = m * 10 ** e;
        expect(twelveDigits(n)).toBe(reference(n));
        expect(twelveDigits(-n)).toBe(reference(-n));
      }),
      { numRuns: 5_000 }
    );
  });
});
