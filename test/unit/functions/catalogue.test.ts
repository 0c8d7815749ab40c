/** The KPI.* catalogue through the shared runner: math, blanks, text, errors, broadcasting, shapes. */
import { CATALOGUE } from "../../../src/functions/catalogue";
import { FunctionError, run } from "../../../src/functions/runner";

const call = (name: keyof typeof CATALOGUE, ...args: unknown[]) => run(CATALOGUE[name], args);
const one = (name: keyof typeof CATALOGUE, ...args: unknown[]) => call(name, ...args)[0][0];
const code = (v: unknown) => (v instanceof FunctionError ? v.code : v);
const col = (...values: unknown[]) => values.map((v) => [v]);

describe("KPI.ATTAINMENT", () => {
  it("computes each direction with the engine's math", () => {
    expect(one("ATTAINMENT", [[90]], [[100]])).toBe(0.9);
    expect(one("ATTAINMENT", [[110]], [[100]], [["lower"]])).toBeCloseTo(0.9, 12);
    expect(one("ATTAINMENT", [[75]], [[100]], null, [[50]])).toBe(0.5);
    expect(one("ATTAINMENT", [[44]], [[30]], [["Band"]], null, null, null, [[40]])).toBeCloseTo(
      0.9,
      12
    );
    expect(one("ATTAINMENT", [[45]], [[40]], null, [[50]])).toBe(0.5); // inferred lower
  });
  it("caps and floors, with cap and floor arguments", () => {
    expect(one("ATTAINMENT", [[200]], [[100]])).toBe(1.2);
    expect(one("ATTAINMENT", [[-50]], [[100]])).toBe(0);
    expect(one("ATTAINMENT", [[200]], [[100]], null, null, [[1.5]], [[0.5]])).toBe(1.5);
    expect(code(one("ATTAINMENT", [[200]], [[100]], null, null, [[0.5]], [[1]]))).toBe("#VALUE!");
  });
  it("runs over whole ranges in one call and repeats a single cell over the range", () => {
    expect(call("ATTAINMENT", col(50, 100, 150), [[100]])).toEqual([[0.5], [1], [1.2]]);
    expect(call("ATTAINMENT", col(50, 100), col(100, 50))).toEqual([[0.5], [1.2]]);
    expect(call("ATTAINMENT", [[50, 100]], [[100, 100]], [["higher"]])).toEqual([[0.5, 1]]);
  });
  it("gives a blank cell for a blank actual or target, in every way Excel sends blanks", () => {
    expect(call("ATTAINMENT", col(null, undefined, "", "  ", 90), [[100]])).toEqual([
      [""],
      [""],
      [""],
      [""],
      [0.9],
    ]);
    expect(call("ATTAINMENT", col(90, 90), col(100, null))).toEqual([[0.9], [""]]);
  });
  it("treats omitted and blank optional arguments alike", () => {
    for (const omitted of [undefined, null, [[null]], [[""]]]) {
      expect(one("ATTAINMENT", [[90]], [[100]], omitted, omitted, omitted, omitted, omitted)).toBe(
        0.9
      );
    }
  });
  it("reads numbers written as text", () => {
    expect(one("ATTAINMENT", [["1,100"]], [["$1,000"]])).toBeCloseTo(1.1, 12);
    expect(one("ATTAINMENT", [["85%"]], [[1]])).toBe(0.85);
  });
  it("puts #VALUE! with a message in a bad cell only, never in the whole spill", () => {
    const out = call("ATTAINMENT", col(90, "lots", 110, true), [[100]]);
    expect(out.map((r) => code(r[0]))).toEqual([0.9, "#VALUE!", 1.1, "#VALUE!"]);
    expect((out[1][0] as FunctionError).message).toContain('"lots" is not a number');
  });
  it("gives #DIV/0! where attainment is undefined", () => {
    expect(code(one("ATTAINMENT", [[5]], [[0]]))).toBe("#DIV/0!");
    expect(code(one("ATTAINMENT", [[5]], [[10]], null, [[10]]))).toBe("#DIV/0!");
  });
  it("rejects an unknown direction and a range without targetMax", () => {
    expect(code(one("ATTAINMENT", [[5]], [[10]], [["sideways"]]))).toBe("#VALUE!");
    expect(code(one("ATTAINMENT", [[5]], [[10]], [["range"]]))).toBe("#VALUE!");
    expect(code(one("ATTAINMENT", [[5]], [[10]], [["range"]], null, null, null, [[8]]))).toBe(
      "#VALUE!"
    );
  });
  it("gives one #VALUE! for ranges of different shapes", () => {
    const out = call("ATTAINMENT", col(1, 2, 3), col(1, 2));
    expect(out).toHaveLength(1);
    expect(code(out[0][0])).toBe("#VALUE!");
  });
  it("passes an error value from an input cell through to that cell", () => {
    const out = call("ATTAINMENT", col({ code: "notAvailable" }, 90), [[100]]);
    expect(code(out[0][0])).toBe("#N/A");
    expect(out[1][0]).toBe(0.9);
  });
});

describe("error values and data types from input cells (allowErrorForDataTypeAny)", () => {
  const OUTPUT_LEGAL = ["#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!"];
  it("passes output-legal codes through and maps every other code to #VALUE! naming it", () => {
    const incoming = [
      "#N/A",
      "#DIV/0!",
      "#NUM!",
      "#NULL!",
      "#VALUE!",
      "#REF!",
      "#NAME?",
      "#SPILL!",
      "#CALC!",
      "#BUSY!",
      "invalidReference",
      "invalidName",
      "notAvailable",
    ];
    const out = call("ATTAINMENT", col(...incoming.map((c) => ({ code: c }))), [[100]]);
    const codes = out.map((r) => code(r[0]));
    expect(codes).toEqual([
      "#N/A",
      "#DIV/0!",
      "#NUM!",
      "#NULL!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#N/A",
    ]);
    for (const c of codes) expect(OUTPUT_LEGAL).toContain(c);
    expect((out[5][0] as FunctionError).message).toBe("actual: the cell holds #REF!.");
    expect((out[7][0] as FunctionError).message).toBe("actual: the cell holds #SPILL!.");
  });
  it("reads rich error values and whole-range parameters the same way", () => {
    expect(
      code(one("ATTAINMENT", [[{ type: "Error", basicValue: "#REF!", errorType: "Ref" }]], [[1]]))
    ).toBe("#VALUE!");
    expect(code(one("SCORE", col(1, { code: "#NAME?" })))).toBe("#VALUE!");
    expect(code(one("AGGREGATE", [[1, { code: "#SPILL!" }]]))).toBe("#VALUE!");
    expect(code(one("FORECAST", [[1, { code: "#N/A" }]], [[1]], [[2]]))).toBe("#N/A");
  });
  it("uses the basic value of data-type cells (formatted numbers, entities)", () => {
    const formatted = { type: "FormattedNumber", basicValue: 90, numberFormat: "0.0" };
    const entity = { type: "Entity", text: "95", properties: {} };
    expect(one("ATTAINMENT", [[formatted]], [[100]])).toBe(0.9);
    expect(one("ATTAINMENT", [[entity]], [[100]])).toBe(0.95);
    expect(one("VARIANCE", [[{ type: "Double", basicValue: 7 }]], [[5]])).toBe(2);
  });
});

describe("non-finite results (issue 19)", () => {
  const numError = (v: unknown) => {
    expect(code(v)).toBe("#NUM!");
    expect((v as FunctionError).message).toMatch(/too large|not a number|finite/);
  };
  it("gives #NUM! with a message, never NaN or Infinity", () => {
    numError(one("RAW", [[1e308]], [[1e-308]]));
    numError(one("VARIANCE", [[1.7e308]], [[-1.7e308]]));
    numError(one("VARIANCEPCT", [[1.7e308]], [[1e-300]]));
    numError(one("AGGREGATE", [[1.7e308, 1.7e308]], [["sum"]]));
    numError(one("FORECAST", [[1e308]], [[1e-300]], [[10]]));
    numError(one("SCORE", col(1e308, 1e308), col(1e308, 1e308)));
    numError(one("PACE", [[1.7e308]], [[1.7e308]], [[46023]], [[46387]], [[46100]], [[-1.7e308]]));
    numError(one("ATTAINMENT", [[1.7e308]], [[1.7e308]], null, [[-1.7e308]]));
    numError(one("ATTAINMENT", [[Infinity]], [[100]]));
    numError(one("ATTAINMENT", [[NaN]], [[100]]));
  });
});

describe("KPI.RAW", () => {
  it("is uncapped", () => {
    expect(one("RAW", [[300]], [[100]])).toBe(3);
    expect(one("RAW", [[-100]], [[100]])).toBe(-1);
  });
});

describe("KPI.STATUS", () => {
  it("forgives 1e-9 at the band edges", () => {
    expect(one("STATUS", [[0.3 * 3]])).toBe("Amber");
    expect(one("STATUS", [[1 - 5e-10]])).toBe("Green");
    expect(one("STATUS", [[0.9 - 2e-9]])).toBe("Red");
  });
  it("uses greenAt and amberAt, and rejects amberAt above greenAt", () => {
    expect(call("STATUS", col(0.8, 0.6, 0.4), [[0.8]], [[0.5]])).toEqual([
      ["Green"],
      ["Amber"],
      ["Red"],
    ]);
    expect(code(one("STATUS", [[0.8]], [[0.5]], [[0.8]]))).toBe("#VALUE!");
  });
  it("is blank for a blank attainment", () => {
    expect(one("STATUS", [[null]])).toBe("");
  });
  it("reads thresholds that are both 0 (blank cells in some desktop builds) as the defaults", () => {
    expect(call("STATUS", col(0.95, 0.5), [[0]], [[0]])).toEqual([["Amber"], ["Red"]]);
    expect(call("STATUS", col(0.95, 0.5), [[0.9]], [[0]])).toEqual([["Green"], ["Amber"]]);
  });
});

describe("KPI.SCORE", () => {
  it("weighs, normalises, and skips blank attainments", () => {
    expect(one("SCORE", col(1, 0.5), col(3, 1))).toBe(0.875);
    expect(one("SCORE", col(1, 0.5, null), col(30, 10, 60))).toBe(0.875);
    expect(one("SCORE", col(1, 0.5))).toBe(0.75);
  });
  it("counts blank weights as 0 when others are given", () => {
    expect(one("SCORE", col(1, 0.5), col(1, null))).toBe(1);
  });
  it("is blank with nothing to score, #DIV/0! for zero weights, #VALUE! for text or shapes", () => {
    expect(one("SCORE", col(null, ""))).toBe("");
    expect(code(one("SCORE", col(1), col(0)))).toBe("#DIV/0!");
    expect(code(one("SCORE", col(1, "x")))).toBe("#VALUE!");
    expect(code(one("SCORE", col(1, 2), col(1)))).toBe("#VALUE!");
    expect(code(one("SCORE", col(1), col(-1)))).toBe("#VALUE!");
  });
});

describe("KPI.RATING and KPI.RATINGLABEL", () => {
  it("rate with the default bands, forgiving 1e-9", () => {
    expect(call("RATING", col(1.2, 1.1 - 5e-10, 1, 0.9, 0.75, 0.7))).toEqual([
      [5],
      [5],
      [4],
      [3],
      [2],
      [1],
    ]);
    expect(call("RATINGLABEL", col(1.2, 1, 0.9, 0.8, 0))).toEqual([
      ["Exceptional"],
      ["Achieved"],
      ["Largely achieved"],
      ["Partially achieved"],
      ["Not achieved"],
    ]);
  });
  it("take bands as four cells or as text", () => {
    expect(one("RATING", [[0.85]], [[1.2, 1, 0.8, 0.6]])).toBe(3);
    expect(one("RATING", [[0.85]], [["120%, 100%, 80%, 60%"]])).toBe(3);
    expect(code(one("RATING", [[0.85]], [[1, 2, 3, 4]]))).toBe("#VALUE!");
  });
});

describe("KPI.VARIANCE and KPI.VARIANCEPCT", () => {
  it("compute actual − target and its share of |target|", () => {
    expect(one("VARIANCE", [[90]], [[100]])).toBe(-10);
    expect(one("VARIANCEPCT", [[90]], [[100]])).toBe(-0.1);
    expect(one("VARIANCEPCT", [[-90]], [[-100]])).toBe(0.1);
    expect(code(one("VARIANCEPCT", [[1]], [[0]]))).toBe("#DIV/0!");
  });
});

describe("KPI.AGGREGATE", () => {
  it.each([
    ["sum", 9],
    ["average", 3],
    ["last", 3],
    ["min", 1],
    ["max", 5],
    ["Total", 9],
    [null, 3],
  ])("%s of the non-blank cells", (method, expected) => {
    expect(one("AGGREGATE", [[1, null, 5, "", 3]], method === null ? undefined : [[method]])).toBe(
      expected
    );
  });
  it("is blank for no values and #VALUE! for text or an unknown method", () => {
    expect(one("AGGREGATE", [[null]])).toBe("");
    expect(code(one("AGGREGATE", [[1, "x"]]))).toBe("#VALUE!");
    expect(code(one("AGGREGATE", [[1]], [["median"]]))).toBe("#VALUE!");
  });
});

describe("KPI.PRORATE, KPI.PACE, KPI.FORECAST", () => {
  // 2026-01-01 is Excel serial 46023; 2026-12-31 is 46387; 2026-07-02 (day 183 of 365) is 46205.
  it("prorates by elapsed days, inclusive, from serials or ISO text", () => {
    expect(one("PRORATE", [[365]], [[46023]], [[46387]], [[46205]])).toBeCloseTo(183, 9);
    expect(one("PRORATE", [[365]], [["2026-01-01"]], [["2026-12-31"]], [["2027-03-01"]])).toBe(365);
    expect(one("PRORATE", [[365]], [["2026-01-01"]], [["2026-12-31"]], [["2025-12-01"]])).toBe(0);
    expect(
      code(one("PRORATE", [[365]], [["2026-12-31"]], [["2026-01-01"]], [["2026-06-01"]]))
    ).toBe("#VALUE!");
    expect(code(one("PRORATE", [[365]], [["soon"]], [["2026-12-31"]], [["2026-06-01"]]))).toBe(
      "#VALUE!"
    );
  });
  it("measures pace against the straight line from the baseline", () => {
    // Half-way through (day 183 of 365) the line is at 50 + (150 − 50) × 183/365.
    const expected = 50 + 100 * (183 / 365);
    expect(one("PACE", [[expected]], [[150]], [[46023]], [[46387]], [[46205]], [[50]])).toBeCloseTo(
      1,
      12
    );
    expect(one("PACE", [[40]], [[80]], [[46023]], [[46387]], [[46205]])).toBeCloseTo(
      40 / (80 * (183 / 365)),
      12
    );
    expect(code(one("PACE", [[40]], [[80]], [[46023]], [[46387]], [[46000]]))).toBe("#DIV/0!");
  });
  it("forecasts at the run rate", () => {
    expect(one("FORECAST", [[10, 20, 30]], [[3]], [[12]])).toBe(240);
    expect(code(one("FORECAST", [[10]], [[0]], [[12]]))).toBe("#DIV/0!");
    expect(code(one("FORECAST", [[10]], [[-1]], [[12]]))).toBe("#VALUE!");
  });
});
