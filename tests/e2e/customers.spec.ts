import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { carSalesCharterAt, expect, expectNoAxeViolations, test } from './helpers';

test('customer → won deal → dated timeline → message → done → calendar file; quick promise timer', async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  // Monday 23 November 2026, 10:00 in Seoul.
  const { context, page } = await carSalesCharterAt(browser, 'en-US', '2026-11-23T01:00:00Z');

  // A customer, with a bad email first: the form says what is wrong and adds nothing.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Customers' }).click();
  const add = page.getByRole('form', { name: 'Add a customer' });
  await add.getByLabel('Customer name').fill('Park Minji');
  await add.getByLabel('Email').fill('minji.example.com');
  await add.getByRole('button', { name: 'Add customer' }).click();
  await expect(add.getByText('must be an email address like name@example.com')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Park Minji' })).toHaveCount(0);
  await add.getByLabel('Email').fill('minji@example.com');
  await add.getByLabel('Phone').fill('010-2345-6789');
  await add.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByText('Park Minji was added.')).toBeVisible();
  await expectNoAxeViolations(page);

  // A won deal: won 20 Nov, delivery 27 Nov.
  await page.getByRole('link', { name: 'Park Minji' }).click();
  await page.getByRole('button', { name: 'Add a deal' }).click();
  const form = page.getByRole('form', { name: 'New deal' });
  await form.getByLabel('Product or service').fill('Ioniq 6');
  await form.getByRole('radio', { name: 'Won' }).check();
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(form.getByText('a won or lost deal needs the date it was decided')).toBeVisible();
  await form.getByLabel('Opened on').fill('2026-11-02');
  await form.getByLabel('Won or lost on').fill('2026-11-20');
  await form.getByLabel('Delivery date').fill('2026-11-27');
  await form.getByRole('button', { name: 'Create deal' }).click();

  // By hand from the Car sales moments: won + 0, delivery − 3, delivery + 0, delivery + 3 (and the
  // first-use check, 3 days), won + 14, delivery + 30, + 90, + 150.
  const timeline = page.getByRole('region', { name: 'Timeline of Ioniq 6' });
  const steps = timeline.getByRole('checkbox');
  await expect(steps).toHaveCount(9);
  expect(await timeline.locator('label').allTextContents()).toEqual([
    'Nov 20, 2026 — Order confirmed',
    'Nov 24, 2026 — Car arrived at the dealership',
    'Nov 27, 2026 — Delivery day',
    'Nov 30, 2026 — First-week check',
    'Nov 30, 2026 — First-use check',
    'Dec 4, 2026 — Build update',
    'Dec 27, 2026 — Seasonal care guide',
    'Feb 25, 2027 — Referral ask',
    'Apr 26, 2027 — First service reminder',
  ]);
  const first = timeline.getByRole('listitem').first();
  await expect(first).toContainText('Overdue');

  // The message, filled in for this customer and deal, with email and text-message links.
  await first.getByText('Message', { exact: true }).click();
  await expect(first.getByText(/^Hi Park Minji, thank you for choosing your new Ioniq 6\./)).toBeVisible();
  const mailto = await first.getByRole('link', { name: 'Send by email' }).getAttribute('href');
  expect(mailto).toMatch(
    /^mailto:minji@example\.com\?subject=Order%20confirmed&body=Hi%20Park%20Minji%2C%20/,
  );
  expect(await first.getByRole('link', { name: 'Send as text message' }).getAttribute('href')).toMatch(
    /^sms:01023456789\?body=Hi%20Park%20Minji/,
  );
  await expectNoAxeViolations(page);

  // Done, and still done after a reload.
  await steps.first().check();
  await expect(first).toContainText('Done');
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Timeline of Ioniq 6' }).getByRole('checkbox').first(),
  ).toBeChecked();

  // The calendar file holds the 8 steps not done yet, each an all-day event with a reminder.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Park-Minji-Ioniq-6.ics');
  const file = testInfo.outputPath('deal.ics');
  await download.saveAs(file);
  const calendar = new ICAL.Component(ICAL.parse(await readFile(file, 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => [e.startDate.toString(), e.summary])).toEqual([
    ['2026-11-24', 'Car arrived at the dealership — Park Minji (Ioniq 6)'],
    ['2026-11-27', 'Delivery day — Park Minji (Ioniq 6)'],
    ['2026-11-30', 'First-week check — Park Minji (Ioniq 6)'],
    ['2026-11-30', 'First-use check — Park Minji (Ioniq 6)'],
    ['2026-12-04', 'Build update — Park Minji (Ioniq 6)'],
    ['2026-12-27', 'Seasonal care guide — Park Minji (Ioniq 6)'],
    ['2027-02-25', 'Referral ask — Park Minji (Ioniq 6)'],
    ['2027-04-26', 'First service reminder — Park Minji (Ioniq 6)'],
  ]);
  expect(
    calendar.getAllSubcomponents('vevent').every((v) => v.getAllSubcomponents('valarm').length === 1),
  ).toBe(true);

  // The customers screen lists what is due in the next 7 days (to 30 Nov): 4 steps left after the done one.
  await nav.getByRole('link', { name: 'Customers' }).click();
  const due = page.getByRole('region', { name: 'Moments and follow-ups overdue or due this week' });
  await expect(due.getByRole('listitem')).toHaveCount(4);

  // Quick promise timer: one press starts "back within 10 min", one press closes it.
  await nav.getByRole('link', { name: 'Tracker' }).click();
  const timer = page.getByRole('region', { name: 'Quick promise timer' });
  await timer.getByRole('combobox', { name: 'Customer (optional)' }).fill('Park Minji');
  await timer.getByRole('button', { name: '10 min' }).click();
  await expect(timer.getByRole('timer')).toHaveText('10 min left');
  await page.clock.fastForward('03:00');
  await expect(timer.getByRole('timer')).toHaveText('7 min left');
  await expectNoAxeViolations(page);
  await timer.getByRole('button', { name: 'Done: Park Minji — Back within 10 min' }).click();
  await expect(page.getByText('Kept', { exact: false }).first()).toBeVisible();
  await expect(timer.getByRole('timer')).toHaveCount(0);
  await context.close();
});

test('한국어: 무산된 거래는 거래 무산 후 연락을 날짜와 메시지와 함께 대기열에 올린다', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  // 2026년 11월 23일 월요일 10:00 (서울).
  const { context, page } = await carSalesCharterAt(browser, 'ko-KR', '2026-11-23T01:00:00Z');

  const nav = page.getByRole('navigation', { name: '주 메뉴' });
  await nav.getByRole('link', { name: '고객' }).click();
  await page.getByLabel('고객 이름').fill('최서준');
  await page.getByRole('button', { name: '고객 추가' }).click();
  await page.getByRole('link', { name: '최서준' }).click();
  await page.getByRole('button', { name: '거래 추가' }).click();
  const form = page.getByRole('form', { name: '새 거래' });
  await form.getByLabel('상품 또는 서비스').fill('쏘나타 하이브리드');
  await form.getByRole('radio', { name: '무산' }).check();
  await form.getByLabel('시작일').fill('2026-11-02');
  await form.getByLabel('성사·무산일').fill('2026-11-21');
  await form.getByRole('button', { name: '거래 만들기' }).click();

  // 손으로 계산: 무산일 11월 21일 + 헌장의 3일 = 11월 24일.
  const followUp = page.getByRole('region', { name: '쏘나타 하이브리드 일정' });
  await expect(followUp.getByRole('checkbox')).toHaveCount(1);
  await expect(followUp.locator('label')).toHaveText(
    '2026. 11. 24. — 거래 무산 후 연락: 감사 인사, 의견, 소개 요청',
  );
  await followUp.getByText('메시지', { exact: true }).click();
  await expect(
    followUp.getByText(/^최서준님, 이번에는 다른 선택을 하셨다는 말씀 잘 들었습니다\./),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await nav.getByRole('link', { name: '고객' }).click();
  const due = page.getByRole('region', { name: '밀린 것과 이번 주에 챙길 시점·후속 연락' });
  await expect(due.getByRole('listitem')).toHaveCount(1);
  await due.getByRole('button', { name: '완료로 표시' }).click();
  await expect(due.getByText('앞으로 7일 안에 챙길 일이 없습니다.')).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test('a moment skipped on Today shows as skipped on the deal card, leaves the calendar file, and can be undone', async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  // Monday 23 November 2026, 10:00 in Seoul: the deal is entered; won 20 Nov, delivery 27 Nov.
  const { context, page } = await carSalesCharterAt(browser, 'en-US', '2026-11-23T01:00:00Z');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Customers' }).click();
  const add = page.getByRole('form', { name: 'Add a customer' });
  await add.getByLabel('Customer name').fill('Park Minji');
  await add.getByRole('button', { name: 'Add customer' }).click();
  await page.getByRole('link', { name: 'Park Minji' }).click();
  await page.getByRole('button', { name: 'Add a deal' }).click();
  const form = page.getByRole('form', { name: 'New deal' });
  await form.getByLabel('Product or service').fill('Ioniq 6');
  await form.getByRole('radio', { name: 'Won' }).check();
  await form.getByLabel('Opened on').fill('2026-11-02');
  await form.getByLabel('Won or lost on').fill('2026-11-20');
  await form.getByLabel('Delivery date').fill('2026-11-27');
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByRole('region', { name: 'Timeline of Ioniq 6' })).toBeVisible();

  // Thursday 26 Nov: "Car arrived at the dealership" (delivery − 3 = 24 Nov) is overdue on Today; skip it.
  await page.clock.setSystemTime(new Date('2026-11-26T01:00:00Z'));
  await nav.getByRole('link', { name: 'Today' }).click();
  const what = 'Car arrived at the dealership — Park Minji (Ioniq 6)';
  await page.getByRole('button', { name: `Skip — doesn’t apply: ${what}` }).click();
  await expect(page.getByRole('button', { name: `Done: ${what}` })).toHaveCount(0);

  // The deal card: skipped, not ticked as done, with an undo. (The first link is the customer list's.)
  await nav.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Park Minji' }).first().click();
  const timeline = page.getByRole('region', { name: 'Timeline of Ioniq 6' });
  const arrived = timeline.getByRole('listitem').nth(1);
  await expect(arrived).toContainText('Car arrived at the dealership');
  await expect(arrived).toContainText('Skipped');
  await expect(arrived).not.toContainText('Done');
  await expect(timeline.getByRole('checkbox').nth(1)).not.toBeChecked();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/f4/skipped-en-1280.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/f4/skipped-en-390.png', fullPage: true });

  // The calendar file leaves the skipped step out (not due, not done): 8 of the 9 steps.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
  ]);
  const file = testInfo.outputPath('deal.ics');
  await download.saveAs(file);
  const calendar = new ICAL.Component(ICAL.parse(await readFile(file, 'utf8')));
  const summaries = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
  expect(summaries).toHaveLength(8);
  expect(summaries).not.toContain(what);

  // Undo: the step is overdue again, and still so after a reload.
  await arrived.getByRole('button', { name: 'Undo skip: Car arrived at the dealership' }).click();
  await expect(arrived).toContainText('Overdue');
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Timeline of Ioniq 6' }).getByRole('listitem').nth(1),
  ).toContainText('Overdue');
  await context.close();
});
