/**
 * Printing like a document: the header and footer every generated sheet carries, and the
 * translation of a plan's header/footer text into Excel's codes, shared by every writer.
 */
import { HeaderFooterPlan, MAX_PAGE_BREAKS, PrintPlan } from "./plan";

/** The printable width of a landscape page in points: Letter's (the narrower of A4 and Letter) less 0.7" margins. */
const PRINTABLE_POINTS = 11 * 72 - 2 * 0.7 * 72;

/**
 * Fonts differ between Excel and LibreOffice (and the machines they print on): keep this much
 * room so the last column never spills onto a page of its own.
 */
const WIDTH_MARGIN = 0.85;

/**
 * The zoom (percent) at which the visible columns fill one landscape page wide. A column of width
 * w (in characters) is w × 7 + 5 pixels, 0.75 points each.
 */
export function scaleToPageWidth(
  widths: readonly number[],
  hidden: readonly number[] = []
): number {
  let points = 0;
  widths.forEach((w, c) => {
    if (!hidden.includes(c)) points += (w * 7 + 5) * 0.75;
  });
  return Math.max(
    10,
    Math.min(100, Math.floor(((PRINTABLE_POINTS * WIDTH_MARGIN) / Math.max(points, 1)) * 100))
  );
}

/**
 * Landscape, one page wide, header rows repeated; the file and as-of date on top, page x of y
 * below. With page breaks, a zoom that fits the columns replaces "fit to width" (which would
 * make Excel ignore the breaks).
 */
export function documentPrint(
  title: string,
  asOf: string,
  headerRow: number,
  columns?: {
    widths: readonly number[];
    hidden?: readonly number[];
    breaksBefore: readonly number[];
  }
): PrintPlan {
  const breaks = (columns?.breaksBefore ?? []).filter((r) => r > 1).slice(0, MAX_PAGE_BREAKS);
  return {
    landscape: true,
    fitToWidth: breaks.length === 0,
    repeatRows: `${headerRow}:${headerRow}`,
    ...(breaks.length && columns
      ? { breaksBefore: breaks, scale: scaleToPageWidth(columns.widths, columns.hidden) }
      : {}),
    header: { left: "{file}", center: title, right: `As of ${asOf}` },
    footer: { left: "{sheet}", right: "Page {page} of {pages}" },
  };
}

const TOKENS: Record<string, string> = {
  "{page}": "&P",
  "{pages}": "&N",
  "{sheet}": "&A",
  "{file}": "&F",
};

/** One part in Excel's header/footer code: `&` doubled, tokens to `&P`, `&N`, `&A`, `&F`. */
export function headerFooterPart(text: string): string {
  return text.replace(/&/g, "&&").replace(/\{(page|pages|sheet|file)\}/g, (t) => TOKENS[t]);
}

/** The whole header or footer as one code string, `&L…&C…&R…` (ExcelJS's oddHeader/oddFooter). */
export function headerFooterCode(plan: HeaderFooterPlan): string {
  const part = (code: string, text: string | undefined) =>
    text ? `${code}${headerFooterPart(text)}` : "";
  return `${part("&L", plan.left)}${part("&C", plan.center)}${part("&R", plan.right)}`;
}
