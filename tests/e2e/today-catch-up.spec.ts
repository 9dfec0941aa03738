// Catching up on a promise made earlier in the day, on a phone (Sunday 6 Dec 2026 in Seoul): the made-at
// time is recorded, a due already past is accepted, and the miss comes first on Today; a timer says its time
// in words. Screenshots for review go to test-results/.
import type { Page } from '@playwright/test';
import { expect, freshContext, test } from './helpers';
import type { Locale } from './helpers';

const WORDS = {
  'ko-KR': {
    newCharter: '새 헌장',
    template: '자동차 영업',
    language: '한국어로',
    owner: '이름',
    saved: '저장됨',
    log: '+ 약속 기록',
    sheet: '약속 기록',
    customer: '새 고객: 이름 입력',
    summary: '이번에 한 약속 (선택)',
    madeNow: '약속한 때: 지금',
    madeAt: '약속한 때 (오늘)',
    custom: '직접 입력',
    dueAt: '마감 시각',
    in30: '30분 뒤',
    record: '기록',
    logged: '기록했습니다: 최은우',
    overdue: '마감 지남',
    left: /^(29|30)분 남음$/,
  },
  'en-US': {
    newCharter: 'New charter',
    template: 'Car sales',
    language: 'In English',
    owner: 'Your name',
    saved: 'Saved',
    log: '+ Log a promise',
    sheet: 'Log a promise',
    customer: 'New customer: type a name',
    summary: 'What you promised this time (optional)',
    madeNow: 'Made: just now',
    madeAt: 'Made at (today)',
    custom: 'Another time',
    dueAt: 'Due time',
    in30: 'in 30 min',
    record: 'Record',
    logged: 'Logged: 최은우',
    overdue: 'Overdue',
    left: /^(29|30) min left$/,
  },
} as const;

async function logEarlierPromise(page: Page, locale: Locale, shots: string) {
  const w = WORDS[locale];
  await page.getByRole('button', { name: w.log }).click();
  const sheet = page.getByRole('dialog', { name: w.sheet });
  await sheet.getByLabel(w.customer).fill('최은우');
  await sheet.getByLabel(w.summary).fill('보험 견적 비교표 보내기');
  await sheet.getByRole('button', { name: w.madeNow }).click();
  await sheet.getByLabel(w.madeAt).fill('09:00');
  await sheet.getByText(w.custom, { exact: true }).click();
  await sheet.getByLabel(w.dueAt).fill('2026-12-06T12:00');
  await page.screenshot({ path: `${shots}-sheet.png` });
  await sheet.getByRole('button', { name: w.record, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: w.logged })).toBeVisible();
}

for (const locale of ['ko-KR', 'en-US'] as const) {
  test(`${locale}: a promise made this morning is logged at 16:00 and comes first among the overdue`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(90_000);
    const w = WORDS[locale];
    const shots = testInfo.outputPath(`catch-up-${locale}`);
    const context = await freshContext(browser, locale, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    // Sunday 16:00 in Seoul.
    await page.clock.install({ time: new Date('2026-12-06T07:00:00Z') });
    await page.goto('/#/charters');
    await page.getByRole('button', { name: w.newCharter }).click();
    await page.getByRole('group', { name: w.template }).getByRole('button', { name: w.language }).click();
    await page.getByLabel(w.owner, { exact: true }).fill('김민준');
    await expect(page.getByText(w.saved, { exact: true })).toBeVisible();
    await page.goto('/');

    await logEarlierPromise(page, locale, shots);
    // A 30-minute timer, started now.
    await page.getByRole('button', { name: w.log }).click();
    const sheet = page.getByRole('dialog', { name: w.sheet });
    await sheet.getByLabel(w.customer).fill('박서준');
    await sheet.getByText(w.in30, { exact: true }).click();
    await sheet.getByRole('button', { name: w.record, exact: true }).click();

    const overdue = page.getByRole('region', { name: new RegExp(`^${w.overdue}`) });
    await expect(overdue.getByRole('listitem').first()).toContainText('최은우 — 보험 견적 비교표 보내기');
    await expect(page.getByRole('timer')).toHaveText(w.left);
    await page.screenshot({ path: `${shots}-today.png`, fullPage: true });
    // The Tracker's timer says the same as Today's.
    await page.goto('/#/tracker');
    await expect(page.getByRole('timer')).toHaveText(w.left);
    await page.screenshot({ path: `${shots}-tracker.png`, fullPage: true });
    await context.close();
  });
}
