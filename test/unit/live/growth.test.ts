/**
 * Growth without a rebuild (SPEC 8, issue 12): check-ins typed in the rows below the user's
 * check-ins count, as the engine would count them; one typed below that room is a finding at the
 * next validate.
 */
import { HyperFormula } from "hyperformula";
import { a1 } from "../../../src/engine/address";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { dayFromYmd, excelSerialFromDay } from "../../../src/engine/dates";
import { CellValue, WorkbookGrids } from "../../../src/engine/grid";
import { roomRows } from "../../../src/engine/sources/period-cells";
import { isFailure, parsePeriod } from "../../../src/engine/values";
import { planWorkbook } from "../../../src/planner";
import { periodEndFormula } from "../../../src/planner/periods-sheet";
import { Recalculated, forHyperFormula, rawOf } from "../../support/recalc";
import { mismatches } from "../../support/scorecard-check";
import { KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";

const TODAY = dayFromYmd(2026, 6, 30) as number;

function book(): WorkbookGrids {
  return workbook({
    KRAs: [KRA_HEADER, kra("R1", { owner: "P1" })],
    KPIs: [
      KPI_HEADER,
      kpi("K1", { kra: "R1", target: 120, aggregation: "sum" }),
      kpi("K2", { kra: "R1", target: 50, aggregation: "last" }),
      kpi("K3", { kra: "R1", target: 10, aggregation: "average", actual: 9 }),
      kpi("K4", { kra: "R1", target: 5, aggregation: "min" }),
      kpi("K*5", { kra: "R1", target: 5, aggregation: "max" }),
    ],
    Actuals: [
      ["KPI ID", "Period", "Actual"],
      ["K1", "2026-01", 20],
      ["K2", "2026-03", 40],
      ["K2", "2026-03", 44],
      ["K4", "Q1 2026", 6],
      ["K*5", "2026-02-28", 4],
    ],
    Settings: [
      ["Setting", "Value"],
      ["Cycle Start", "2026-01-01"],
      ["Cycle End", "2026-12-31"],
    ],
  });
}

function appended(grids: WorkbookGrids, rows: CellValue[][]): WorkbookGrids {
  const copy = structuredClone(grids);
  const actuals = copy.sheets.find((s) => s.name === "Actuals") as { rows: CellValue[][] };
  actuals.rows.push(...rows);
  return copy;
}

describe("check-ins added below the others", () => {
  const grids = book();
  const plan = planWorkbook(analyzeWorkbook(grids, { today: TODAY }));
  const typed: CellValue[][] = [
    ["K1", "Feb 2026", 25], // a month name
    ["K2", "2026-03", 47], // the same period as two earlier rows: the newest row is `last`
    [" K3 ", "2026-Q2", 8], // a KPI that read its Actual cell: now its check-ins count
    ["K4", excelSerialFromDay(dayFromYmd(2026, 5, 31) as number), 3], // a date
    ["K*5", "FY2026", 9], // an ID with a wildcard character; a year, ending after the as-of date
    ["K1", "2026-12", 99], // after the as-of date: not counted
  ];

  it("count in the scorecard as the engine counts them, and nothing else moves", () => {
    const sheet = Recalculated.of(grids, plan);
    typed.forEach((line, i) =>
      line.forEach((v, c) => sheet.set("Actuals", a1(6 + i, c), v as CellValue))
    );
    const after = analyzeWorkbook(appended(grids, typed), { today: TODAY });
    expect(after.scores.kpis.get("K3")?.actual).toBe(8);
    expect(mismatches(after, plan, (s, r, c) => sheet.values(s)[r]?.[c] ?? null)).toEqual([]);
    sheet.destroy();
  });

  it("reach as far as the room the build leaves, and validate names those beyond it", () => {
    const rows = roomRows(5);
    const last = 6 + rows; // the 1-based last row the formulas read (header and 5 check-ins above)
    const periods = plan.sheets.find((s) => s.kind === "periods");
    expect(periods?.rows[1].slice(0, 3).map((c) => c?.value)).toEqual([
      "Check-ins read to row",
      "Actuals",
      last,
    ]);
    // The built workbook as the next validate reads it: its helper sheet records the room.
    const built: WorkbookGrids = {
      sheets: [
        ...grids.sheets,
        {
          name: "KPI Periods",
          rows: (periods?.rows ?? []).map((l) => l.map((c) => c?.value ?? null)),
        },
      ],
    };
    const inRoom = Array.from({ length: last - 6 }, () => ["K1", "2026-02", 1]);
    const quiet = analyzeWorkbook(appended(built, inRoom), { today: TODAY });
    expect(quiet.findings.filter((f) => f.rule === "unlinked-check-in")).toEqual([]);
    const beyond = analyzeWorkbook(
      appended(built, [...inRoom, ["K1", "2026-02", 1], ["K2", "2026-02", 1]]),
      {
        today: TODAY,
      }
    );
    expect(beyond.findings.filter((f) => f.rule === "unlinked-check-in")).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Actuals",
        cell: `A${last + 1}`,
        message: expect.stringContaining(`2 check-ins of sheet "Actuals" (from row ${last + 1})`),
      }),
    ]);
  });
});

describe("check-ins in an Excel table", () => {
  it("count a row typed into the table's next row, as the table grows into it", () => {
    const grids: WorkbookGrids = {
      sheets: [
        ...book().sheets.filter((s) => s.name !== "Actuals"),
        {
          name: "Data",
          rows: [
            ["Check-ins, FY2026"],
            [],
            ["KPI ID", "Period", "Actual"],
            ["K1", "2026-01", 20],
            ["K2", "2026-02", 40],
            [null, null, null],
          ],
        },
      ],
      // The table spans a blank row below its two check-ins, as a table a person keeps does.
      tables: [{ name: "tblCheckIns", sheet: "Data", top: 2, left: 0, rowCount: 4, colCount: 3 }],
    };
    const analysis = analyzeWorkbook(grids, { today: TODAY });
    expect(analysis.model.regions.actuals?.table).toBe("tblCheckIns");
    const plan = planWorkbook(analysis);
    const sheet = Recalculated.of(grids, plan);
    const typed: CellValue[][] = [
      ["K1", "2026-03", 30], // the table's blank row
      ["K2", "2026-04", 45], // the row below the table, which it grows into
    ];
    typed.forEach((line, i) => line.forEach((v, c) => sheet.set("Data", a1(5 + i, c), v)));
    const edited = structuredClone(grids);
    const data = edited.sheets.find((s) => s.name === "Data") as { rows: CellValue[][] };
    data.rows.splice(5, 1, ...typed);
    (edited.tables as { rowCount: number }[])[0].rowCount = 5;
    const after = analyzeWorkbook(edited, { today: TODAY });
    expect(after.scores.kpis.get("K1")?.actual).toBe(50);
    expect(mismatches(after, plan, (s, r, c) => sheet.values(s)[r]?.[c] ?? null)).toEqual([]);
    sheet.destroy();
  });
});

describe("formulas Excel accepts", () => {
  it("hold criteria of at most 255 characters and no formula over 8,192, whatever the IDs", () => {
    const long = `K${"x".repeat(300)}`;
    const grids = workbook({
      KRAs: [KRA_HEADER, kra("R1")],
      KPIs: [KPI_HEADER, kpi("K1", { target: 10 }), kpi(long, { target: 10 })],
      Actuals: [
        ["KPI ID", "Period", "Actual"],
        ["K1", "2026-01", 5],
        [long, "2026-01", 5],
      ],
    });
    const plan = planWorkbook(analyzeWorkbook(grids, { today: TODAY }));
    const formulas = plan.sheets.flatMap((s) =>
      s.rows.flatMap((line) => line.flatMap((c) => (c?.formula ? [c.formula] : [])))
    );
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThanOrEqual(8192);
    const texts = formulas.flatMap((f) => f.match(/"(?:[^"]|"")*"/g) ?? []);
    expect(Math.max(...texts.map((t) => t.length - 2))).toBeLessThanOrEqual(255);
    // K1 still reads the rows below; the long ID does not, and counts after the next build.
    expect(formulas.some((f) => f.includes('"#K1"'))).toBe(true);
  });
});

describe("a typed period read by formula", () => {
  it("ends when the engine says it ends", () => {
    const texts: CellValue[] = [
      "2026-03",
      "2026/11",
      "Mar 2026",
      "march 2026",
      "Sep 2025",
      "2026-Q1",
      "Q4 2025",
      "Q2-2026",
      "2026",
      "FY2026",
      "2026-02-28",
      2026,
      excelSerialFromDay(dayFromYmd(2026, 4, 15) as number),
      excelSerialFromDay(dayFromYmd(2026, 4, 15) as number) + 0.75,
      "",
    ];
    const hf = HyperFormula.buildFromArray(
      texts.map((t, i) => [
        rawOf(t),
        `=TRIM(A${i + 1}&"")`,
        `=${forHyperFormula(periodEndFormula(`A${i + 1}`, `B${i + 1}`))}`,
      ]),
      { licenseKey: "gpl-v3" }
    );
    const got = hf.getSheetValues(0).map((line) => line[2]);
    const expected = texts.map((t) => {
      const p =
        typeof t === "number" && !Number.isInteger(t) ? parsePeriod(Math.floor(t)) : parsePeriod(t);
      return p === null || isFailure(p) ? "" : excelSerialFromDay(p.end);
    });
    expect(got).toEqual(expected);
    hf.destroy();
  });
});
