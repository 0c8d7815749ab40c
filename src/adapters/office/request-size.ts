/**
 * Sizes of what crosses to Excel, in the unit Excel limits: UTF-8 bytes of the JSON Office.js
 * sends (`JSON.stringify` of the request body) and receives. Excel on the web refuses a request or
 * response over 5 MB; a Japanese character is one JavaScript character but three bytes on the wire.
 */

/** UTF-8 length of a string, without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes a value takes in a request or response body: the UTF-8 of its JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}
