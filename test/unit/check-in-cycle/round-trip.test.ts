/**
 * The check-in cycle by files, end to end through the command line (issue 14): the sample is
 * split, the returned files are filled in by script the way people return them — complete,
 * partial, a target changed, a value forced into a locked cell, one from another cycle, one
 * from another master, two people answering one KPI differently, one returned twice, one that is
 * no check-in file — collected, and the merged workbook, the findings, the chase list and the
 * master's own bytes are checked. A second collect with the same files adds nothing.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { run } from "../../../src/cli/main";
import { readWorkbookInput } from "../../../src/adapters/workbook-input";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { SheetGrid } from "../../../src/engine/grid";
import { bigOrganisation } from "../../../src/synthetic/big-org";
import { sheetDataToBuffer } from "../../../src/synthetic/write-xlsx";
import { capture } from "../../support/cli-output";
import { Rows } from "../../support/workbook";
import { sampleMaster, typeInto } from "../../support/check-in-files";
import { packageParts } from "../../support/package-diff";

jest.setTimeout(120_000);

let dir: string;
const at = (...p: string[]) => path.join(dir, ...p);
const read = (file: string) => fs.readFile(file);
const grids = (bytes: Uint8Array) => readWorkbookInput(bytes, "x.xlsx")?.grids ?? { sheets: [] };
const sheet = (bytes: Uint8Array, name: string) =>
  grids(bytes).sheets.find((s) => s.name === name) as SheetGrid;

/** The 1-based row of a KPI's row to fill in a check-in file. */
function rowOf(bytes: Uint8Array, kpi: string): number {
  const rows = sheet(bytes, "Check-ins").rows;
  const r = rows.findIndex((line, i) => i >= 7 && line[0] === kpi);
  if (r < 0) throw new Error(`${kpi} is not in the file`);
  return r + 1;
}

interface CollectJson {
  files: {
    file: string;
    status: string;
    added?: number;
    already?: number;
    blank?: number;
    held?: number;
    reason?: string;
    of?: string;
    intact?: boolean;
  }[];
  added: {
    kpi: string;
    period: string;
    actual: number;
    note: string | null;
    confidence: string | null;
    source: string;
  }[];
  findings: {
    rule: string;
    severity: string;
    sheet: string;
    cell: string;
    id: string;
    message: string;
  }[];
  notes: { file: string; sheet: string; cell: string; message: string }[];
  chase: { owner: string; file: string; kpi: string; period: string; status: string }[];
  appended: { sheet: string; first: number; last: number };
}

let master: Buffer;
let firstRun: { status: number; json: CollectJson; merged: Buffer; stdout: string };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-checkins-"));
  master = await sampleMaster();
  await fs.writeFile(at("master.xlsx"), master);
  await fs.writeFile(
    at("last-year.xlsx"),
    await sampleMaster({
      settings: { "Cycle Start": "2024-07-01", "Cycle End": "2025-06-30", "As Of": "2025-06-30" },
    })
  );
  // Another organisation's workbook, on the same cycle.
  const stranger = bigOrganisation(3);
  (stranger.find((s) => s.name === "Settings") as { rows: Rows }).rows = [
    ["Cycle Start", "2025-07-01"],
    ["Cycle End", "2026-06-30"],
    ["As Of", "2026-06-30"],
  ];
  await fs.writeFile(at("stranger.xlsx"), await sheetDataToBuffer(stranger));
  for (const [args, folder] of [
    [["master.xlsx"], "out"],
    [["master.xlsx", "--by", "manager"], "by-manager"],
    [["last-year.xlsx"], "last-year"],
    [["stranger.xlsx"], "stranger"],
  ] as const) {
    const io = capture();
    const status = await run(["split", at(args[0]), "-o", at(folder), ...args.slice(1)], io);
    expect([0, 1]).toContain(status);
  }

  const back = at("returned");
  await fs.mkdir(back);
  const put = (name: string, bytes: Uint8Array) => fs.writeFile(path.join(back, name), bytes);
  // Complete: every row, a note and a confidence.
  const emma = typeInto(await read(at("out", "P07 Emma Walsh.xlsx")), {
    J8: 0.97,
    K8: "Two renewals slipped to July",
    L8: "High",
    J9: 3,
    J10: "92%",
    J11: 80_000,
    J12: 0.8,
    J13: 5,
  });
  await put("Emma Walsh - June.xlsx", emma);
  // Returned twice: the same answers under another name.
  await put("RE Emma Walsh - June (copy).xlsx", emma);
  // Partial: two of five, one of them not a number.
  await put(
    "lucas.xlsx",
    typeInto(await read(at("out", "P06 Lucas Silva.xlsx")), { J8: 1.1, J9: "about 10" })
  );
  // A target changed (the sheet unprotected and typed over); the actuals still count.
  await put(
    "kenji.xlsx",
    typeInto(await read(at("out", "P08 Kenji Sato.xlsx")), {
      F8: 0.9,
      J8: 0.995,
      J9: 0.6,
      J10: 1.5,
      J11: 21_000,
      J12: 0,
    })
  );
  // A value forced into a locked cell: a past check-in on "Check-ins so far".
  const sofia = typeInto(await read(at("out", "P09 Sofia Rossi.xlsx")), { J8: 0.93, J9: 410 });
  await put("sofia.xlsx", typeInto(sofia, { D5: 0.5 }, "Check-ins so far"));
  // A KPI ID forced into a locked key cell: someone else's KPI.
  await put(
    "ben.xlsx",
    typeInto(await read(at("out", "P12 Ben Novak.xlsx")), { A8: "K-001", J8: 5_000_000, J9: 0.5 })
  );
  // From another cycle, and from another master.
  await put(
    "omar.xlsx",
    typeInto(await read(at("last-year", "P10 Omar Haddad.xlsx")), { J8: 0.9 })
  );
  const strangers = (await fs.readdir(at("stranger"))).filter((f) => f.endsWith(".xlsx"));
  await put("stranger.xlsx", typeInto(await read(at("stranger", strangers[0])), { J8: 1 }));
  // Two people answering one KPI differently: Emma (0.97) and her manager Daniel (0.9).
  const daniel = await read(at("by-manager", "P02 Daniel Okafor.xlsx"));
  await put(
    "daniel.xlsx",
    typeInto(daniel, { [`J${rowOf(daniel, "K-040")}`]: 0.9, [`J${rowOf(daniel, "K-007")}`]: 0.31 })
  );
  // Not a check-in file at all.
  const io = capture();
  await run(["template", "-o", path.join(back, "notes.xlsx")], io);

  const out = capture();
  const status = await run(
    [
      "collect",
      at("master.xlsx"),
      back,
      "-o",
      at("merged.xlsx"),
      "--json",
      at("collect.json"),
      "--csv",
      at("chase.csv"),
    ],
    out
  );
  firstRun = {
    status,
    json: JSON.parse(await fs.readFile(at("collect.json"), "utf8")) as CollectJson,
    merged: await read(at("merged.xlsx")),
    stdout: out.stdout,
  };
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (name: string) => firstRun.json.files.find((f) => f.file === name);

describe("split", () => {
  it("writes one file per owner with something open, and a mail-merge CSV", async () => {
    const names = (await fs.readdir(at("out"))).sort();
    expect(names).toContain("P07 Emma Walsh.xlsx");
    expect(names).toContain("HLF Harbour Lane Foods.xlsx");
    expect(names).toContain("mail-merge.csv");
    expect(names).toHaveLength(13);
    const csv = (await fs.readFile(at("out", "mail-merge.csv"), "utf8")).replace(/^\uFEFF/, "");
    expect(csv.split("\r\n")[0]).toBe("Owner ID,Owner,E-mail,File,Outstanding");
    expect(csv).toContain("P07,Emma Walsh,,P07 Emma Walsh.xlsx,6\r\n");
    // K-079 has never had a check-in: all twelve months of the cycle are asked for.
    expect(csv).toContain("HLF,Harbour Lane Foods,,HLF Harbour Lane Foods.xlsx,19\r\n");
  });

  it("gives each person only their KPIs, one row per KPI and open period, under the instructions", async () => {
    const emma = await read(at("out", "P07 Emma Walsh.xlsx"));
    const fill = sheet(emma, "Check-ins");
    expect(fill.rows[0][0]).toBe("Check-ins for Emma Walsh (P07)");
    expect(fill.rows[6].slice(0, 12)).toEqual([
      "KPI ID",
      "KPI",
      "KRA",
      "Unit",
      "Direction",
      "Target",
      "Last period",
      "Last actual",
      "Period",
      "Actual",
      "Note",
      "Confidence",
    ]);
    expect(fill.rows.slice(7).map((r) => [r[0], r[8]])).toEqual([
      ["K-040", "Jun 2026"],
      ["K-041", "Jun 2026"],
      ["K-042", "Jun 2026"],
      ["K-043", "Jun 2026"],
      ["K-075", "Jun 2026"],
      ["K-076", "Jun 2026"],
    ]);
    expect(fill.rows[7][6]).toBe("May 2026");
    const soFar = sheet(emma, "Check-ins so far");
    expect(soFar.rows[3].slice(3, 5)).toEqual(["Jul 2025", "Aug 2025"]);
    expect(soFar.rows[4][0]).toBe("K-040");
    expect(typeof soFar.rows[4][3]).toBe("number");
  });

  it("refuses to overwrite a file it did not write, and replaces its own", async () => {
    const io = capture();
    expect(await run(["split", at("master.xlsx"), "-o", at("out")], io)).toBe(1);
    await fs.mkdir(at("taken"));
    await fs.writeFile(at("taken", "P07 Emma Walsh.xlsx"), "not ours");
    const refused = capture();
    expect(await run(["split", at("master.xlsx"), "-o", at("taken")], refused)).toBe(2);
    expect(refused.stderr).toContain("was not written by kpi-cascade");
    expect(await fs.readdir(at("taken"))).toEqual(["P07 Emma Walsh.xlsx"]);
  });
});

describe("collect", () => {
  it("collects what came back and says what it did with every file", () => {
    expect(firstRun.status).toBe(1);
    expect(file("Emma Walsh - June.xlsx")).toMatchObject({
      status: "collected",
      added: 5,
      held: 1,
    });
    expect(file("RE Emma Walsh - June (copy).xlsx")).toEqual({
      file: "RE Emma Walsh - June (copy).xlsx",
      status: "duplicate",
      of: "Emma Walsh - June.xlsx",
    });
    expect(file("lucas.xlsx")).toMatchObject({ status: "collected", added: 1, blank: 4, held: 1 });
    expect(file("kenji.xlsx")).toMatchObject({ status: "collected", added: 5, intact: false });
    expect(file("sofia.xlsx")).toMatchObject({ status: "collected", added: 2, intact: false });
    expect(file("omar.xlsx")?.status).toBe("refused");
    expect(file("omar.xlsx")?.reason).toMatch(
      /cycle 2024-07-01 to 2025-06-30.*2025-07-01 to 2026-06-30/
    );
    expect(file("stranger.xlsx")?.reason).toMatch(/another master workbook/);
    expect(file("notes.xlsx")).toMatchObject({ status: "skipped" });
    expect(firstRun.stdout).toContain("omar.xlsx");
    expect(firstRun.stdout).toMatch(/refused: it was prepared for the cycle/);
  });

  it("never writes one of two different answers: check-in-conflict on both cells", () => {
    const conflicts = firstRun.json.findings.filter((f) => f.rule === "check-in-conflict");
    expect(conflicts.map((f) => [f.sheet, f.id])).toEqual([
      ["[Emma Walsh - June.xlsx]Check-ins", "K-040"],
      ["[daniel.xlsx]Check-ins", "K-040"],
    ]);
    expect(conflicts[0].severity).toBe("error");
    expect(conflicts[0].message).toMatch(/says 0\.97.*says 0\.9\b/);
    expect(firstRun.json.added.some((a) => a.kpi === "K-040")).toBe(false);
    expect(firstRun.json.added).toContainEqual(
      expect.objectContaining({ kpi: "K-007", actual: 0.31, source: "daniel.xlsx, Check-ins!J8" })
    );
  });

  it("reads filled cells with the engine's rules, and leaves out someone else's KPI", () => {
    const rules = firstRun.json.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    expect(rules).toContain("invalid-number [lucas.xlsx]Check-ins!J9");
    expect(rules).toContain("unknown-contributor [ben.xlsx]Check-ins!A8");
    expect(firstRun.json.added.some((a) => a.kpi === "K-001")).toBe(false);
    // "92%" is 0.92, a note and a confidence travel with their value.
    expect(firstRun.json.added).toContainEqual(
      expect.objectContaining({ kpi: "K-042", actual: 0.92 })
    );
    expect(firstRun.json.added).toContainEqual(
      expect.objectContaining({ kpi: "K-035", actual: 1.1, source: "lucas.xlsx, Check-ins!J8" })
    );
  });

  it("says which locked cells were changed, and takes none of them", () => {
    const notes = firstRun.json.notes.map((n) => `${n.sheet}!${n.cell}`);
    expect(notes).toContain("[kenji.xlsx]Check-ins!F8");
    expect(notes).toContain("[sofia.xlsx]Check-ins so far!D5");
    const kenji = firstRun.json.notes.find((n) => n.cell === "F8");
    expect(kenji?.message).toMatch(/Target of K-044 .* changed from 0\.997 to 0\.9/);
  });
});

describe("the merged workbook", () => {
  it("holds the master's check-ins and the new ones below them, each with its Source", () => {
    const before = sheet(master, "Check-ins").rows;
    const after = sheet(firstRun.merged, "Check-ins").rows;
    const added = firstRun.json.added;
    expect(after).toHaveLength(before.length + added.length);
    expect(after[0].slice(0, 5)).toEqual(["KPI ID", "Period", "Actual", "Comment", "Source"]);
    for (let r = 1; r < before.length; r++)
      expect(after[r].slice(0, 4)).toEqual(before[r].slice(0, 4));
    const emma = after.find((r) => r[0] === "K-040" && r[1] === "Jun 2026");
    expect(emma).toBeUndefined();
    const k041 = after.find((r) => r[0] === "K-041" && r[1] === "Jun 2026");
    expect(k041).toEqual([
      "K-041",
      "Jun 2026",
      3,
      undefined,
      "Emma Walsh - June.xlsx, Check-ins!J9",
    ]);
    expect(firstRun.json.appended).toEqual({
      sheet: "Check-ins",
      first: before.length + 1,
      last: before.length + added.length,
    });
  });

  it("reads as the master plus the new check-ins, with no new error", () => {
    const was = analyzeWorkbook(grids(master));
    const now = analyzeWorkbook(grids(firstRun.merged));
    expect(now.model.checkIns.length).toBe(was.model.checkIns.length + firstRun.json.added.length);
    const errors = (a: typeof was) =>
      a.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    expect(errors(now)).toEqual(errors(was));
    expect(now.actuals.get("K-041")?.counted).toBe((was.actuals.get("K-041")?.counted ?? 0) + 1);
  });

  it("keeps every part of the master byte for byte but the check-ins sheet, which only grows", async () => {
    const before = await packageParts(master);
    const after = await packageParts(firstRun.merged);
    const editable = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
    ]);
    const checkIns = "xl/worksheets/sheet8.xml";
    for (const [name, bytes] of before) {
      if (editable.has(name) || name === checkIns) continue;
      expect([name, after.get(name)?.equals(bytes)]).toEqual([name, true]);
    }
    const rowsOf = (xml: string): string[] => xml.match(/<row [\s\S]*?<\/row>/g) ?? [];
    const was = rowsOf((before.get(checkIns) as Buffer).toString("utf8"));
    const now = rowsOf((after.get(checkIns) as Buffer).toString("utf8"));
    // Every data row exactly as it was; the header row gains the Source cell and nothing else.
    expect(now.slice(1, was.length)).toEqual(was.slice(1));
    const header = now[0].replace(/<c r="E1"[^>]*>[\s\S]*?<\/c>/, "");
    expect(header).toBe(was[0].replace(/\sspans="[^"]*"/, ""));
    // Before and after the sheet data, only the dimension changes.
    const outside = (xml: string) =>
      xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "").replace(/<dimension [^>]*>/, "");
    expect(outside((after.get(checkIns) as Buffer).toString("utf8"))).toBe(
      outside((before.get(checkIns) as Buffer).toString("utf8"))
    );
  });

  it("lists who still owes what on a KPI Chase List sheet, as a CSV and on the terminal", async () => {
    const chase = sheet(firstRun.merged, "KPI Chase List");
    expect(chase.rows[0][0]).toBe("Check-ins still owed");
    expect(chase.rows[3]).toEqual([
      "Owner ID",
      "Owner",
      "E-mail",
      "File",
      "KPI ID",
      "KPI",
      "Period",
      "Status",
    ]);
    const status = (owner: string, kpi: string) =>
      firstRun.json.chase.find((c) => c.owner === owner && c.kpi === kpi)?.status;
    expect(status("P07", "K-040")).toBe("conflicting answers");
    expect(status("P06", "K-037")).toBe("left blank");
    expect(status("P06", "K-036")).toBe("not a number");
    expect(status("P12", "K-061")).toBe("not in the returned file");
    expect(status("P10", "K-053")).toMatch(/^file refused: it was prepared for the cycle/);
    expect(status("P11", "K-057")).toBe("not returned");
    expect(status("P07", "K-041")).toBeUndefined();
    expect(chase.rows.length - 4).toBe(firstRun.json.chase.length);
    const csv = (await fs.readFile(at("chase.csv"), "utf8")).replace(/^\uFEFF/, "");
    expect(csv).toContain("P11,Grace Mensah,,P11 Grace Mensah.xlsx,5\r\n");
    expect(firstRun.stdout).toMatch(/Still owed: \d+ check-ins from \d+ owners/);
    expect(firstRun.stdout).toMatch(
      /Grace Mensah \(P11\)\s+5\s+P11 Grace Mensah\.xlsx — not returned/
    );
  });

  it("adds nothing when the same files are collected again into the merged workbook", async () => {
    const io = capture();
    await run(
      [
        "collect",
        at("merged.xlsx"),
        at("returned"),
        "-o",
        at("merged-2.xlsx"),
        "--json",
        at("collect-2.json"),
      ],
      io
    );
    const again = JSON.parse(await fs.readFile(at("collect-2.json"), "utf8")) as CollectJson;
    expect(again.added).toEqual([]);
    expect(io.stdout).toContain("No new check-ins");
    expect(again.files.find((f) => f.file === "Emma Walsh - June.xlsx")).toMatchObject({
      added: 0,
      already: 5,
    });
    const [one, two] = [
      await packageParts(firstRun.merged),
      await packageParts(await read(at("merged-2.xlsx"))),
    ];
    expect(
      two.get("xl/worksheets/sheet8.xml")?.equals(one.get("xl/worksheets/sheet8.xml") as Buffer)
    ).toBe(true);
    // The chase list is the earlier one's replacement, not a second sheet.
    expect(grids(await read(at("merged-2.xlsx"))).sheets.map((s) => s.name)).toEqual(
      grids(firstRun.merged).sheets.map((s) => s.name)
    );
  });

  it("gives the same merged check-ins whatever order the files come in", async () => {
    const shuffled = at("shuffled");
    await fs.mkdir(shuffled);
    const names = (await fs.readdir(at("returned"))).reverse();
    const io = capture();
    await run(
      [
        "collect",
        at("master.xlsx"),
        ...names.map((n) => at("returned", n)),
        "-o",
        at("merged-3.xlsx"),
      ],
      io
    );
    expect(sheet(await read(at("merged-3.xlsx")), "Check-ins").rows).toEqual(
      sheet(firstRun.merged, "Check-ins").rows
    );
    void JSZip;
  });
});
