/**
 * What each named style of a plan looks like, as data both writers apply: the Office.js writer
 * through range formats, the package writer as fonts, fills and cell formats in styles.xml.
 */
import { StyleName } from "./plan";

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  /** `RRGGBB` */
  color?: string;
  /** `RRGGBB` background */
  fill?: string;
  wrap?: boolean;
}

export const STYLE_SPECS: Record<StyleName, StyleSpec> = {
  title: { bold: true, size: 14, color: "1F3864" },
  subtitle: { bold: true, color: "1F3864" },
  header: { bold: true, color: "FFFFFF", fill: "1F4E79", wrap: true },
  owner: { bold: true, fill: "DDEBF7" },
  kra: { bold: true },
  kpi: {},
  label: { bold: true, color: "595959" },
  note: { italic: true, color: "7F7F7F" },
  link: { underline: true, color: "0563C1" },
  error: { bold: true, color: "C00000" },
  warning: { bold: true, color: "BF8F00" },
  info: { color: "2F5597" },
  input: { fill: "FFF2CC" },
};

/** Green, amber and red status cells: background and text colours (`RRGGBB`). */
export const STATUS_COLOURS = {
  green: { fill: "C6EFCE", font: "006100" },
  amber: { fill: "FFEB9C", font: "9C5700" },
  red: { fill: "FFC7CE", font: "9C0006" },
} as const;
