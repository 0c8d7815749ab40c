/**
 * A sheet's chart plans as DrawingML package parts, as strings: one drawing part that anchors every
 * chart of the sheet, its relationships, and one chart part per chart whose series are formulas
 * over the sheet's cells (no cached values: Excel and LibreOffice read the cells on open). Pure:
 * the package writer adds the parts, the sheet's relationship to the drawing and `<drawing r:id>`.
 */
import { parseA1 } from "../../engine/address";
import { ChartPlan, ChartSeriesPlan } from "../../planner/plan";
import { escapeXml } from "./xml/escape";

export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
/** The type of the worksheet → drawing relationship the package writer adds. */
export const DRAWING_REL_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const CHART_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface ChartPart {
  /** Path inside the package, e.g. `xl/charts/chart3.xml`. */
  path: string;
  xml: string;
  /** The content type to declare as an Override; null for relationship parts (a Default covers them). */
  contentType: string | null;
}

export interface ChartNumbering {
  /** N of `xl/drawings/drawingN.xml`: a number no other drawing part of the package has. */
  drawing: number;
  /** K of the first `xl/charts/chartK.xml`; the sheet's charts take K, K+1, … */
  firstChart: number;
}

export interface SheetChartParts {
  parts: ChartPart[];
  /** The Target of the worksheet's relationship to the drawing, relative to `xl/worksheets/`. */
  drawingRelTarget: string;
  drawingRelType: string;
}

/** `'KPI Trends'!$D$25:$O$25` from a plan's `D25:O25`. */
export function sheetRange(sheetName: string, range: string): string {
  const absolute = range
    .split(":")
    .map((cell) => {
      const at = parseA1(cell);
      if (!at) throw new Error(`Chart range "${range}" is not an A1 range.`);
      return cell.replace(
        /^\$?([A-Za-z]+)\$?(\d+)$/,
        (_, c: string, r: string) => `$${c.toUpperCase()}$${r}`
      );
    })
    .join(":");
  return `'${sheetName.replace(/'/g, "''")}'!${absolute}`;
}

function fill(color: string | undefined, line: boolean): string {
  if (!color) return "";
  const solid = `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
  return line
    ? `<c:spPr><a:ln w="28575" cap="rnd">${solid}</a:ln></c:spPr>`
    : `<c:spPr>${solid}</c:spPr>`;
}

function seriesXml(sheet: string, chart: ChartPlan, s: ChartSeriesPlan, i: number): string {
  const line = chart.type === "line";
  return [
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`,
    `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`,
    fill(s.color, line),
    line
      ? '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>'
      : '<c:invertIfNegative val="0"/>',
    `<c:cat><c:strRef><c:f>${escapeXml(sheetRange(sheet, chart.categories))}</c:f></c:strRef></c:cat>`,
    `<c:val><c:numRef><c:f>${escapeXml(sheetRange(sheet, s.values))}</c:f></c:numRef></c:val>`,
    line ? '<c:smooth val="0"/>' : "",
    "</c:ser>",
  ].join("");
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function plotXml(sheet: string, chart: ChartPlan): string {
  const series = chart.series.map((s, i) => seriesXml(sheet, chart, s, i)).join("");
  const axes = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  if (chart.type === "line")
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
  const stacked = chart.type === "stackedColumn";
  return [
    `<c:barChart><c:barDir val="${stacked ? "col" : "bar"}"/>`,
    `<c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}`,
    `<c:gapWidth val="60"/>${stacked ? '<c:overlap val="100"/>' : ""}${axes}</c:barChart>`,
  ].join("");
}

function axesXml(chart: ChartPlan): string {
  // A horizontal bar chart has its categories on the left and its values at the bottom.
  const [catPos, valPos] = chart.type === "bar" ? ["l", "b"] : ["b", "l"];
  const format = chart.valueFormat ?? "General";
  return [
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>`,
    `<c:delete val="0"/><c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="0"/>`,
    `<c:tickLblPos val="low"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/>`,
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`,
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>`,
    `<c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/>`,
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:tickLblPos val="nextTo"/>`,
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`,
  ].join("");
}

export function chartXml(sheetName: string, chart: ChartPlan): string {
  return [
    XML_HEAD,
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">`,
    '<c:roundedCorners val="0"/><c:chart>',
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`,
    '<c:autoTitleDeleted val="0"/>',
    `<c:plotArea><c:layout/>${plotXml(sheetName, chart)}${axesXml(chart)}</c:plotArea>`,
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>',
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>',
  ].join("");
}

function anchorXml(chart: ChartPlan, index: number): string {
  const at = parseA1(chart.anchor);
  if (!at) throw new Error(`Chart anchor "${chart.anchor}" is not a cell.`);
  const marker = (col: number, row: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return [
    '<xdr:twoCellAnchor editAs="oneCell">',
    `<xdr:from>${marker(at.col, at.row)}</xdr:from>`,
    `<xdr:to>${marker(at.col + chart.size.columns, at.row + chart.size.rows)}</xdr:to>`,
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${index + 1}"/></a:graphicData></a:graphic>`,
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
  ].join("");
}

export function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  const body = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

/**
 * The parts for one sheet's charts. The drawing names chart i as `rId{i+1}`; the caller relates the
 * sheet to `drawingRelTarget` with `drawingRelType` and writes `<drawing r:id="…"/>` in the sheet.
 */
export function chartParts(
  sheetName: string,
  charts: readonly ChartPlan[],
  numbering: ChartNumbering
): SheetChartParts {
  const drawingPath = `xl/drawings/drawing${numbering.drawing}.xml`;
  const chartNumber = (i: number) => numbering.firstChart + i;
  const parts: ChartPart[] = [
    {
      path: drawingPath,
      xml: `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${charts.map(anchorXml).join("")}</xdr:wsDr>`,
      contentType: DRAWING_CONTENT_TYPE,
    },
    {
      path: `xl/drawings/_rels/drawing${numbering.drawing}.xml.rels`,
      xml: relationshipsXml(
        charts.map((_, i) => ({
          id: `rId${i + 1}`,
          type: CHART_REL_TYPE,
          target: `../charts/chart${chartNumber(i)}.xml`,
        }))
      ),
      contentType: null,
    },
    ...charts.map((chart, i) => ({
      path: `xl/charts/chart${chartNumber(i)}.xml`,
      xml: chartXml(sheetName, chart),
      contentType: CHART_CONTENT_TYPE,
    })),
  ];
  return {
    parts,
    drawingRelTarget: `../drawings/drawing${numbering.drawing}.xml`,
    drawingRelType: DRAWING_REL_TYPE,
  };
}
