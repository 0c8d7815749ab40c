/**
 * Draws the add-in's icons (assets/icon-*.png): three rising bars in green, amber and red on a
 * rounded tile. Written as code so the icons can be regenerated at any size: `node lib/scripts/make-icons.js`.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { deflateSync } from "zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgba = [number, number, number, number];

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const TILE: Rgba = [16, 110, 190, 255];
const BARS: { from: number; to: number; height: number; colour: Rgba }[] = [
  { from: 0.18, to: 0.36, height: 0.35, colour: [209, 52, 56, 255] },
  { from: 0.41, to: 0.59, height: 0.55, colour: [255, 185, 0, 255] },
  { from: 0.64, to: 0.82, height: 0.75, colour: [16, 124, 16, 255] },
];

function icon(size: number): Buffer {
  const radius = size * 0.18;
  return png(size, (px, py) => {
    const x = (px + 0.5) / size;
    const y = (py + 0.5) / size;
    const cx = Math.min(Math.max(px + 0.5, radius), size - radius);
    const cy = Math.min(Math.max(py + 0.5, radius), size - radius);
    if (Math.hypot(px + 0.5 - cx, py + 0.5 - cy) > radius) return [0, 0, 0, 0];
    for (const bar of BARS)
      if (x >= bar.from && x <= bar.to && y >= 0.85 - bar.height && y <= 0.85)
        return [255, 255, 255, 255];
    for (const bar of BARS)
      if (x >= bar.from - 0.03 && x <= bar.to + 0.03 && y >= 0.82 - bar.height && y <= 0.88)
        return bar.colour;
    return TILE;
  });
}

const dir = path.resolve(__dirname, "..", "..", "assets");
for (const size of [16, 32, 64, 80, 128])
  writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
process.stdout.write(`Wrote icons to ${dir}\n`);
