/** The zip layer's deflate, inflate and CRC-32 in the browser (fflate), standing in for `codec.ts`. */
import { Inflate, deflateSync } from "fflate";
import { PackageRefused } from "./limits";

export function inflateRaw(data: Uint8Array, maxBytes: number, part: string): Uint8Array {
  const pieces: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > maxBytes)
      throw new PackageRefused(`${part} inflates to more than ${maxBytes} bytes`);
    pieces.push(chunk);
  });
  try {
    inflater.push(data, true);
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

export function deflateRaw(data: Uint8Array, level: 1 | 4 | 6 | 9 = 1): Uint8Array {
  return deflateSync(data, { level });
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
