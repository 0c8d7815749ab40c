import {
  dayFromYmd,
  isoFromDay,
  dayFromExcelSerial,
  excelSerialFromDay,
} from "../../../src/engine/dates";
import {
  ParseFailure,
  parseAggregation,
  parseDate,
  parseDirection,
  parseFrequency,
  parseId,
  parseNumber,
  parseNumberText,
  parsePeriod,
  parseYesNo,
} from "../../../src/engine/values";

const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d) as number;

describe("numbers", () => {
  it.each([
    ["1,200", 1200],
    ["$1,200.50", 1200.5],
    ["85%", 0.85],
    [" 42 ", 42],
    ["(5)", -5],
    ["-3.5", -3.5],
    ["+7", 7],
    ["€3", 3],
    ["-$5", -5],
    ["$-5", -5],
    ["12 €", 12],
    ["1 200 000", 1200000],
    ["1e3", 1000],
    [".5", 0.5],
    ["(12.5%)", -0.125],
    ["1\u00a0200", 1200],
  ])("reads %j as %p", (text, value) => {
    expect(parseNumberText(text)).toBeCloseTo(value, 12);
  });

  it("reads 85% as exactly 0.85, the value of a percent-formatted cell", () => {
    expect(parseNumberText("85%")).toBe(0.85);
  });

  it.each([
    "",
    "abc",
    "1,20",
    "12,34,567",
    "1.2.3",
    "--5",
    "TBD",
    "5 kg",
    "$",
    "%",
    "()",
    "1e",
    "Infinity",
    "NaN",
  ])("rejects %j", (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it("tags blanks, errors and non-numbers", () => {
    expect(parseNumber(null)).toEqual(null);
    expect(parseNumber("   ")).toEqual(null);
    expect(parseNumber({ error: "#DIV/0!" })).toEqual(new ParseFailure("error", "#DIV/0!"));
    expect(parseNumber(true)).toMatchObject({ kind: "invalid" });
    expect(parseNumber(new Date())).toMatchObject({ kind: "invalid" });
    expect(parseNumber(Number.NaN)).toMatchObject({ kind: "invalid" });
    expect(parseNumber(0.85)).toEqual(0.85);
  });
});

describe("IDs", () => {
  it("treats 7 and '7' as the same ID and trims spaces", () => {
    expect(parseId(7)).toEqual("7");
    expect(parseId(" 7 ")).toEqual("7");
  });
  it("keeps case", () => {
    expect(parseId("k-1")).toEqual("k-1");
  });
});

describe("dates", () => {
  it("reads Excel serials, JS dates and ISO text", () => {
    expect(parseDate(46112)).toEqual(day(2026, 3, 31));
    expect(parseDate(new Date(Date.UTC(2026, 2, 31)))).toEqual(day(2026, 3, 31));
    expect(parseDate("2026-03-31")).toEqual(day(2026, 3, 31));
    expect(parseDate("2026-03-31T00:00:00Z")).toEqual(day(2026, 3, 31));
  });
  it("rejects impossible dates and other text", () => {
    expect(parseDate("2026-02-30")).toMatchObject({ kind: "invalid" });
    expect(parseDate("31/13/2026")).toMatchObject({ kind: "invalid" });
    expect(parseDate(-4)).toMatchObject({ kind: "invalid" });
  });
  it("round-trips Excel serials, including around Excel's fictitious 1900-02-29", () => {
    for (const serial of [1, 59, 61, 25569, 46112, 2958465]) {
      expect(excelSerialFromDay(dayFromExcelSerial(serial) as number)).toBe(serial);
    }
    expect(isoFromDay(dayFromExcelSerial(1) as number)).toBe("1900-01-01");
    expect(isoFromDay(dayFromExcelSerial(61) as number)).toBe("1900-03-01");
  });
});

describe("periods", () => {
  const end = (v: Parameters<typeof parsePeriod>[0]) => {
    const p = parsePeriod(v);
    return p instanceof ParseFailure ? p.kind : p === null ? "blank" : isoFromDay(p.end);
  };
  it.each([
    ["2026-03-15", "2026-03-15"],
    ["2026-03", "2026-03-31"],
    ["2026-02", "2026-02-28"],
    ["2028-02", "2028-02-29"],
    ["Mar 2026", "2026-03-31"],
    ["march 2026", "2026-03-31"],
    ["Sept 2026", "2026-09-30"],
    ["Mar-2026", "2026-03-31"],
    ["2026-Q1", "2026-03-31"],
    ["2026 Q4", "2026-12-31"],
    ["Q2 2026", "2026-06-30"],
    ["Q3-2026", "2026-09-30"],
    ["q1-2026", "2026-03-31"],
    ["2026", "2026-12-31"],
    ["FY2026", "2026-12-31"],
    ["fy 2026", "2026-12-31"],
  ])("%j ends on %s", (text, iso) => {
    expect(end(text)).toBe(iso);
  });
  it("reads a whole number 1000-9999 as a year and other numbers as serials", () => {
    expect(end(2026)).toBe("2026-12-31");
    expect(end(46112)).toBe("2026-03-31");
    expect(end(new Date(Date.UTC(2026, 0, 31)))).toBe("2026-01-31");
  });
  it.each(["2026-13", "Q5 2026", "Smarch 2026", "next month", "2026-00"])("rejects %j", (text) => {
    expect(end(text)).toBe("invalid");
  });
});

describe("enumerations", () => {
  it.each([
    ["Higher is better", "higher"],
    ["UP", "higher"],
    ["increase", "higher"],
    ["Max", "higher"],
    ["Maximise", "higher"],
    ["maximize", "higher"],
    ["Lower is better", "lower"],
    ["lower-is-better", "lower"],
    ["Down", "lower"],
    ["Decrease", "lower"],
    ["min", "lower"],
    ["Minimise", "lower"],
    ["Minimize", "lower"],
    ["Target range", "range"],
    ["Band", "range"],
    ["within", "range"],
  ])("direction %j is %s", (text, value) => {
    expect(parseDirection(text)).toEqual(value);
  });
  it.each([
    ["Total", "sum"],
    ["Cumulative", "sum"],
    ["Avg", "average"],
    ["Mean", "average"],
    ["Latest", "last"],
    ["Point in time", "last"],
    ["MIN", "min"],
    ["max", "max"],
  ])("aggregation %j is %s", (text, value) => {
    expect(parseAggregation(text)).toEqual(value);
  });
  it("frequency knows yearly as annual", () => {
    expect(parseFrequency("Yearly")).toEqual("annual");
  });
  it("rejects unknown words", () => {
    expect(parseDirection("sideways")).toMatchObject({ kind: "invalid" });
    expect(parseAggregation("median")).toMatchObject({ kind: "invalid" });
  });
  it("reads yes/no settings", () => {
    expect(parseYesNo("Yes")).toEqual(true);
    expect(parseYesNo(false)).toEqual(false);
    expect(parseYesNo("maybe")).toMatchObject({ kind: "invalid" });
  });
});
