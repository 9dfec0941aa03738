// The QR code on the cover, read as a phone reads it: the page is rasterised (poppler's pdftoppm), the
// code is found and decoded from the pixels (jsQR), and the decoded link is opened with the app's own share
// link decoder. Run where poppler-utils is installed (skipped otherwise).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { afterAll, describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter';
import { customerCopy, decodeShareLink } from '../../../src/domain/interchange/share-link';
import { deflateRaw, inflateRaw } from '../../../src/persistence/compression';
import { SUMMARY_PROMISES, pdfLinkFor } from '../../../src/pdf/pdf-link';
import { renderCharterPdf } from '../../../src/pdf/render-node';
import { createCharter, publish } from '../factories';
import { loadTemplate } from './pdf-helpers';

const BASE = 'https://charter.example.com/app/';
const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(path.join(tmpdir(), 'charter-qr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Page 1 of `pdf` as grey pixels at `dpi` (a binary PGM from pdftoppm, parsed here). */
function rasterise(pdf: Uint8Array, dpi: number): { width: number; height: number; grey: Uint8Array } {
  const file = path.join(dir, `page-${dpi}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-gray', '-singlefile', file, file]);
  const pgm = readFileSync(`${file}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, grey: pgm.subarray(header[0].length, header[0].length + width * height) };
}

/** The text of the QR code on page 1, as a phone camera would read it, or null. */
function scanPage(pdf: Uint8Array, dpi = 200): string | null {
  const { width, height, grey } = rasterise(pdf, dpi);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < grey.length; i++) {
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = grey[i]!;
    rgba[4 * i + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

const published = (charter: Charter): Charter => ({
  ...charter,
  status: 'published',
  publishedAt: '2026-11-01T00:00:00.000Z',
});

async function open(link: string) {
  expect(link.startsWith(`${BASE}#/s/v1.`)).toBe(true);
  const decoded = await decodeShareLink(link.slice(link.indexOf('#/s/') + 4), { decompress: inflateRaw });
  if (!decoded.ok) throw new Error(`the scanned link does not open: ${decoded.reason}`);
  return decoded.charter;
}

describe.skipIf(!hasPoppler)('the QR code printed on the cover, scanned from the page image', () => {
  for (const name of ['car-sales.ko', 'insurance-planner.en'])
    it(`${name}: opens the summary of this charter (owner, contacts, main promises)`, async () => {
      const charter = published(loadTemplate(name));
      const withOwner = { ...charter, owner: { ...charter.owner, name: '최유진', phone: '010-1234-5678' } };
      const link = (await pdfLinkFor(withOwner, BASE, deflateRaw))!;
      const scanned = scanPage(await renderCharterPdf(withOwner, { link }));
      expect(scanned).toBe(link.qr!.href);
      const opened = await open(scanned!);
      const copy = customerCopy(withOwner);
      expect(opened.title).toBe(copy.title);
      expect(opened.locale).toBe(copy.locale);
      expect(opened.owner).toEqual(copy.owner);
      expect(opened.serviceLevel).toEqual(copy.serviceLevel);
      expect(opened.commitments).toEqual(copy.commitments.slice(0, SUMMARY_PROMISES));
    }, 60_000);

  it('a short charter: the code holds the full link itself', async () => {
    const [charter] = publish(
      createCharter({
        title: 'Short',
        commitments: [],
        moments: [],
        alternatives: [],
        checkIns: { before: [], during: [], after: [] },
      }),
    );
    const link = (await pdfLinkFor(charter, BASE, deflateRaw))!;
    expect(link.qr).toEqual({ href: link.href, summary: false });
    const scanned = scanPage(await renderCharterPdf(charter, { link }));
    expect(scanned).toBe(link.href);
    expect((await open(scanned!)).title).toBe('Short');
  }, 60_000);
});
