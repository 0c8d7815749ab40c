/**
 * The check-in files of `split` in a real spreadsheet program (issue 14): LibreOffice opens and
 * saves every one of them; what it saves still has its sheet protection, its number check and
 * its drop-down, and a marker collect trusts; a file filled in and saved by LibreOffice is
 * collected. One file is rendered to PDF and PNG in .tmp/render/ to be looked at (the README's
 * picture).
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { run } from "../../src/cli/main";
import { readReturnedFile } from "../../src/adapters/check-in-files";
import { capture } from "../support/cli-output";
import { sampleMaster, typeInto } from "../support/check-in-files";
import { packageParts } from "../support/package-diff";
import { convert, convertAll } from "../support/libreoffice";

const OUT = path.resolve(__dirname, "../../.tmp/render/check-ins");
jest.setTimeout(600_000);

let files: string[];

beforeAll(async () => {
  await fs.rm(OUT, { recursive: true, force: true });
  await fs.mkdir(OUT, { recursive: true });
  await fs.writeFile(path.join(OUT, "master.xlsx"), await sampleMaster());
  const io = capture();
  await run(["split", path.join(OUT, "master.xlsx"), "-o", path.join(OUT, "split")], io);
  files = (await fs.readdir(path.join(OUT, "split")))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(OUT, "split", f));
});

it("LibreOffice opens and saves every split file, keeping protection, checks, drop-downs and marker", async () => {
  expect(files).toHaveLength(12);
  const saved = convertAll(files, "xlsx", path.join(OUT, "saved-by-libreoffice"));
  for (const file of saved) {
    const bytes = await fs.readFile(file);
    const parts = await packageParts(bytes);
    const sheets = [...parts].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(3);
    for (const [, xml] of sheets)
      expect(xml.toString()).toMatch(/<sheetProtection [^>]*sheet="(true|1)"/);
    const fill = (parts.get("xl/worksheets/sheet1.xml") as Buffer).toString();
    expect(fill).toMatch(/<dataValidation [^>]*type="decimal"/);
    expect(fill).toMatch(/<dataValidation [^>]*type="list"[\s\S]*?Low,Medium,High/);
    const read = readReturnedFile(bytes, path.basename(file));
    expect(read.ok && read.file.marker).toEqual({ sheet: "KPI Cascade", intact: true });
  }
});

it("collects a file filled in and saved by LibreOffice", async () => {
  const emma = files.find((f) => f.endsWith("P07 Emma Walsh.xlsx")) as string;
  const filled = path.join(OUT, "emma-filled.xlsx");
  await fs.writeFile(filled, typeInto(await fs.readFile(emma), { J8: 0.97, J9: 4 }));
  const resaved = convert(filled, "xlsx", path.join(OUT, "resaved"));
  const io = capture();
  await run(
    ["collect", path.join(OUT, "master.xlsx"), resaved, "-o", path.join(OUT, "merged.xlsx")],
    io
  );
  expect(io.stdout).toMatch(/emma-filled\.xlsx\s+Emma Walsh \(P07\): 2 added, 4 left blank/);
});

it("renders a check-in file to a landscape page a person can read", async () => {
  const emma = files.find((f) => f.endsWith("P07 Emma Walsh.xlsx")) as string;
  const copy = path.join(OUT, "check-in-file.xlsx");
  await fs.copyFile(emma, copy);
  const pdf = convert(copy, "pdf", OUT);
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
  expect(w).toBeGreaterThan(h);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text).toContain("Check-ins for Emma Walsh (P07)");
  expect(text).toMatch(/K-040\s+Key account revenue retention/);
  expect(text).toContain("Check-ins so far");
  execFileSync("pdftoppm", ["-png", "-r", "80", pdf, path.join(OUT, "check-in-file")]);
});
