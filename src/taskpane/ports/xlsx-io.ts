/**
 * Everything the browser's file mode does with a workbook file, through the same package reader
 * and writer as the command line (so a file reads and builds the same in both), in one module so
 * that webpack puts it in its own chunk, loaded only when a file is opened.
 */
import { PackageReading, readPackage } from "../../adapters/xlsx/read";
import { PackageRefused } from "../../adapters/xlsx/package/limits";
import { editSheet, emptyWorkbook, writePlan } from "../../adapters/xlsx/write";
import type { WorkbookPlan } from "../../planner/plan";
import type { SheetEdit } from "../../planner/settings-edit";
import { planTemplate } from "../../planner/template";

export type { PackageReading };

export function openWorkbook(bytes: Uint8Array): PackageReading {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new Error(
      "This file is not an .xlsx workbook. Save it from Excel as .xlsx and open it again."
    );
  try {
    return readPackage(bytes);
  } catch (e) {
    throw new Error(
      e instanceof PackageRefused
        ? `This workbook was refused: ${e.message}.`
        : "This .xlsx file could not be read: it may be damaged or password-protected."
    );
  }
}

/** A new workbook holding only the template sheets. */
export function templateWorkbook(): PackageReading {
  return readPackage(writePlan(emptyWorkbook(), { sheets: planTemplate() }).bytes);
}

/** The plan written into a copy of the workbook, read back: the open workbook is never half-written. */
export function withPlan(
  reading: PackageReading,
  plan: WorkbookPlan
): { reading: PackageReading; sheets: string[] } {
  const { bytes, sheets } = writePlan(reading, plan);
  return { reading: readPackage(bytes), sheets };
}

export function withEdit(reading: PackageReading, edit: SheetEdit): PackageReading {
  return readPackage(editSheet(reading, edit));
}
