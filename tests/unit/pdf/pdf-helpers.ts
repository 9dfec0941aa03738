// Reading the PDFs pdfkit writes (uncompressed object table, Flate streams) without poppler: text through
// unpdf (pdf.js), metadata and fonts from the raw bytes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Charter } from '../../../src/domain/charter/charter';
import { restore } from '../../../src/domain/interchange/restore';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

/** The one charter of `templates/<name>.json`, read through restore() like the app does. */
export function loadTemplate(name: string): Charter {
  const result = restore(readFileSync(`${TEMPLATES_DIR}${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  const charter = result.backup.charters[0];
  if (!charter) throw new Error(`${name}: no charter`);
  return charter;
}

/** Runs of white space as one space, trimmed. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** Without any white space (for sentences a line break may cut anywhere). */
export const unspaced = (s: string): string => s.replace(/\s+/g, '');

/** The text of every page, joined. */
export async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return { text, pages: totalPages };
}

const latin1 = (pdf: Uint8Array) =>
  Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');

/** Where each object starts, from the cross-reference table pdfkit writes (one section, from object 0). */
function xref(raw: string): number[] {
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(raw)![1]);
  const table = /^xref\s+0 (\d+)\s+/.exec(raw.slice(start))!;
  const rows = raw
    .slice(start + table[0].length)
    .split(/\r?\n/)
    .slice(0, Number(table[1]));
  return rows.map((row) => Number(row.slice(0, 10)));
}

/** The source of indirect object `n` (dictionary and, for streams, everything up to `endobj`). */
function objectSource(raw: string, n: number): string {
  const offset = xref(raw)[n];
  const head = `${n} 0 obj\n`;
  if (offset === undefined || !raw.startsWith(head, offset)) throw new Error(`object ${n} not found`);
  const end = raw.indexOf('\nendobj', offset + head.length);
  return raw.slice(offset + head.length, end);
}

/** The bytes of a PDF literal string starting at `(` (escapes, octal codes, nested parentheses). */
function literalBytes(src: string, open: number): number[] {
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
  let depth = 1;
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const next = src[i + 1]!;
      if (next in escapes) {
        bytes.push(escapes[next]!);
        i++;
      } else if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(src.slice(i + 1))![0];
        bytes.push(parseInt(octal, 8) & 0xff);
        i += octal.length;
      } else if (next === '\r' || next === '\n') {
        i += next === '\r' && src[i + 2] === '\n' ? 2 : 1;
      } else {
        bytes.push(next.charCodeAt(0));
        i++;
      }
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return bytes;
    bytes.push(c.charCodeAt(0));
  }
  throw new Error('unterminated PDF string');
}

/** A PDF text string: UTF-16BE after a FE FF mark, otherwise PDFDocEncoding (read as Latin-1). */
export function decodePdfString(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(Uint8Array.from(bytes.slice(2)));
  return String.fromCharCode(...bytes);
}

/** The string value of `/key` in `dict` (direct, hex `<…>` or an indirect reference), or null. */
function stringValue(raw: string, dict: string, key: string): string | null {
  const match = new RegExp(`/${key}\\s*(?:(\\()|<(?!<)([0-9A-Fa-f\\s]*)>|(\\d+) 0 R)`).exec(dict);
  if (!match) return null;
  if (match[1]) return decodePdfString(literalBytes(dict, match.index + match[0].length - 1));
  if (match[2] !== undefined) {
    const hex = match[2].replace(/\s/g, '');
    const padded = hex.length % 2 ? `${hex}0` : hex;
    return decodePdfString(
      Array.from({ length: padded.length / 2 }, (_, i) => parseInt(padded.slice(2 * i, 2 * i + 2), 16)),
    );
  }
  const target = objectSource(raw, Number(match[3])).trim();
  if (target.startsWith('(')) return decodePdfString(literalBytes(target, 0));
  return stringValue(raw, `/V ${target}`, 'V');
}

const ref = (dict: string, key: string): number => {
  const match = new RegExp(`/${key}\\s*\\[?\\s*(\\d+) 0 R`).exec(dict);
  if (!match) throw new Error(`/${key} not found`);
  return Number(match[1]);
};

/** The document information dictionary's title, author and subject, and the catalog's language. */
export function pdfMetadata(pdf: Uint8Array): {
  title: string | null;
  author: string | null;
  subject: string | null;
  lang: string | null;
} {
  const raw = latin1(pdf);
  const trailer = raw.slice(raw.lastIndexOf('trailer'));
  const info = objectSource(raw, ref(trailer, 'Info'));
  const catalog = objectSource(raw, ref(trailer, 'Root'));
  return {
    title: stringValue(raw, info, 'Title'),
    author: stringValue(raw, info, 'Author'),
    subject: stringValue(raw, info, 'Subject'),
    lang: stringValue(raw, catalog, 'Lang'),
  };
}

function streamBytes(raw: string, n: number): Buffer {
  const offset = xref(raw)[n]!;
  const dictEnd = raw.indexOf('stream\n', offset);
  const dict = raw.slice(offset, dictEnd);
  const length = Number(/\/Length (\d+)/.exec(dict)![1]);
  const data = Buffer.from(
    raw.slice(dictEnd + 'stream\n'.length, dictEnd + 'stream\n'.length + length),
    'latin1',
  );
  return /\/Filter\s*\/FlateDecode/.test(dict) ? inflateSync(data) : data;
}

/** CID → text from a ToUnicode CMap (bfchar and bfrange, both forms). */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) =>
    h === '' ? '' : String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, cid, uni] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
      map.set(parseInt(cid!, 16), hex(uni!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, list, first] of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F]*)>)/g,
    )) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      if (list !== undefined) {
        const items = [...list.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => hex(m[1]!));
        items.forEach((text, i) => map.set(from + i, text));
      } else {
        const base = parseInt(first!, 16);
        for (let cid = from; cid <= to; cid++) map.set(cid, String.fromCharCode(base + cid - from));
      }
    }
  return map;
}

export type EmbeddedFont = {
  baseFont: string;
  hasFontFile2: boolean;
  /** Bytes of the embedded (subset) TrueType program. */
  programBytes: number;
  /** Text → the embedded glyph drawn for it: its id in the subset and whether it has an outline. */
  glyphFor: (char: string) => { cid: number; drawn: boolean } | null;
};

/** Every Type0 font embedded in the PDF, with its glyph program and its ToUnicode map. */
export function embeddedFonts(pdf: Uint8Array): EmbeddedFont[] {
  const raw = latin1(pdf);
  const fonts: EmbeddedFont[] = [];
  for (const match of raw.matchAll(/\n(\d+) 0 obj\n<<\n\/Type \/Font\n\/Subtype \/Type0\n/g)) {
    const dict = objectSource(raw, Number(match[1]));
    const baseFont = /\/BaseFont \/(\S+)/.exec(dict)![1]!;
    const descendant = objectSource(raw, ref(dict, 'DescendantFonts'));
    const descriptor = objectSource(raw, ref(descendant, 'FontDescriptor'));
    const hasFontFile2 = /\/FontFile2 \d+ 0 R/.test(descriptor);
    const program = streamBytes(raw, ref(descriptor, 'FontFile2'));
    const font = fontkit.create(program) as fontkit.Font;
    const toUnicode = parseToUnicode(streamBytes(raw, ref(dict, 'ToUnicode')).toString('latin1'));
    fonts.push({
      baseFont,
      hasFontFile2,
      programBytes: program.length,
      glyphFor: (char) => {
        for (const [cid, text] of toUnicode)
          if (text === char) return { cid, drawn: cid !== 0 && font.getGlyph(cid).path.commands.length > 0 };
        return null;
      },
    });
  }
  return fonts;
}

/** The targets of every link annotation (`/URI (…)`) in the PDF. */
export function pdfUris(pdf: Uint8Array): string[] {
  const raw = latin1(pdf);
  return [...raw.matchAll(/\/URI\s*\(/g)].map((m) =>
    decodePdfString(literalBytes(raw, m.index + m[0].length - 1)),
  );
}

/** Every link annotation of every page, as pdf.js reads it: its target URL and the page it is on. */
export async function pdfLinkAnnotations(pdf: Uint8Array): Promise<{ page: number; url: string }[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const links: { page: number; url: string }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const annotations = (await (await doc.getPage(n)).getAnnotations()) as {
      subtype?: string;
      url?: string;
    }[];
    for (const a of annotations) if (a.subtype === 'Link' && a.url) links.push({ page: n, url: a.url });
  }
  await doc.destroy();
  return links;
}

/** The decoded bytes of every stream object (page contents, fonts, …), as Latin-1 text. */
export function pdfStreams(pdf: Uint8Array): string[] {
  const raw = latin1(pdf);
  const objects = xref(raw).map((_, n) => n);
  return objects
    .filter((n) => n > 0 && /^<<[^]*?>>\nstream\n/.test(objectSource(raw, n)))
    .map((n) => streamBytes(raw, n).toString('latin1'));
}
