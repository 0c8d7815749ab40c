/**
 * The check-in cycle's bytes in the pane's worker (issue 14): check-in files written and returned
 * files read by the same package writer and reader as `split` and `collect` on the command line,
 * and the files zipped into one download. Loaded on demand, like xlsx-io.ts.
 */
import { zipSync } from "fflate";
import { createdAt, checkInFileBytes, readReturnedFile } from "../../adapters/check-in-files";
import { Package } from "../../adapters/xlsx/package/opc";

export { checkInFileBytes, readReturnedFile };

/** When the file was created (its docProps), for the master's identity; "" when unknown. */
export function masterCreated(bytes: Uint8Array): string {
  if (bytes.length === 0) return "";
  try {
    return createdAt(new Package(bytes));
  } catch {
    return "";
  }
}

/** One zip of the files: workbooks stored (they are zips already), text deflated. */
export function zipFiles(entries: Record<string, Uint8Array | string>): Uint8Array {
  const encoder = new TextEncoder();
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, content] of Object.entries(entries))
    files[name] =
      typeof content === "string"
        ? [encoder.encode(content), { level: 6 }]
        : [content, { level: 0 }];
  return zipSync(files);
}
