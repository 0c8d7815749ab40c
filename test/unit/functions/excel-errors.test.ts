/** Errors cross into Excel as CustomFunctions.Error, with a message only where Excel shows one. */
import { forExcel } from "../../../src/functions/excel-errors";
import { FunctionError } from "../../../src/functions/runner";

class StubError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
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
  };
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

it("replaces error cells only, keeping messages for #VALUE! and #N/A", () => {
  const out = forExcel([
    [1, new FunctionError("#VALUE!", "bad")],
    ["Green", new FunctionError("#DIV/0!", "zero")],
  ]);
  expect(out[0][0]).toBe(1);
  expect(out[1][0]).toBe("Green");
  expect(out[0][1]).toEqual(new StubError("#VALUE!", "bad"));
  expect(out[1][1]).toEqual(new StubError("#DIV/0!"));
});

it("never hands Excel an error without a code, whatever error arrives in a cell", async () => {
  const { attainment } = await import("../../../src/functions/functions");
  const incoming = ["#SPILL!", "#REF!", "#NAME?", "#CALC!", "#N/A", "#NUM!"].map((code) => [
    { code },
  ]);
  const out = attainment(incoming, [[100]]) as StubError[][];
  expect(out.map((r) => r[0].code)).toEqual([
    "#VALUE!",
    "#VALUE!",
    "#VALUE!",
    "#VALUE!",
    "#N/A",
    "#NUM!",
  ]);
  expect(out[0][0].message).toBe("actual: the cell holds #SPILL!.");
  expect(out[5][0].message).toBeUndefined();
});
