/**
 * Until the package writer (issue 10) adds chart parts itself: puts `chartParts`' output into an
 * xlsx that ExcelJS wrote — the parts, their content types, the sheet's relationship to its drawing
 * and the sheet's `<drawing r:id>` — so tests can open the charts in LibreOffice.
 */
import JSZip from "jszip";
import { chartParts, relationshipsXml } from "../../src/adapters/xlsx/chart-parts";
import { readPackageParts } from "../../src/adapters/xlsx/package-parts";
import { SheetPlan } from "../../src/planner/plan";

/** Elements that must follow `<drawing>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

function highest(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((p) => {
    const m = pattern.exec(p);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max;
}

/** `sheets` pairs each plan with the name the writer gave its sheet. */
export async function insertCharts(
  xlsx: Buffer | Uint8Array,
  sheets: { plan: SheetPlan; name: string }[]
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const { sheets: parts } = await readPackageParts(zip);
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  for (const { plan, name } of sheets) {
    if (!plan.charts?.length) continue;
    const sheetPath = parts.find((p) => p.name === name)?.path;
    if (!sheetPath) throw new Error(`No part for sheet ${name}`);
    const made = chartParts(name, plan.charts, {
      drawing: highest(zip, /^xl\/drawings\/drawing(\d+)\.xml$/) + 1,
      firstChart: highest(zip, /^xl\/charts\/chart(\d+)\.xml$/) + 1,
    });
    for (const part of made.parts) {
      zip.file(part.path, part.xml);
      if (part.contentType)
        types = types.replace(
          "</Types>",
          `<Override PartName="/${part.path}" ContentType="${part.contentType}"/></Types>`
        );
    }
    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const rels = await zip.file(relsPath)?.async("string");
    const id = "rIdKpiCharts";
    const rel = `<Relationship Id="${id}" Type="${made.drawingRelType}" Target="${made.drawingRelTarget}"/>`;
    zip.file(
      relsPath,
      rels
        ? rels.replace("</Relationships>", `${rel}</Relationships>`)
        : relationshipsXml([{ id, type: made.drawingRelType, target: made.drawingRelTarget }])
    );
    let sheetXml = (await zip.file(sheetPath)?.async("string")) ?? "";
    if (!/xmlns:r=/.test(sheetXml))
      sheetXml = sheetXml.replace(
        /<worksheet\b/,
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
      );
    // Conditional formats carry extLst elements of their own: look only past the last of them.
    const from = Math.max(
      ...["</sheetData>", "</conditionalFormatting>", "</dataValidations>"].map((t) =>
        sheetXml.lastIndexOf(t)
      )
    );
    const found = AFTER_DRAWING.exec(sheetXml.slice(from));
    const at = found ? from + found.index : sheetXml.length;
    zip.file(sheetPath, `${sheetXml.slice(0, at)}<drawing r:id="${id}"/>${sheetXml.slice(at)}`);
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
