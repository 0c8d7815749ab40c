/**
 * Cell notes of a planned sheet (`CellPlan.comment`) as the two parts Excel needs: the comments
 * part (the text) and a legacy VML drawing (the yellow box, hidden until the cell is hovered),
 * as ECMA-376 part 1, 18.7, and Excel itself write them.
 */
import { a1 } from "../../../engine/address";
import { MAIN_NS } from "./sheet-xml";
import { escapeCellText, escapeXml } from "../xml/escape";

export const COMMENTS_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
export const VML_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";
export const COMMENTS_REL_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
export const VML_REL_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";

/** A cell note: its 0-based row and column, and its text. */
export interface Note {
  row: number;
  col: number;
  text: string;
}

export function commentsXml(notes: readonly Note[]): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${a1(n.row, n.col)}" authorId="0"><text><r><t xml:space="preserve">${escapeCellText(n.text)}</t></r></text></comment>`
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>KPI Cascade</author></authors><commentList>${list}</commentList></comments>`;
}

/** `idmap` must differ between the workbook's VML drawings: shape ids are 1024 × idmap + n. */
export function vmlXml(notes: readonly Note[], idmap: number): string {
  const shapes = notes
    .map(
      (n, i) =>
        `<v:shape id="_x0000_s${idmap * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
        `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
        `<x:Anchor>${n.col + 1}, 15, ${n.row}, 2, ${n.col + 4}, 15, ${n.row + 4}, 2</x:Anchor><x:AutoFill>False</x:AutoFill>` +
        `<x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
    )
    .join("");
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${escapeXml(String(idmap))}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    `${shapes}</xml>`
  );
}
