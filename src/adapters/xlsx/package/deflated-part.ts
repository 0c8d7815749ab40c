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
  /**
   * For an asynchronous deflater, a promise while more bytes wait to be deflated than it
   * should hold: the writer awaits it before writing on, so the part's XML is never held whole.
   */
  backlog?(): Promise<void> | null;
}

/**
 * What a writer written as a generator yields: a deflater's backlog to await, or nothing to wait
 * for. Driven by `drain` (synchronous deflaters) or `drainAsync`.
 */
export type Backlogs<Result> = Generator<Promise<void> | null, Result, void>;

/** Runs a writer whose deflaters never make it wait. */
export function drain<Result>(writer: Backlogs<Result>): Result {
  for (;;) {
    const step = writer.next();
    if (step.done) return step.value;
  }
}

/** Runs a writer, awaiting each backlog it yields. */
export async function drainAsync<Result>(writer: Backlogs<Result>): Promise<Result> {
  for (;;) {
    const step = writer.next();
    if (step.done) return step.value;
    await step.value;
  }
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
