/** `split` and `collect` refuse what they cannot do with one line and status 2, writing nothing. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLE_WORKBOOK, run } from "../../../src/cli/main";
import { USAGE } from "../../../src/cli/args";
import { capture } from "../../support/cli-output";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-checkin-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function refused(args: string[]): Promise<string> {
  const io = capture();
  expect(await run(args, io)).toBe(2);
  expect(io.stderr.trim().split("\n")).toHaveLength(1);
  return io.stderr;
}

it("lists both commands in the usage text", () => {
  expect(USAGE).toContain("kpi-cascade split <master.xlsx> -o <folder> [--by owner|manager|unit]");
  expect(USAGE).toContain(
    "kpi-cascade collect <master.xlsx> <returned.xlsx|folder>... -o <merged.xlsx>"
  );
});

it("refuses a split without a folder, with an unknown --by, or into a file", async () => {
  expect(await refused(["split", SAMPLE_WORKBOOK])).toMatch(
    /split needs a master workbook and a folder/
  );
  expect(await refused(["split", SAMPLE_WORKBOOK, "-o", dir, "--by", "team"])).toMatch(
    /--by wants owner, manager or unit, not "team"/
  );
  const file = path.join(dir, "a-file");
  await fs.writeFile(file, "x");
  expect(await refused(["split", SAMPLE_WORKBOOK, "-o", file])).toMatch(
    /it is a file, not a folder/
  );
  expect(await refused(["split", SAMPLE_WORKBOOK, "-o", path.join(dir, "no", "such")])).toMatch(
    /does not exist/
  );
});

it("refuses a collect without returned files, an output, or with the master as its output", async () => {
  expect(await refused(["collect", SAMPLE_WORKBOOK, "-o", path.join(dir, "m.xlsx")])).toMatch(
    /collect needs the master, the returned files and an output/
  );
  expect(await refused(["collect", SAMPLE_WORKBOOK, dir])).toMatch(/collect needs/);
  expect(await refused(["collect", SAMPLE_WORKBOOK, dir, "-o", SAMPLE_WORKBOOK])).toMatch(
    /is the input workbook/
  );
  expect(
    await refused([
      "collect",
      SAMPLE_WORKBOOK,
      path.join(dir, "gone"),
      "-o",
      path.join(dir, "m.xlsx"),
    ])
  ).toMatch(/Cannot find the file or folder/);
});

it("splits the shipped sample: only the KPI never checked in is open", async () => {
  const io = capture();
  expect(await run(["split", SAMPLE_WORKBOOK, "-o", path.join(dir, "sample")], io)).toBe(1);
  expect(io.stdout).toContain("Wrote 1 check-in file");
  expect(io.stdout).toMatch(/HLF Harbour Lane Foods\.xlsx\s+12 to fill/);
  expect(io.stdout).toContain("11 owners have nothing to fill and get no file.");
});
