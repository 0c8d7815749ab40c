/**
 * Messages between the pane's engine worker and its deflate worker (deflate.worker.ts): the
 * pieces of each generated part as the writer makes them, and back, how many bytes the
 * compressor has taken (the writer waits past a backlog) and the deflated part.
 */

/** Engine worker → deflate worker. */
export type DeflateRequest = { part: number; chunk: ArrayBuffer } | { part: number; finish: true };

/** Deflate worker → engine worker. */
export type DeflateReply =
  | { part: number; taken: number }
  | { part: number; data: ArrayBuffer; crc: number; size: number }
  | { part: number; error: string };
