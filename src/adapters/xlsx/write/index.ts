/**
 * The package writer: applies a WorkbookPlan to a workbook package by editing it in place. Every
 * part of the input is copied byte for byte (compressed bytes included) except the few a build
 * must edit — the sheet list and defined names in workbook.xml, its relationships,
 * `[Content_Types].xml`, and styles appended to styles.xml — and the parts of the sheets an
 * earlier build generated, which it replaces. So the user's charts, pivots, slicers, drawings,
 * comments, macros, custom XML, external links and printer settings survive every build.
 */
import {
  checkedMarkerName,
  freeSheetName,
  markedSheet,
  freeTableName,
  parseMarker,
  sheetAnchor,
} from "../../../planner/generated";
import { SheetPlan, WorkbookPlan, WorkbookToWrite } from "../../../planner/plan";
import { blocksRenamer, sheetRenamer } from "../../../planner/sheet-names";
import { PackageReading, readPackage } from "../read";
import { Package, relType, relsPartOf } from "../package/opc";
import { DeflatedPart, PartDeflater, PartSink } from "../package/codec";
import { Backlogs, drain, drainAsync } from "../package/deflated-part";
import { StreamPartDeflater } from "../package/stream-deflater";
import { ZipWriter, deflatePart } from "../package/zip-write";
import { escapeXml } from "../xml/escape";
import { attr } from "../xml/scanner";
import {
  CONTENT_TYPES,
  EMPTY_RELS,
  NewRelationship,
  REL_TYPES,
  RELS_NS,
  editContentTypes,
  editRels,
  freeRelId,
  relativeTarget,
} from "./package-xml";
import { EMPTY_STYLES, StyleBook } from "./style-book";
import { MAIN_NS, sheetPart } from "./sheet-xml";
import { NewName, NewSheet, editWorkbookXml } from "./workbook-xml";
import { referencedParts, removableParts } from "./removed-parts";
import { chartParts } from "../chart-parts";
import {
  COMMENTS_CONTENT_TYPE,
  COMMENTS_REL_TYPE,
  VML_CONTENT_TYPE,
  VML_REL_TYPE,
  commentsXml,
  Note,
  vmlXml,
} from "./comments";
import { editCells } from "./cell-edits";
import { cellRef } from "../read/sheet";
import { SheetEdit } from "../../../planner/settings-edit";
import { appendRows, extendTable } from "./append-rows";

export interface PackageWrite {
  bytes: Uint8Array;
  /** The names the planned sheets were written under. */
  sheets: string[];
  /** Sheets marked as generated that were kept because they do not hold what the tool wrote. */
  kept: string[];
  /** The content checksum in each new sheet's marker, by the name the sheet was written under. */
  checksums: Map<string, string>;
}

interface Replaced {
  /** Sheets an earlier build wrote, still exactly as written: replaced. */
  sheets: Set<string>;
  /** Sheets a marker claims that do not hold what the tool wrote (edited, or a forged marker): kept. */
  kept: string[];
  /** Markers of the plan's kinds: dropped, and written anew for the new sheets. */
  names: Set<string>;
}

/**
 * The sheets an earlier build wrote of the kinds this plan writes (template sheets are never
 * replaced). A marker is proof only with the checksum beside it, and only while the sheet still
 * holds exactly that content: a sheet a user changed, or one a typed-in marker points at, is the
 * user's and stays.
 */
function replacedSheets(reading: PackageReading, plan: WorkbookToWrite): Replaced {
  const info = reading.workbook;
  const kinds = new Set<string>(
    plan.sheets.filter((s) => s.kind !== "template").map((s) => s.kind)
  );
  const out: Replaced = { sheets: new Set(), kept: [], names: new Set() };
  for (const n of info.definedNames) {
    const marker = n.localSheet === null ? parseMarker(n.name) : null;
    if (!marker || !kinds.has(marker.kind)) continue;
    out.names.add(n.name);
    const sheet = markedSheet(n.text);
    const entry = info.sheets.find((s) => s.name === sheet);
    if (!entry || out.sheets.has(entry.name) || out.kept.includes(entry.name)) continue;
    if (
      entry.part &&
      marker.checksum !== null &&
      reading.checksums.get(entry.name) === marker.checksum
    )
      out.sheets.add(entry.name);
    else out.kept.push(entry.name);
  }
  return out;
}

/** N of a part named `…stemN.xml`. */
function partNumber(part: string): number {
  return Number(/(\d+)\.\w+$/.exec(part)?.[1] ?? 0);
}

/**
 * Whether a part name is free for a new part: no kept part has it (the parts being removed are
 * free again, so a rebuild reuses them) and no new part has taken it.
 */
function isFree(pkg: Package, taken: Set<string>, removed: Set<string>, name: string): boolean {
  const key = name.toLowerCase();
  return (!pkg.entry(key) || removed.has(key)) && !taken.has(key);
}

/** The first N such that `stemN.xml` … `stem(N+count-1).xml` are all free. */
function freeNumber(
  pkg: Package,
  taken: Set<string>,
  removed: Set<string>,
  folder: string,
  stem: string,
  count: number
): number {
  for (let n = 1; ; n++) {
    let ok = true;
    for (let k = 0; k < count && ok; k++)
      ok = isFree(pkg, taken, removed, `${folder}${stem}${n + k}.xml`);
    if (ok) return n;
  }
}

/** The first free part name `stemN.ext`, taken. */
function freePartName(
  pkg: Package,
  taken: Set<string>,
  removed: Set<string>,
  folder: string,
  stem: string,
  extension = "xml"
): string {
  for (let n = 1; ; n++) {
    const name = `${folder}${stem}${n}.${extension}`;
    if (isFree(pkg, taken, removed, name)) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function tableXml(plan: SheetPlan, name: string, id: number): string {
  const t = plan.table as NonNullable<SheetPlan["table"]>;
  const header = plan.rows[t.headerRow - 1] ?? [];
  const last = Math.max(plan.rows.length, t.headerRow + 1);
  const from = `${String.fromCharCode(65 + t.column)}${t.headerRow}`;
  const ref = `${from}:${String.fromCharCode(65 + t.column + t.columns - 1)}${last}`;
  const columns = Array.from({ length: t.columns }, (_, c) => {
    const text = String(header[t.column + c]?.value ?? `Column${c + 1}`);
    return `<tableColumn id="${c + 1}" name="${escapeXml(text)}"/>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(name)}" ` +
    `displayName="${escapeXml(name)}" ref="${ref}" headerRowCount="1"><autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.columns}">${columns.join("")}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Table names and ids already in the package (ids are unique across a workbook). */
function existingTables(pkg: Package): { names: string[]; maxId: number } {
  const names: string[] = [];
  let maxId = 0;
  for (const e of pkg.entries.values()) {
    if (!/\/tables\/[^/]+\.xml$/i.test(e.name)) continue;
    pkg.scan(e.name, {
      open(name, tag) {
        if (name !== "table") return;
        names.push(attr(tag, "displayName") ?? attr(tag, "name") ?? "");
        maxId = Math.max(maxId, Number(attr(tag, "id") ?? 0));
      },
    });
  }
  return { names, maxId };
}

/** Whether the calculation chain lists a cell of one of these sheets (`i` carries over when omitted). */
function chainNames(pkg: Package, part: string, sheetIds: Set<number>): boolean {
  if (sheetIds.size === 0) return false;
  let current = 0;
  let found = false;
  pkg.scan(part, {
    open(name, tag) {
      if (name !== "c") return;
      const i = attr(tag, "i");
      if (i !== undefined) current = Number(i);
      if (sheetIds.has(current)) found = true;
    },
  });
  return found;
}

/** Writes the plan into the package read as `reading`; returns the new package's bytes. */
export function writePlan(reading: PackageReading, plan: WorkbookToWrite): PackageWrite {
  const { zip, ...write } = drain(assemble(reading, plan, () => new PartDeflater()));
  return { bytes: zip.finish(), ...write };
}

/**
 * `writePlan` with the generated sheets deflated by the platform's native compressor
 * (`CompressionStream`), for the task pane's worker where the codec is fflate's JavaScript: at
 * 5,000 people it deflates hundreds of megabytes of XML. Same bytes in the archive's structure;
 * the deflate streams differ only as two zlib-compatible deflaters' output does. `deflater`
 * may send the parts elsewhere (the pane's deflate worker) as long as they come back deflated.
 */
export async function writePlanAsync(
  reading: PackageReading,
  plan: WorkbookToWrite,
  deflater: () => PartSink<Promise<DeflatedPart>> = () => new StreamPartDeflater()
): Promise<PackageWrite> {
  const { zip, ...write } = await drainAsync(assemble(reading, plan, deflater));
  return { bytes: await zip.finishAsync(), ...write };
}

/** The plan written into the package as a zip not yet finished: its sheets go to `deflater()`s. */
function* assemble<Part extends DeflatedPart | Promise<DeflatedPart>>(
  reading: PackageReading,
  plan: WorkbookToWrite,
  deflater: () => PartSink<Part>
): Backlogs<Omit<PackageWrite, "bytes"> & { zip: ZipWriter }> {
  const { pkg, workbook: info } = reading;
  const replaced = replacedSheets(reading, plan);
  const removed = info.sheets.filter((s) => replaced.sheets.has(s.name));
  const kept = info.sheets.filter((s) => !replaced.sheets.has(s.name));
  const sheetIndex = new Map<number, number>();
  info.sheets.forEach((s, i) => {
    const at = kept.indexOf(s);
    if (at >= 0) sheetIndex.set(i, at);
  });

  const workbookRels = pkg.relationships(info.part);
  const chain = workbookRels.find((r) => relType(r) === "calcChain" && !r.external);
  const calcChain =
    chain && chainNames(pkg, chain.target, new Set(removed.map((s) => s.sheetId)))
      ? chain
      : undefined;
  const droppedRels = new Set(removed.map((s) => `${info.part}#${s.relId}`));
  const removedParts = removableParts(
    pkg,
    removed.map((s) => s.part).filter((p): p is string => p !== null),
    droppedRels
  );
  // Removing a sheet that Excel's calculation chain lists would leave the chain pointing at
  // missing cells; Excel rebuilds the chain when it is missing, so then it goes with the sheets.
  if (calcChain) removedParts.add(calcChain.target.toLowerCase());
  const removedRelIds = new Set([
    ...removed.map((s) => s.relId),
    ...(calcChain ? [calcChain.id] : []),
  ]);
  const relIds = new Set(workbookRels.map((r) => r.id).filter((id) => !removedRelIds.has(id)));
  // A kept sheet's id is taken even when its relationship is missing (a damaged file): a new
  // sheet given that id would be shown under the kept sheet's name.
  for (const s of kept) if (s.relId) relIds.add(s.relId);

  const folder = info.part.slice(0, info.part.lastIndexOf("/") + 1);
  // A part a kept relationship names is taken even when it is missing (a damaged file).
  const takenParts = referencedParts(pkg, removedParts, droppedRels);
  for (const part of removedParts) takenParts.delete(part);
  const taken = kept.map((s) => s.name);
  let sheetId = kept.reduce((m, s) => Math.max(m, s.sheetId), 0);
  const tables = existingTables(pkg);
  const tableNames = [...tables.names];
  let tableId = tables.maxId;

  const stylesRel = workbookRels.find((r) => relType(r) === "styles" && !r.external);
  const styles = new StyleBook((stylesRel && pkg.text(stylesRel.target)) || EMPTY_STYLES);
  const stylesPart = stylesRel?.target ?? `${folder}styles.xml`;

  const zip = new ZipWriter();
  const newRels: NewRelationship[] = [];
  const newTypes: { part: string; type: string }[] = [];
  const newSheets: NewSheet[] = [];
  const names: NewName[] = [];
  const written: string[] = [];
  const checksums = new Map<string, string>();
  const newParts: [string, DeflatedPart | Part][] = [];
  // Every name first: the sheets' formulas refer to each other by the names they get.
  const finalNames = plan.sheets.map((s) => {
    const name = freeSheetName(s.name, taken);
    taken.push(name);
    return name;
  });
  const plannedNames = plan.sheets.map((s) => s.name);
  const named = sheetRenamer(plannedNames, finalNames);
  const namedBlocks = blocksRenamer(plannedNames, finalNames);
  for (const [i, planned] of plan.sheets.entries()) {
    const name = finalNames[i];
    // Planned now, if not yet: this sheet's cells are let go before the next sheet's are made;
    // a sheet in blocks is planned as it is written, a block at a time.
    const sheet =
      "inBlocks" in planned && planned.inBlocks
        ? namedBlocks(planned.inBlocks(), i)
        : named("plan" in planned ? planned.plan() : planned, i);
    const fields = "blocks" in sheet ? sheet.head : sheet;
    const part = freePartName(pkg, takenParts, removedParts, `${folder}worksheets/`, "sheet");
    const relId = freeRelId(relIds);
    // The sheet's own relationships: its table, its charts' drawing, its notes.
    const sheetRels: NewRelationship[] = [];
    const sheetRel = (type: string, target: string) => {
      const id = `rId${sheetRels.length + 1}`;
      sheetRels.push({ id, type, target: relativeTarget(part, target) });
      return id;
    };
    const addPart = (path: string, xml: string, type: string | null) => {
      newParts.push([path, deflatePart(xml)]);
      if (type) newTypes.push({ part: path, type });
    };
    let tableRelId: string | undefined;
    if ("rows" in sheet && sheet.table) {
      const tablePart = freePartName(pkg, takenParts, removedParts, `${folder}tables/`, "table");
      const tableName = freeTableName(sheet.table.name, tableNames);
      tableNames.push(tableName);
      addPart(tablePart, tableXml(sheet, tableName, ++tableId), CONTENT_TYPES.table);
      tableRelId = sheetRel(REL_TYPES.table, tablePart);
    }
    let drawingRelId: string | undefined;
    if (fields.charts?.length) {
      const drawing = freePartName(pkg, takenParts, removedParts, "xl/drawings/", "drawing");
      const firstChart = freeNumber(
        pkg,
        takenParts,
        removedParts,
        "xl/charts/",
        "chart",
        fields.charts.length
      );
      const made = chartParts(name, fields.charts, { drawing: partNumber(drawing), firstChart });
      for (const p of made.parts) {
        takenParts.add(p.path.toLowerCase());
        addPart(p.path, p.xml, p.contentType);
      }
      drawingRelId = sheetRel(made.drawingRelType, drawing);
    }
    // The cells' notes are found as the rows are written.
    const notes = (found: Note[]) => {
      const comments = freePartName(pkg, takenParts, removedParts, `${folder}`, "comments");
      const vml = freePartName(pkg, takenParts, removedParts, "xl/drawings/", "vmlDrawing", "vml");
      addPart(comments, commentsXml(found), COMMENTS_CONTENT_TYPE);
      // Shape ids are unique per workbook: idmap blocks far above what a user's notes take.
      addPart(vml, vmlXml(found, 1000 + partNumber(vml)), VML_CONTENT_TYPE);
      sheetRel(COMMENTS_REL_TYPE, comments);
      return sheetRel(VML_REL_TYPE, vml);
    };
    // Deflated now, as it is written: the next sheet's XML never sits beside this one's.
    const sheetOut = yield* sheetPart(
      sheet,
      styles,
      { tableRelId, drawingRelId, notes },
      deflater()
    );
    if (sheetRels.length > 0)
      addPart(relsPartOf(part), editRels(EMPTY_RELS, new Set(), sheetRels), null);
    newParts.push([part, sheetOut.part]);
    newTypes.push({ part, type: CONTENT_TYPES.worksheet });
    newRels.push({ id: relId, type: REL_TYPES.worksheet, target: relativeTarget(info.part, part) });
    newSheets.push({ name, sheetId: ++sheetId, relId, state: fields.hidden });
    const index = kept.length + newSheets.length - 1;
    // Template sheets become the user's to fill in: no marker, so no build ever replaces them.
    if (fields.kind !== "template") {
      const marker = checkedMarkerName(fields.kind, sheetOut.checksum);
      names.push({ name: marker, text: sheetAnchor(name), hidden: true });
      checksums.set(name, sheetOut.checksum);
    }
    if (fields.print?.repeatRows) {
      const [a, b] = fields.print.repeatRows.split(":");
      names.push({
        name: "_xlnm.Print_Titles",
        localSheet: index,
        text: `${sheetAnchor(name).split("!")[0]}!$${a}:$${b ?? a}`,
      });
    }
    written.push(name);
  }
  if (!stylesRel) {
    newRels.push({
      id: freeRelId(relIds),
      type: REL_TYPES.styles,
      target: relativeTarget(info.part, stylesPart),
    });
    newTypes.push({ part: stylesPart, type: CONTENT_TYPES.styles });
  }

  const droppedNames = replaced.names;
  const edited = new Map<string, string | Uint8Array>([
    [
      info.part,
      editWorkbookXml(pkg.text(info.part) ?? "", {
        removedRelIds,
        sheetIndex,
        droppedNames,
        added: newSheets,
        names,
        protectStructure: plan.protectStructure,
      }),
    ],
    [
      relsPartOf(info.part),
      editRels(pkg.text(relsPartOf(info.part)) ?? EMPTY_RELS, removedRelIds, newRels),
    ],
    [
      "[Content_Types].xml",
      editContentTypes(pkg.text("[Content_Types].xml") ?? "", removedParts, newTypes),
    ],
  ]);
  for (const append of plan.appends ?? []) applyAppend(reading, append, styles, edited);
  if (styles.changed || !stylesRel) edited.set(stylesPart, styles.toXml());

  const editedByKey = new Map([...edited].map(([k, v]) => [k.toLowerCase(), v]));
  for (const e of pkg.entries.values()) {
    const key = e.name.toLowerCase();
    if (removedParts.has(key)) continue;
    const text = editedByKey.get(key);
    if (text !== undefined) {
      zip.add(e.name, text);
      editedByKey.delete(key);
    } else zip.copy(pkg.bytes, e);
  }
  for (const [name, text] of editedByKey) zip.add(name, text); // parts the input lacked (rels, styles)
  for (const [name, deflated] of newParts) zip.addDeflated(name, deflated);
  return { zip, sheets: written, kept: replaced.kept, checksums };
}

/**
 * Rows appended to one of the workbook's own sheets, and its table extended over them: the
 * sheet's part and the table's part are edited, every other part stays as it is.
 */
function applyAppend(
  reading: PackageReading,
  append: NonNullable<WorkbookPlan["appends"]>[number],
  styles: StyleBook,
  edited: Map<string, string | Uint8Array>
): void {
  const { pkg, workbook: info } = reading;
  const part = info.sheets.find((s) => s.name === append.sheet)?.part;
  const bytes = part ? pkg.read(part) : undefined;
  if (!part || !bytes) throw new Error(`The sheet "${append.sheet}" is not in the workbook.`);
  const done = appendRows(bytes, append, styles, append.sheet);
  edited.set(part, done.bytes);
  if (!append.table) return;
  for (const rel of pkg.relationships(part)) {
    if (rel.external || relType(rel) !== "table") continue;
    const xml = pkg.text(rel.target) ?? "";
    const tag = /<(?:[\w.-]+:)?table\s[^>]*>/.exec(xml)?.[0] ?? "";
    if ((attr(tag, "displayName") ?? attr(tag, "name")) !== append.table) continue;
    const columns = (append.header?.cells ?? []).map((c) => ({
      column: c.column,
      name: String(c.cell.value ?? ""),
    }));
    edited.set(rel.target, extendTable(xml, done.lastRow, columns));
  }
}

/** Writes literal values into one sheet (created when the edit says so); every other part is copied. */
export function editSheet(reading: PackageReading, edit: SheetEdit): Uint8Array {
  if (edit.create) {
    const rows: SheetPlan["rows"] = [];
    for (const w of edit.writes) {
      const [row, col] = cellRef(w.address);
      if (row < 0) continue;
      (rows[row] ??= [])[col] = { value: w.value };
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return writePlan(reading, {
      sheets: [{ kind: "template", name: edit.sheet, rows, columnWidths: [24, 24] }],
    }).bytes;
  }
  const sheet = reading.workbook.sheets.find((s) => s.name === edit.sheet);
  const part = sheet?.part;
  const xml = part ? reading.pkg.text(part) : undefined;
  if (!part || xml === undefined)
    throw new Error(`The sheet "${edit.sheet}" is no longer in the workbook.`);
  const zip = new ZipWriter();
  for (const e of reading.pkg.entries.values())
    if (e.name.toLowerCase() === part.toLowerCase()) zip.add(e.name, editCells(xml, edit.writes));
    else zip.copy(reading.pkg.bytes, e);
  return zip.finish();
}

/** A package with no sheet yet, for `template` and the pane's "new template". */
export function emptyWorkbook(): PackageReading {
  const zip = new ZipWriter();
  zip.add(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="${CONTENT_TYPES.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPES.workbook}"/></Types>`
  );
  zip.add(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">` +
      `<Relationship Id="rId1" Type="${REL_TYPES.officeDocument}" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.add(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" ` +
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`
  );
  zip.add("xl/_rels/workbook.xml.rels", EMPTY_RELS);
  return readPackage(zip.finish());
}
