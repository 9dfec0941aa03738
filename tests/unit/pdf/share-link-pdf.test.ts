// The charter's public link in its PDF (issue #6): a QR code and a short clickable address on the cover,
// only for a published charter when a public base URL is set.
import { encode } from 'uqr';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter';
import { decodeShareLink } from '../../../src/domain/interchange/share-link';
import { deflateRaw, inflateRaw } from '../../../src/persistence/compression';
import { pdfWords } from '../../../src/pdf/pdf-words';
import { pdfLinkFor, pdfLinkLabel } from '../../../src/pdf/pdf-link';
import type { PdfLink } from '../../../src/pdf/pdf-link';
import { QR_MAX_VERSION, QR_QUIET_ZONE, qrModules } from '../../../src/pdf/qr';
import { renderCharterPdf } from '../../../src/pdf/render-node';
import { createCharter, publish } from '../factories';
import { pdfLinkAnnotations, pdfStreams, pdfText, squash } from './pdf-helpers';

const BASE = 'https://charter.example.com/app/';

/** A short published charter: its link fits in a QR code. */
const small = (): Charter => {
  const [charter] = publish(
    createCharter({
      title: 'Short',
      commitments: [],
      moments: [],
      alternatives: [],
      checkIns: { before: [], during: [], after: [] },
    }),
  );
  return charter;
};

type Qr = { modules: boolean[][]; sidePt: number };

/**
 * The QR code as drawn in the PDF, read back from the page's content stream: the white square (its size
 * in modules and the scale to points) and every dark module (one `x y m … h` rectangle per run of dark
 * modules in a row, filled black).
 */
function drawnQr(pdf: Uint8Array): Qr | null {
  for (const content of pdfStreams(pdf)) {
    const qr =
      /([\d.]+) 0 0 \1 0 0 cm\nq\n\/DeviceRGB cs\n1 1 1 scn\n0 0 m\n(\d+) 0 l\n[^]*?\nf\nQ\nq\n\/DeviceRGB cs\n0 0 0 scn\n([^]*?)\nf\n/.exec(
        content,
      );
    if (!qr) continue;
    const n = Number(qr[2]);
    const modules = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
    // One rectangle per horizontal run of dark modules: `x y m`, then `end y l`.
    for (const [, x, y, end] of qr[3]!.matchAll(/^(\d+) (\d+) m\n(\d+) \2 l$/gm))
      for (let i = Number(x); i < Number(end); i++) modules[Number(y)]![i] = true;
    return { modules, sidePt: Number(qr[1]) * n };
  }
  return null;
}

describe('a published charter with a public base URL', () => {
  let charter: Charter;
  let link: PdfLink;
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    charter = small();
    link = (await pdfLinkFor(charter, BASE, deflateRaw))!;
    pdf = await renderCharterPdf(charter, { link });
    text = squash((await pdfText(pdf)).text);
  }, 60_000);

  it('links to the share link of the charter on that base URL', async () => {
    expect(link.href.startsWith(`${BASE}#/s/v1.`)).toBe(true);
    const decoded = await decodeShareLink(link.href.slice(link.href.indexOf('#/s/') + 4), {
      decompress: inflateRaw,
    });
    expect(decoded.ok && decoded.charter.title).toBe('Short');
  });

  it('prints the short address and the caption, and the link annotation leads to the full link', async () => {
    expect(link.label).toMatch(/^charter\.example\.com\/app\/#\/s\/v1\.\S{5}…$/);
    expect(text).toContain(link.label);
    expect(text).toContain(pdfWords('ko')('scan'));
    const links = await pdfLinkAnnotations(pdf);
    expect(links).toContainEqual({ page: 1, url: link.href });
  });

  it('draws the QR code of the full link, module for module, with its quiet zone, at least 25 mm wide', () => {
    const qr = drawnQr(pdf);
    expect(qr).not.toBeNull();
    const expected = encode(link.href, { ecc: 'L', border: QR_QUIET_ZONE }).data;
    const dark = (m: boolean[][]) => m.flat().filter(Boolean).length;
    expect(dark(qr!.modules)).toBe(dark(expected));
    expect(qr!.modules).toEqual(expected);
    // The quiet zone is light all round.
    expect(qr!.modules.slice(0, QR_QUIET_ZONE).flat().some(Boolean)).toBe(false);
    expect(
      qr!.modules
        .map((row) => row.slice(0, QR_QUIET_ZONE))
        .flat()
        .some(Boolean),
    ).toBe(false);
    expect((qr!.sidePt / 72) * 25.4).toBeGreaterThanOrEqual(25);
  });
});

describe('no link', () => {
  it('when the public base URL is empty, or the charter is a draft', async () => {
    const charter = small();
    expect(await pdfLinkFor(charter, '', deflateRaw)).toBeNull();
    expect(await pdfLinkFor(charter, '   ', deflateRaw)).toBeNull();
    expect(await pdfLinkFor({ ...charter, status: 'draft', publishedAt: null }, BASE, deflateRaw)).toBeNull();
  });

  it('prints no QR code, caption or link annotation', async () => {
    const pdf = await renderCharterPdf(small(), { link: null });
    expect(drawnQr(pdf)).toBeNull();
    expect(squash((await pdfText(pdf)).text)).not.toContain(pdfWords('ko')('scan'));
    expect((await pdfLinkAnnotations(pdf)).filter((l) => l.url.includes('#/s/'))).toEqual([]);
  }, 60_000);
});

describe('a link too long for a QR code', () => {
  it('keeps the clickable short address and leaves the QR code out', async () => {
    const href = `${BASE}#/s/v1.${'x'.repeat(2_000)}`;
    expect(() => encode(href, { ecc: 'L', maxVersion: QR_MAX_VERSION })).toThrow();
    const link = { href, label: pdfLinkLabel(href) };
    expect(link.label).toBe('charter.example.com/app/#/s/v1.xxxxx…');
    const pdf = await renderCharterPdf(small(), { link });
    expect(drawnQr(pdf)).toBeNull();
    expect(squash((await pdfText(pdf)).text)).toContain(link.label);
    expect(await pdfLinkAnnotations(pdf)).toContainEqual({ page: 1, url: href });
  }, 60_000);

  it('a real filled-in charter: the full link (thousands of characters) is the clickable text, the QR code opens its summary', async () => {
    const [charter] = publish(createCharter({ title: 'Full' }));
    const link = await pdfLinkFor(charter, BASE, deflateRaw);
    expect(link?.href.startsWith(BASE)).toBe(true);
    expect(link!.href.length).toBeGreaterThan(1_300);
    expect(qrModules(link!.href)).toBeNull();
    expect(link!.qr?.summary).toBe(true);
    expect(qrModules(link!.qr!.href)).not.toBeNull();
    const decoded = await decodeShareLink(link!.qr!.href.split('#/s/')[1]!, { decompress: inflateRaw });
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    // The summary: who, how to reach them, and the promises, word for word; nothing else.
    expect(decoded.charter.title).toBe('Full');
    expect(decoded.charter.owner).toEqual({ ...charter.owner, photo: null });
    // The three promises the cover shows at a glance.
    expect(decoded.charter.commitments.map((c) => c.what)).toEqual(
      charter.commitments.slice(0, 3).map((c) => c.what),
    );
    expect(decoded.charter.moments).toEqual([]);
    expect(decoded.charter.alternatives).toEqual([]);
  });
});
