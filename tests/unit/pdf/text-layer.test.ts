// The PDF's text layer (what copy, search and screen readers get) across several documents rendered in
// one process, as the live preview and the command line do. Its own file: it needs a process whose fonts
// have not drawn ’ yet (Pretendard builds the comma from the ’ glyph).
import { describe, expect, it } from 'vitest';
import { defaultCharter } from '../../../src/domain/charter/charter';
import type { Charter } from '../../../src/domain/charter/charter';
import { renderCharterPdf } from '../../../src/pdf/render-node';
import { embeddedFonts, pdfText, squash } from './pdf-helpers';

const charter = (title: string, company: string): Charter => {
  const base = defaultCharter({ id: 'quotes', now: '2026-01-01T00:00:00.000Z', locale: 'en', title });
  return { ...base, owner: { ...base.owner, name: 'Jamie Park', company } };
};

const lines = async (pdf: Uint8Array) => (await pdfText(pdf)).text.split('\n').map(squash);

describe('the text layer of later PDFs', () => {
  it("keeps ’ and ' after an earlier PDF used commas (bold title and regular text)", async () => {
    const commas = await renderCharterPdf(charter('One, two, three', 'Kim, Lee, Park'));
    const first = await lines(commas);
    expect(first).toContain('One, two, three');
    expect(first).toContain('Kim, Lee, Park');
    // The default charter itself has no ’ or ' (so the first PDF really never drew them)…
    expect(first.join('\n')).not.toMatch(/[’']/);

    // …and the next PDF, in the same process, has to map them back to the right characters.
    const title = "It’s ‘ours’, isn't it";
    const company = "Kim’s 'own' shop, Seoul";
    const quotes = await renderCharterPdf(charter(title, company));
    const second = await lines(quotes);
    expect(second).toContain(title);
    expect(second).toContain(company);
    for (const font of embeddedFonts(quotes)) {
      expect(font.glyphFor('’')?.drawn, font.baseFont).toBe(true);
      expect(font.glyphFor(',')?.drawn, font.baseFont).toBe(true);
    }
  }, 60_000);

  it('prints the same text when the same charter is rendered again (shaping is cached per font)', async () => {
    const a = charter('Second render, same “text”', 'Kim’s shop');
    const once = await lines(await renderCharterPdf(a));
    await renderCharterPdf(charter('Something else, entirely', 'Lee’s'));
    const twice = await lines(await renderCharterPdf(a));
    expect(twice).toEqual(once);
    expect(twice).toContain('Second render, same “text”');
  }, 60_000);
});
