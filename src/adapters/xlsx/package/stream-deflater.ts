/**
 * A part deflated by the platform's own compressor, `CompressionStream` (Chromium, Node 18+):
 * native zlib at its default level 6 (the stream has no level to set), in Chromium about twice as
 * fast as fflate's JavaScript at level 1, and smaller. It is asynchronous, so the writer
 * queues the part's pieces as it writes them and awaits the part before it assembles the zip
 * (`writePlanAsync`). The stream is gzip rather than deflate-raw because gzip's trailer carries
 * the CRC-32 of the uncompressed bytes, computed natively too: the zip entry takes the deflate
 * data between gzip's header and trailer as it is (RFC 1952 section 2.3).
 */
import { DeflatedPart, PartSink, joinPieces } from "./deflated-part";

/** FLG bits of a gzip member header: the optional fields that follow its first 10 bytes. */
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** Where the deflate data starts in a gzip member: after its header and optional fields. */
function gzipDataStart(gzip: Uint8Array): number {
  if (gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== 8)
    throw new Error("The platform's compressor did not write a gzip member.");
  const flags = gzip[3];
  let at = 10;
  if (flags & FEXTRA) at += 2 + (gzip[at] | (gzip[at + 1] << 8));
  for (const field of [FNAME, FCOMMENT])
    if (flags & field) {
      while (gzip[at] !== 0) at++;
      at++;
    }
  if (flags & FHCRC) at += 2;
  return at;
}

/** Bytes queued for the compressor before the writer waits for it to catch up. */
const BACKLOG_BYTES = 4 << 20;

/** Whether this platform deflates natively: where it cannot, the writer's fflate path is used. */
export function nativeDeflateAvailable(): boolean {
  return typeof CompressionStream === "function";
}

export class StreamPartDeflater implements PartSink<Promise<DeflatedPart>> {
  private readonly stream = new CompressionStream("gzip");
  private readonly writer = this.stream.writable.getWriter();
  private readonly output: Promise<Uint8Array[]>;
  private size = 0;
  /** The write of the last piece: it settles once the stream has taken every piece before it. */
  private written: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor() {
    // Read as it is written: the stream holds back what nobody reads.
    this.output = (async () => {
      const pieces: Uint8Array[] = [];
      const reader = this.stream.readable.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return pieces;
        pieces.push(value as Uint8Array);
      }
    })();
  }

  /** Takes a copy of the bytes: the caller may reuse the buffer once this returns. */
  push(chunk: Uint8Array): void {
    this.take(chunk.slice());
  }

  /** Takes the bytes themselves, which the caller no longer touches (a transferred buffer). */
  take(chunk: Uint8Array<ArrayBuffer>): void {
    if (chunk.length === 0) return;
    this.size += chunk.length;
    this.queued += chunk.length;
    // Not awaited here (a failure surfaces in `finish`): `backlog` makes the writer wait.
    this.written = this.writer.write(chunk).catch(() => undefined);
  }

  /** Settles once the stream has taken every piece pushed so far. */
  settled(): Promise<void> {
    return this.written;
  }

  /** Past a few megabytes queued, the promise of the stream having taken them all. */
  backlog(): Promise<void> | null {
    if (this.queued < BACKLOG_BYTES) return null;
    this.queued = 0;
    return this.written;
  }

  async finish(): Promise<DeflatedPart> {
    await this.writer.close();
    const gzip = joinPieces(await this.output);
    const trailer = new DataView(gzip.buffer, gzip.byteOffset + gzip.length - 8, 4);
    return {
      data: gzip.subarray(gzipDataStart(gzip), gzip.length - 8),
      crc: trailer.getUint32(0, true),
      size: this.size,
    };
  }
}
