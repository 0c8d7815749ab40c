/** File handling for the commands: read an input that must be an xlsx, write outputs whole or not at all. */
import { promises as fs } from "fs";
import * as path from "path";
import { UsageError } from "./args";

export async function readInput(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? `Cannot find the file "${file}".`
        : code === "EISDIR"
          ? `"${file}" is a folder, not a workbook.`
          : `Cannot read "${file}" (${code ?? "unknown error"}).`
    );
  }
  if (looksLikeCompoundFile(bytes))
    throw new UsageError(
      encryptedPackage(bytes)
        ? `"${file}" is a password-protected workbook; remove the password in Excel (File > Info > Protect Workbook) and save it again as .xlsx.`
        : `"${file}" is an old-style .xls workbook; open it in Excel and save it as "Excel Workbook (*.xlsx)".`
    );
  if (!looksLikeZip(bytes) && !/\.csv$/i.test(file))
    throw new UsageError(
      `"${file}" is not an .xlsx workbook (an .xlsx file is a zip archive; save it from Excel as "Excel Workbook (*.xlsx)").`
    );
  return bytes;
}

/** A zip archive starts with `PK\x03\x04`: the cheapest honest test for "is this an xlsx at all". */
function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/** The OLE compound file signature: legacy .xls files, and password-protected .xlsx files. */
function looksLikeCompoundFile(bytes: Buffer): boolean {
  return (
    bytes.length >= 8 &&
    bytes.readUInt32BE(0) === 0xd0cf11e0 &&
    bytes.readUInt32BE(4) === 0xa1b11ae1
  );
}

/** Excel encrypts an .xlsx into a compound file with an `EncryptedPackage` stream (named in UTF-16). */
function encryptedPackage(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from("EncryptedPackage", "utf16le"));
}

export function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** Writes through a temporary file and a rename, so a failed run never leaves half a file behind. */
export async function writeWhole(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${process.pid}.tmp`
  );
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new UsageError(
      `Cannot write "${file}" (${(e as NodeJS.ErrnoException).code ?? "unknown error"}).`
    );
  }
}
