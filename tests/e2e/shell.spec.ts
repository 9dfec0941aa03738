import { expect, expectNoAxeViolations, freshContext, test } from './helpers';

test.describe('app shell', () => {
  for (const [locale, heading, newLabel, today] of [
    ['ko-KR', '내 서비스 헌장', '새 헌장', /^오늘/],
    ['en-US', 'My charters', 'New charter', /^Today/],
  ] as const) {
    test(`opens in the browser's language (${locale}) with no axe violations on any screen`, async ({
      browser,
    }) => {
      test.setTimeout(120_000); // axe on nine screens, on a busy two-core machine
      const context = await freshContext(browser, locale);
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: today })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto('/#/charters');
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: newLabel }).click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expectNoAxeViolations(page);

      for (const hash of [
        '#/',
        '#/tracker',
        '#/customers',
        '#/scores',
        '#/settings',
        '#/charters/nope',
        '#/nowhere',
      ]) {
        await page.goto(`/${hash}`);
        await expect(page.locator('main h1')).toBeVisible();
        await expectNoAxeViolations(page);
      }
      await context.close();
    });
  }

  test('a screen opens at its top, not where the last screen was scrolled to', async ({ browser }) => {
    const context = await freshContext(browser, 'en-US', { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // Two long screens, both loaded already (a screen still loading showed a short placeholder first): the
    // charter list's template gallery, scrolled to its end, then Settings.
    await page.goto('/#/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.goto('/#/templates');
    await expect(page.getByRole('heading', { level: 2, name: 'Start a new charter' })).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeInViewport();
    expect(await page.evaluate(() => document.body.scrollHeight)).toBeGreaterThan(2 * 844);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });

  test('the language switch changes every label and is remembered', async ({ browser }) => {
    const context = await freshContext(browser, 'en-US');
    const page = await context.newPage();
    await page.goto('/#/charters');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await expect(page.getByRole('heading', { level: 1, name: '내 서비스 헌장' })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '약속 기록' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.waitForTimeout(600);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '내 서비스 헌장' })).toBeVisible();
    await context.close();
  });
});
