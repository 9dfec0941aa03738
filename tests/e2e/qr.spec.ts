// The QR code on a printed charter, end to end: the command line renders a published template with the
// app's own address as its public URL, the cover is rasterised (poppler's pdftoppm) and the code decoded
// from the pixels (jsQR), and the decoded link is opened in Chromium as a customer would: the customer
// view shows the charter and its owner.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { expect, freshContext, test } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');

/** The text of the QR code on page 1 of the PDF at `file`, read from a 200 dpi grey image, or null. */
function scanCover(file: string): string | null {
  execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-gray', '-singlefile', file, file]);
  const pgm = readFileSync(`${file}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = grey[i]!;
    rgba[4 * i + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

// What the summary view says instead of offering a PDF of three promises, and its buttons, per language.
const SUMMARY = {
  'ko-KR': {
    note: '전체 헌장은 받으신 PDF에 있습니다',
    download: 'PDF 내려받기',
    call: '010-1234-5678로 전화하기',
    email: '이메일 보내기',
  },
  'en-US': {
    note: 'The full charter is in the PDF you have in hand',
    download: 'Download PDF',
    call: 'Call 010-1234-5678',
    email: 'Email me',
  },
} as const;

for (const [template, locale, owner] of [
  ['car-sales.ko', 'ko-KR', '최유진'],
  ['real-estate.en', 'en-US', 'Grace Park'],
] as const)
  test(`${template}: the QR code printed on the cover opens the customer view of that charter`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'charter-qr-e2e-'));
    try {
      // A published charter from the template, with an owner and contacts.
      const file = JSON.parse(readFileSync(path.join(root, 'templates', `${template}.json`), 'utf8')) as {
        charter: Record<string, unknown> & { owner: Record<string, unknown>; title: string };
      };
      const charter = {
        ...file.charter,
        status: 'published',
        publishedAt: '2026-11-01T00:00:00.000Z',
        owner: { ...file.charter.owner, name: owner, phone: '010-1234-5678', email: 'owner@example.com' },
      };
      const json = path.join(dir, 'charter.json');
      writeFileSync(json, JSON.stringify({ ...file, charter }));
      const pdf = path.join(dir, 'charter.pdf');
      execFileSync(
        'node',
        [path.join(root, 'src/cli/bin.mjs'), 'render', json, '-o', pdf, '--public-url', `${baseURL}/`],
        { cwd: root, stdio: 'pipe' },
      );

      const link = scanCover(pdf);
      expect(link).toMatch(new RegExp(`^${baseURL}/#/s/v1\\.`));

      const customer = await freshContext(browser, locale, { viewport: { width: 390, height: 844 } });
      const view = await customer.newPage();
      await view.goto(link!);
      await expect(view.getByRole('heading', { level: 1 })).toHaveText(file.charter.title);
      await expect(view.getByText(owner, { exact: true })).toBeVisible();
      // The summary's promises are the cover's first three.
      await expect(view.locator('.shared__list > li')).toHaveCount(3);
      // It says where the whole charter is, offers no PDF made from those three, and reaches the owner.
      const words = SUMMARY[locale];
      await expect(view.getByRole('note')).toContainText(words.note);
      await expect(view.getByRole('button', { name: words.download })).toHaveCount(0);
      await expect(view.getByRole('link', { name: words.call })).toHaveAttribute('href', 'tel:01012345678');
      await expect(view.getByRole('link', { name: words.email })).toHaveAttribute(
        'href',
        'mailto:owner@example.com',
      );
      await view.screenshot({ path: `/tmp/c/qr-${template}-390.png`, fullPage: true }).catch(() => undefined);
      await customer.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
