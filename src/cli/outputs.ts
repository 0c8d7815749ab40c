/**
 * Where a command's outputs go, decided before anything is read or written (issue 18, SPEC
 * section 7). Outputs are compared as files (device and inode, through every symbolic link,
 * hard link and `./`/`../` spelling), never as path strings: no output may be an input or another
 * output. Every target folder is checked first; files are written to temporary files beside
 * their targets and renamed into place only when every output is complete; pipes, devices,
 * `-` and `/dev/fd/N` are written to as streams, never replaced. An existing file that
 * kpi-cascade did not write, or a read-only one, is replaced only with `--force`.
 */
import { randomBytes } from "crypto";
import { Stats, constants, promises as fs, fstatSync, statSync, write } from "fs";
import * as path from "path";
import { promisify } from "util";
import { UsageError } from "./args";
import { CheckedInput, checkInput, fileIdentity } from "./io";
import { isKpiCascadeCsv, isKpiCascadeOutput, isKpiCascadeReport } from "./output-proof";
import { creating, isClosedPipe, releaseTemporary, trackTemporary, writeStdout } from "./signals";

export interface OutputRequest {
  /** How the user named it, for messages: `-o`, `--json`. */
  option: string;
  path: string;
  /** What is written there, which decides how an earlier output of the tool is recognised. */
  role: "workbook" | "report" | "csv";
  /** What to write, when each output of one role has its own (the files of `split`). */
  content?: string | Uint8Array;
}

type Target =
  /** An open file descriptor: `-` (1), `/dev/stdout`, `/dev/fd/N`. */
  | { kind: "descriptor"; fd: number }
  /** A FIFO or character device named by its path: opened and written, never replaced. */
  | { kind: "device"; path: string }
  /** A regular file, new or replaced: written beside it and renamed into place. */
  | { kind: "file"; path: string; mode: number | null };

export interface ResolvedOutput {
  request: OutputRequest;
  target: Target;
  /** Device and inode of what is written, the real path of a file still to be created, or null for the null device. */
  identity: string | null;
}

const writeFd = promisify(write);

/** Outputs looked at, and temporary files written, at once when a command has many (`split`). */
const PARALLEL = 32;

function refuse(message: string): never {
  throw new UsageError(message);
}

/** `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` name an open descriptor. */
function descriptorOf(file: string): number | null {
  if (file === "-") return 1;
  const named = /^\/dev\/(stdout|stderr)$/.exec(file);
  if (named) return named[1] === "stdout" ? 1 : 2;
  const numbered = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(file);
  return numbered ? Number(numbered[1]) : null;
}

/** The null device may be named by several outputs: nothing written there is kept. */
function isNullDevice(st: Stats): boolean {
  if (!st.isCharacterDevice()) return false;
  try {
    return st.rdev === statSync("/dev/null").rdev;
  } catch {
    return false;
  }
}

function streamIdentity(st: Stats): string | null {
  return isNullDevice(st) ? null : fileIdentity(st);
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? "unknown error";
}

/**
 * The folders already found writable in this run, with their real paths: `split` writes
 * thousands of files into one folder, and checking it once is enough.
 */
const checkedFolders = new Map<string, Promise<string>>();

/** The real path of a writable folder, checked once per run. */
function realWritableFolder(file: string, folder: string): Promise<string> {
  let known = checkedFolders.get(folder);
  if (!known) {
    known = writableFolder(file, folder).then(() => fs.realpath(folder));
    checkedFolders.set(folder, known);
    known.catch(() => checkedFolders.delete(folder));
  }
  return known;
}

async function writableFolder(file: string, folder: string): Promise<void> {
  const st = await fs.stat(folder).catch(() => null);
  if (!st?.isDirectory()) refuse(`Cannot write "${file}": the folder "${folder}" does not exist.`);
  try {
    await fs.access(folder, constants.W_OK | constants.X_OK);
  } catch {
    refuse(`Cannot write "${file}": the folder "${folder}" is not writable.`);
  }
}

/** Where one output goes, without judging yet whether it may be written there. */
async function locate(request: OutputRequest): Promise<ResolvedOutput> {
  const file = request.path;
  const fd = descriptorOf(file);
  if (fd !== null) {
    let st: Stats;
    try {
      st = fstatSync(fd);
    } catch {
      refuse(`Cannot write "${file}": file descriptor ${fd} is not open.`);
    }
    return { request, target: { kind: "descriptor", fd }, identity: streamIdentity(st) };
  }
  let st: Stats;
  try {
    st = await fs.stat(file);
  } catch (e) {
    if (code(e) !== "ENOENT") refuse(`Cannot write "${file}" (${code(e)}).`);
    if ((await fs.lstat(file).catch(() => null))?.isSymbolicLink())
      refuse(`Cannot write "${file}": it is a symbolic link to a file that does not exist.`);
    const folder = path.dirname(path.resolve(file));
    const real = path.join(await realWritableFolder(file, folder), path.basename(file));
    return { request, target: { kind: "file", path: real, mode: null }, identity: `new:${real}` };
  }
  if (st.isDirectory()) refuse(`Cannot write "${file}": it is a folder.`);
  if (st.isFIFO() || st.isCharacterDevice())
    return { request, target: { kind: "device", path: file }, identity: streamIdentity(st) };
  if (!st.isFile()) refuse(`Cannot write "${file}": it is not a file, a pipe or a device.`);
  const real = await fs.realpath(file);
  await writableFolder(file, path.dirname(real));
  return {
    request,
    target: { kind: "file", path: real, mode: st.mode & 0o7777 },
    identity: fileIdentity(st),
  };
}

/** The identity of an open descriptor (standard output or error), null when it is closed. */
function descriptorIdentity(fd: number): string | null {
  try {
    return fileIdentity(fstatSync(fd));
  } catch {
    return null;
  }
}

async function isEarlierOutput(output: ResolvedOutput, file: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return false;
  }
  const role = output.request.role;
  return role === "workbook"
    ? isKpiCascadeOutput(bytes)
    : role === "csv"
      ? isKpiCascadeCsv(bytes)
      : isKpiCascadeReport(bytes);
}

/** Refuses an existing file the user may want to keep: read-only, or not written by kpi-cascade. */
async function mayReplace(output: ResolvedOutput, force: boolean): Promise<void> {
  const { target, request } = output;
  if (force || target.kind !== "file" || target.mode === null) return;
  if ((target.mode & 0o222) === 0)
    refuse(`"${request.path}" is read-only; add --force to replace it.`);
  if (!(await isEarlierOutput(output, target.path)))
    refuse(
      `"${request.path}" exists and was not written by kpi-cascade; choose another name, or add --force to replace it.`
    );
}

/** All the results; when some fail, the failure of the first in order (as one at a time would). */
async function inOrder<T>(work: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/**
 * The start of every command: its inputs and all its outputs checked before anything is read or
 * written. Throws a UsageError (exit status 2, nothing written) when an input is not a regular
 * file, or an output is an input, repeats another output, or cannot or may not be written.
 */
export async function checkRun(
  inputFiles: readonly string[],
  requests: readonly OutputRequest[],
  force: boolean
): Promise<ResolvedOutput[]> {
  const inputs: CheckedInput[] = [];
  for (const file of inputFiles) inputs.push(await checkInput(file));
  const outputs: ResolvedOutput[] = [];
  try {
    // Many outputs (the files of `split`) are looked at a batch at a time.
    for (let i = 0; i < requests.length; i += PARALLEL)
      outputs.push(...(await inOrder(requests.slice(i, i + PARALLEL).map(locate))));
  } finally {
    checkedFolders.clear();
  }
  const standard: [number, string][] = [
    [1, "standard output"],
    [2, "standard error"],
  ];
  for (const input of inputs) {
    for (const [fd, name] of standard)
      if (descriptorIdentity(fd) === input.identity)
        refuse(`The ${name} is the input workbook "${input.path}"; redirect it to another file.`);
    for (const o of outputs)
      if (o.identity === input.identity)
        refuse(
          `The output "${o.request.path}" (${o.request.option}) is the input workbook "${input.path}"; choose another file so the original stays untouched.`
        );
  }
  outputs.forEach((o, i) => {
    const twin = outputs.slice(0, i).find((p) => o.identity !== null && p.identity === o.identity);
    if (twin)
      refuse(
        `${twin.request.option} "${twin.request.path}" and ${o.request.option} "${o.request.path}" are the same file; give each output its own file.`
      );
  });
  for (let i = 0; i < outputs.length; i += PARALLEL)
    await inOrder(outputs.slice(i, i + PARALLEL).map((o) => mayReplace(o, force)));
  return outputs;
}

/** True when an output goes to standard output, so the human-readable text must move to stderr. */
export function writesToStdout(outputs: readonly ResolvedOutput[]): boolean {
  const stdout = descriptorIdentity(1);
  return outputs.some(
    (o) =>
      (o.target.kind === "descriptor" && o.target.fd === 1) ||
      (o.target.kind !== "file" && o.identity !== null && o.identity === stdout)
  );
}

export type OutputContent = Partial<Record<OutputRequest["role"], string | Uint8Array>>;

/** Temporary files are written in pieces, so a signal is handled between two of them. */
const CHUNK = 1 << 20;

function temporaryBeside(file: string): string {
  const name = `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  return path.join(path.dirname(file), name);
}

async function discard(tmp: string): Promise<void> {
  await fs.rm(tmp, { force: true });
  releaseTemporary(tmp);
}

/** Writes the whole file beside its target and flushes it to disk, so the rename publishes complete bytes. */
async function writeTemporary(file: string, mode: number | null, data: Buffer): Promise<string> {
  const tmp = temporaryBeside(file);
  trackTemporary(tmp);
  try {
    const handle = await creating(fs.open(tmp, "wx"));
    try {
      for (let at = 0; at < data.length;)
        at += (await handle.write(data, at, Math.min(CHUNK, data.length - at))).bytesWritten;
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== null) await fs.chmod(tmp, mode); // a replaced file keeps its permissions
    return tmp;
  } catch (e) {
    await discard(tmp);
    throw e;
  }
}

async function writeDescriptor(fd: number, data: Buffer): Promise<void> {
  for (let at = 0; at < data.length;) {
    try {
      at += (await writeFd(fd, data, at, data.length - at)).bytesWritten;
    } catch (e) {
      if (code(e) !== "EAGAIN") throw e; // a non-blocking pipe that is full: wait for its reader
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

function asBuffer(data: string | Uint8Array): Buffer {
  return typeof data === "string"
    ? Buffer.from(data)
    : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

async function writeStream(
  target: Target,
  content: string | Uint8Array,
  print: (text: string) => void
): Promise<void> {
  const data = asBuffer(content);
  try {
    if (target.kind === "descriptor" && target.fd === 1) {
      if (typeof content === "string") print(content);
      else writeStdout(content);
    } else if (target.kind === "descriptor") await writeDescriptor(target.fd, data);
    else await fs.writeFile(target.path, data);
  } catch (e) {
    if (!isClosedPipe(e)) throw e; // a reader that stopped reading ends its stream, not the run
  }
}

/**
 * Writes every output: files to temporary files first, then the streams, then each file renamed
 * into place. A failure before the renames removes every temporary file and writes nothing more
 * (exit status 2). Text for standard output goes through `print`, so it shares the CLI's channel.
 */
export async function writeOutputs(
  outputs: readonly ResolvedOutput[],
  content: OutputContent,
  print: (text: string) => void
): Promise<void> {
  const staged: { tmp: string; file: string; output: ResolvedOutput }[] = [];
  let current: ResolvedOutput | null = null;
  const dataOf = (o: ResolvedOutput) => o.request.content ?? content[o.request.role];
  try {
    const files = outputs.filter((o) => o.target.kind === "file" && dataOf(o) !== undefined);
    for (let i = 0; i < files.length; i += PARALLEL) {
      const batch = files.slice(i, i + PARALLEL);
      const settled = await Promise.allSettled(
        batch.map(async (o) => {
          const target = o.target as Extract<Target, { kind: "file" }>;
          const tmp = await writeTemporary(
            target.path,
            target.mode,
            asBuffer(dataOf(o) as string | Uint8Array)
          );
          staged.push({ tmp, file: target.path, output: o });
        })
      );
      const failed = settled.findIndex((r) => r.status === "rejected");
      if (failed >= 0) {
        current = batch[failed];
        throw (settled[failed] as PromiseRejectedResult).reason;
      }
    }
    for (const o of outputs) {
      current = o;
      const data = dataOf(o);
      if (o.target.kind !== "file" && data !== undefined) await writeStream(o.target, data, print);
    }
    // Renamed in the order the outputs were named, whatever order their writes finished in.
    const order = new Map(outputs.map((o, i) => [o, i]));
    staged.sort((a, b) => (order.get(a.output) ?? 0) - (order.get(b.output) ?? 0));
    for (const s of staged) {
      current = s.output;
      await fs.rename(s.tmp, s.file);
      releaseTemporary(s.tmp);
    }
  } catch (e) {
    for (const s of staged) await discard(s.tmp);
    throw new UsageError(`Cannot write "${current?.request.path}" (${code(e)}).`);
  }
}
