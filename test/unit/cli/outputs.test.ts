/**
 * Issue 18: outputs never touch an input, are all checked before anything is read or written,
 * and a failed run writes nothing. Every refusal is exit status 2 with exactly one stderr line,
 * and the input's bytes (sha256) are the same after as before.
 */
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import JSZip from "jszip";
import { createServer } from "net";
import * as os from "os";
import * as path from "path";
import { Output, SAMPLE_WORKBOOK, run } from "../../../src/cli/main";
import { isKpiCascadeOutput } from "../../../src/cli/output-proof";

// Each test starts node processes: generous on a loaded two-core machine.
jest.setTimeout(60_000);

const BIN = path.resolve(__dirname, "../../../bin/kpi-cascade.js");

let dir: string;
let input: string;
let earlierOutput: Buffer;

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const listing = () => readdirSync(dir).sort();
const p = (...parts: string[]) => path.join(dir, ...parts);

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[]): Promise<Ran> {
  const io: Output & Ran = {
    code: null,
    stdout: "",
    stderr: "",
    out: (t) => void (io.stdout += t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => void (io.stderr += t.endsWith("\n") ? t : `${t}\n`),
  };
  io.code = await run(argv, io);
  return io;
}

/** The bin in a child process, for what only a real process has: descriptors, FIFOs, cwd. */
function bin(argv: string[], options: { stdio?: ("pipe" | "ignore")[] } = {}): Ran {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: dir,
    encoding: "utf8",
    stdio: options.stdio,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function expectOneLine(r: Ran, pattern: RegExp): void {
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^kpi-cascade: /);
  expect(lines[0]).toMatch(pattern);
}

/** Runs a command that must be refused: status 2, one line, nothing written, the input unchanged. */
async function expectRefused(argv: string[], pattern: RegExp, inProcess = true): Promise<void> {
  const [before, files] = [sha(input), listing()];
  const r = inProcess ? await cli(argv) : bin(argv);
  expect(r.code).toBe(2);
  expectOneLine(r, pattern);
  expect(r.stdout).toBe("");
  expect(sha(input)).toBe(before);
  expect(listing()).toEqual(files);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kpi-outputs-"));
  input = p("in.xlsx");
  expect(await cli(["template", "-o", input])).toMatchObject({ code: 0 });
  expect((await cli(["build", input, "-o", p("earlier.xlsx")])).code).toBe(0);
  earlierOutput = readFileSync(p("earlier.xlsx"));
  rmSync(p("earlier.xlsx"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Leaves the folder holding only the input and what `files` names. */
function only(files: Record<string, () => void>): void {
  for (const f of readdirSync(dir)) if (f !== "in.xlsx") rmSync(p(f), { recursive: true });
  for (const make of Object.values(files)) make();
}

describe("outputs are compared as files, not as path strings", () => {
  beforeEach(() =>
    only({
      link: () => symlinkSync("in.xlsx", p("link.xlsx")),
      folderLink: () => symlinkSync(dir, p("same-folder")),
      hard: () => linkSync(input, p("hard.xlsx")),
      sub: () => mkdirSync(p("sub")),
      earlier: () => writeFileSync(p("earlier.xlsx"), earlierOutput),
      earlierLink: () => symlinkSync("earlier.xlsx", p("earlier-link.xlsx")),
    })
  );

  it.each([
    ["validate --json onto the input", ["validate", "IN", "--json", "IN"]],
    ["build --json onto the input", ["build", "IN", "-o", "D/out.xlsx", "--json", "IN"]],
    ["a symlink to the input as input, the input as -o", ["build", "D/link.xlsx", "-o", "IN"]],
    ["-o a symlink to the input", ["build", "IN", "-o", "D/link.xlsx"]],
    ["-o through a symlinked folder", ["build", "IN", "-o", "D/same-folder/in.xlsx"]],
    ["input through a symlinked folder", ["build", "D/same-folder/in.xlsx", "-o", "IN"]],
    ["-o a hard link to the input", ["build", "IN", "-o", "D/hard.xlsx"]],
    ["--json a hard link to the input", ["validate", "IN", "--json", "D/hard.xlsx"]],
    ["-o spelled with ./", ["build", "IN", "-o", "D/./in.xlsx"]],
    ["-o spelled with ../", ["build", "IN", "-o", "D/sub/../in.xlsx"]],
  ])("%s: refused", async (_, argv) => {
    const args = argv.map((a) => (a === "IN" ? input : a.replace(/^D\//, `${dir}/`)));
    await expectRefused(args, /is the input workbook/);
    expect(lstatSync(p("link.xlsx")).isSymbolicLink()).toBe(true);
  });

  it("refuses before reading the input: a damaged input still gets the same-file line", async () => {
    writeFileSync(p("damaged.xlsx"), "PK\x03\x04 not really a zip");
    const before = sha(p("damaged.xlsx"));
    const r = await cli(["build", p("damaged.xlsx"), "-o", `${dir}/sub/../damaged.xlsx`]);
    expect(r.code).toBe(2);
    expectOneLine(r, /is the input workbook/);
    expect(sha(p("damaged.xlsx"))).toBe(before);
  });

  it("relative ./ and ../ spellings from the working folder, in the real bin", async () => {
    await expectRefused(
      ["build", "./in.xlsx", "-o", `../${path.basename(dir)}/in.xlsx`],
      /is the input workbook/,
      false
    );
    await expectRefused(
      ["validate", "in.xlsx", "--json", "./sub/../link.xlsx"],
      /is the input workbook/,
      false
    );
  });

  it("two outputs that are one file are refused, however they are spelled", async () => {
    await expectRefused(
      ["build", input, "-o", p("out.xlsx"), "--json", `${dir}/sub/../out.xlsx`],
      /-o ".*out\.xlsx" and --json ".*out\.xlsx" are the same file/
    );
    const earlier = sha(p("earlier.xlsx"));
    await expectRefused(
      ["build", input, "-o", p("earlier.xlsx"), "--json", p("earlier-link.xlsx")],
      /are the same file/
    );
    expect(sha(p("earlier.xlsx"))).toBe(earlier);
  });

  it("an output through a symlink to an earlier output is written through the link, which stays a link", async () => {
    const r = await cli(["build", input, "-o", p("earlier-link.xlsx")]);
    expect(r.code).toBe(0);
    expect(lstatSync(p("earlier-link.xlsx")).isSymbolicLink()).toBe(true);
    expect(isKpiCascadeOutput(readFileSync(p("earlier.xlsx")))).toBe(true);
  });
});

describe("every output is checked before any is written; a failed run writes nothing", () => {
  beforeEach(() =>
    only({
      folder: () => mkdirSync(p("folder")),
      earlier: () => writeFileSync(p("earlier.xlsx"), earlierOutput),
    })
  );

  it("a --json folder that does not exist: no workbook written either", async () => {
    await expectRefused(
      ["build", input, "-o", p("out.xlsx"), "--json", p("missing", "dir", "r.json")],
      /Cannot write ".*r\.json": the folder ".*missing\/dir" does not exist/
    );
  });

  it("an -o folder that does not exist, or an output that is a folder", async () => {
    await expectRefused(
      ["build", input, "-o", p("missing", "out.xlsx"), "--json", p("r.json")],
      /the folder ".*missing" does not exist/
    );
    await expectRefused(
      ["build", input, "-o", p("folder"), "--json", p("r.json")],
      /it is a folder/
    );
    await expectRefused(["validate", input, "--json", p("folder")], /it is a folder/);
  });

  it("a dangling symbolic link or a socket as output", async () => {
    symlinkSync("nowhere.xlsx", p("dangling.xlsx"));
    await expectRefused(
      ["build", input, "-o", p("dangling.xlsx")],
      /it is a symbolic link to a file that does not exist/
    );
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(p("report.sock"), resolve));
    try {
      await expectRefused(
        ["validate", input, "--json", p("report.sock")],
        /it is not a file, a pipe or a device/
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a read-only earlier output is replaced only with --force, and stays read-only", async () => {
    chmodSync(p("earlier.xlsx"), 0o444);
    const before = sha(p("earlier.xlsx"));
    await expectRefused(
      ["build", input, "-o", p("earlier.xlsx")],
      /"[^"]*earlier\.xlsx" is read-only; add --force/
    );
    expect(sha(p("earlier.xlsx"))).toBe(before);
    const forced = await cli([
      "build",
      input,
      "-o",
      p("earlier.xlsx"),
      "--force",
      "--as-of",
      "2026-01-31",
    ]);
    expect(forced.code).toBe(0);
    expect(sha(p("earlier.xlsx"))).not.toBe(before);
    expect(statSync(p("earlier.xlsx")).mode & 0o777).toBe(0o444);
  });

  it("an output that fails while being written removes every temporary file and renames nothing", async () => {
    const before = sha(input);
    const r = await cli(["build", input, "-o", p("out.xlsx"), "--json", "/dev/full"]);
    expect(r.code).toBe(2);
    expectOneLine(r, /Cannot write "\/dev\/full" \(ENOSPC\)/);
    expect(listing()).toEqual(["earlier.xlsx", "folder", "in.xlsx"]);
    expect(sha(input)).toBe(before);
  });
});

describe("streams are written as streams, never replaced", () => {
  beforeEach(() => only({}));

  it("--json to a FIFO: the reader gets the report and the FIFO stays a FIFO", async () => {
    const fifo = p("report.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const before = sha(input);
    const reader = spawn("cat", [fifo]);
    let received = "";
    reader.stdout.on("data", (d) => (received += d));
    const done = new Promise((resolve) => reader.on("close", resolve));
    const r = await new Promise<Ran>((resolve) => {
      const child = spawn(process.execPath, [BIN, "validate", input, "--json", fifo]);
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (code) => resolve({ code, stdout: "", stderr }));
    });
    await done;
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(received).version).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(sha(input)).toBe(before);
  });

  it("--json /dev/stdout puts the report alone on stdout, the human text on stderr", () => {
    const r = bin(["validate", "in.xlsx", "--json", "/dev/stdout"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).version).toBe(1);
    expect(r.stderr).toContain("0 errors, 0 warnings, 0 info.");
  });

  it("--json /dev/fd/3 writes to the open descriptor (as process substitution does)", () => {
    const r = spawnSync(process.execPath, [BIN, "validate", "in.xlsx", "--json", "/dev/fd/3"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(String(r.output[3])).version).toBe(1);
    expect(r.stdout).toContain("0 errors"); // stdout is not the report's, so the text stays there
  });

  it("-o - writes the workbook to stdout; /dev/null may take several outputs and stays a device", async () => {
    const before = sha(input);
    const r = spawnSync(
      process.execPath,
      [BIN, "build", "in.xlsx", "-o", "-", "--json", "/dev/null"],
      {
        cwd: dir,
      }
    );
    expect(r.status).toBe(0);
    const zip = await JSZip.loadAsync(r.stdout);
    expect(zip.file("xl/workbook.xml")).not.toBeNull();
    expect(String(r.stderr)).toMatch(/^Read .*\nWrote - with /);
    const both = bin(["build", "in.xlsx", "-o", "/dev/null", "--json", "/dev/null"]);
    expect(both.code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(sha(input)).toBe(before);
    expect(listing()).toEqual(["in.xlsx"]);
  });

  it("-o - and --json - are one stream: refused", async () => {
    await expectRefused(["build", "in.xlsx", "-o", "-", "--json", "-"], /are the same file/, false);
  });
});

describe("an existing output that kpi-cascade did not write is refused without --force", () => {
  beforeEach(() =>
    only({
      // A workbook of the user's, unlike anything a command writes (the template is deterministic).
      mine: () => writeFileSync(p("mine.xlsx"), readFileSync(SAMPLE_WORKBOOK)),
      notes: () => writeFileSync(p("notes.json"), '{"version": 3, "todo": []}\n'),
      earlier: () => writeFileSync(p("earlier.xlsx"), earlierOutput),
      report: () => writeFileSync(p("report.json"), '{"version": 1, "findings": []}\n'),
    })
  );

  it.each([
    ["build -o a user's workbook", ["build", "IN", "-o", "D/mine.xlsx"], "mine.xlsx"],
    [
      "build --json a user's JSON",
      ["build", "IN", "-o", "D/new.xlsx", "--json", "D/notes.json"],
      "notes.json",
    ],
    ["validate --json a user's JSON", ["validate", "IN", "--json", "D/notes.json"], "notes.json"],
    ["template -o a user's workbook", ["template", "-o", "D/mine.xlsx"], "mine.xlsx"],
  ])("%s", async (_, argv, file) => {
    const args = argv.map((a) => (a === "IN" ? input : a.replace(/^D\//, `${dir}/`)));
    const [before, inputBefore] = [sha(p(file)), sha(input)];
    await expectRefused(
      args,
      /exists and was not written by kpi-cascade; choose another name, or add --force/
    );
    expect(sha(p(file))).toBe(before);
    const forced = await cli([...args, "--force"]);
    expect(forced.code).toBe(0);
    expect(sha(p(file))).not.toBe(before);
    expect(sha(input)).toBe(inputBefore);
  });

  it("an earlier workbook and report of kpi-cascade are replaced without asking", async () => {
    const before = [sha(input), sha(p("earlier.xlsx")), sha(p("report.json"))];
    const r = await cli([
      "build",
      input,
      "-o",
      p("earlier.xlsx"),
      "--json",
      p("report.json"),
      "--as-of",
      "2026-02-28",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(sha(input)).toBe(before[0]);
    expect(sha(p("earlier.xlsx"))).not.toBe(before[1]);
    expect(JSON.parse(readFileSync(p("report.json"), "utf8")).asOf).toBe("2026-02-28");
    expect(listing()).toEqual([
      "earlier.xlsx",
      "in.xlsx",
      "mine.xlsx",
      "notes.json",
      "report.json",
    ]);
  });
});
