/**
 * Printing like a document: the header and footer every generated sheet carries, and the
 * translation of a plan's header/footer text into Excel's codes, shared by every writer.
 */
import { HeaderFooterPlan, MAX_PAGE_BREAKS, PrintPlan } from "./plan";

/** Landscape, one page wide, header rows repeated; the file and as-of date on top, page x of y below. */
export function documentPrint(
  title: string,
  asOf: string,
  headerRow: number,
  breaksBefore: readonly number[] = []
): PrintPlan {
  return {
    landscape: true,
    fitToWidth: true,
    repeatRows: `${headerRow}:${headerRow}`,
    ...(breaksBefore.length
      ? { breaksBefore: breaksBefore.filter((r) => r > 1).slice(0, MAX_PAGE_BREAKS) }
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
