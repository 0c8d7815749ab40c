/** The zip layer's deflate, inflate and CRC-32 in the browser (fflate), standing in for `codec.ts`. */
import { Deflate, Inflate, deflateSync } from "fflate";
import { DeflatedPart, PartSink, joinPieces } from "./deflated-part";
import { PackageRefused } from "./limits";

export type { DeflatedPart, PartSink };

export function inflateRaw(data: Uint8Array, maxBytes: number, part: string): Uint8Array {
  const pieces: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > maxBytes)
      throw new PackageRefused(
        `${part} inflates to more than the ${maxBytes} bytes its zip entry declares; the package is ambiguous and refused`
      );
    pieces.push(chunk);
  });
  try {
    // Fed a piece at a time: fflate hands out what a push inflated, so a bomb is stopped after
    // at most a piece's worth (deflate's best ratio is about 1,032: 16 MB) past the limit —
    // pushed whole, it would inflate everything before the first callback.
    const PIECE = 16 * 1024;
    for (let at = 0; at < data.length; at += PIECE)
      inflater.push(data.subarray(at, at + PIECE), at + PIECE >= data.length);
    if (data.length === 0) inflater.push(data, true);
  } catch (e) {
    if (e instanceof PackageRefused) throw e;
    throw new PackageRefused(`${part} is damaged: its compressed data cannot be read`, true);
  }
  return joinPieces(pieces);
}

export function deflateRaw(data: Uint8Array, level: 1 | 4 | 6 | 9 = 1): Uint8Array {
  return deflateSync(data, { level });
}

let table: Uint32Array | null = null;

/** CRC-32 of `data`, continuing from `previous` (the CRC of what came before it). */
export function crc32(data: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A part deflated as it is written, a piece at a time (see codec.ts): one fflate stream. */
export class PartDeflater implements PartSink<DeflatedPart> {
  private readonly pieces: Uint8Array[] = [];
  private readonly deflater = new Deflate({ level: 1 }, (chunk) => this.pieces.push(chunk));
  private crc = 0;
  private size = 0;

  /** Takes the bytes now: the caller may reuse the buffer once this returns. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.deflater.push(chunk.slice(), false);
  }

  finish(): DeflatedPart {
    this.deflater.push(new Uint8Array(0), true);
    return { data: joinPieces(this.pieces), crc: this.crc, size: this.size };
  }
}
