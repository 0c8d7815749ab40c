/** validateSettingValue: the Settings form's check, with the engine's own reading rules. */
import { validateSettingValue } from "../../../src/engine/settings-validation";

describe("validateSettingValue", () => {
  it("accepts what the engine reads", () => {
    expect(validateSettingValue("Cap", "1.5")).toBeNull();
    expect(validateSettingValue("Cap", "150%")).toBeNull();
    expect(validateSettingValue("As Of", "31/03/2026")).toBeNull();
    expect(validateSettingValue("Date Order", "DMY")).toBeNull();
    expect(validateSettingValue("Coverage Min", "50%")).toBeNull();
    expect(validateSettingValue("Rating Bands", "1.1, 1, 0.9, 0.75")).toBeNull();
  });
  it("rejects what the engine rejects, with its message", () => {
    expect(validateSettingValue("Cap", "abc")).toMatch(/"abc", which is not a number/);
    expect(validateSettingValue("As Of", "31/31/2026")).toMatch(/not a date/);
    expect(validateSettingValue("Rating Bands", "1, 2, 3, 4")).toMatch(/descending/);
    expect(validateSettingValue("Date Order", "YMD")).toMatch(/DMY, MDY or auto/);
    expect(validateSettingValue("Coverage Min", "150")).toMatch(/between 0 and 1/);
    expect(validateSettingValue("KRA Count Min", "2.5")).toMatch(/whole number/);
  });
  it("checks a setting against its pair", () => {
    expect(validateSettingValue("Amber At", "1.2", { "Green At": "1" })).toMatch(
      /Amber At \(1.2\) is above Green At \(1\)/
    );
    expect(validateSettingValue("Green At", "0.8", { "Amber At": "0.9" })).toMatch(
      /above Green At/
    );
    expect(validateSettingValue("Amber At", "0.8", { "Green At": "1" })).toBeNull();
    expect(
      validateSettingValue("Cycle End", "2026-01-01", { "Cycle Start": "2026-12-31" })
    ).toMatch(/before Cycle Start/);
  });
  it("does not blame this setting for another one's problem", () => {
    expect(validateSettingValue("Cap", "1.5", { Floor: "abc" })).toBeNull();
  });
});
