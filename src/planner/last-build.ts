/**
 * The `KPI Last Build` sheet: a hidden generated sheet that keeps the figures of the build that
 * wrote it (engine/diff/snapshot.ts), so that the task pane can show what changed since, with no
 * server: the snapshot as JSON, deflated, in base64, cut into cells of CELL_CHARS characters,
 * CELLS_PER_ROW to a row. Its second row carries the signature the reader knows it by, the
 * format's version, the as-of date, the text's length and a checksum, so an edited or truncated
 * copy is recognised and refused rather than misread.
 */
import { Analysis } from "../engine/analyze";
import { isoFromDay } from "../engine/dates";
import { DiffSide } from "../engine/diff/side";
import {
  LAST_BUILD_SIGNATURE,
  SNAPSHOT_VERSION,
  SnapshotRefused,
  sideFromSnapshot,
  signatureRow,
  snapshotOf,
} from "../engine/diff/snapshot";
import { CellValue, WorkbookGrids } from "../engine/grid";
import { deflateRaw, inflateRaw } from "../adapters/xlsx/package/codec";
import { ContentChecksum } from "./generated";
import { CellPlan, SheetPlan } from "./plan";

export const LAST_BUILD_SHEET = "KPI Last Build";

/**
 * Characters per cell: under the 700 bytes a cell is taken to bring back when Excel's reader
 * (adapters/office/read-grids.ts) sizes its first block of a sheet, so reading this sheet in
 * Excel stays within a response's budget like any other.
 */
export const CELL_CHARS = 640;
export const CELLS_PER_ROW = 16;
/** The first data row (0-based) below the signature row. */
const DATA_GAP = 2;
/**
 * What the snapshot's JSON may inflate to: the 5,000-person workbook's is 7.4 MB, so this holds
 * some 65,000 people, and a crafted sheet cannot make the pane hold more.
 */
const MAX_JSON_BYTES = 100 * 1024 * 1024;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let piece = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    piece +=
      ALPHABET[n >> 18] +
      ALPHABET[(n >> 12) & 63] +
      (b === undefined ? "=" : ALPHABET[(n >> 6) & 63]) +
      (c === undefined ? "=" : ALPHABET[n & 63]);
    if (piece.length >= 8192) {
      out.push(piece);
      piece = "";
    }
  }
  out.push(piece);
  return out.join("");
}

/** The bytes of base64 text; null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const body = text.length - pad;
  const out = new Uint8Array(Math.floor((body * 6) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < body; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? DECODE[code] : -1;
    if (v < 0) return null;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 255;
    }
  }
  return out;
}

function checksumOf(text: string): string {
  const sum = new ContentChecksum();
  sum.add("snapshot", { value: text });
  return sum.digest();
}

/** Level 4: a tenth smaller than the package's level 1, at nearly its speed (fflate, zlib). */
const LEVEL = 4;

/** The snapshot as it is written: base64 of the deflated JSON. */
export function encodeSnapshot(analysis: Analysis): string {
  const json = new TextEncoder().encode(JSON.stringify(snapshotOf(analysis)));
  return toBase64(deflateRaw(json, LEVEL));
}

export function planLastBuild(analysis: Analysis, name = LAST_BUILD_SHEET): SheetPlan {
  const text = encodeSnapshot(analysis);
  const asText = (value: string | number): CellPlan => ({ value, format: "@" });
  const rows: (CellPlan | null)[][] = [
    [
      {
        value:
          "The figures of the last build, kept for the task pane's “What changed” view. KPI Cascade replaces this sheet on the next build; an edited copy is not used.",
        style: "note",
      },
    ],
    [
      asText(LAST_BUILD_SIGNATURE),
      { value: SNAPSHOT_VERSION },
      asText(isoFromDay(analysis.model.asOf)),
      { value: text.length },
      asText(checksumOf(text)),
    ],
    [],
  ];
  const rowChars = CELL_CHARS * CELLS_PER_ROW;
  for (let at = 0; at < text.length; at += rowChars) {
    const row: CellPlan[] = [];
    for (let c = at; c < Math.min(text.length, at + rowChars); c += CELL_CHARS)
      row.push(asText(text.slice(c, c + CELL_CHARS)));
    rows.push(row);
  }
  return {
    kind: "lastbuild",
    name,
    rows,
    columnWidths: [],
    hidden: "hidden",
  };
}

/** What a workbook holds of its last build. */
export type LastBuild =
  | { state: "none" }
  | { state: "unreadable"; sheet: string; reason: string }
  | { state: "read"; sheet: string; side: DiffSide; asOf: string };

const textOf = (v: CellValue): string =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : "";

/** The figures one sheet keeps; throws SnapshotRefused with the reason it cannot be used. */
function readSheet(rows: CellValue[][], at: number): { side: DiffSide; asOf: string } {
  const head = rows[at] ?? [];
  if (head[1] !== SNAPSHOT_VERSION && head[1] !== String(SNAPSHOT_VERSION))
    throw new SnapshotRefused("it was written by another version of KPI Cascade");
  const length = Number(head[3]);
  const pieces: string[] = [];
  let chars = 0;
  for (let r = at + DATA_GAP; r < rows.length && chars < length; r++)
    for (const v of rows[r] ?? []) {
      const t = textOf(v);
      if (!t) break;
      pieces.push(t);
      chars += t.length;
    }
  const text = pieces.join("");
  if (!Number.isInteger(length) || text.length !== length || checksumOf(text) !== textOf(head[4]))
    throw new SnapshotRefused("it was changed after the build");
  const bytes = fromBase64(text);
  if (!bytes) throw new SnapshotRefused("it was changed after the build");
  let json: unknown;
  try {
    json = JSON.parse(
      new TextDecoder("utf-8", { fatal: true }).decode(
        inflateRaw(bytes, MAX_JSON_BYTES, LAST_BUILD_SHEET)
      )
    );
  } catch {
    throw new SnapshotRefused("its figures cannot be read");
  }
  const side = sideFromSnapshot(json);
  return { side, asOf: side.asOfIso };
}

/**
 * The last build's figures, from the sheet that carries the signature (the newest one, should a
 * kept, edited copy sit beside it).
 */
export function readLastBuild(grids: WorkbookGrids): LastBuild {
  let found: LastBuild = { state: "none" };
  for (const grid of grids.sheets) {
    const at = signatureRow(grid);
    if (at < 0) continue;
    try {
      found = { state: "read", sheet: grid.name, ...readSheet(grid.rows, at) };
    } catch (e) {
      if (!(e instanceof SnapshotRefused)) throw e;
      if (found.state !== "read")
        found = { state: "unreadable", sheet: grid.name, reason: e.message };
    }
  }
  return found;
}
