/**
 * Issue 19 item 5 and issue 18's last test: a run stopped by SIGTERM or SIGINT removes its
 * temporary files (beside the output and in the temp folder), and a run killed by SIGKILL while
 * writing leaves no partial output: the temporary file may stay, the output is absent or is still
 * the earlier complete one. Each signal is sent at the moment the run creates a file, so it lands
 * while the run is writing.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import {
  FSWatcher,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  watch,
  writeFileSync,
} from "fs";
import * as os from "os";
import * as path from "path";
import { packageRoot } from "../../src/cli/main";
import { bigOrganisation } from "../../src/synthetic/big-org";
import { sheetDataToBuffer } from "../../src/synthetic/write-xlsx";

const CLI = path.join(packageRoot(), "bin", "kpi-cascade.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "kpi-signals-"));
const input = path.join(dir, "big.xlsx");
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** What the watched folder held when the signal was sent, and the private temp folder after. */
  seenAtSignal: string[];
  tmpdirAfter: string[];
}

/**
 * Runs the CLI with its own TMPDIR and sends `signal` as soon as a file appears in `watched`
 * (the output's folder, or the temp folder).
 */
function stopWhileWriting(
  args: string[],
  signal: NodeJS.Signals,
  watched: "output folder" | "temp folder",
  outFolder: string
): Promise<Stopped> {
  const tmpdir = mkdtempSync(path.join(dir, "tmpdir-"));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, TMPDIR: tmpdir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    let seenAtSignal: string[] = [];
    const folder = watched === "output folder" ? outFolder : tmpdir;
    const before = new Set(readdirSync(folder));
    const watcher: FSWatcher = watch(folder, () => {
      const now = readdirSync(folder).filter((f) => !before.has(f));
      if (now.length === 0 || seenAtSignal.length > 0) return;
      child.kill(signal);
      seenAtSignal = now;
      watcher.close();
    });
    child.on("close", (code, sig) => {
      watcher.close();
      resolve({ code, signal: sig, stderr, seenAtSignal, tmpdirAfter: readdirSync(tmpdir) });
    });
  });
}

let earlier: Buffer;

beforeAll(async () => {
  writeFileSync(input, await sheetDataToBuffer(bigOrganisation(300)));
  // An earlier complete output of the same build, to check that a killed run leaves it whole.
  const out = path.join(dir, "earlier.xlsx");
  await new Promise((resolve) =>
    spawn(process.execPath, [CLI, "build", input, "-o", out]).on("close", resolve)
  );
  earlier = readFileSync(out);
  rmSync(out);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freshFolder(name: string): string {
  const folder = path.join(dir, name);
  mkdirSync(folder);
  return folder;
}

describe("signals during a build of a large workbook", () => {
  it.each([["SIGTERM", 143] as const, ["SIGINT", 130] as const])(
    "%s while the output is written: temporary files removed, no output, status %i",
    async (signal, status) => {
      const out = freshFolder(`out-${signal}`);
      const before = sha(input);
      const r = await stopWhileWriting(
        ["build", input, "-o", path.join(out, "out.xlsx"), "--json", path.join(out, "r.json")],
        signal,
        "output folder",
        out
      );
      expect(r.seenAtSignal.some((f) => f.endsWith(".tmp"))).toBe(true);
      expect(r.code).toBe(status);
      expect(r.stderr).toBe(`kpi-cascade: stopped by ${signal}.\n`);
      expect(readdirSync(out)).toEqual([]);
      expect(r.tmpdirAfter).toEqual([]);
      expect(sha(input)).toBe(before);
    },
    300_000
  );

  it("SIGKILL while the output is written leaves no partial output: none, or the earlier one whole", async () => {
    const fresh = freshFolder("kill-fresh");
    const killed = await stopWhileWriting(
      ["build", input, "-o", path.join(fresh, "out.xlsx")],
      "SIGKILL",
      "output folder",
      fresh
    );
    expect(killed.signal).toBe("SIGKILL");
    expect(readdirSync(fresh).filter((f) => !f.endsWith(".tmp"))).toEqual([]);
    expect(readdirSync(fresh)).toHaveLength(1); // killed mid-write: the temporary file stayed

    const replacing = freshFolder("kill-replacing");
    const out = path.join(replacing, "out.xlsx");
    writeFileSync(out, earlier);
    const again = await stopWhileWriting(
      ["build", input, "-o", out, "--as-of", "2026-03-31"],
      "SIGKILL",
      "output folder",
      replacing
    );
    expect(again.signal).toBe("SIGKILL");
    expect(readFileSync(out).equals(earlier)).toBe(true);
  }, 300_000);
});
