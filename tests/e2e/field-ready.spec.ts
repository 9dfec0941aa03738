import { readFile } from 'node:fs/promises';
import { extractText } from 'unpdf';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, freshContext, test } from './helpers';

/** Creates the Korean car-sales charter with the owner's name; returns its id. */
async function carSalesCharter(page: Page, owner: string): Promise<string> {
  await page.goto('/#/charters');
  await page.getByRole('button', { name: '새 헌장' }).click();
  await page.getByRole('group', { name: '자동차 영업' }).getByRole('button', { name: '한국어로' }).click();
  await page.getByLabel('이름', { exact: true }).fill(owner);
  await expect(page.getByText('저장됨', { exact: true })).toBeVisible();
  return decodeURIComponent(page.url().split('#/charters/')[1]!.split('/')[0]!);
}

/** Waits until the service worker has precached the app and controls the page (one reload after install). */
async function untilOffline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function newOfflineContext(
  browser: Parameters<typeof freshContext>[0],
  options = {},
): Promise<BrowserContext> {
  return freshContext(browser, 'ko-KR', { serviceWorkers: 'allow', ...options });
}

test('after one visit the app works with no network: every screen, logging a promise, the PDF, a backup', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await newOfflineContext(browser);
  const page = await context.newPage();
  const charterId = await carSalesCharter(page, '오프라인김');
  await untilOffline(page);
  // Chromium's own installability check (what its install prompt uses): no errors but the one every
  // Playwright context has, being an incognito-like profile.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ lang: 'ko', id: './', display: 'standalone' });
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes}/${i.purpose}`)).toEqual([
    '192x192/any',
    '512x512/any',
    '512x512/maskable',
  ]);
  expect(manifest.shortcuts.map((x: { short_name: string }) => x.short_name)).toEqual(['약속 기록', '오늘']);

  await context.setOffline(true);
  await page.goto('/');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^오늘/ })).toBeVisible();
  // Chromium's offline emulation does not always reach navigator.onLine; when it does, the banner says so.
  if (await page.evaluate(() => !navigator.onLine))
    await expect(page.getByRole('status').filter({ hasText: '오프라인' })).toBeVisible();

  const nav = page.getByRole('navigation', { name: '주 메뉴' });
  for (const [link, heading] of [
    ['약속 기록', '약속 기록'],
    ['고객', '고객'],
    ['점수', '점수'],
    ['헌장', '내 서비스 헌장'],
  ] as const) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.locator('main h1')).toContainText(heading);
  }
  await page.getByRole('banner').getByRole('link', { name: '설정' }).click();
  await expect(page.locator('main h1')).toContainText('설정');

  // Log a promise from Today, to a new customer.
  await nav.getByRole('link', { name: /^오늘/ }).click();
  await page.getByRole('button', { name: '+ 약속 기록' }).click();
  const sheet = page.getByRole('dialog', { name: '약속 기록' });
  await sheet.getByLabel('새 고객: 이름 입력').fill('박오프');
  await sheet.getByLabel('이번에 한 약속 (선택)').fill('지하 주차장에서 한 약속');
  await sheet.getByRole('button', { name: '기록', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '기록했습니다: 박오프 — 지하 주차장에서 한 약속' }),
  ).toBeVisible();

  // The PDF renders and downloads offline (worker, fonts and templates come from the precache).
  await page.goto(`/#/charters/${charterId}/preview`);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'PDF 내려받기' }).click(),
  ]);
  const { text } = await extractText(new Uint8Array(await readFile((await download.path())!)), {
    mergePages: true,
  });
  expect(text).toContain('오프라인김');

  // A backup can be exported offline.
  await page.goto('/#/settings');
  const [backup] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /백업 내보내기/ }).click(),
  ]);
  expect(JSON.parse(await readFile((await backup.path())!, 'utf8'))).toMatchObject({
    format: expect.any(String),
  });

  // Back online: nothing was lost.
  await context.setOffline(false);
  await page.goto('/#/tracker');
  await page.reload();
  await expect(page.getByText('지하 주차장에서 한 약속').first()).toBeVisible();
  await context.close();
});

test('a screen whose code cannot load shows an error with a retry, never a white page', async ({
  browser,
}) => {
  const context = await freshContext(browser, 'ko-KR');
  const page = await context.newPage();
  // From the start: the app also loads the Scores screen ahead once it is idle, and that must fail too.
  await page.route(/\/assets\/scores-page-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^오늘/ })).toBeVisible();
  await page.goto('/#/scores');
  await expect(page.getByRole('heading', { level: 1, name: '이 화면을 열지 못했습니다' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '주 메뉴' })).toBeVisible();

  await page.unroute(/\/assets\/scores-page-[\w-]+\.js$/);
  await page.getByRole('button', { name: '다시 시도' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '점수' })).toBeVisible();
  await context.close();
});

test('a one-minute timer counts down in the title and notifies through the service worker when it ends', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await newOfflineContext(browser, { permissions: ['notifications'] });
  const page = await context.newPage();
  // Monday 7 December 2026, 14:00 in Seoul: inside working hours.
  await page.clock.install({ time: new Date('2026-12-07T05:00:00Z') });
  await carSalesCharter(page, '타이머김');
  await untilOffline(page);
  await page.goto('/');

  await page.getByRole('switch', { name: '알림 받기' }).click();
  await expect(page.getByRole('switch', { name: '알림 받기' })).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('button', { name: '+ 약속 기록' }).click();
  const sheet = page.getByRole('dialog', { name: '약속 기록' });
  await sheet.getByLabel('이번에 한 약속 (선택)').fill('1분 뒤 다시 전화');
  await sheet.getByRole('radio', { name: '직접 입력' }).check();
  await sheet.getByLabel('마감 시각').fill('2026-12-07T14:01');
  await sheet.getByRole('button', { name: '기록', exact: true }).click();

  await page.clock.runFor(5_000);
  await expect(page).toHaveTitle(/^⏱ 0:\d\d · 1분 뒤 다시 전화/);
  expect(
    await page.evaluate(async () =>
      (await navigator.serviceWorker.ready).getNotifications().then((n) => n.length),
    ),
  ).toBe(0);

  await page.clock.runFor(60_000);
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title),
      ),
    )
    .toContain('약속한 시간이 되었습니다: 1분 뒤 다시 전화');
  // A reload does not notify again.
  await page.reload();
  await page.clock.runFor(5_000);
  const titles = await page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title),
  );
  expect(titles.filter((t) => t.startsWith('약속한 시간이 되었습니다'))).toHaveLength(1);

  // Tapping it opens that promise: the notification carries the item's link (the service worker navigates
  // there), and the link scrolls to and focuses the promise's card on Today.
  const url = await page.evaluate(async () => {
    const [notification] = await (await navigator.serviceWorker.ready).getNotifications();
    return (notification?.data as { url?: string } | undefined)?.url ?? '';
  });
  expect(url).toMatch(/^\.\/#\/today\/item\/promise%3A/);
  await page.goto(url.replace(/^\.\//, '/'));
  await expect(page.getByRole('listitem').filter({ hasText: '1분 뒤 다시 전화' }).first()).toBeFocused();
  await context.close();
});

test('on a phone, a promise to an existing customer takes three taps plus the words', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await freshContext(browser, 'ko-KR', {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  // Monday 13:00 in Seoul: a 4-business-hour promise is due at about 17:00, today.
  await page.clock.install({ time: new Date('2026-12-07T04:00:00Z') });
  await carSalesCharter(page, '세탭김');
  // A customer the salesperson already has.
  await page.goto('/');
  await page.getByRole('button', { name: '+ 약속 기록' }).click();
  await page.getByLabel('새 고객: 이름 입력').fill('김지현');
  await page.getByRole('button', { name: '기록', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '기록했습니다: 김지현' })).toBeVisible();

  let taps = 0;
  const tap = async (target: ReturnType<Page['getByRole']>) => {
    taps += 1;
    await target.tap();
  };
  await tap(page.getByRole('button', { name: '+ 약속 기록' }));
  const sheet = page.getByRole('dialog', { name: '약속 기록' });
  await expect(sheet).toBeVisible();
  await expectNoAxeViolations(page);
  await tap(sheet.getByRole('radio', { name: '김지현' }));
  await sheet.getByLabel('이번에 한 약속 (선택)').fill('시승 일정 다시 알려 드리기');
  await tap(sheet.getByRole('button', { name: '기록', exact: true }));
  expect(taps).toBe(3);

  // Logged against the most recently used commitment (4 business hours: due about 17:00) and on Today.
  await expect(
    page.getByRole('listitem').filter({ hasText: '김지현 — 시승 일정 다시 알려 드리기' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/today-ko-390.png', fullPage: true });
  await context.close();
});
