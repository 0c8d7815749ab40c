/**
 * What the deflate worker does with each request (deflate.worker.ts posts the replies): one gzip
 * stream per part through the platform's compressor (StreamPartDeflater), an acknowledgement as
 * each piece is taken, and the part when it is finished. In a module of its own so that the
 * tests run it in-process.
 */
import { StreamPartDeflater } from "../../adapters/xlsx/package/stream-deflater";
import { DeflateReply, DeflateRequest } from "./deflate-protocol";

export function serveDeflate(
  reply: (message: DeflateReply, transfer?: Transferable[]) => void
): (request: DeflateRequest) => void {
  const parts = new Map<number, StreamPartDeflater>();
  return (request) => {
    let deflater = parts.get(request.part);
    if (!deflater) parts.set(request.part, (deflater = new StreamPartDeflater()));
    if ("chunk" in request) {
      const taken = request.chunk.byteLength;
      // The buffer was transferred: the compressor takes it as it is, without a copy.
      deflater.take(new Uint8Array(request.chunk));
      void deflater.settled().then(() => reply({ part: request.part, taken }));
      return;
    }
    parts.delete(request.part);
    deflater.finish().then(
      (done) => {
        const data = done.data.slice();
        reply({ part: request.part, data: data.buffer, crc: done.crc, size: done.size }, [
          data.buffer,
        ]);
      },
      (e: unknown) => reply({ part: request.part, error: String(e) })
    );
  };
}
