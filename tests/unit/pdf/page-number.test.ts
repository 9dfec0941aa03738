// Page numbers drawn from a known page count (the live preview's fast path) read exactly like react-pdf's
// own, in the same place; a wrong count is caught and the document rendered again with the right one.
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { pdfWords } from '../../../src/pdf/pdf-words';
import { countPdfPages, renderCounted } from '../../../src/pdf/page-count';
import { renderCharterPdf } from '../../../src/pdf/render-node';
import { loadTemplate } from './pdf-helpers';

/** Each page's footer page number as pdf.js reads it: its text and where it sits. */
async function pageNumbers(pdf: Uint8Array): Promise<{ text: string; x: number; y: number }[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const found: { text: string; x: number; y: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items;
    for (const item of items)
      if ('str' in item && /쪽 중|^Page \d+ of \d+$/.test(item.str))
        found.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number });
  }
  await doc.destroy();
  return found;
}

describe('page numbers from a known page count', () => {
  for (const name of ['car-sales.ko', 'b2b-equipment.en'])
    it(`${name}: the same "n of N" on every page, within half a point of react-pdf's own`, async () => {
      const charter = loadTemplate(name);
      const exact = await renderCharterPdf(charter);
      const pages = countPdfPages(exact);
      const fast = await renderCharterPdf(charter, { pageCount: pages });
      expect(countPdfPages(fast)).toBe(pages);
      const expected = Array.from({ length: pages }, (_, i) =>
        pdfWords(charter.locale)('page', { page: i + 1, total: pages }),
      );
      const [a, b] = [await pageNumbers(exact), await pageNumbers(fast)];
      expect(a.map((p) => p.text)).toEqual(expected);
      expect(b.map((p) => p.text)).toEqual(expected);
      b.forEach((p, i) => {
        expect(Math.abs(p.x - a[i]!.x)).toBeLessThan(0.5);
        expect(Math.abs(p.y - a[i]!.y)).toBeLessThan(0.5);
      });
    }, 60_000);
});

describe('renderCounted', () => {
  const charter = loadTemplate('car-sales.en');
  const render = (calls: (number | null)[]) => async (pageCount: number | null) => {
    calls.push(pageCount);
    return renderCharterPdf(charter, { pageCount });
  };

  it('renders once with exact numbers when no count is known, and reports the count', async () => {
    const calls: (number | null)[] = [];
    const { pages } = await renderCounted(render(calls), null);
    expect(calls).toEqual([null]);
    expect(pages).toBe(5);
  }, 60_000);

  it('renders once when the known count is right, twice when it is not (the second with the real count)', async () => {
    const right: (number | null)[] = [];
    await renderCounted(render(right), 5);
    expect(right).toEqual([5]);

    const wrong: (number | null)[] = [];
    const { bytes, pages } = await renderCounted(render(wrong), 9);
    expect(wrong).toEqual([9, 5]);
    expect(pages).toBe(5);
    expect((await pageNumbers(bytes)).map((p) => p.text)).toEqual(
      Array.from({ length: 5 }, (_, i) => `Page ${i + 1} of 5`),
    );
  }, 60_000);
});
