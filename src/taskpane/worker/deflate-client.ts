/**
 * The engine worker's side of the deflate worker (deflate.worker.ts): a part sink per generated
 * part whose pieces go to the other worker as they are written. The writer waits only when more
 * than BACKLOG_BYTES are still to be deflated, so both workers stay busy and the XML in flight
 * stays bounded.
 */
import { DeflatedPart, PartSink } from "../../adapters/xlsx/package/deflated-part";
import { DeflateReply, DeflateRequest } from "./deflate-protocol";

/**
 * Bytes sent and not yet taken by the compressor before the writer waits. Measured at 5,000
 * people in Chromium on two cores: 32 MB, a build in 8.5–9.0 s; 64 MB, 7.9–8.0 s; 96 MB, 8.4 s
 * (the rows of some sheets come faster than the compressor takes them, and a deeper queue only
 * holds more memory while both workers share the cores).
 */
export const BACKLOG_BYTES = 64 << 20;

interface Pending {
  done(part: DeflatedPart): void;
  failed(error: Error): void;
}

/** Where the requests go: the deflate worker, or a stand-in in the tests. */
export interface DeflatePort {
  postMessage(message: DeflateRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<DeflateReply>) => void) | null;
  onerror?: ((event: unknown) => void) | null;
}

/**
 * The deflate worker as the writer sees it: a sink per part, and one backlog over them all (the
 * parts of one build follow each other, and a part's last pieces are still being deflated while
 * the next part's first are written).
 */
export class DeflateClient {
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private broken: Error | null = null;
  private queued = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly port: DeflatePort) {
    port.onmessage = ({ data }) => this.receive(data);
    port.onerror = () => this.fail(new Error("The deflate worker stopped."));
  }

  /** A sink for one part. */
  part(): PartSink<Promise<DeflatedPart>> {
    const id = this.next++;
    const result = new Promise<DeflatedPart>((done, failed) => {
      if (this.broken) failed(this.broken);
      else this.pending.set(id, { done, failed });
    });
    // A failure surfaces where the part is awaited (`finish`), not as an unhandled rejection.
    result.catch(() => undefined);
    return {
      // A copy is sent: the caller may reuse the buffer once this returns.
      push: (chunk) => {
        if (chunk.length === 0) return;
        const copy = chunk.slice();
        // Counted before it is sent: sending detaches the copy's buffer.
        this.queued += copy.length;
        this.send({ part: id, chunk: copy.buffer }, [copy.buffer]);
      },
      backlog: () => this.backlog(),
      finish: () => {
        // Where the worker stopped, the part already failed with the same error.
        if (!this.broken) this.send({ part: id, finish: true });
        return result;
      },
    };
  }

  /** Past BACKLOG_BYTES not yet taken, a promise that settles once half of them are. */
  private backlog(): Promise<void> | null {
    if (this.queued < BACKLOG_BYTES || this.broken) return null;
    return new Promise((resolve) => (this.wake = resolve));
  }

  /** Posts a request; a client whose worker stopped throws instead. */
  private send(message: DeflateRequest, transfer: Transferable[] = []): void {
    if (this.broken) throw this.broken;
    this.port.postMessage(message, transfer);
  }

  private receive(reply: DeflateReply): void {
    if ("taken" in reply) {
      this.queued -= reply.taken;
      if (this.queued < BACKLOG_BYTES / 2) this.resume();
      return;
    }
    const pending = this.pending.get(reply.part);
    if (!pending) return;
    this.pending.delete(reply.part);
    if ("error" in reply) pending.failed(new Error(reply.error));
    else pending.done({ data: new Uint8Array(reply.data), crc: reply.crc, size: reply.size });
  }

  private fail(error: Error): void {
    this.broken = error;
    for (const pending of this.pending.values()) pending.failed(error);
    this.pending.clear();
    this.resume();
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
