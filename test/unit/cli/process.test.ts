/**
 * Issue 19 item 5, in a real process: a standard output closed by its reader ends the run quietly
 * with the status it would have had, and an input that is not a regular file is refused at once.
 */
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLE_WORKBOOK, run } from "../../../src/cli/main";

// Each test starts node processes: generous on a loaded two-core machine.
jest.setTimeout(60_000);

const BIN = path.resolve(__dirname, "../../../bin/kpi-cascade.js");
let dir: string;
let clean: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kpi-process-"));
  clean = path.join(dir, "clean.xlsx");
  const quiet = { out: () => undefined, err: () => undefined };
  expect(await run(["template", "-o", clean], quiet)).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin with its stdout's reading end closed before it prints anything. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("a closed standard output (`… | head -1`)", () => {
  it("ends validate quietly with status 0 on a clean workbook, 1 with error findings", async () => {
    expect(await withClosedStdout(["validate", clean])).toEqual({ code: 0, stderr: "" });
    expect(await withClosedStdout(["validate", SAMPLE_WORKBOOK])).toEqual({ code: 1, stderr: "" });
  });

  it("still writes build's files and keeps the status, with --json - on the closed pipe", async () => {
    const out = path.join(dir, "out.xlsx");
    const json = ["--json", "-"];
    expect(await withClosedStdout(["build", clean, "-o", out, ...json])).toEqual({
      code: 0,
      stderr: expect.stringContaining("Wrote "),
    });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("in a shell pipe whose reader has gone, prints nothing on stderr and keeps the status", () => {
    const reader = "{ exec 0<&-; sleep 1; }"; // closes the pipe at once, as head does after its line
    const r = spawnSync(
      "bash",
      ["-c", `node "${BIN}" validate "${clean}" | ${reader}; echo "status \${PIPESTATUS[0]}"`],
      { encoding: "utf8" }
    );
    expect(r.stdout).toBe("status 0\n");
    expect(r.stderr).toBe("");
  });
});

describe("a standard output that fails otherwise (a full disk)", () => {
  it("says so in one line, without a stack trace, with status 2", () => {
    const r = spawnSync("bash", ["-c", `node "${BIN}" validate "${clean}" > /dev/full`], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("kpi-cascade: Cannot write to standard output (ENOSPC).\n");
  });
});

describe("inputs that are not regular files are refused at once", () => {
  const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

  it.each([
    ["/dev/zero", () => "/dev/zero", /"\/dev\/zero" is not a regular file/],
    [
      "a FIFO nobody writes to",
      () => {
        const fifo = path.join(dir, "in.fifo");
        spawnSync("mkfifo", [fifo]);
        return fifo;
      },
      /"[^"]*in\.fifo" is not a regular file/,
    ],
    [
      "a folder",
      () => {
        const folder = path.join(dir, "folder.xlsx");
        mkdirSync(folder, { recursive: true });
        return folder;
      },
      /"[^"]*folder\.xlsx" is a folder, not a workbook/,
    ],
  ])("%s: one line, status 2, within seconds", (_, make, message) => {
    const file = make();
    for (const args of [
      ["validate", file],
      ["build", file, "-o", path.join(dir, "never.xlsx"), "--json", path.join(dir, "never.json")],
    ]) {
      const before = sha(clean);
      const started = Date.now();
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 20_000 });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(sha(clean)).toBe(before);
    }
  });
});
