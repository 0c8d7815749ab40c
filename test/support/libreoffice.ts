/**
 * LibreOffice as a real spreadsheet engine for tests. A throw-away profile sets OOXMLRecalcMode to
 * "always", so opening the file recalculates every formula; without it LibreOffice would only show
 * the results the writer cached (see ../shared/NOTES.md). Another sets "never", for converting a
 * file with the results it cached.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";

/** OOXMLRecalcMode and ODFRecalcMode: 0 recalculates every formula on load, 1 never does. */
const profileSettings = (mode: 0 | 1) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

const profiles = new Map<0 | 1, string>();

function profileDir(mode: 0 | 1): string {
  let profile = profiles.get(mode);
  if (!profile) {
    profile = mkdtempSync(path.join(os.tmpdir(), "kpi-lo-profile-"));
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), profileSettings(mode));
    profiles.set(mode, profile);
  }
  return profile;
}

export function sofficeAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts `file` with every formula recalculated (or, with `recalculate: false`, keeping the
 * results the file cached where LibreOffice keeps them); returns the path of the converted file.
 * The benchmark gives a big organisation more than the tests' three minutes.
 */
export function convert(
  file: string,
  format: "xlsx" | "xls" | "pdf",
  outDir: string,
  { recalculate = true, timeoutMs = 180_000 }: { recalculate?: boolean; timeoutMs?: number } = {}
): string {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profileDir(recalculate ? 0 : 1)}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "pipe", timeout: timeoutMs }
  );
  return path.join(outDir, `${path.basename(file, path.extname(file))}.${format}`);
}

/** Opens and saves several files in one LibreOffice run; returns the converted files' paths. */
export function convertAll(
  files: readonly string[],
  format: "xlsx" | "pdf",
  outDir: string
): string[] {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profileDir(0)}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 600_000 }
  );
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${format}`));
}
