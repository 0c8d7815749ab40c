/**
 * jsdom lacks TextEncoder and TextDecoder, which the package reader and writer make at load time:
 * imported first by a jsdom test that runs them, it puts Node's in place.
 */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
