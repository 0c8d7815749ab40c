/**
 * The engine worker's side of the deflate worker (deflate.worker.ts): a part sink per generated
 * part whose pieces go to the other worker as they are written. The writer waits only when more
 * than a few megabytes are still to be deflated, so both workers stay busy and the XML in flight
 * stays bounded.
 */
import { DeflatedPart, PartSink } from "../../adapters/xlsx/package/deflated-part";
import { DeflateReply, DeflateRequest } from "./deflate-protocol";

/**
 * Bytes sent and not yet taken by the compressor before the writer waits. Measured at 5,000
 * people in Chromium: with 8 MB the writer waited 1.2 s in all, with 32 MB 1.0 s, and the
 * build took 0.5 s less (the rows of some sheets come faster than any compressor takes them).
 */
export const BACKLOG_BYTES = 32 << 20;

interface Pending {
  taken(bytes: number): void;
  done(part: DeflatedPart): void;
  failed(error: Error): void;
}

/** Where the requests go: the deflate worker, or a stand-in in the tests. */
export interface DeflatePort {
  postMessage(message: DeflateRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<DeflateReply>) => void) | null;
  onerror?: ((event: unknown) => void) | null;
}

export class DeflateClient {
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private broken: Error | null = null;

  constructor(private readonly port: DeflatePort) {
    port.onmessage = ({ data }) => this.receive(data);
    port.onerror = () => this.fail(new Error("The deflate worker stopped."));
  }

  /** A sink for one part. */
  part(): PartSink<Promise<DeflatedPart>> {
    return new RemotePart(this, this.next++);
  }

  /** Posts a request; a client whose worker stopped throws instead. */
  send(message: DeflateRequest, transfer: Transferable[] = []): void {
    if (this.broken) throw this.broken;
    this.port.postMessage(message, transfer);
  }

  expect(part: number, pending: Pending): void {
    if (this.broken) pending.failed(this.broken);
    else this.pending.set(part, pending);
  }

  private receive(reply: DeflateReply): void {
    const pending = this.pending.get(reply.part);
    if (!pending) return;
    if ("taken" in reply) pending.taken(reply.taken);
    else {
      this.pending.delete(reply.part);
      if ("error" in reply) pending.failed(new Error(reply.error));
      else pending.done({ data: new Uint8Array(reply.data), crc: reply.crc, size: reply.size });
    }
  }

  private fail(error: Error): void {
    this.broken = error;
    for (const pending of this.pending.values()) pending.failed(error);
    this.pending.clear();
  }
}

class RemotePart implements PartSink<Promise<DeflatedPart>> {
  private queued = 0;
  private wake: (() => void) | null = null;
  private readonly result: Promise<DeflatedPart>;

  constructor(
    private readonly client: DeflateClient,
    private readonly id: number
  ) {
    this.result = new Promise((resolve, reject) =>
      client.expect(id, {
        taken: (bytes) => {
          this.queued -= bytes;
          if (this.queued < BACKLOG_BYTES / 2) this.resume();
        },
        done: resolve,
        failed: (e) => {
          this.resume();
          reject(e);
        },
      })
    );
    // A failure surfaces where the part is awaited (`finish`), not as an unhandled rejection.
    this.result.catch(() => undefined);
  }

  /** Sends a copy: the caller may reuse the buffer once this returns. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const copy = chunk.slice();
    this.queued += copy.length;
    this.client.send({ part: this.id, chunk: copy.buffer }, [copy.buffer]);
  }

  backlog(): Promise<void> | null {
    if (this.queued < BACKLOG_BYTES) return null;
    return new Promise((resolve) => (this.wake = resolve));
  }

  /** The part, deflated; rejected (as the part already is) when the worker stopped. */
  finish(): Promise<DeflatedPart> {
    try {
      this.client.send({ part: this.id, finish: true });
    } catch {
      // The part was failed with the same error when the worker stopped.
    }
    return this.result;
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
