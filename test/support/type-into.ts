/**
 * A person's edits to a check-in file, written into the package the way Excel would save them:
 * values in the cells named, every other part of the file as it was.
 */
import { readPackage } from "../../src/adapters/xlsx/read";
import { editSheet } from "../../src/adapters/xlsx/write";

/** The file with these cells typed in (`{ J8: 0.97 }`), on the check-ins sheet unless another is named. */
export function typeInto(
  bytes: Uint8Array,
  cells: Record<string, string | number | null>,
  sheet = "Check-ins"
): Uint8Array {
  return editSheet(readPackage(bytes), {
    sheet,
    create: false,
    writes: Object.entries(cells).map(([address, value]) => ({ address, value })),
  });
}
