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

test('share page: the phone’s share sheet next to “copy”, no character count, no stray box', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ ...phoneContext({ width: 390, height: 844 }), locale: 'ko-KR' });
  // A phone with a share sheet: what it was handed is kept to be checked.
  await context.addInitScript(() => {
    (window as unknown as { shared: ShareData[] }).shared = [];
    navigator.share = (data?: ShareData) => {
      (window as unknown as { shared: ShareData[] }).shared.push(data ?? {});
      return Promise.resolve();
    };
  });
  const page = await context.newPage();
  await page.goto('/#/charters');
  await page.getByRole('button', { name: '새 헌장' }).click();
  await page.getByRole('group', { name: '자동차 영업' }).getByRole('button', { name: '한국어로' }).click();
  await page.getByLabel('이름', { exact: true }).fill('김민준');
  await page.getByRole('button', { name: /모든 단계/ }).click();
  await page.getByRole('link', { name: /^준비 점검 \(/ }).click();
  await page.getByRole('button', { name: '모두 확인' }).click();
  await page.getByRole('button', { name: /모든 단계/ }).click();
  await page.getByRole('link', { name: /^검토와 게시 \(/ }).click();
  await page.getByRole('button', { name: '버전 1 게시' }).click();
  // One line says it is published.
  await expect(page.getByText('버전 1을 게시했습니다.')).toBeVisible();
  await expect(page.getByText(/에 게시했습니다/)).toHaveCount(0);
  await page.screenshot({ path: '/tmp/f2/published-ko-390.png' }).catch(() => undefined);

  await page.getByRole('link', { name: '공유 링크 만들기' }).click();
  const create = page.getByRole('button', { name: '링크 만들기' });
  await expect(create).toBeVisible();
  // Resting at the end of the short form, the action bar draws no edge of its own.
  const edge = await page
    .locator('.action-bar__inner')
    .evaluate((el) => getComputedStyle(el).borderTopWidth + ' ' + getComputedStyle(el).boxShadow);
  expect(edge).toBe('0px none');
  await create.click();
  const link = await page.getByLabel('공유 링크').inputValue();
  // (A link this size fits a text message: a Korean MMS holds 4,000 bytes.)
  expect(link.length).toBeLessThanOrEqual(4_000);
  // A link short enough for any message has no hint: "3,993자" told the user nothing.
  await expect(page.getByLabel('공유 링크')).not.toHaveAttribute('aria-describedby', /.+/);
  await expect(page.getByText(/\d자$/)).toHaveCount(0);
  await page.getByRole('button', { name: '공유…' }).click();
  const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
  expect(shared).toEqual([{ title: '고객님께 드리는 나의 서비스 약속', url: link }]);
  await page.screenshot({ path: '/tmp/f2/share-ko-390.png', fullPage: true }).catch(() => undefined);
  await context.close();
});

test('sentences wrap in growing fields; toolbar buttons and weekday choices are thumb-sized', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  for (const locale of ['ko-KR', 'en-US'] as const) {
    const ko = locale === 'ko-KR';
    const { context, page } = await carSalesCharterAt(browser, locale, '2026-12-03T01:00:00Z');
    await page.setViewportSize({ width: 390, height: 844 });
    // The vision's rich-text toolbar: every button at least 44 px both ways.
    const sizes = await page
      .locator('.rich-text__button')
      .evaluateAll((buttons) =>
        buttons.map((b) => [b.getBoundingClientRect().width, b.getBoundingClientRect().height]),
      );
    expect(sizes.length).toBeGreaterThan(0);
    for (const [w, h] of sizes) expect(Math.min(w!, h!)).toBeGreaterThanOrEqual(44);

    await page.getByRole('button', { name: ko ? /모든 단계/ : /All steps/ }).click();
    await page.getByRole('link', { name: ko ? /^관계 회복 계획 \(/ : /^Recovery playbook \(/ }).click();
    const action = page.getByLabel(ko ? '할 일' : 'What you do', { exact: true }).first();
    const sentence = ko
      ? '먼저 제가 직접 전화해 무슨 일이 있었는지 설명하고 사과드린 뒤, 해결될 때까지 매일 진행 상황을 알려 드립니다'
      : 'I call you myself to explain what happened and apologize, then update you every day until it is fixed';
    await action.fill(sentence);
    // The whole sentence is on screen: the field grew to hold it instead of scrolling it out of sight.
    const box = await action.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(box.client).toBeGreaterThan(44);
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
    // Enter adds no line break: it is one sentence.
    await action.press('Enter');
    await expect(action).toHaveValue(sentence);
    await page.screenshot({ path: `/tmp/f2/recovery-${locale}-390.png` }).catch(() => undefined);

    await page.goto('/#/settings');
    const days = page.locator('.choice--chip');
    await expect(days).toHaveCount(7);
    for (const h of await days.evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().height)))
      expect(h).toBeGreaterThanOrEqual(44);
    await days.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/f2/settings-${locale}-390.png` }).catch(() => undefined);
    await context.close();
  }
});
