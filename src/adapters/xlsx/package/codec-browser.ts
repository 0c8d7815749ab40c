/** The zip layer's deflate, inflate and CRC-32 in the browser (fflate), standing in for `codec.ts`. */
import { Inflate, deflateSync } from "fflate";
import { PackageRefused } from "./limits";

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
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: 1 });
}

let table: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
