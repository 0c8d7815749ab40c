/**
 * The pane's second worker: deflates the generated sheets' XML while the engine worker goes on
 * planning and writing the next rows (deflate-client.ts). Deflating is about a third of the work
 * of writing a 5,000-person build (some 220 MB of XML at zlib's level 6); in the engine worker it
 * ran between the rows, here on another core.
 */
import { DeflateRequest } from "./deflate-protocol";
import { serveDeflate } from "./deflate-server";

const worker = self as unknown as Worker;
const serve = serveDeflate((message, transfer = []) => worker.postMessage(message, transfer));
worker.onmessage = (event: MessageEvent<DeflateRequest>) => serve(event.data);
