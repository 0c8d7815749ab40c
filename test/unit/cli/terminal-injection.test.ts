/**
 * Issue 19 item 2: cell text holding CR/LF, ESC and BEL (as character references, or as
 * `_x001B_` escapes in shared strings, which a reader that decodes them turns into raw ESC and
 * BEL) reaches the terminal escaped and cut: stdout and stderr carry no control byte but the line
 * ends, and no fake line appears.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { formatFindings } from "../../../src/cli/format";
import { Finding } from "../../../src/engine/findings";
import { KPI_HEADER, KRA_HEADER } from "../../support/workbook";
import { rawXlsx } from "../../support/raw-xlsx";

// Each test starts node processes: generous on a loaded two-core machine.
jest.setTimeout(60_000);

const BIN = path.resolve(__dirname, "../../../bin/kpi-cascade.js");
let dir: string;
let hostile: string;

/** A fake "all clear" after a line break, a clear-screen sequence and a bell, as shared-string XML. */
const FAKE = "R-9&#13;&#10;0 errors, 0 warnings, 0 info._x001B_[2J_x001B_]0;pwned_x0007__x0007_";
const LONG = `K-${"9".repeat(5000)}`;

/** Bytes a terminal acts on: C0 controls but LF, DEL, and C1 controls (UTF-8 encoded). */
function controlBytes(text: string): string[] {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return [...text.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g)].map((m) => m[0]);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kpi-terminal-"));
  hostile = path.join(dir, "hostile.xlsx");
  writeFileSync(
    hostile,
    await rawXlsx({
      sheets: [
        { name: "KRAs", rows: [KRA_HEADER, ["R-1", "Area&#13;line", "P1", null, null, 100]] },
        {
          name: "KPIs",
          rows: [
            KPI_HEADER,
            ["K-1", FAKE, "Sales", null, null, 100, null, 50, null, null, null, "TBD_x001B_[31m"],
            [LONG, "R-1", "Long", null, null, 100, null, 50, null, null, null, 90],
          ],
        },
      ],
    })
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
}

describe("workbook text on the terminal", () => {
  it("validate prints the hostile text escaped and cut, with no control byte and no fake line", () => {
    const r = run(["validate", hostile]);
    expect(r.status).toBe(1);
    expect(controlBytes(r.stdout)).toEqual([]);
    // The streaming reader keeps `_x001B_` as typed; a reader that decodes it must show `\x1b`.
    expect(r.stdout).toMatch(
      /R-9\\r\\n0 errors, 0 warnings, 0 info\.(\\x1b|_x001B_)\[2J(\\x1b|_x001B_)\]0;pwned(\\x07|_x0007_){2}/
    );
    expect(r.stdout).toMatch(/"TBD(\\x1b|_x001B_)\[31m"/);
    expect(r.stdout.split("\n").filter((l) => /^\s*0 errors/.test(l))).toEqual([]);
    expect(r.stdout).toContain(`K-${"9".repeat(50)}`);
    expect(r.stdout).not.toContain("9".repeat(500));
    expect(r.stdout).toContain("…");
    expect(Math.max(...r.stdout.split("\n").map((l) => l.length))).toBeLessThan(600);
  });

  it("the JSON report keeps the text exactly (JSON escapes it), so nothing is lost", () => {
    const r = run(["validate", hostile, "--json", "-"]);
    expect(controlBytes(r.stdout)).toEqual([]);
    const report = JSON.parse(r.stdout);
    const messages = report.findings.map((f: { message: string }) => f.message).join("\n");
    expect(messages).toContain("R-9\r\n0 errors");
    expect(controlBytes(r.stderr)).toEqual([]);
  });

  it("build's lines and the one stderr line of a refusal are escaped too", () => {
    const built = run(["build", hostile, "-o", path.join(dir, "out\x1b[2J.xlsx")]);
    expect(built.status).toBe(1);
    expect(controlBytes(built.stdout)).toEqual([]);
    expect(built.stdout).toContain("Wrote ");
    expect(built.stdout).toContain("out\\x1b[2J.xlsx");
    const missing = run(["validate", "no\r\nsuch\x07.xlsx"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('kpi-cascade: Cannot find the file "no\\r\\nsuch\\x07.xlsx".\n');
  });
});

describe("findings as printed", () => {
  const finding = (sheet: string, message: string): Finding => ({
    severity: "error",
    rule: "unknown-reference",
    message,
    sheet,
    cell: "B2",
    entity: "kpi",
    id: null,
  });

  it("escape raw ESC, BEL, CR and LF in sheet names and messages", () => {
    const text = formatFindings([
      finding(
        "KPIs\x1b[8m",
        'KPI K-1 belongs to the KRA "X\r\n0 errors\x1b]0;t\x07", which does not exist.'
      ),
    ]);
    expect(controlBytes(text)).toEqual([]);
    expect(text).toContain("'KPIs\\x1b[8m'!B2");
    expect(text).toContain('"X\\r\\n0 errors\\x1b]0;t\\x07"');
    expect(text.split("\n")).toHaveLength(4); // heading, the finding, blank, totals
  });
});
