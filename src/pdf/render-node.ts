// Node-only rendering for the command line, tests and benchmarks: same document, fonts from files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import type { DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import * as fontkit from 'fontkit';
import type { Charter } from '../domain/charter/charter';
import { CharterDocument } from './charter-document';
import type { CharterDocumentProps } from './charter-document';
import { pdfFontFiles } from './font-files';
import { pickFontFamily, registerFonts } from './fonts';
import { charterText } from './charter-text';
import { hangulCoverage } from './woff-to-ttf';

let coverage: string | null = null;

/** Writes the converted fonts to a temporary folder once and registers them by path. */
function ensureFonts(): string {
  if (coverage) return coverage;
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-fonts-'));
  const files = pdfFontFiles();
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  registerFonts({
    subset: {
      regular: path.join(dir, 'Pretendard-Regular.subset.ttf'),
      bold: path.join(dir, 'Pretendard-Bold.subset.ttf'),
    },
    full: { regular: path.join(dir, 'Pretendard-Regular.ttf'), bold: path.join(dir, 'Pretendard-Bold.ttf') },
  });
  coverage = hangulCoverage(
    (fontkit.create(Buffer.from(files['Pretendard-Regular.subset.ttf']!)) as fontkit.Font).characterSet,
  );
  return coverage;
}

/** The charter as PDF bytes, rendered in Node with the same document component as the browser. */
export async function renderCharterPdf(
  charter: Charter,
  options: Omit<CharterDocumentProps, 'charter' | 'fontFamily'> = {},
): Promise<Buffer> {
  const cov = ensureFonts();
  const element = createElement(CharterDocument, {
    charter,
    fontFamily: pickFontFamily(charterText(charter), cov),
    ...options,
  }) as unknown as ReactElement<DocumentProps>;
  return renderToBuffer(element);
}
