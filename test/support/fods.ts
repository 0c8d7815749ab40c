/**
 * Flat OpenDocument spreadsheets (.fods) written by hand, for LibreOffice to convert into the
 * packages it writes itself: a KPI workbook with a picture (LibreOffice writes a drawing part and
 * `xl/media/`) or with a DataPilot over the KPIs (LibreOffice writes a real pivot table: the
 * `pivotTable`, `pivotCacheDefinition` and `pivotCacheRecords` parts), for the corpus of files
 * that `build` must keep whole.
 */
import { deflateSync } from "zlib";

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ' +
  'xmlns:xlink="http://www.w3.org/1999/xlink"';

type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return "<table:table-cell/>";
  if (typeof v === "number")
    return `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string"><text:p>${v.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text:p></table:table-cell>`;
}

function table(name: string, rows: Cell[][], shapes = ""): string {
  const body = rows.map((r) => `<table:table-row>${r.map(cell).join("")}</table:table-row>`);
  return `<table:table table:name="${name}">${shapes}${body.join("")}</table:table>`;
}

/** A small PNG (a red square), written out rather than stored. */
export function redSquarePng(size = 16): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([200, 30, 30]))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array(size).fill(row)))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const KRAS: Cell[][] = [
  ["KRA ID", "KRA", "Owner", "Weight"],
  ["R1", "Grow sales", "Ana", 60],
  ["R2", "Keep customers", "Ana", 40],
  ["R3", "Ship on time", "Bo", 100],
];

const KPIS: Cell[][] = [
  ["KPI ID", "KRA ID", "KPI", "Direction", "Target", "Actual", "Weight"],
  ["K1", "R1", "Deals closed", "higher", 100, 90, 50],
  ["K2", "R1", "Revenue ($k)", "higher", 500, 540, 50],
  ["K3", "R2", "Churn (%)", "lower", 5, 6, 100],
  ["K4", "R3", "On-time deliveries (%)", "higher", 95, 97, 70],
  ["K5", "R3", "Late orders", "lower", 20, 14, 30],
];

/** Where LibreOffice puts a DataPilot's output with one row field and two data fields. */
const PIVOT_OUTPUT: Cell[][] = [
  ["Filter"],
  [],
  [null, "Data"],
  ["KRA ID", "Sum - Target", "Sum - Actual"],
  ["R1", 600, 630],
  ["R2", 5, 6],
  ["R3", 115, 111],
  ["Total Result", 720, 747],
];

export interface FodsOptions {
  /** A picture on the KPIs sheet. */
  image?: boolean;
  /** A DataPilot on a `Summary` sheet: KPI targets and actuals summed by KRA. */
  pivot?: boolean;
}

/** The workbook as a flat ODS document. */
export function kpiFods(options: FodsOptions): string {
  const picture = options.image
    ? `<table:shapes><draw:frame draw:name="Logo" svg:x="17cm" svg:y="0.5cm" svg:width="2cm" svg:height="2cm"><draw:image><office:binary-data>${redSquarePng().toString("base64")}</office:binary-data></draw:image></draw:frame></table:shapes>`
    : "";
  const sheets = [table("KRAs", KRAS), table("KPIs", KPIS, picture)];
  let pilots = "";
  if (options.pivot) {
    sheets.push(table("Summary", PIVOT_OUTPUT));
    const last = KPIS.length;
    pilots =
      `<table:data-pilot-tables><table:data-pilot-table table:name="KRA summary" table:target-range-address="Summary.A1:Summary.C8" table:buttons="Summary.A1 Summary.A4">` +
      `<table:source-cell-range table:cell-range-address="KPIs.A1:KPIs.G${last}"/>` +
      `<table:data-pilot-field table:source-field-name="KRA ID" table:orientation="row"/>` +
      `<table:data-pilot-field table:source-field-name="Target" table:orientation="data" table:function="sum"/>` +
      `<table:data-pilot-field table:source-field-name="Actual" table:orientation="data" table:function="sum"/>` +
      `<table:data-pilot-field table:source-field-name="" table:orientation="column" table:is-data-layout-field="true"/>` +
      `</table:data-pilot-table></table:data-pilot-tables>`;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">` +
    `<office:body><office:spreadsheet>${sheets.join("")}${pilots}</office:spreadsheet></office:body></office:document>\n`
  );
}
