// The PDF's layout read back from the file itself: every template in both languages (and a charter full of
// long URLs, e-mail addresses and long words) is rendered, and each text run's position and size comes
// back through pdf.js (unpdf). What a customer would notice on paper is checked here: uneven leading, text
// past the margin or into the footer, pages with nothing but the footer or a repeated table header,
// headings left at the foot of a page, and a commitments table whose continuation lacks its header row.
import { readdirSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter';
import { richTextFromPlain } from '../../../src/domain/rich-text/rich-text';
import { pdfWords } from '../../../src/pdf/pdf-words';
import { renderCharterPdf } from '../../../src/pdf/render-node';
import { tokens } from '../../../src/pdf/styles';
import { TEMPLATES_DIR, loadTemplate } from './pdf-helpers';

const A4 = { width: 595.28, height: 841.89 };
/** Rounding of positions and widths (pdf.js reports what pdfkit wrote, to hundredths). */
const EPS = 0.5;
const RIGHT = A4.width - tokens.page.margin;
const LEFT = tokens.page.margin;
/** Baselines below this (from the page's foot) belong to the footer; body text must stay above it. */
const FOOTER_TOP = tokens.page.marginBottom - 6;
const HEADING_SIZE = tokens.font.h3;

type Run = { page: number; x: number; y: number; width: number; size: number; text: string };

/** Every non-blank text run of the PDF: page, left edge, baseline (from the foot), width and font size. */
async function textRuns(pdf: Uint8Array): Promise<{ runs: Run[]; pages: number }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const runs: Run[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    const content = await (await doc.getPage(page)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, , , , x, y] = item.transform as number[];
      runs.push({ page, x: x!, y: y!, width: item.width, size: Math.round(a! * 100) / 100, text: item.str });
    }
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { runs, pages };
}

const isFooter = (r: Run) => r.y < FOOTER_TOP;
const where = (r: Run) => `p${r.page} "${r.text}" x=${r.x.toFixed(1)} y=${r.y.toFixed(1)} ${r.size}pt`;

/** The faults a careful reader would see on paper, each as a short sentence naming page and text. */
function layoutFaults(runs: Run[], pages: number, charter: Charter): string[] {
  const faults: string[] = [];
  const t = pdfWords(charter.locale);
  const headerCells = new Set(['#', t('promise'), t('deadline'), t('appliesTo'), t('measuredBy')]);

  for (const r of runs) {
    if (r.x + r.width > RIGHT + EPS)
      faults.push(`past the right margin by ${(r.x + r.width - RIGHT).toFixed(1)} pt: ${where(r)}`);
    if (r.x < LEFT - EPS) faults.push(`left of the margin: ${where(r)}`);
    if (isFooter(r) && r.size !== tokens.font.small) faults.push(`body text in the footer: ${where(r)}`);
  }

  // Runs on one baseline must not overprint each other (a long footer title over the page number, a cell
  // running into the next column).
  for (const a of runs)
    for (const b of runs)
      if (
        a !== b &&
        a.page === b.page &&
        Math.abs(a.y - b.y) < a.size / 2 &&
        a.x < b.x &&
        a.x + a.width > b.x + EPS
      )
        faults.push(`overprints ${where(b)}: ${where(a)}`);

  for (let page = 1; page <= pages; page++) {
    const onPage = runs.filter((r) => r.page === page);
    const body = onPage.filter((r) => !isFooter(r));
    if (!onPage.some((r) => isFooter(r) && r.text.includes(String(pages))))
      faults.push(`p${page} has no page number in its footer`);
    // A page of nothing but the footer, or of a repeated table header and the footer.
    if (body.every((r) => headerCells.has(r.text.trim())))
      faults.push(`p${page} holds only its footer or a header`);
    if (body.length === 0) continue;
    // A heading must not be the last thing above the footer: its first line of body text follows it.
    const lowest = Math.min(...body.map((r) => r.y));
    const last = body.filter((r) => Math.abs(r.y - lowest) < EPS);
    if (page < pages && last.some((r) => r.size >= HEADING_SIZE))
      faults.push(`heading stranded at the foot of p${page}: ${last.map(where).join(', ')}`);

    // The commitments table: on every page it spans, its header row comes first and a row follows it.
    const numbers = body.filter(
      (r) => r.size === tokens.font.table && /^\d+$/.test(r.text.trim()) && r.x < LEFT + 10,
    );
    const header = body.filter((r) => r.text.trim() === t('promise') && r.size === tokens.font.table);
    if (numbers.length > 0 && !header.some((h) => h.y > Math.max(...numbers.map((n) => n.y))))
      faults.push(`p${page}: commitments without the header row above them`);
    for (const h of header)
      if (!numbers.some((n) => n.y < h.y)) faults.push(`p${page}: the table header has no row under it`);
  }

  // Leading: within a column (runs starting at the same x, same size), consecutive lines sit one pitch
  // apart, and that pitch is the same everywhere for the size (anything wider is a gap between blocks).
  const bySize = new Map<number, number[]>();
  const columns = new Map<string, Run[]>();
  for (const r of runs.filter((run) => !isFooter(run))) {
    const key = `${r.page}|${r.x.toFixed(1)}|${r.size}`;
    columns.set(key, [...(columns.get(key) ?? []), r]);
  }
  for (const column of columns.values()) {
    const ys = [...new Set(column.map((r) => Math.round(r.y * 100) / 100))].sort((a, b) => b - a);
    for (let i = 1; i < ys.length; i++) {
      const gap = ys[i - 1]! - ys[i]!;
      const size = column[0]!.size;
      if (gap < 2 * size) bySize.set(size, [...(bySize.get(size) ?? []), gap]);
    }
  }
  for (const [size, gaps] of bySize) {
    const pitch = Math.min(...gaps);
    if (pitch > 1.6 * size + 0.01)
      faults.push(`${size} pt lines sit ${pitch.toFixed(2)} pt apart (over 1.6 ×)`);
    const odd = gaps.filter((g) => g > pitch + 0.3 && g < pitch + tokens.space.xs - 0.3);
    if (odd.length > 0)
      faults.push(`${size} pt lines at uneven pitch: ${pitch.toFixed(2)} and ${odd[0]!.toFixed(2)}`);
  }
  return faults;
}

const TEMPLATES = readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

const URL_TEXT =
  'https://www.example-dealership.co.kr/service/charter/2026/maintenance-schedule?customer=kim&ref=brochure';
const EMAIL = 'customer.service.department.seoul-gangnam@example-dealership.co.kr';
const WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis';

/** A template whose texts hold words longer than any column: URLs, e-mail addresses, long words. */
function longWords(name: string): Charter {
  const base = loadTemplate(name);
  const long = (text: string) => `${text} ${URL_TEXT} ${EMAIL} ${WORD}`;
  return {
    ...base,
    title: `${base.title} ${WORD} ${URL_TEXT}`,
    owner: { ...base.owner, email: EMAIL, website: URL_TEXT, role: long(base.owner.role) },
    vision: richTextFromPlain(long('')),
    commitments: base.commitments.map((c) => ({ ...c, measuredBy: long(c.measuredBy) })),
    checkIns: {
      ...base.checkIns,
      before: base.checkIns.before.map((c) => ({ ...c, action: long(c.action) })),
    },
    moments: base.moments.map((m) => ({ ...m, label: `${m.label} ${WORD}` })),
    alternatives: base.alternatives.map((a) => ({
      ...a,
      request: long(a.request),
      offers: a.offers.map(long),
    })),
  };
}

describe('PDF layout, read back from the file', () => {
  for (const name of TEMPLATES)
    it(`${name}: even leading, inside the margins, no stranded heading or lonely page`, async () => {
      const charter = loadTemplate(name);
      const { runs, pages } = await textRuns(await renderCharterPdf(charter));
      expect(runs.length).toBeGreaterThan(100);
      expect(layoutFaults(runs, pages, charter)).toEqual([]);
    }, 30_000);

  for (const name of ['car-sales.ko', 'b2b-equipment.en'])
    it(`wraps long URLs, e-mail addresses and words inside the margins and columns (${name})`, async () => {
      const charter = longWords(name);
      const { runs, pages } = await textRuns(await renderCharterPdf(charter));
      expect(layoutFaults(runs, pages, charter)).toEqual([]);
      // Every long word is there, only broken across lines (react-pdf marks a break with a hyphen).
      const text = runs
        .map((r) => r.text)
        .join('')
        .replace(/-/g, '');
      for (const word of [WORD, URL_TEXT, EMAIL]) expect(text).toContain(word.replace(/-/g, ''));
    }, 30_000);
});
