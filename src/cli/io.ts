/** Inputs of the commands: regular files only, checked at once, read whole, and a workbook. */
import { Stats, promises as fs } from "fs";
import { looksLikeXls } from "../adapters/workbook-input";
import { looksLikeZip } from "../adapters/xlsx/package/zip-read";
import { UsageError } from "./args";

/** An input that exists and is a regular file, with the identity outputs are compared against. */
export interface CheckedInput {
  path: string;
  /** `device:inode`, the same through every link and spelling of its path. */
  identity: string;
}

/** Device and inode: one file, however it is named. */
export function fileIdentity(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

function cannotRead(file: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  return new UsageError(
    code === "ENOENT"
      ? `Cannot find the file "${file}".`
      : code === "EISDIR"
        ? `"${file}" is a folder, not a workbook.`
        : `Cannot read "${file}" (${code ?? "unknown error"}).`
  );
}

/**
 * Refuses at once an input that is not a regular file: reading `/dev/zero` never ends, and a pipe
 * or a terminal would block waiting for bytes. Only `stat` is called, so nothing blocks here.
 */
export async function checkInput(file: string): Promise<CheckedInput> {
  let st;
  try {
    st = await fs.stat(file);
  } catch (e) {
    throw cannotRead(file, e);
  }
  if (st.isDirectory()) throw new UsageError(`"${file}" is a folder, not a workbook.`);
  if (!st.isFile())
    throw new UsageError(
      `"${file}" is not a regular file (it is a pipe, a device or a socket); save the workbook to a file and name that file.`
    );
  return { path: file, identity: fileIdentity(st) };
}

export async function readInput(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw cannotRead(file, e);
  }
  // A password-protected .xlsx is a compound file holding the encrypted package: said at once,
  // even when the compound file around it is damaged.
  if (looksLikeCompoundFile(bytes) && encryptedPackage(bytes))
    throw new UsageError(
      `"${file}" is a password-protected workbook; remove the password in Excel (File > Info > Protect Workbook) and save it again as .xlsx.`
    );
  if (!looksLikeZip(bytes) && !looksLikeXls(bytes) && !/\.csv$/i.test(file))
    throw new UsageError(
      /\.xls$/i.test(file)
        ? `"${file}" is not an Excel 97–2003 workbook (it may be a web page or XML saved with an .xls name); open it in Excel and save it as "Excel Workbook (*.xlsx)".`
        : `"${file}" is not an .xlsx workbook (an .xlsx file is a zip archive; save it from Excel as "Excel Workbook (*.xlsx)").`
    );
  return bytes;
}

/** The OLE compound file signature: .xls files, and password-protected .xlsx files. */
function looksLikeCompoundFile(bytes: Buffer): boolean {
  return (
    bytes.length >= 8 &&
    bytes.readUInt32BE(0) === 0xd0cf11e0 &&
    bytes.readUInt32BE(4) === 0xa1b11ae1
  );
}

/**
 * Excel encrypts an .xlsx into a compound file with an `EncryptedPackage` stream (named in
 * UTF-16), and no `Workbook` stream: an .xls whose text merely holds the word is read as an .xls.
 */
function encryptedPackage(bytes: Buffer): boolean {
  return (
    bytes.includes(Buffer.from("EncryptedPackage", "utf16le")) &&
    !bytes.includes(Buffer.from("Workbook", "utf16le"))
  );
}
