// Byte-level helpers for share links, written out here because the domain has no DOM or Node APIs
// (no TextEncoder, atob or Buffer). Every decoder is strict: there is exactly one text for each byte
// sequence and back, so a changed character can never decode to the same bytes and slip past the checksum.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALPHABET_INDEX: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));

/** `bytes` as unpadded base64url text (RFC 4648 §5), safe in a URL fragment without escaping. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]!;
    out += ALPHABET[((a & 0b11) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += ALPHABET[((b & 0b1111) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += ALPHABET[c & 0b111111]!;
  }
  return out;
}

/**
 * The bytes of unpadded base64url `text`, or null when it is not the canonical encoding of any bytes
 * (a character outside the alphabet, an impossible length, or non-zero leftover bits in the last character).
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let o = 0;
  for (const char of text) {
    const value = ALPHABET_INDEX.get(char);
    if (value === undefined) return null;
    bits = (bits << 6) | value;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >> count) & 0xff;
      bits &= (1 << count) - 1;
    }
  }
  // Leftover bits must be zero: otherwise two texts would decode to the same bytes.
  if (bits !== 0 || o !== out.length) return null;
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 (IEEE 802.3, as in zip and PNG) of `bytes`, as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The UTF-8 bytes of `text`. A lone surrogate becomes U+FFFD, as TextEncoder does; share links only
 * encode JSON.stringify output, which escapes lone surrogates as `\udxxx`, so none reach this point.
 */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else code = 0xfffd;
    } else if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      out.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
  }
  return Uint8Array.from(out);
}

/**
 * The text of UTF-8 `bytes`, or null when they are not well-formed UTF-8 (truncated or overlong sequences,
 * encoded surrogates, code points above U+10FFFF).
 */
export function utf8Decode(bytes: Uint8Array): string | null {
  const units: number[] = [];
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const first = bytes[i]!;
    let code: number;
    let length: number;
    let min: number;
    if (first < 0x80) [code, length, min] = [first, 1, 0];
    else if (first >= 0xc2 && first <= 0xdf) [code, length, min] = [first & 0x1f, 2, 0x80];
    else if (first >= 0xe0 && first <= 0xef) [code, length, min] = [first & 0x0f, 3, 0x800];
    else if (first >= 0xf0 && first <= 0xf4) [code, length, min] = [first & 0x07, 4, 0x10000];
    else return null;
    if (i + length > bytes.length) return null;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return null;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    if (code >= 0x10000) units.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff));
    else units.push(code);
    i += length;
    // Flushed in slices: String.fromCharCode with too many arguments overflows the stack.
    if (units.length >= 8_192) out += String.fromCharCode(...units.splice(0));
  }
  return out + String.fromCharCode(...units);
}
