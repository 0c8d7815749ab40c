/**
 * The generated sheets' byte path: XML written straight to UTF-8 and deflated a megabyte at a
 * time must read back as exactly the text the string functions make, whatever the text holds.
 */
import fc from "fast-check";
import { inflateRawSync } from "zlib";
import { PartDeflater } from "../../../src/adapters/xlsx/package/codec";
import * as browserCodec from "../../../src/adapters/xlsx/package/codec-browser";
import { crc32 } from "../../../src/adapters/xlsx/package/codec";
import { StreamPartDeflater } from "../../../src/adapters/xlsx/package/stream-deflater";
import { escapeContent, escapeXml } from "../../../src/adapters/xlsx/xml/escape";
import { XmlSink } from "../../../src/adapters/xlsx/xml/xml-sink";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Any string, lone surrogates and control characters included. */
const anyText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
});

describe("XmlSink", () => {
  it("writes raw text as TextEncoder does and escaped text as escapeXml does", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const sink = new XmlSink(new PartDeflater());
        sink.raw(a);
        sink.escaped(b);
        sink.int(7);
        sink.int(1234);
        const part = sink.finish();
        const bytes = inflateRawSync(part.data);
        // Each call's text encoded on its own: a lone high surrogate ending `a` and a lone low
        // one starting `b` are two lone surrogates (U+FFFD each), not one pair (fast-check found
        // "\ud800", "\udc00" in one run in a few dozen).
        const expected = Buffer.concat(
          [a, escapeXml(b), "71234"].map((piece) => new TextEncoder().encode(piece))
        );
        expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
        expect(part.size).toBe(bytes.length);
        expect(part.crc).toBe(crc32(bytes));
      }),
      // Lone surrogates, also around a control character escapeXml drops (found by runs).
      {
        numRuns: 300,
        examples: [
          ["\ud800", "\udc00"],
          ["", "\ud800\u0000\udc00"],
        ],
      }
    );
  });

  it("writes element content as escapeContent does: quotes as they are, the rest as escapeXml", () => {
    fc.assert(
      fc.property(anyText, (a) => {
        const sink = new XmlSink(new PartDeflater());
        sink.content(a);
        const written = text(inflateRawSync(sink.finish().data));
        expect(written).toBe(new TextDecoder().decode(new TextEncoder().encode(escapeContent(a))));
        expect(written.replace(/"/g, "&quot;")).toBe(
          new TextDecoder().decode(new TextEncoder().encode(escapeXml(a)))
        );
      }),
      { numRuns: 300 }
    );
  });

  it("writes parts of many megabytes, split across buffers mid-character, that inflate whole", () => {
    const sink = new XmlSink(new PartDeflater());
    const line = "<c>Ünïcödé 日本語 😀 &amp; plain ascii</c>";
    const expected: string[] = [];
    for (let i = 0; i < 80_000; i++) {
      sink.raw(line);
      sink.escaped("a&b");
      expected.push(line, "a&amp;b");
    }
    const part = sink.finish();
    const whole = inflateRawSync(part.data);
    expect(text(whole)).toBe(expected.join(""));
    expect(part.size).toBeGreaterThan(3 * (1 << 20));
    expect(part.crc).toBe(crc32(whole));
  });
});

describe("PartDeflater", () => {
  it("in the browser's codec too, deflates pieces into one stream with the CRC of the whole", () => {
    const deflater = new browserCodec.PartDeflater();
    const pieces = ["first piece ", "second — ünïcode ", "third"].map((s) =>
      new TextEncoder().encode(s)
    );
    for (const p of pieces) deflater.push(p);
    const part = deflater.finish();
    const whole = inflateRawSync(part.data);
    expect(text(whole)).toBe("first piece second — ünïcode third");
    expect(part.crc).toBe(crc32(whole));
    expect(browserCodec.crc32(whole)).toBe(crc32(whole));
  });

  it("in Node, reuses nothing it was given: the caller may overwrite a pushed buffer", () => {
    const deflater = new PartDeflater();
    const buffer = new TextEncoder().encode("AAAA");
    deflater.push(buffer);
    buffer.fill(66);
    deflater.push(buffer);
    expect(text(inflateRawSync(deflater.finish().data))).toBe("AAAABBBB");
  });
});

describe("StreamPartDeflater", () => {
  it("deflates natively whatever pieces it is given into one stream with their CRC and size", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 5000 }), { maxLength: 8 }),
        async (pieces) => {
          const deflater = new StreamPartDeflater();
          // The same buffer overwritten after each push: the deflater must have taken a copy.
          const buffer = new Uint8Array(5000);
          for (const p of pieces) {
            buffer.set(p);
            deflater.push(buffer.subarray(0, p.length));
            buffer.fill(0xee);
          }
          const part = await deflater.finish();
          const whole = Buffer.concat(pieces);
          expect(Buffer.from(inflateRawSync(part.data)).equals(whole)).toBe(true);
          expect(part.size).toBe(whole.length);
          expect(part.crc).toBe(crc32(whole));
        }
      ),
      { numRuns: 100 }
    );
  });

  it("behind an XmlSink, writes parts of many megabytes that inflate to what the sync deflater's do", async () => {
    const native = new XmlSink(new StreamPartDeflater());
    const sync = new XmlSink(new PartDeflater());
    for (let i = 0; i < 80_000; i++)
      for (const sink of [native, sync]) {
        sink.raw("<c>Ünïcödé 日本語 😀 plain ascii</c>");
        sink.escaped("a&b");
        sink.int(i);
      }
    const [a, b] = [await native.finish(), sync.finish()];
    expect(a.size).toBeGreaterThan(3 * (1 << 20));
    expect(Buffer.from(inflateRawSync(a.data)).equals(inflateRawSync(b.data))).toBe(true);
    expect([a.crc, a.size]).toEqual([b.crc, b.size]);
  });

  it("asks the writer to wait once megabytes are queued, so a part is never held whole", async () => {
    const deflater = new StreamPartDeflater();
    const megabyte = new Uint8Array(1 << 20).fill(0x41);
    deflater.push(megabyte);
    expect(deflater.backlog()).toBeNull();
    for (let i = 0; i < 4; i++) deflater.push(megabyte);
    const backlog = deflater.backlog();
    expect(backlog).not.toBeNull();
    await backlog;
    expect(deflater.backlog()).toBeNull();
    expect((await deflater.finish()).size).toBe(5 << 20);
  });
});
