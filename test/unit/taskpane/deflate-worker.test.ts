/**
 * The pane's deflate worker (taskpane/worker/deflate-*.ts), run in-process over a stand-in for
 * the message port: the writer's package through it is the synchronous writer's, part for part;
 * the writer waits past a backlog and goes on once the compressor has caught up; a worker that
 * stops fails the write instead of leaving it waiting.
 */
import { readFileSync } from "fs";
import * as zlib from "zlib";
import { SAMPLE_WORKBOOK } from "../../../src/cli/main";
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { readPackage } from "../../../src/adapters/xlsx/read";
import { writePlan, writePlanAsync } from "../../../src/adapters/xlsx/write";
import { planWorkbook } from "../../../src/planner";
import {
  BACKLOG_BYTES,
  DeflateClient,
  DeflatePort,
} from "../../../src/taskpane/worker/deflate-client";
import { DeflateReply, DeflateRequest } from "../../../src/taskpane/worker/deflate-protocol";
import { serveDeflate } from "../../../src/taskpane/worker/deflate-server";
import { partDigests } from "../../support/package-parts";

/** A port whose requests the deflate server answers asynchronously, as another thread would. */
class InProcessPort implements DeflatePort {
  onmessage: ((event: MessageEvent<DeflateReply>) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  sent = 0;
  /** Bytes sent and not yet acknowledged, at most. */
  mostInFlight = 0;
  private inFlight = 0;
  private readonly serve = serveDeflate((message, transfer = []) => {
    const reply = structuredClone(message, { transfer });
    setImmediate(() => {
      if ("taken" in reply) this.inFlight -= reply.taken;
      this.onmessage?.({ data: reply } as MessageEvent<DeflateReply>);
    });
  });
  postMessage(message: DeflateRequest, transfer: Transferable[]): void {
    // Transferred as a worker's message is: the sender's buffer is detached.
    const received = structuredClone(message, { transfer: transfer as Transferable[] });
    if ("chunk" in received) {
      this.sent += received.chunk.byteLength;
      this.inFlight += received.chunk.byteLength;
      this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    }
    setImmediate(() => this.serve(received));
  }
}

describe("the deflate worker", () => {
  it("deflates the writer's parts into the package the synchronous writer writes", async () => {
    const reading = readPackage(new Uint8Array(readFileSync(SAMPLE_WORKBOOK)));
    const plan = planWorkbook(analyzeWorkbook(reading.grids));
    const port = new InProcessPort();
    const client = new DeflateClient(port);
    const viaWorker = await writePlanAsync(reading, plan, () => client.part());
    const sync = writePlan(reading, plan);
    expect(port.sent).toBeGreaterThan(100_000);
    expect(viaWorker.checksums).toEqual(sync.checksums);
    expect(partDigests(viaWorker.bytes)).toEqual(partDigests(sync.bytes));
  });

  it("makes the writer wait past a backlog and go on once the compressor has taken it", async () => {
    const port = new InProcessPort();
    const part = new DeflateClient(port).part();
    const piece = new Uint8Array(1 << 20).map((_, i) => 65 + (i % 26));
    let waits = 0;
    const pieces = (BACKLOG_BYTES >> 20) * 3;
    for (let i = 0; i < pieces; i++) {
      part.push(piece);
      const backlog = part.backlog?.();
      if (backlog) {
        waits++;
        await backlog;
      }
    }
    const done = await part.finish();
    expect(waits).toBeGreaterThan(0);
    // Never more than the backlog and a piece in flight.
    expect(port.mostInFlight).toBeLessThanOrEqual(BACKLOG_BYTES + (1 << 20));
    const inflated = zlib.inflateRawSync(done.data);
    expect(inflated.length).toBe(pieces << 20);
    expect(done.size).toBe(pieces << 20);
    expect(done.crc).toBe(zlib.crc32(inflated) >>> 0);
  });

  it("counts one backlog over every part, so parts in turn never pile up", async () => {
    const port = new InProcessPort();
    const client = new DeflateClient(port);
    const first = client.part();
    first.push(new Uint8Array(BACKLOG_BYTES - 1));
    const firstDone = first.finish();
    const second = client.part();
    second.push(new Uint8Array(2));
    const backlog = second.backlog?.();
    expect(backlog).toBeInstanceOf(Promise);
    await backlog;
    second.push(new Uint8Array(3));
    expect((await firstDone).size).toBe(BACKLOG_BYTES - 1);
    expect((await second.finish()).size).toBe(5);
  });

  it("fails the part, rather than waiting for ever, when the worker stops", async () => {
    const port = new InProcessPort();
    const client = new DeflateClient(port);
    const part = client.part();
    part.push(new Uint8Array(BACKLOG_BYTES + 1));
    const backlog = part.backlog?.();
    port.onerror?.(new Event("error"));
    await backlog;
    expect(() => part.push(new Uint8Array(10))).toThrow(/deflate worker stopped/);
    await expect(part.finish()).rejects.toThrow(/deflate worker stopped/);
    // And a part begun afterwards.
    await expect(client.part().finish()).rejects.toThrow(/deflate worker stopped/);
  });
});
