import { carSalesCharterAt, expect, test } from './helpers';
import { phoneContext } from './phone';

// A phone browser without an inline PDF viewer (Android Chrome says so with navigator.pdfViewerEnabled).
const NO_PDF_VIEWER = () =>
  Object.defineProperty(Navigator.prototype, 'pdfViewerEnabled', { get: () => false, configurable: true });

test('where the phone cannot show a PDF inline, the preview tab offers to open or download it', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ ...phoneContext({ width: 390, height: 844 }), locale: 'ko-KR' });
  await context.addInitScript(NO_PDF_VIEWER);
  const page = await context.newPage();
  await page.goto('/#/charters');
  await page.getByRole('button', { name: '새 헌장' }).click();
  await page.getByRole('group', { name: '자동차 영업' }).getByRole('button', { name: '한국어로' }).click();
  await page.getByLabel('이름', { exact: true }).fill('김민준');
  await page.getByRole('tab', { name: '미리보기' }).click();

  const open = page.getByRole('link', { name: 'PDF 열기' });
  await expect(open).toBeVisible({ timeout: 30_000 });
  expect(await open.getAttribute('href')).toMatch(/^blob:/);
  expect(await open.getAttribute('target')).toBe('_blank');
  const download = page.getByRole('link', { name: '내려받기', exact: true });
  expect(await download.getAttribute('download')).toBe('charter-김민준-v1.pdf');
  // The card says how many pages the PDF has: the page count of the very PDF it opens.
  const pages = await page.evaluate(
    async (url) => {
      const text = new TextDecoder('latin1').decode(await (await fetch(url!)).arrayBuffer());
      return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    },
    await open.getAttribute('href'),
  );
  expect(pages).toBeGreaterThan(1);
  await expect(page.getByText(`${pages}쪽`, { exact: true })).toBeVisible();
  // Never an empty frame, and at most one progress line.
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect(page.getByText('PDF를 준비하는 중…')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/f2/pdf-card-ko-390.png' }).catch(() => undefined);
  await context.close();
});

test('before the first PDF there is one progress line, not two', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/#/charters');
  await page.getByRole('button', { name: 'New charter' }).click();
  await page.getByRole('group', { name: 'Car sales' }).getByRole('button', { name: 'In English' }).click();
  await page.getByRole('button', { name: 'Live PDF beside the form' }).click();
  const frame = page.locator('.pdf-frame');
  // Whichever line shows while the PDF is made, it is the only one.
  await expect(frame.getByText(/Preparing the PDF…|Updating the PDF…/)).toHaveCount(1);
  await expect(page.locator('iframe[data-state="shown"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(frame.getByRole('link', { name: 'Open the PDF' })).toHaveCount(0);
  await context.close();
});

test('“Next” opens the next step at its top with its heading focused', async ({ browser }) => {
  test.setTimeout(60_000);
  const { context, page } = await carSalesCharterAt(browser, 'ko-KR', '2026-12-03T01:00:00Z');
  await page.setViewportSize({ width: 390, height: 844 });
  const next = page.getByRole('link', { name: '다음: 약속' });
  // The user reads the step to its foot (the step nav rests on the tab bar), then goes on.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await next.click();
  const heading = page.getByRole('heading', { level: 2, name: /약속/ });
  await expect(heading).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(heading).toBeInViewport();
  await page.screenshot({ path: '/tmp/f2/step-arrival-ko-390.png' }).catch(() => undefined);
  await context.close();
});
