/**
 * `node lib/bench/ten-thousand.js [PEOPLE] [RUNS]`: the commands at 10,000 people (120,000 KPIs,
 * 1.44 M check-ins) as a user runs them — `validate` and `build` in their own process, wall time
 * and peak memory — and the Office.js writer's requests against Excel's 5 MB budget. The workbook
 * is written by the package writer (ExcelJS takes minutes and gigabytes at this size).
 */
import { execFileSync } from "child_process";
import { mkdirSync, statSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { dataSheets } from "../src/adapters/workbook-input";
import { emptyWorkbook, writePlan } from "../src/adapters/xlsx/write";
import { bigOrganisation, gridsOf } from "../src/synthetic/big-org";
import { cliRow } from "./cli-e2e";

const people = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 1);
const dir = path.join(os.tmpdir(), "kpi-cascade-bench");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `org-${people}-package.xlsx`);
writeFileSync(
  file,
  writePlan(emptyWorkbook(), { sheets: dataSheets(gridsOf(bigOrganisation(people))) }).bytes
);
const say = (row: unknown) => process.stdout.write(`${JSON.stringify(row)}\n`);
say({ name: "input", people, fileMB: statSync(file).size / 2 ** 20 });
for (const job of ["validate-e2e", "build-e2e"]) say(cliRow(job, people, file, runs));
const office = execFileSync(
  process.execPath,
  [
    "--max-old-space-size=12288",
    "--expose-gc",
    path.join(__dirname, "worker.js"),
    "office-write",
    String(people),
    "1",
  ],
  { encoding: "utf8", maxBuffer: 1 << 24 }
);
say(
  JSON.parse(
    office
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .pop() as string
  )
);
