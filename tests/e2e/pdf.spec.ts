import { readFile } from 'node:fs/promises';
import { extractText } from 'unpdf';
import { expect, expectNoAxeViolations, freshContext, test } from './helpers';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(bytes, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

test('the live preview follows the edit, and the download is a PDF that contains it', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await freshContext(browser, 'ko-KR');
  const page = await context.newPage();
  await page.goto('/#/charters');
  await page.getByRole('button', { name: '새 헌장' }).click();
  await page.getByRole('group', { name: '자동차 영업' }).getByRole('button', { name: '한국어로' }).click();
  await page.getByLabel('이름', { exact: true }).fill('김똠햏');

  await page.getByRole('button', { name: '양식 옆에 실시간 PDF' }).click();
  const shown = page.locator('iframe[data-state="shown"]');
  await expect(shown).toHaveCount(1, { timeout: 30_000 });
  const before = await shown.getAttribute('src');
  await expectNoAxeViolations(page);

  await page.getByLabel('헌장 제목').fill('뷁 고객님께 드리는 새 약속');
  await expect(page.getByRole('status').filter({ hasText: 'PDF를 새로 만드는 중…' })).toBeVisible();
  await expect.poll(() => shown.getAttribute('src'), { timeout: 30_000 }).not.toBe(before);
  // The frame shows the real PDF of the edited charter.
  const previewBytes = await page.evaluate(
    async (url) => Array.from(new Uint8Array(await (await fetch(url!)).arrayBuffer())),
    await shown.getAttribute('src'),
  );
  expect(await pdfText(new Uint8Array(previewBytes))).toContain('뷁 고객님께 드리는 새 약속');

  await page.getByRole('link', { name: 'PDF', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '뷁 고객님께 드리는 새 약속' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PDF 내려받기' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('charter-김똠햏-v1.pdf');
  const bytes = new Uint8Array(await readFile((await download.path())!));
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  const text = await pdfText(bytes);
  expect(text).toContain('뷁 고객님께 드리는 새 약속');
  expect(text).toContain('김똠햏');
  await expectNoAxeViolations(page);
  await context.close();
});
