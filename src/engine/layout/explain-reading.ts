/** Plain-words hints about the layout reader's reading, shared by findings and `--explain`. */
import { SheetReading } from "./workbook-layout";

/**
 * Why no table was found, when a sheet came close: `; sheet "Q3" has only "KPI" on row 3 (a
 * header needs two known columns, such as KPI and Target)`.
 */
export function headerHint(readings: readonly SheetReading[]): string {
  const near = readings.find((r) => r.layout.kind === "none" && r.layout.near)?.layout;
  if (!near?.near) return "";
  const row = (near.sheet.rowOffset ?? 0) + near.near.row + 1;
  const found = near.near.headers.map((h) => `"${h}"`).join(", ");
  return `; sheet "${near.sheet.name}" has only ${found} on row ${row}, and a header needs a KPI name column and one more known column (such as KPI and Target)`;
}
