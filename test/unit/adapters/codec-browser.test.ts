/**
 * The browser's inflater (fflate, in the pane's worker) keeps the same limits as Node's zlib: it
 * reads what a part declares, refuses more — after inflating at most a piece past the limit, not
 * the whole bomb — and gives the same bytes back.
 */
import { deflateRawSync } from "zlib";
import { randomBytes } from "crypto";
import { inflateRaw } from "../../../src/adapters/xlsx/package/codec-browser";
import { repeatedDeflate } from "../../support/zip-craft";

describe("inflating in the browser", () => {
  it("gives back what was deflated, empty or not", () => {
    const data = randomBytes(3_000_000);
    expect(Buffer.from(inflateRaw(deflateRawSync(data), data.length, "x")).equals(data)).toBe(true);
    expect(inflateRaw(deflateRawSync(Buffer.alloc(0)), 0, "x")).toHaveLength(0);
  });

  it("stops a bomb at its declared size without inflating it all", () => {
    // 4 GB of spaces in 4 MB: inflated whole, it would not fit in memory at all.
    const bomb = repeatedDeflate("<x>", new Uint8Array(1 << 20).fill(32), 4096, "</x>");
    const started = Date.now();
    expect(() => inflateRaw(bomb.deflated, 100_000, "xl/worksheets/sheet1.xml")).toThrow(
      /sheet1\.xml inflates to more than the 100000 bytes its zip entry declares/
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
