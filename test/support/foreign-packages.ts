/**
 * Workbook packages written the way other programs write them, part by part, each with the
 * reading expected of it. Modelled on what openpyxl saves (comments as legacy VML, a chart in a
 * drawing, absolute part paths in relationships, inline strings), with what real files carry
 * besides: sheets whose `sheetId` and part number differ (a sheet deleted and re-added), the 1904
 * date system, shared formulas with cached results and errors, merged cells, a macro project, a
 * calculation chain and a custom XML part.
 */
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const T = (type: string) => `${R}/${type}`;
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface ForeignOptions {
  macros?: boolean;
  date1904?: boolean;
}

const KRAS_SHEET = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>KRA ID</t></is></c><c r="B1" t="inlineStr"><is><t>KRA</t></is></c><c r="C1" t="inlineStr"><is><t>Owner</t></is></c><c r="D1" t="inlineStr"><is><t>Weight</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>R1</t></is></c><c r="B2" t="inlineStr"><is><r><t>Grow </t></r><r><rPr><b/></rPr><t>sales</t></r></is></c><c r="C2" t="inlineStr"><is><t>Ana</t></is></c><c r="D2"><v>60</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>R2</t></is></c><c r="B3" t="inlineStr"><is><t>Keep customers</t></is></c><c r="C3" t="inlineStr"><is><t>Ana</t></is></c><c r="D3"><v>40</v></c></row>
</sheetData><legacyDrawing r:id="rId2" xmlns:r="${R}"/></worksheet>`;

/** KPIs with a shared formula (cached results, one an error), a date, and a merged note. */
const KPIS_SHEET = `${HEAD}<x:worksheet xmlns:x="${MAIN}" xmlns:r="${R}"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c><x:c r="E1" t="s"><x:v>4</x:v></x:c><x:c r="F1" t="s"><x:v>5</x:v></x:c></x:row>
<x:row r="2"><x:c r="A2" t="s"><x:v>6</x:v></x:c><x:c r="B2" t="s"><x:v>8</x:v></x:c><x:c r="C2" t="s"><x:v>10</x:v></x:c><x:c r="D2"><x:v>100</x:v></x:c><x:c r="E2"><x:f t="shared" ref="E2:E3" si="0">D2*0.9</x:f><x:v>90</x:v></x:c><x:c r="F2" s="1"><x:v>46112</x:v></x:c></x:row>
<x:row r="3"><x:c r="A3" t="s"><x:v>7</x:v></x:c><x:c r="B3" t="s"><x:v>9</x:v></x:c><x:c r="C3" t="s"><x:v>10</x:v></x:c><x:c r="D3"><x:v>0</x:v></x:c><x:c r="E3" t="e"><x:f t="shared" si="0"/><x:v>#DIV/0!</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" t="str"><x:f>"Note: "&amp;"merged"</x:f><x:v>Note: merged</x:v></x:c></x:row>
</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A5:F5"/><x:mergeCell ref="C2:C3"/></x:mergeCells>
<x:drawing r:id="rId1"/></x:worksheet>`;

const SHARED = [
  "KPI ID",
  "KRA ID",
  "KPI",
  "Target",
  "Actual",
  "Due",
  "K1",
  "K2",
  "R1",
  "R2",
  "Revenue &amp; margin",
  "Churn",
];

const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const CHART = `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'KPI List'!$D$2:$D$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const DRAWING = `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><xdr:oneCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="4000000" cy="2500000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="1" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;

/** An openpyxl-style workbook: `KRAs` in sheet3.xml (sheetId 5), `KPI List` in sheet1.xml (sheetId 9). */
export async function foreignPackage(options: ForeignOptions = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const workbookType = options.macros
    ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  zip.file(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${workbookType}"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>` +
      `<Override PartName="/customXml/item1.xml" ContentType="application/xml"/></Types>`
  );
  zip.file(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${T("officeDocument")}" Target="/xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr${options.date1904 ? ' date1904="1"' : ""}/>` +
      `<bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="KRAs" sheetId="5" r:id="rId7"/><sheet name="KPI List" sheetId="9" r:id="rId3"/></sheets>` +
      `<definedNames><definedName name="Targets">'KPI List'!$D$2:$D$3</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'KPI List'!$A$1:$F$5</definedName></definedNames><calcPr calcId="191029"/></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="${PR}"><Relationship Id="rId3" Type="${T("worksheet")}" Target="/xl/worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId7" Type="${T("worksheet")}" Target="worksheets/sheet3.xml"/><Relationship Id="rId1" Type="${T("styles")}" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${T("sharedStrings")}" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${T("calcChain")}" Target="calcChain.xml"/>` +
      (options.macros
        ? `<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`
        : "") +
      `</Relationships>`
  );
  zip.file("xl/worksheets/sheet1.xml", KPIS_SHEET);
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `${HEAD}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${T("drawing")}" Target="/xl/drawings/drawing1.xml"/></Relationships>`
  );
  zip.file("xl/worksheets/sheet3.xml", KRAS_SHEET);
  zip.file(
    "xl/worksheets/_rels/sheet3.xml.rels",
    `${HEAD}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${T("comments")}" Target="/xl/comments/comment1.xml"/><Relationship Id="rId2" Type="${T("vmlDrawing")}" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>`
  );
  zip.file(
    "xl/comments/comment1.xml",
    `${HEAD}<comments xmlns="${MAIN}"><authors><author>openpyxl</author></authors><commentList><comment ref="B2" authorId="0"><text><t>Set by the board</t></text></comment></commentList></comments>`
  );
  zip.file(
    "xl/drawings/commentsDrawing1.vml",
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`
  );
  zip.file("xl/drawings/drawing1.xml", DRAWING);
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `${HEAD}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${T("chart")}" Target="/xl/charts/chart1.xml"/></Relationships>`
  );
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file(
    "xl/sharedStrings.xml",
    `${HEAD}<sst xmlns="${MAIN}" count="${SHARED.length}" uniqueCount="${SHARED.length}">${SHARED.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`
  );
  zip.file("xl/styles.xml", STYLES);
  zip.file(
    "xl/calcChain.xml",
    `${HEAD}<calcChain xmlns="${MAIN}"><c r="E2" i="9"/><c r="E3"/><c r="A5"/></calcChain>`
  );
  zip.file("customXml/item1.xml", `<?xml version="1.0"?><approvals><by>HR</by></approvals>`);
  if (options.macros)
    zip.file("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Days between 1899-12-30 and 1904-01-01: a serial date in a 1904 workbook is this much later. */
export const DAYS_1904 = 1462;
