/** What the zip writer needs of a part compressed ahead of time, shared by both codecs. */
export interface DeflatedPart {
  /** Raw deflate data, or the bytes themselves when `stored`. */
  data: Uint8Array;
  stored?: boolean;
  /** CRC-32 and length of the uncompressed bytes. */
  crc: number;
  size: number;
}

/**
 * Where a part's bytes go as they are written: a deflater that has the part at once when it is
 * finished (the codec's `PartDeflater`), or one that has it later (`StreamPartDeflater`).
 */
export interface PartSink<Part extends DeflatedPart | Promise<DeflatedPart>> {
  /** Takes the bytes now: the caller may reuse the buffer once this returns. */
  push(chunk: Uint8Array): void;
  finish(): Part;
}

/** A final fixed-Huffman block holding only its end code: BFINAL 1, BTYPE 01, code 256. */
export const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);

export function joinPieces(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
