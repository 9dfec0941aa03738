// Node-only: where the PDF fonts come from. Used at build time (vite.config.ts) and by the command line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { woffToSfnt } from './woff-to-ttf.ts';

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('pretendard/package.json'));

/** The four font files the PDF uses, as TTF bytes, with the names they are served under. */
export function pdfFontFiles(): Record<string, Uint8Array> {
  const woff = (name: string) =>
    woffToSfnt(readFileSync(path.join(root, 'dist/web/static/woff-subset', name)), (d) => inflateSync(d));
  const ttf = (name: string) => readFileSync(path.join(root, 'dist/public/static/alternative', name));
  return {
    'Pretendard-Regular.subset.ttf': woff('Pretendard-Regular.subset.woff'),
    'Pretendard-Bold.subset.ttf': woff('Pretendard-Bold.subset.woff'),
    'Pretendard-Regular.ttf': ttf('Pretendard-Regular.ttf'),
    'Pretendard-Bold.ttf': ttf('Pretendard-Bold.ttf'),
  };
}

/** The Pretendard licence (SIL OFL 1.1), shipped next to the fonts. */
export function pdfFontLicence(): string {
  return readFileSync(path.join(root, 'dist/LICENSE.txt'), 'utf8');
}
