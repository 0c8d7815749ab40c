/**
 * What the CLI owes the process it runs in: temporary files are removed when SIGINT or SIGTERM
 * stops a run, and a standard output closed by its reader (`… | head -1`) ends the printing
 * quietly instead of with an EPIPE stack trace, the run going on to the status it would have had.
 */
import { unlinkSync } from "fs";
import { constants } from "os";

const temporaryFiles = new Set<string>();
/**
 * Temporary files being created: an open runs in libuv's thread pool, so the file can appear
 * after a signal's handler has removed the files it knew of. The handler waits for these first.
 */
const creations = new Set<Promise<unknown>>();
let stdoutClosed = false;

/** A temporary file the run is writing; removed if a signal stops the run before `release`. */
export function trackTemporary(file: string): void {
  temporaryFiles.add(file);
}

export function releaseTemporary(file: string): void {
  temporaryFiles.delete(file);
}

/** The creation of a tracked temporary file, awaited by a signal's handler before it cleans up. */
export function creating<T>(creation: Promise<T>): Promise<T> {
  creations.add(creation);
  const done = () => creations.delete(creation);
  creation.then(done, done);
  return creation;
}

function removeTemporaries(): void {
  for (const file of temporaryFiles) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone (renamed into place or removed): nothing to clean.
    }
  }
  temporaryFiles.clear();
}

/** True for the error a write gets when the reading end of its pipe is closed. */
export function isClosedPipe(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === "EPIPE";
}

/** Writes to standard output unless its reader has gone; then the text is dropped, quietly. */
export function writeStdout(data: string | Uint8Array): void {
  if (!stdoutClosed) process.stdout.write(data);
}

/**
 * Installed once by the `kpi-cascade` bin (never by tests that call `run` in-process). A signal
 * exits with 128 + its number, as shells expect, through `process.exit` so that other exit hooks
 * (ExcelJS's streaming reader removes its own temporary files on exit) still run.
 */
export function installProcessHandlers(): void {
  process.stdout.on("error", (e) => {
    stdoutClosed = true;
    if (isClosedPipe(e)) return;
    // Anything else (a full disk) lost text the user asked for: one line, and status 2.
    process.stderr.write(
      `kpi-cascade: Cannot write to standard output (${(e as NodeJS.ErrnoException).code ?? e.message}).\n`
    );
    process.on("exit", () => {
      process.exitCode = 2;
    });
  });
  // A closed stderr leaves nowhere to report to: its lines are dropped, the status still tells.
  process.stderr.on("error", (e) => {
    if (!isClosedPipe(e)) throw e;
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    const stop = () => {
      removeTemporaries();
      process.stderr.write(`kpi-cascade: stopped by ${signal}.\n`);
      process.exit(128 + constants.signals[signal]);
    };
    // Renames into place come only after every temporary file is written, so none can happen
    // while a creation is still pending: waiting for those publishes nothing.
    process.on(signal, () => {
      if (creations.size === 0) stop();
      else void Promise.allSettled([...creations]).then(stop);
    });
  }
}
