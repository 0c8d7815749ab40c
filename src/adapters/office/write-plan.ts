/**
 * Applies a WorkbookPlan to the open workbook through Office.js. It batches: a fixed number of
 * `context.sync()` calls for structure and formatting, plus one per chunk of cell data of at most
 * 4 MiB in UTF-8 bytes of the serialised request (Excel on the web rejects requests over 5 MB) —
 * never one per row or cell. Text is written
 * with a leading apostrophe where Excel would otherwise read it as a formula.
 */
import { a1, columnLetters } from "../../engine/address";
import { jsonBytes, utf8Bytes } from "./request-size";
import { addCharts, addNotes, notesSupported } from "./charts";
import { MarkerClaim, verifiedSheets } from "./generated-sheets";
import {
  checkedMarkerName,
  freeSheetName,
  freeTableName,
  markedSheet,
  parseMarker,
  planChecksum,
  sheetAnchor,
} from "../../planner/generated";
import {
  CellPlan,
  ConditionalFormatPlan,
  SheetPlan,
  WorkbookPlan,
  WriteProgress,
} from "../../planner/plan";
import { headerFooterPart } from "../../planner/plan-print";
import { withSheetNames } from "../../planner/sheet-names";
import { STYLE_SPECS, StyleSpec } from "../../planner/styles";
import { fitCell } from "../../planner/cell-text";

/** The requirement set this writer needs (RangeAreas, page layout); declared in manifest.xml. */
export const REQUIRED_EXCEL_API = "1.9";

export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
/** Cell data per chunk, in bytes: below the batch limit, leaving room for the requests around it. */
const CELL_CHUNK_BYTES = 3.5 * 1024 * 1024;

export interface WriteResult {
  sheets: string[];
  /** Sheets a marker claims that do not hold what the tool wrote (edited, or a copied marker): kept. */
  kept: string[];
  syncs: number;
  /** Estimated size of the largest batch: UTF-8 bytes of the JSON of what it sends. */
  maxPayloadBytes: number;
}

/** What a plan cell becomes in `range.formulas`: Excel reads a leading `=`, `+`, `-` or `@` as a formula. */
export function formulaInput(cell: CellPlan | null): string | number | boolean {
  if (!cell) return "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  // Data copied from an input's error cell: its text (this writer never copies input data).
  const v = cell.error ?? cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return /^[=+\-@'\s]/.test(v) ? `'${fitCell(v)}` : fitCell(v);
  // Infinity and NaN are no number Excel accepts: such a cell stays empty.
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  return v;
}

/** A plan row as written to `range.formulas`, padded to the range's width. */
function rowFormulas(
  line: readonly (CellPlan | null)[],
  columns: number
): (string | number | boolean)[] {
  return Array.from({ length: columns }, (_, c) => formulaInput(line[c] ?? null));
}

/** A plan row as written to `range.numberFormat`, padded to the range's width. */
function rowFormats(line: readonly (CellPlan | null)[], columns: number): string[] {
  return Array.from({ length: columns }, (_, c) => line[c]?.format ?? "General");
}

/**
 * Rows of a sheet in chunks whose request stays under the limit, measured as sent: UTF-8 bytes
 * of the JSON of the padded formulas and number formats.
 */
export function chunkRows(
  plan: SheetPlan,
  limit = CELL_CHUNK_BYTES
): { from: number; to: number; bytes: number }[] {
  const chunks: { from: number; to: number; bytes: number }[] = [];
  const columns = width(plan);
  let from = 0;
  let bytes = 0;
  plan.rows.forEach((line, r) => {
    // Each row is an element of two arrays (formulas, number formats): one comma in each.
    const size = jsonBytes(rowFormulas(line, columns)) + jsonBytes(rowFormats(line, columns)) + 2;
    if (bytes + size > limit && r > from) {
      chunks.push({ from, to: r, bytes });
      from = r;
      bytes = 0;
    }
    bytes += size;
  });
  if (plan.rows.length > from) chunks.push({ from, to: plan.rows.length, bytes });
  return chunks;
}

function width(plan: SheetPlan): number {
  let widest = 1;
  for (const r of plan.rows) if (r.length > widest) widest = r.length;
  return widest;
}

/** Addresses of the cells that share a key, merged into runs along each row (`A5:D5`). */
function areasBy<K>(
  plan: SheetPlan,
  keyOf: (cell: CellPlan | null) => K | undefined
): Map<K, string[]> {
  const areas = new Map<K, string[]>();
  plan.rows.forEach((line, r) => {
    let c = 0;
    while (c < line.length) {
      const key = keyOf(line[c]);
      if (key === undefined) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < line.length && keyOf(line[end + 1]) === key) end++;
      const list = areas.get(key) ?? [];
      list.push(end > c ? `${a1(r, c)}:${a1(r, end)}` : a1(r, c));
      areas.set(key, list);
      c = end + 1;
    }
  });
  return areas;
}

/** Areas per getRanges call: Excel limits the length of one address list. */
const AREAS_PER_CALL = 200;

function inGroups<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * About what Office.js serialises for one object path or action besides its arguments (ids, type,
 * name, as JSON): the requests around the cell data are counted with it.
 */
const ENTRY_BYTES = 170;

/** Queues a style on some areas; returns the estimated bytes of what it queued. */
/** A named style (planner/styles.ts) on a range; colours are `RRGGBB` there, `#RRGGBB` here. */
function applyStyle(sheet: Excel.Worksheet, address: string, spec: StyleSpec): number {
  const format = sheet.getRanges(address).format;
  if (spec.bold !== undefined) format.font.bold = spec.bold;
  if (spec.italic !== undefined) format.font.italic = spec.italic;
  if (spec.underline) format.font.underline = Excel.RangeUnderlineStyle.single;
  if (spec.size !== undefined) format.font.size = spec.size;
  if (spec.color) format.font.color = `#${spec.color}`;
  if (spec.fill) format.fill.color = `#${spec.fill}`;
  // getRanges and format, then for each property its font or fill and the value set.
  const properties = Object.values(spec).filter((v) => v !== undefined).length;
  return utf8Bytes(address) + (2 + 2 * properties) * ENTRY_BYTES;
}

function conditionalFormat(sheet: Excel.Worksheet, cf: ConditionalFormatPlan): void {
  const ranges = sheet.getRanges(cf.range.split(" ").join(","));
  if (cf.kind === "icons") {
    // eslint-disable-next-line office-addins/load-object-before-read -- a nested object reached to set it, not a value read
    const icons = ranges.conditionalFormats.add(Excel.ConditionalFormatType.iconSet).iconSet;
    icons.style = Excel.IconSet.threeTrafficLights1;
    icons.criteria = [
      {} as Excel.ConditionalIconCriterion,
      {
        type: Excel.ConditionalFormatIconRuleType.number,
        operator: Excel.ConditionalIconCriterionOperator.greaterThanOrEqual,
        formula: String(cf.thresholds[0] - 1e-9),
      },
      {
        type: Excel.ConditionalFormatIconRuleType.number,
        operator: Excel.ConditionalIconCriterionOperator.greaterThanOrEqual,
        formula: String(cf.thresholds[1] - 1e-9),
      },
    ];
  } else if (cf.kind === "dataBar") {
    // eslint-disable-next-line office-addins/load-object-before-read -- a nested object reached to set it, not a value read
    const bar = ranges.conditionalFormats.add(Excel.ConditionalFormatType.dataBar).dataBar;
    bar.lowerBoundRule = { type: Excel.ConditionalFormatRuleType.number, formula: String(cf.min) };
    bar.upperBoundRule = { type: Excel.ConditionalFormatRuleType.number, formula: String(cf.max) };
    bar.positiveFormat.fillColor = `#${cf.color.slice(2)}`;
  } else if (cf.kind === "colorScale") {
    ranges.conditionalFormats.add(Excel.ConditionalFormatType.colorScale).colorScale.criteria = {
      minimum: {
        type: Excel.ConditionalFormatColorCriterionType.number,
        formula: String(cf.min),
        color: "#F8696B",
      },
      midpoint: {
        type: Excel.ConditionalFormatColorCriterionType.number,
        formula: String(cf.mid),
        color: "#FFEB84",
      },
      maximum: {
        type: Excel.ConditionalFormatColorCriterionType.number,
        formula: String(cf.max),
        color: "#63BE7B",
      },
    };
  } else if (cf.kind === "expression") {
    // eslint-disable-next-line office-addins/load-object-before-read -- a nested object reached to set it, not a value read
    const custom = ranges.conditionalFormats.add(Excel.ConditionalFormatType.custom).custom;
    custom.rule.formula = `=${cf.formula}`;
    custom.format.font.italic = true;
    custom.format.font.color = "#8C8C8C";
  } else {
    // eslint-disable-next-line office-addins/load-object-before-read -- a nested object reached to set it, not a value read
    const rule = ranges.conditionalFormats.add(Excel.ConditionalFormatType.cellValue).cellValue;
    const [fill, font] = {
      green: ["#C6EFCE", "#006100"],
      amber: ["#FFEB9C", "#9C5700"],
      red: ["#FFC7CE", "#9C0006"],
    }[cf.style];
    rule.format.fill.color = fill;
    rule.format.font.color = font;
    rule.rule = { formula1: `="${cf.text}"`, operator: Excel.ConditionalCellValueOperator.equalTo };
  }
}

/** Queues the formatting of one sheet, syncing whenever the queued requests near the size limit. */
async function formatSheet(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  batches: Batches,
  tableNames: string[]
): Promise<void> {
  plan.columnWidths.forEach((w, c) => {
    // Plan widths are in characters; Excel's columnWidth is in points (about 7 per character).
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = w * 7;
  });
  for (const c of plan.hiddenColumns ?? [])
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).columnHidden = true;
  await batches.queue(
    (3 * plan.columnWidths.length + 2 * (plan.hiddenColumns?.length ?? 0)) * ENTRY_BYTES
  );
  const byHeight = new Map<number, string[]>();
  for (const { row, height } of plan.rowHeights ?? []) {
    const rows = byHeight.get(height);
    if (rows) rows.push(`${row}:${row}`);
    else byHeight.set(height, [`${row}:${row}`]);
  }
  for (const [height, rows] of byHeight) {
    for (const group of inGroups(rows, AREAS_PER_CALL)) {
      sheet.getRanges(group.join(",")).format.rowHeight = height;
      await batches.queue(utf8Bytes(group.join(",")) + 2 * ENTRY_BYTES);
    }
  }
  for (const [style, areas] of areasBy(plan, (cell) => cell?.style)) {
    for (const group of inGroups(areas, AREAS_PER_CALL)) {
      await batches.queue(applyStyle(sheet, group.join(","), STYLE_SPECS[style]));
    }
  }
  for (const [indent, areas] of areasBy(plan, (cell) =>
    cell?.indent ? Math.min(cell.indent, 15) : undefined
  )) {
    for (const group of inGroups(areas, AREAS_PER_CALL)) {
      sheet.getRanges(group.join(",")).format.indentLevel = indent;
      await batches.queue(utf8Bytes(group.join(",")) + 3 * ENTRY_BYTES);
    }
  }
  for (const areas of areasBy(plan, (cell) => cell?.wrap || undefined).values()) {
    for (const group of inGroups(areas, AREAS_PER_CALL)) {
      const format = sheet.getRanges(group.join(",")).format;
      format.wrapText = true;
      format.verticalAlignment = Excel.VerticalAlignment.top;
      await batches.queue(group.join(",").length + 100);
    }
  }
  for (const m of plan.merges ?? []) sheet.getRange(m).merge();
  if (plan.frozen?.rows) sheet.freezePanes.freezeRows(plan.frozen.rows);
  if (plan.frozen?.columns) sheet.freezePanes.freezeColumns(plan.frozen.columns);
  await batches.queue((2 * (plan.merges?.length ?? 0) + 4) * ENTRY_BYTES);
  for (const cf of plan.conditionalFormats ?? []) {
    conditionalFormat(sheet, cf);
    // The areas, then conditionalFormats, add, the rule object and its settings.
    await batches.queue(utf8Bytes(cf.range) + 12 * ENTRY_BYTES);
  }
  for (const v of plan.validations ?? []) {
    // Drop-down lists only: the number checks of check-in files are written by the package writer.
    if (!v.list) continue;
    const source = Array.isArray(v.list) ? v.list.join(",") : `=${v.list.range}`;
    const validation = sheet.getRange(v.range).dataValidation;
    validation.rule = { list: { inCellDropDown: true, source } };
    await batches.queue(utf8Bytes(v.range) + utf8Bytes(source) + 3 * ENTRY_BYTES);
    if (v.allowOther)
      validation.errorAlert = {
        showAlert: true,
        style: Excel.DataValidationAlertStyle.warning,
        title: "Not in the list",
        message: "This value is not in the list. Keep it if it is right (a unit ID, for example).",
      };
  }
  if (plan.table) {
    const t = plan.table;
    const last = plan.rows.length;
    const table = sheet.tables.add(
      `${a1(t.headerRow - 1, t.column)}:${a1(last - 1, t.column + t.columns - 1)}`,
      true
    );
    // Table names are unique across the workbook: a template next to the user's own tblKPIs gets tblKPIs2.
    table.name = freeTableName(t.name, tableNames);
    tableNames.push(table.name);
  }
  if (plan.print) {
    sheet.pageLayout.orientation = plan.print.landscape
      ? Excel.PageOrientation.landscape
      : Excel.PageOrientation.portrait;
    if (plan.print.fitToWidth)
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    else if (plan.print.scale) sheet.pageLayout.zoom = { scale: plan.print.scale };
    if (plan.print.repeatRows)
      sheet.pageLayout.setPrintTitleRows(`$${plan.print.repeatRows.replace(":", ":$")}`);
    for (const r of plan.print.breaksBefore ?? []) {
      sheet.horizontalPageBreaks.add(`A${r}`);
      await batches.queue(60);
    }
    const pages = sheet.pageLayout.headersFooters.defaultForAllPages;
    const { header, footer } = plan.print;
    if (header?.left) pages.leftHeader = headerFooterPart(header.left);
    if (header?.center) pages.centerHeader = headerFooterPart(header.center);
    if (header?.right) pages.rightHeader = headerFooterPart(header.right);
    if (footer?.left) pages.leftFooter = headerFooterPart(footer.left);
    if (footer?.center) pages.centerFooter = headerFooterPart(footer.center);
    if (footer?.right) pages.rightFooter = headerFooterPart(footer.right);
  }
  if (plan.tabColor) sheet.tabColor = `#${plan.tabColor.slice(2)}`;
  if (plan.hidden)
    sheet.visibility =
      plan.hidden === "veryHidden"
        ? Excel.SheetVisibility.veryHidden
        : Excel.SheetVisibility.hidden;
  addCharts(sheet, plan.charts ?? []);
  await batches.queue(addNotes(sheet, plan, notesSupported()) * 300);
}

/** Counts syncs and measures what each batch sends (estimated as the UTF-8 JSON of the queued data). */
class Batches {
  syncs = 0;
  maxPayloadBytes = 0;
  private pending = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  /** Counts what a queued request sends; syncs first when it would take the batch over the limit. */
  async queue(bytes: number): Promise<void> {
    if (this.pending + bytes > MAX_CHUNK_BYTES && this.pending > 0) await this.sync();
    this.pending += bytes;
  }
  async sync(): Promise<void> {
    this.maxPayloadBytes = Math.max(this.maxPayloadBytes, this.pending);
    this.pending = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/**
 * Writes the plan. All or nothing: the new sheets are written under names no sheet has, and only
 * once every one is complete are the sheets of the previous build deleted, the new ones given
 * their names and the markers added. If anything fails, the sheets this call added are deleted
 * and the workbook is as it was.
 */
export async function applyPlanToExcel(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  onProgress: (p: WriteProgress) => void = () => undefined
): Promise<WriteResult> {
  const batches = new Batches(context);
  const { workbook } = context;
  onProgress({ stage: "preparing" });
  const worksheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name,items/formula");
  const tables = workbook.tables.load("items/name");
  await batches.sync();

  const markers: Excel.NamedItem[] = [];
  const claims: MarkerClaim[] = [];
  // Only the kinds this plan writes are replaced: inserting a template keeps the last build.
  const replaced = new Set<string>(plan.sheets.map((s) => s.kind));
  for (const item of names.items) {
    const marker = parseMarker(item.name);
    if (!marker || !replaced.has(marker.kind)) continue;
    const sheet = markedSheet(item.formula.replace(/^=/, ""));
    if (sheet !== null) claims.push({ sheet, checksum: marker.checksum });
    markers.push(item);
  }
  const generated = await verifiedSheets(context, claims, () => batches.sync());
  const kept = [...new Set(claims.map((c) => c.sheet))].filter(
    (sheet) => !generated.has(sheet) && worksheets.items.some((w) => w.name === sheet)
  );
  const allNames = worksheets.items.map((w) => w.name);
  const userNames = allNames.filter((n) => !generated.has(n));
  const tableNames = tables.items.map((t) => t.name);
  const added: string[] = [];
  try {
    const targets: { plan: SheetPlan; sheet: Excel.Worksheet; name: string }[] = [];
    for (const sheetPlan of plan.sheets)
      added.push(freeSheetName(sheetPlan.name, [...allNames, ...added]));
    // The formulas name the sheets as they are written; Excel renames them with the sheets below.
    withSheetNames(plan, added).sheets.forEach((sheetPlan, i) =>
      targets.push({ plan: sheetPlan, sheet: workbook.worksheets.add(added[i]), name: added[i] })
    );
    await batches.sync();

    for (const [n, { plan: sheetPlan, sheet }] of targets.entries()) {
      const planned = plan.sheets[n].name;
      const chunks = chunkRows(sheetPlan);
      const columns = width(sheetPlan);
      for (const [i, chunk] of chunks.entries()) {
        onProgress({
          stage: "writing",
          sheet: planned,
          chunk: i + 1,
          chunks: chunks.length,
        });
        await batches.queue(chunk.bytes);
        const rows = sheetPlan.rows.slice(chunk.from, chunk.to);
        const range = sheet.getRange(`A${chunk.from + 1}:${columnLetters(columns - 1)}${chunk.to}`);
        range.numberFormat = rows.map((line) => rowFormats(line, columns));
        range.formulas = rows.map((line) => rowFormulas(line, columns));
        await batches.sync();
      }
      onProgress({ stage: "formatting", sheet: planned });
      await formatSheet(sheet, sheetPlan, batches, tableNames);
    }
    await batches.sync();

    // Every new sheet is complete: swap out the previous build's sheets.
    for (const marker of markers) marker.delete();
    for (const name of generated) workbook.worksheets.getItem(name).delete();
    const finalNames: string[] = [];
    for (const [i, t] of targets.entries()) {
      const final = freeSheetName(plan.sheets[i].name, [...userNames, ...finalNames]);
      finalNames.push(final);
      if (final !== t.name) t.sheet.name = final;
      if (t.plan.kind !== "template")
        // The same marker as the package writer's, so a file build can verify these sheets too.
        workbook.names.add(
          checkedMarkerName(t.plan.kind, planChecksum(t.plan)),
          t.sheet.getRange("A1"),
          sheetAnchor(final)
        );
    }
    await batches.sync();
    onProgress({ stage: "done" });
    return {
      sheets: finalNames,
      kept,
      syncs: batches.syncs,
      maxPayloadBytes: batches.maxPayloadBytes,
    };
  } catch (error) {
    await removeSheets(context, added);
    throw error;
  }
}

/** Best effort: the sheets a failed write added. The original error is the one worth reporting. */
async function removeSheets(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<void> {
  try {
    for (const name of names) context.workbook.worksheets.getItemOrNullObject(name).delete();
    await context.sync();
  } catch {
    // The workbook refused even the clean-up; the caller reports the first failure.
  }
}

/** A clear message when this Excel lacks what the writer needs; null when it has it. */
export function missingRequirement(office: {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
}): string | null {
  if (office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) return null;
  return `Building scorecards needs Excel API ${REQUIRED_EXCEL_API} (Excel 2019 or later, Microsoft 365, or Excel on the web). This Excel is older: use the kpi-cascade command line on the file instead.`;
}
