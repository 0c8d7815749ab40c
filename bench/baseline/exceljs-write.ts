/**
 * The baseline for `npm run bench` only: how `build` wrote workbooks before the package writer
 * (ExcelJS loads the whole workbook and saves it again, dropping what it does not model).
 *
 * Applies a WorkbookPlan to an ExcelJS workbook: replaces the sheets an earlier build generated
 * (recognised by their marker names), adds the planned sheets after the user's, and touches
 * nothing else. Text is written as text: ExcelJS only writes a formula for a `{formula}` value.
 */
import ExcelJS from "exceljs";
import {
  MARKER_PREFIX,
  freeSheetName,
  freeTableName,
  markerName,
  sheetAnchor,
} from "../../src/planner/generated";
import {
  CellPlan,
  ConditionalFormatPlan,
  SheetPlan,
  StyleName,
  WorkbookPlan,
} from "../../src/planner/plan";

type Style = Partial<ExcelJS.Style>;

const fill = (argb: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb },
});

const STYLES: Record<StyleName, Style> = {
  title: { font: { bold: true, size: 14, color: { argb: "FF1F3864" } } },
  subtitle: { font: { bold: true, size: 11, color: { argb: "FF1F3864" } } },
  header: {
    font: { bold: true, color: { argb: "FFFFFFFF" } },
    fill: fill("FF1F4E79"),
    alignment: { vertical: "middle", wrapText: true },
  },
  owner: { font: { bold: true, size: 11 }, fill: fill("FFDDEBF7") },
  kra: { font: { bold: true } },
  kpi: {},
  label: { font: { bold: true, color: { argb: "FF595959" } } },
  note: { font: { italic: true, color: { argb: "FF7F7F7F" } } },
  link: { font: { color: { argb: "FF0563C1" }, underline: true } },
  error: { font: { bold: true, color: { argb: "FFC00000" } } },
  warning: { font: { bold: true, color: { argb: "FFBF8F00" } } },
  info: { font: { color: { argb: "FF2F5597" } } },
  input: { fill: fill("FFFFF2CC") },
};

const STATUS_FILL = {
  green: ["FFC6EFCE", "FF006100"],
  amber: ["FFFFEB9C", "FF9C5700"],
  red: ["FFFFC7CE", "FF9C0006"],
} as const;

/** The sheets an earlier build made, by their marker names (removed along with them). */
function generatedSheets(wb: ExcelJS.Workbook): Map<string, string> {
  const bySheet = new Map<string, string>();
  wb.definedNames.forEach((name: string, cell: { sheetName?: string }) => {
    if (name.startsWith(MARKER_PREFIX) && cell.sheetName) bySheet.set(cell.sheetName, name);
  });
  return bySheet;
}

/** Removes the sheets an earlier build made of the kinds this plan writes, and only those. */
function removeGenerated(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  const replaced = new Set(plan.sheets.map((s) => markerName(s.kind)));
  for (const [sheet, name] of generatedSheets(wb)) {
    if (!replaced.has(name)) continue;
    const ws = wb.getWorksheet(sheet);
    if (ws) wb.removeWorksheet(ws.id);
    wb.definedNames.remove(sheetAnchor(sheet), name);
  }
}

function writeCell(cell: ExcelJS.Cell, plan: CellPlan): void {
  if (plan.formula !== undefined)
    cell.value = { formula: plan.formula } as ExcelJS.CellFormulaValue;
  else if (plan.value !== undefined && plan.value !== null) cell.value = plan.value;
  if (plan.format) cell.numFmt = plan.format;
  if (plan.comment) cell.note = plan.comment;
  const style = plan.style ? STYLES[plan.style] : undefined;
  if (style?.font) cell.font = style.font as ExcelJS.Font;
  if (style?.fill) cell.fill = style.fill;
  // Excel and LibreOffice show an indent only on left-aligned cells.
  if (style?.alignment || plan.indent)
    cell.alignment = {
      ...(style?.alignment ?? {}),
      ...(plan.indent ? { horizontal: "left", indent: plan.indent } : {}),
    };
}

function conditionalFormat(ws: ExcelJS.Worksheet, cf: ConditionalFormatPlan): void {
  const rules: ExcelJS.ConditionalFormattingRule[] = [];
  if (cf.kind === "icons") {
    rules.push({
      type: "iconSet",
      priority: 1,
      iconSet: "3TrafficLights1",
      cfvo: [
        { type: "num", value: -1e9 },
        { type: "num", value: cf.thresholds[0] - 1e-9 },
        { type: "num", value: cf.thresholds[1] - 1e-9 },
      ],
    } as unknown as ExcelJS.ConditionalFormattingRule);
  } else if (cf.kind === "dataBar") {
    rules.push({
      type: "dataBar",
      priority: 2,
      minLength: 0,
      maxLength: 100,
      gradient: true,
      cfvo: [
        { type: "num", value: cf.min },
        { type: "num", value: cf.max },
      ],
      color: { argb: cf.color },
    } as unknown as ExcelJS.ConditionalFormattingRule);
  } else if (cf.kind === "colorScale") {
    rules.push({
      type: "colorScale",
      priority: 3,
      cfvo: [
        { type: "num", value: cf.min },
        { type: "num", value: cf.mid },
        { type: "num", value: cf.max },
      ],
      color: [{ argb: "FFF8696B" }, { argb: "FFFFEB84" }, { argb: "FF63BE7B" }],
    } as unknown as ExcelJS.ConditionalFormattingRule);
  } else if (cf.kind === "textEquals") {
    const [bg, fg] = STATUS_FILL[cf.style];
    rules.push({
      type: "cellIs",
      priority: 4,
      operator: "equal",
      formulae: [`"${cf.text}"`],
      style: { fill: fill(bg), font: { color: { argb: fg }, bold: true } },
    } as unknown as ExcelJS.ConditionalFormattingRule);
  }
  ws.addConditionalFormatting({ ref: cf.range, rules });
}

/** An Excel table over the plan's header row and the rows below it (ExcelJS writes their values). */
function addTable(ws: ExcelJS.Worksheet, plan: SheetPlan, name: string): void {
  const t = plan.table as NonNullable<SheetPlan["table"]>;
  const header = plan.rows[t.headerRow - 1];
  const body = plan.rows.slice(t.headerRow);
  const cellAt = (line: (CellPlan | null)[], c: number) => line[t.column + c]?.value ?? null;
  ws.addTable({
    name,
    ref: `${String.fromCharCode(65 + t.column)}${t.headerRow}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: Array.from({ length: t.columns }, (_, c) => ({
      name: String(cellAt(header, c)),
      filterButton: true,
    })),
    rows: body.map((line) => Array.from({ length: t.columns }, (_, c) => cellAt(line, c))),
  });
}

/** Names of the tables already in the workbook (ExcelJS keeps a loaded table's model under `table`). */
function tableNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.flatMap((ws) =>
    (ws.getTables() as unknown as { name?: string; table?: { name?: string } }[]).map(
      (t) => t.table?.name ?? t.name ?? ""
    )
  );
}

function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    properties: plan.tabColor ? { tabColor: { argb: plan.tabColor } } : {},
  });
  plan.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const c of plan.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  if (plan.table) addTable(ws, plan, freeTableName(plan.table.name, tableNames(wb)));
  plan.rows.forEach((line, r) => {
    const row = ws.getRow(r + 1);
    line.forEach((cell, c) => {
      if (cell) writeCell(row.getCell(c + 1), cell);
    });
  });
  for (const m of plan.merges ?? []) ws.mergeCells(m);
  if (plan.frozen)
    ws.views = [{ state: "frozen", xSplit: plan.frozen.columns, ySplit: plan.frozen.rows }];
  for (const cf of plan.conditionalFormats ?? []) conditionalFormat(ws, cf);
  for (const v of plan.validations ?? []) {
    if (!v.list) continue;
    const formula = Array.isArray(v.list) ? `"${v.list.join(",")}"` : v.list.range;
    (
      ws as unknown as { dataValidations: { add(ref: string, dv: ExcelJS.DataValidation): void } }
    ).dataValidations.add(v.range, {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
    });
  }
  if (plan.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: plan.print.landscape ? "landscape" : "portrait",
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
      printTitlesRow: plan.print.repeatRows,
    };
  }
  return ws;
}

/** Writes the plan into the workbook, replacing what an earlier build wrote and nothing else. */
export function applyPlan(wb: ExcelJS.Workbook, plan: WorkbookPlan): string[] {
  removeGenerated(wb, plan);
  const written: string[] = [];
  for (const sheet of plan.sheets) {
    const name = freeSheetName(
      sheet.name,
      wb.worksheets.map((w) => w.name)
    );
    writeSheet(wb, sheet, name);
    // Template sheets become the user's to fill in: no marker, so no build ever replaces them.
    if (sheet.kind !== "template") wb.definedNames.add(sheetAnchor(name), markerName(sheet.kind));
    written.push(name);
  }
  // Formulas carry no cached results: have Excel and LibreOffice compute them on open.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return written;
}
