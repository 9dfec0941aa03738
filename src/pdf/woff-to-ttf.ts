/**
 * The TrueType/OpenType font inside a WOFF 1.0 file: each table is inflated with `inflate` (zlib) when
 * compressed, and written back with a fresh sfnt header. react-pdf reads TTF quickly but WOFF slowly.
 */
export function woffToSfnt(woff: Uint8Array, inflate: (data: Uint8Array) => Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 file');
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const tag = view.getUint32(entry);
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const checksum = view.getUint32(entry + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflate(raw) : raw;
    if (data.length !== origLength) throw new Error('a WOFF table has the wrong length');
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const headerSize = 12 + 16 * numTables;
  const total = tables.reduce((sum, t) => sum + ((t.data.length + 3) & ~3), headerSize);
  const out = new Uint8Array(total);
  const o = new DataView(out.buffer);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  o.setUint16(6, searchRange * 16);
  o.setUint16(8, entrySelector);
  o.setUint16(10, numTables * 16 - searchRange * 16);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const record = 12 + i * 16;
    o.setUint32(record, t.tag);
    o.setUint32(record + 4, t.checksum);
    o.setUint32(record + 8, offset);
    o.setUint32(record + 12, t.data.length);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

/** The Hangul syllables (U+AC00–U+D7A3) a font covers, as a bitmap of 11,172 bits in base64. */
export function hangulCoverage(codePoints: Iterable<number>): string {
  const bits = new Uint8Array(Math.ceil(11_172 / 8));
  for (const cp of codePoints) {
    if (cp < 0xac00 || cp > 0xd7a3) continue;
    const i = cp - 0xac00;
    bits[i >> 3]! |= 1 << (i & 7);
  }
  let binary = '';
  for (const b of bits) binary += String.fromCharCode(b);
  return btoa(binary);
}
