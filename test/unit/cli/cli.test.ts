/** The command line on the shipped sample workbook and on bad input: exit codes, output, report shape. */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { SAMPLE_WORKBOOK, run } from "../../../src/cli/main";
import { capture } from "../../support/cli-output";
import { RULE_IDS } from "../../../src/engine/findings";

const exec = promisify(execFile);
const BIN = path.resolve(__dirname, "../../../bin/kpi-cascade.js");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("validate on the sample workbook", () => {
  it("exits 1 (the sample has deliberate errors) and groups findings by severity with Sheet!Cell", async () => {
    const io = capture();
    expect(await run(["validate", SAMPLE_WORKBOOK], io)).toBe(1);
    expect(io.stdout).toMatch(
      /Read 5 units, 12 people, 3 goals, 6 objectives, 35 KRAs, 80 KPIs and \d+ check-ins \(as of 2026-06-30\)/
    );
    const errors = io.stdout.indexOf("Errors (");
    const warnings = io.stdout.indexOf("Warnings (");
    expect(errors).toBeGreaterThanOrEqual(0);
    expect(warnings).toBeGreaterThan(errors);
    // The sample's future check-ins also fall outside its cycle: one warning each, no info beside it.
    expect(io.stdout).not.toContain("future-period");
    expect(io.stdout).toContain("KPIs!A47");
    expect(io.stdout).toContain("'Check-ins'!C7");
  });

  it("writes the report of SPEC section 7 with --json -", async () => {
    const io = capture();
    await run(["validate", SAMPLE_WORKBOOK, "--json", "-"], io);
    const report = JSON.parse(io.stdout);
    expect(Object.keys(report)).toEqual([
      "version",
      "asOf",
      "counts",
      "findings",
      "kpis",
      "kras",
      "owners",
      "units",
      "objectives",
      "goals",
      "history",
    ]);
    expect(report.version).toBe(1);
    expect(report.counts).toEqual({
      units: 5,
      people: 12,
      goals: 3,
      objectives: 6,
      kras: 35,
      kpis: 80,
      actuals: expect.any(Number),
    });
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual([
        "severity",
        "rule",
        "message",
        "sheet",
        "cell",
        "entity",
        "id",
      ]);
      expect(RULE_IDS).toContain(f.rule);
    }
    expect(Object.keys(report.kpis[0])).toEqual([
      "id",
      "kra",
      "direction",
      "actual",
      "target",
      "raw",
      "attainment",
      "status",
      "name",
      "owner",
      "sheet",
      "cell",
    ]);
    expect(report.kpis[0]).toMatchObject({ sheet: "KPIs", cell: "A4" });
    expect(typeof report.kpis[0].name).toBe("string");
    const coverage = ["coverage", "provisional"];
    expect(Object.keys(report.kras[0])).toEqual([
      "id",
      "owner",
      "score",
      "cascadeScore",
      ...coverage,
      "name",
      "sheet",
      "cell",
    ]);
    expect(report.kras[0].sheet).toBe("KRAs");
    expect(Object.keys(report.owners[0])).toEqual([
      "id",
      "name",
      "kind",
      "score",
      "rating",
      ...coverage,
    ]);
    expect(Object.keys(report.units[0])).toEqual(["id", "teamScore", ...coverage]);
    // The human text moved to stderr so stdout is pure JSON.
    expect(io.stderr).toContain("Errors (");
    const expected = [
      "duplicate-id",
      "invalid-number",
      "cell-error",
      "unknown-reference",
      "invalid-range",
      "direction-conflict",
      "misaligned-cascade",
      "objective-without-kra",
      "kra-count",
      "partial-weights",
      "weights-sum",
      "duplicate-actual",
      "period-out-of-cycle",
      "missing-actual",
      "inferred-direction",
    ];
    expect(new Set(report.findings.map((f: { rule: string }) => f.rule))).toEqual(
      new Set(expected)
    );
    // A row left out of scoring is still listed, with nulls.
    expect(report.kpis.find((k: { id: string }) => k.id === "K-074")).toMatchObject({
      target: null,
      attainment: null,
      status: null,
    });
  });

  it("--as-of moves the as-of date and what counts", async () => {
    const io = capture();
    await run(["validate", SAMPLE_WORKBOOK, "--as-of", "2025-12-31", "--json", "-"], io);
    const report = JSON.parse(io.stdout);
    expect(report.asOf).toBe("2025-12-31");
    expect(
      report.findings.filter((f: { rule: string }) => f.rule === "future-period").length
    ).toBeGreaterThan(400);
  });
});

describe("build", () => {
  it("writes a copy with every original sheet and the JSON report, leaving the input byte-for-byte unchanged", async () => {
    const before = await fs.readFile(SAMPLE_WORKBOOK);
    const out = path.join(dir, "out.xlsx");
    const json = path.join(dir, "report.json");
    const io = capture();
    expect(await run(["build", SAMPLE_WORKBOOK, "-o", out, "--json", json], io)).toBe(1);
    expect((await fs.readFile(SAMPLE_WORKBOOK)).equals(before)).toBe(true);
    const ExcelJS = (await import("exceljs")).default;
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.readFile(SAMPLE_WORKBOOK);
    await b.xlsx.readFile(out);
    for (const ws of a.worksheets) {
      const copy = b.getWorksheet(ws.name);
      expect(copy).toBeDefined();
      expect(copy?.getSheetValues()).toEqual(ws.getSheetValues());
    }
    expect(JSON.parse(await fs.readFile(json, "utf8")).version).toBe(1);
  });
});

describe("status 2: nothing done, one clear line, no file", () => {
  it.each([
    [[], "Usage"],
    [["frobnicate"], 'Unknown command "frobnicate"'],
    [["validate"], "validate needs a workbook"],
    [["validate", "/no/such/file.xlsx"], "Cannot find"],
    [["validate", "x.xlsx", "--as-of", "31/12/2026"], "--as-of wants a date"],
    [["build", "x.xlsx"], "build needs a workbook and an output"],
    [["validate", "x.xlsx", "--bogus"], "Unknown option --bogus"],
  ])("%j", async (argv, message) => {
    const io = capture();
    expect(await run(argv as string[], io)).toBe(2);
    expect(io.stdout + io.stderr).toContain(message);
  });

  it("refuses non-xlsx input and output equal to input", async () => {
    const csv = path.join(dir, "data.xlsx");
    await fs.writeFile(csv, "KPI ID,Target\nK1,5\n");
    const io = capture();
    expect(await run(["validate", csv], io)).toBe(2);
    expect(io.stderr).toContain("is not an .xlsx workbook");
    const zip = path.join(dir, "broken.xlsx");
    await fs.writeFile(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await run(["validate", zip], io)).toBe(2);
    expect(io.stderr).toContain("could not be read as an .xlsx workbook");
    expect(await run(["build", zip, "-o", zip], io)).toBe(2);
    expect(io.stderr).toContain("is the input workbook");
    const out = path.join(dir, "never.xlsx");
    expect(await run(["build", zip, "-o", out], io)).toBe(2);
    await expect(fs.access(out)).rejects.toThrow();
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("the installed bin", () => {
  it("runs validate with exit status 1 and prints one clear line with status 2", async () => {
    const ok = await exec("node", [BIN, "validate", SAMPLE_WORKBOOK]).catch((e) => e);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toContain("Errors (");
    const bad = await exec("node", [BIN, "validate", "missing.xlsx"]).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("template", () => {
  it("writes a templated workbook of Excel tables with drop-down lists, which validates clean", async () => {
    const out = path.join(dir, "template.xlsx");
    const io = capture();
    expect(await run(["template", "-o", out], io)).toBe(0);
    expect(io.stdout).toContain("Org, People, Goals, Objectives, KRAs, KPIs, Actuals, Settings");
    const { readPackage } = await import("../../../src/adapters/xlsx/read");
    const grids = readPackage(await fs.readFile(out)).grids;
    expect(grids.tables?.map((t) => t.name)).toEqual([
      "tblOrg",
      "tblPeople",
      "tblGoals",
      "tblObjectives",
      "tblKRAs",
      "tblKPIs",
      "tblActuals",
      "tblSettings",
    ]);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const validations = (
      wb.getWorksheet("KPIs") as unknown as {
        dataValidations: { model: Record<string, { formulae: string[] }> };
      }
    ).dataValidations.model;
    const formulae = Object.values(validations).map((v) => v.formulae[0]);
    expect(formulae).toEqual(
      expect.arrayContaining([
        '"higher,lower,range"',
        '"sum,average,last,min,max"',
        "'KRAs'!$A$3:$A$10002",
      ])
    );
    const check = capture();
    expect(await run(["validate", out], check)).toBe(0);
    expect(check.stdout).toContain("0 errors, 0 warnings, 0 info.");
    expect(await run(["template"], capture())).toBe(2);
  });
});
