// `npm run bench` part: PDF speed in Node. Prints one JSON line: pdf_render_ms, pdf_floor_ms, pdf_bytes, pdf_pages.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { restore } from '../../src/domain/interchange/restore';
import { renderCharterPdf } from '../../src/pdf/render-node';
import { charterText } from '../../src/pdf/charter-text';
import { pdfFontFiles } from '../../src/pdf/font-files';
import type { Charter } from '../../src/domain/charter/charter';
import type { TrackRecord } from '../../src/pdf/sections/track-record';

const log = (m: string) => process.stderr.write(`[bench:pdf] ${m}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The benchmark document: the Korean car-sales template filled in as a user would, with a track record.
const result = restore(readFileSync(new URL('../../templates/car-sales.ko.json', import.meta.url), 'utf8'));
if (!result.ok) throw new Error('template does not load');
const base = result.backup.charters[0]!;
const charter: Charter = {
  ...base,
  status: 'published',
  publishedAt: '2026-11-22T00:00:00.000Z',
  owner: {
    ...base.owner,
    name: '김민준',
    company: '한빛자동차 강남지점',
    phone: '010-1234-5678',
    email: 'minjun@example.com',
  },
  commitments: base.commitments.map((c) => ({ ...c, readiness: 'confirmed' as const })),
};
const trackRecord: TrackRecord = {
  periodDays: 90,
  rows: charter.commitments.map((c, i) => ({ label: c.what, kept: 20 + i, total: 22 + i })),
};

const RUNS = 7;

async function reactPdf() {
  const times: number[] = [];
  let bytes = 0;
  await renderCharterPdf(charter, { trackRecord }); // cold: fonts, modules
  for (let i = 0; i < RUNS; i++) {
    // Each warm render follows an edit (as in the live preview), so caches keyed by text see new text.
    const edited = { ...charter, title: `${charter.title} ${i + 1}` };
    const t = performance.now();
    const pdf = await renderCharterPdf(edited, { trackRecord });
    times.push(performance.now() - t);
    bytes = pdf.length;
  }
  const pages = readPages(Buffer.from(await renderCharterPdf(charter, { trackRecord })));
  return { ms: median(times), bytes, pages };
}

function readPages(pdf: Buffer) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The floor: pdfkit alone writing the same text with the same font, no layout engine. */
async function floor() {
  const files = pdfFontFiles();
  const text = charterText(charter);
  const once = () =>
    new Promise<number>((resolve) => {
      const t = performance.now();
      const doc = new PDFDocument({ size: 'A4', margin: 48 });
      doc.registerFont('regular', Buffer.from(files['Pretendard-Regular.subset.ttf']!));
      doc.font('regular').fontSize(10);
      doc.on('data', () => {});
      doc.on('end', () => resolve(performance.now() - t));
      doc.text(text, { width: 499 });
      doc.end();
    });
  await once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await once());
  return median(times);
}

const rp = await reactPdf();
log(
  `react-pdf: median ${rp.ms.toFixed(0)} ms over ${RUNS} warm renders, ${rp.bytes} bytes, ${rp.pages} pages`,
);
const fl = await floor();
log(`pdfkit floor: median ${fl.toFixed(0)} ms`);
process.stdout.write(
  `${JSON.stringify({ pdf_render_ms: Math.round(rp.ms), pdf_floor_ms: Math.round(fl), pdf_bytes: rp.bytes, pdf_pages: rp.pages })}\n`,
);
