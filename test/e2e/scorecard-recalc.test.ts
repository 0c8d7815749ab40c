/**
 * The scorecard's formulas against a real spreadsheet engine: build with the CLI, recalculate in
 * LibreOffice (recalculation forced), and compare every formula result with the engine. Then
 * change an actual in the output, recalculate again, and check the scores move as the engine says.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { readPackage } from "../../src/adapters/xlsx/read";
import { Output, SAMPLE_WORKBOOK, run } from "../../src/cli/main";
import { analyzeWorkbook } from "../../src/engine/analyze";
import { CellValue, WorkbookGrids } from "../../src/engine/grid";
import { Report, buildReport } from "../../src/engine/report";
import { SC } from "../../src/planner/scorecard";
import { RATING_LABELS } from "../../src/engine/settings";
import { bigOrganisation } from "../../src/synthetic/big-org";
import { sheetDataToBuffer } from "../../src/synthetic/write-xlsx";
import { a1 } from "../../src/engine/address";
import { Cached, cachedValues } from "../support/cell-values";
import { convert } from "../support/libreoffice";
import { foreignPackage } from "../support/foreign-packages";
import { lostOrChanged } from "../support/package-diff";
import { editSheet } from "../../src/adapters/xlsx/write";
import { SheetEdit } from "../../src/planner/settings-edit";
import { planWorkbook } from "../../src/planner";
import { dayFromYmd, excelSerialFromDay } from "../../src/engine/dates";
import { Cell, mismatches } from "../support/scorecard-check";

const dir = mkdtempSync(path.join(os.tmpdir(), "kpi-e2e-"));
const quiet: Output = { out: () => undefined, err: () => undefined };

interface Row {
  kind: string;
  id: string;
  attainment: unknown;
  status: unknown;
  actualCell: string;
  coverage: unknown;
  ratingLabel: unknown;
}

function isErrorValue(v: unknown): boolean {
  return typeof v === "object" && v !== null && "error" in v;
}

const GENERATED = ["KPI Scorecard", "KPI Cascade", "KPI Findings", "KPI Dashboard", "KPI Periods"];
type Sheets = Map<string, Map<string, Cached>>;

/** The recalculated file's generated sheets, as cached values by address. */
async function recalculated(file: string): Promise<Sheets> {
  const converted = convert(file, "xlsx", mkdtempSync(path.join(dir, "lo-")));
  const sheets: Sheets = new Map();
  const names = new Set(
    readPackage(require("fs").readFileSync(converted)).workbook.sheets.map((s) => s.name)
  );
  for (const name of GENERATED)
    if (names.has(name)) sheets.set(name, await cachedValues(converted, name));
  return sheets;
}

function scorecardRows(sheets: Sheets): Row[] {
  const cells = sheets.get("KPI Scorecard") as Map<string, Cached>;
  const rows: Row[] = [];
  const last = Math.max(...[...cells.keys()].map((a) => Number(/\d+/.exec(a)?.[0])));
  for (let r = 0; r < last; r++) {
    const kind = cells.get(a1(r, SC.kind));
    if (typeof kind !== "string" || !["owner", "kra", "kpi"].includes(kind)) continue;
    rows.push({
      kind,
      id: String(cells.get(a1(r, SC.id))),
      attainment: cells.get(a1(r, SC.attainment)) ?? null,
      status: cells.get(a1(r, SC.status)) ?? null,
      actualCell: a1(r, SC.actual),
      coverage: cells.get(a1(r, SC.coverage)) ?? null,
      ratingLabel: cells.get(a1(r, SC.weight)) ?? null,
    });
  }
  return rows;
}

/** Every cell of every generated sheet: no error values. */
function formulaErrors(sheets: Sheets): string[] {
  const bad: string[] = [];
  for (const [name, cells] of sheets)
    for (const [address, v] of cells) if (isErrorValue(v)) bad.push(`${name}!${address}`);
  return bad;
}

const STATUS = { green: "Green", amber: "Amber", red: "Red" } as const;

function compare(rows: Row[], report: Report): number {
  const kpis = new Map(report.kpis.map((k) => [k.id, k]));
  const kras = new Map(report.kras.map((k) => [k.id, k]));
  const owners = new Map(report.owners.map((o) => [o.id, o]));
  let checked = 0;
  const same = (sheet: unknown, engine: number | null, what: string) => {
    if (engine === null) expect([null, ""]).toContain(sheet ?? null);
    else {
      if (typeof sheet !== "number")
        throw new Error(`${what}: sheet has ${JSON.stringify(sheet)}, engine ${engine}`);
      expect(Math.abs(sheet - engine)).toBeLessThanOrEqual(1e-9);
    }
    checked++;
  };
  for (const r of rows) {
    if (r.kind === "kpi") {
      const k = kpis.get(r.id);
      same(r.attainment, k?.attainment ?? null, `KPI ${r.id}`);
      expect(r.status ?? "").toBe(k?.status ? STATUS[k.status] : "");
    } else if (r.kind === "kra") {
      same(r.attainment, kras.get(r.id)?.score ?? null, `KRA ${r.id}`);
      expect(r.coverage).toBeCloseTo(kras.get(r.id)?.coverage ?? NaN, 9);
    } else {
      const o = owners.get(r.id);
      same(r.attainment, o?.score ?? null, `owner ${r.id}`);
      expect(r.status ?? "").toBe(o?.rating ?? "");
      expect(r.coverage).toBeCloseTo(o?.coverage ?? NaN, 9);
      const label = o?.rating
        ? `${RATING_LABELS[o.rating - 1]}${o.provisional ? " (provisional)" : ""}`
        : "";
      expect(r.ratingLabel ?? "").toBe(label);
    }
  }
  return checked;
}

async function buildAndCheck(input: string): Promise<{ out: string; rows: Row[]; report: Report }> {
  const out = path.join(dir, `${path.basename(input, ".xlsx")}.out.xlsx`);
  const json = path.join(dir, `${path.basename(input, ".xlsx")}.json`);
  expect(await run(["build", input, "-o", out, "--json", json], quiet)).toBeLessThanOrEqual(1);
  const report: Report = JSON.parse(require("fs").readFileSync(json, "utf8"));
  const wb = await recalculated(out);
  expect(formulaErrors(wb)).toEqual([]);
  const rows = scorecardRows(wb);
  expect(compare(rows, report)).toBe(rows.length);
  return { out, rows, report };
}

describe("the scorecard recalculated in LibreOffice", () => {
  it("equals the engine on the sample workbook, formula by formula", async () => {
    const { rows, report } = await buildAndCheck(SAMPLE_WORKBOOK);
    expect(rows.filter((r) => r.kind === "kpi").length).toBe(report.kpis.length);
    expect(rows.filter((r) => typeof r.attainment === "number").length).toBeGreaterThan(90);
  }, 120_000);

  it.each([11, 29, 47])(
    "equals the engine on a generated organisation (seed %i)",
    async (seed) => {
      const file = path.join(dir, `org-${seed}.xlsx`);
      writeFileSync(file, await sheetDataToBuffer(bigOrganisation(12, seed)));
      const { rows } = await buildAndCheck(file);
      expect(rows.filter((r) => r.kind === "kpi")).toHaveLength(12 * 12);
    },
    120_000
  );

  it("follows a changed actual as the engine would", async () => {
    const { out, rows } = await buildAndCheck(SAMPLE_WORKBOOK);
    const target = rows.find((r) => r.kind === "kpi" && r.id === "K-035") as Row; // Lucas Silva: new customers signed
    const newActual = 5;
    // The sheet: type the new actual over the old one.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    (wb.getWorksheet("KPI Scorecard") as ExcelJS.Worksheet).getCell(target.actualCell).value =
      newActual;
    const edited = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const after = scorecardRows(await recalculated(edited));
    // The engine: the same KPI with that actual and no check-ins.
    const grids: WorkbookGrids = readPackage(require("fs").readFileSync(SAMPLE_WORKBOOK)).grids;
    const checkIns = grids.sheets.find((s) => s.name === "Check-ins") as { rows: CellValue[][] };
    checkIns.rows = checkIns.rows.filter((r) => r[0] !== "K-035");
    const kpis = grids.sheets.find((s) => s.name === "KPIs") as { rows: CellValue[][] };
    const header = kpis.rows[2];
    header.push("Actual");
    const kpiRow = kpis.rows.find((r) => r[0] === "K-035") as CellValue[];
    kpiRow[header.length - 1] = newActual;
    const expected = buildReport(analyzeWorkbook(grids));
    expect(compare(after, expected)).toBe(after.length);
    const before = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r.attainment]));
    const moved = after
      .filter((r) => before.get(`${r.kind}:${r.id}`) !== r.attainment)
      .map((r) => `${r.kind}:${r.id}`);
    expect(moved).toEqual(expect.arrayContaining(["kpi:K-035", "kra:R-P06-1", "owner:P06"]));
  }, 180_000);
});

describe("the live scorecard recalculated in LibreOffice after edits in the user's sheets", () => {
  /** A cell of a sheet of the package, found by its row's first cell and its column's header. */
  function cellOf(
    grids: WorkbookGrids,
    sheet: string,
    rowId: string,
    header: RegExp,
    last = false
  ): string {
    const grid = grids.sheets.find((g) => g.name === sheet) as { rows: CellValue[][] };
    const headerRow = grid.rows.findIndex((r) =>
      r.some((v) => typeof v === "string" && header.test(v))
    );
    const col = grid.rows[headerRow].findIndex((v) => typeof v === "string" && header.test(v));
    const rows = grid.rows.flatMap((r, i) => (r[0] === rowId ? [i] : []));
    return a1(last ? rows[rows.length - 1] : rows[0], col);
  }

  it("moves every score as the engine says: a check-in, a target, a KRA weight and the as-of date", async () => {
    const fs = require("fs");
    const out = path.join(dir, "live.xlsx");
    expect(await run(["build", SAMPLE_WORKBOOK, "-o", out], quiet)).toBeLessThanOrEqual(1);
    const original = readPackage(fs.readFileSync(SAMPLE_WORKBOOK)).grids;
    const before = scorecardRows(await recalculated(out));
    // The edits a manager makes in their own sheets (and the as-of cell of the scorecard),
    // typed into the package's XML as a script would.
    const asOf = dayFromYmd(2026, 3, 31) as number;
    const edits: SheetEdit[] = [
      {
        sheet: "Check-ins",
        create: false,
        writes: [{ address: cellOf(original, "Check-ins", "K-036", /^Actual$/, true), value: 0.5 }],
      },
      {
        sheet: "KPIs",
        create: false,
        writes: [{ address: cellOf(original, "KPIs", "K-035", /^Target\*$/), value: 30 }],
      },
      {
        sheet: "KRAs",
        create: false,
        writes: [{ address: cellOf(original, "KRAs", "R-P06-1", /^Weight$/), value: 10 }],
      },
      {
        sheet: "KPI Scorecard",
        create: false,
        writes: [{ address: "B1", value: excelSerialFromDay(asOf) }],
      },
    ];
    let bytes: Uint8Array = fs.readFileSync(out);
    for (const edit of edits) bytes = editSheet(readPackage(bytes), edit);
    const edited = path.join(dir, "live-edited.xlsx");
    fs.writeFileSync(edited, bytes);

    // The engine on the edited workbook, as of the edited date.
    const after = analyzeWorkbook(readPackage(bytes).grids, { asOf });
    const plan = planWorkbook(analyzeWorkbook(original));
    const sheets = await recalculated(edited);
    expect(formulaErrors(sheets)).toEqual([]);
    const read = (sheet: string, r: number, c: number) =>
      (sheets.get(sheet)?.get(a1(r, c)) ?? null) as Cell;
    expect(mismatches(after, plan, read)).toEqual([]);
    // And they did move: the edited KPIs, their KRAs and their owner.
    const moved = new Set(
      scorecardRows(sheets)
        .filter((r, i) => r.attainment !== before[i].attainment)
        .map((r) => `${r.kind}:${r.id}`)
    );
    for (const id of ["kpi:K-035", "kpi:K-036", "kra:R-P06-1", "owner:P06"])
      expect(moved).toContain(id);
    expect(moved.size).toBeGreaterThan(40); // the as-of date moved most of the others
  }, 300_000);
});

describe("workbooks saved by LibreOffice and by openpyxl-style writers", () => {
  /** The file as LibreOffice saves it (its own package layout, chart, comments and names). */
  function savedByLibreOffice(file: string): string {
    const plain = convert(file, "xlsx", mkdtempSync(path.join(dir, "lo-saved-")));
    const renamed = path.join(dir, `${path.basename(file, path.extname(file))}-lo.xlsx`);
    require("fs").copyFileSync(plain, renamed);
    return renamed;
  }

  it("builds the sample saved by LibreOffice: every part kept, scores equal the engine's", async () => {
    const input = savedByLibreOffice(SAMPLE_WORKBOOK);
    const { out, rows } = await buildAndCheck(input);
    expect(rows.filter((r) => r.kind === "kpi").length).toBe(80);
    const fs = require("fs");
    expect(await lostOrChanged(fs.readFileSync(input), fs.readFileSync(out))).toEqual([]);
    // The reader needs no temporary files: with a TMPDIR that does not exist, the command reads
    // every string of the LibreOffice-saved file (ExcelJS's streaming reader read them blank).
    const validate = require("child_process").spawnSync(
      process.execPath,
      [path.join(__dirname, "..", "..", "bin", "kpi-cascade.js"), "validate", input],
      { encoding: "utf8", env: { ...process.env, TMPDIR: path.join(dir, "no-such-folder") } }
    );
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain("35 KRAs, 80 KPIs and 950 check-ins");
  }, 180_000);

  it("builds an openpyxl-style workbook with a chart and comments, and the same saved by LibreOffice", async () => {
    const fs = require("fs");
    const openpyxl = path.join(dir, "openpyxl.xlsx");
    fs.writeFileSync(openpyxl, await foreignPackage());
    for (const input of [openpyxl, savedByLibreOffice(openpyxl)]) {
      const { out } = await buildAndCheck(input);
      expect(await lostOrChanged(fs.readFileSync(input), fs.readFileSync(out))).toEqual([]);
      // LibreOffice opens the output and still finds the user's sheets, chart and comment.
      const pdf = convert(out, "pdf", mkdtempSync(path.join(dir, "pdf-")));
      expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
    }
  }, 240_000);
});
