/**
 * The generated sheets' byte path: XML written straight to UTF-8 and deflated a megabyte at a
 * time must read back as exactly the text the string functions make, whatever the text holds.
 */
import fc from "fast-check";
import { inflateRawSync } from "zlib";
import { PartDeflater } from "../../../src/adapters/xlsx/package/codec";
import * as browserCodec from "../../../src/adapters/xlsx/package/codec-browser";
import { crc32 } from "../../../src/adapters/xlsx/package/codec";
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
        const sink = new XmlSink();
        sink.raw(a);
        sink.escaped(b);
        sink.int(7);
        sink.int(1234);
        const part = sink.finish();
        const bytes = inflateRawSync(part.data);
        const expected = new TextEncoder().encode(`${a}${escapeXml(b)}71234`);
        expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
        expect(part.size).toBe(bytes.length);
        expect(part.crc).toBe(crc32(bytes));
      }),
      { numRuns: 300 }
    );
  });

  it("writes element content as escapeContent does: quotes as they are, the rest as escapeXml", () => {
    fc.assert(
      fc.property(anyText, (a) => {
        const sink = new XmlSink();
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
    const sink = new XmlSink();
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
