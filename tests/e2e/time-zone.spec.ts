import type { Page } from '@playwright/test';
import { expect, freshContext, test } from './helpers';

/** Every stored delivery record, read straight from the browser's IndexedDB. */
async function storedRecords(
  page: Page,
): Promise<{ dueAt: string; renegotiation: { newDueAt: string } | null }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        // PouchDB's indexeddb adapter: database `_pouch_<name>`, one row per document in `docs`, the body of
        // the winning revision at `revs[rev].data` (src/persistence/pouch-store.ts: `{ …, value }`).
        const open = indexedDB.open('_pouch_service-charter-pouch');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('docs').objectStore('docs').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            type Row = {
              id: string;
              rev: string;
              deleted: number;
              revs: Record<string, { data: { value: never } }>;
            };
            resolve(
              (request.result as Row[])
                .filter((row) => row.id.startsWith('deliveries:') && !row.deleted)
                .map((row) => row.revs[row.rev]!.data.value),
            );
            open.result.close();
          };
        };
      }),
  );
}

test('a new due time typed in a browser in Los Angeles means that time in Seoul, the calendar’s zone', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The salesperson's laptop is still on California time after a trip; their calendar is Seoul's.
  const context = await freshContext(browser, 'ko-KR', { timezoneId: 'America/Los_Angeles' });
  const page = await context.newPage();
  // Monday 7 December 2026, 13:00 in Seoul (Sunday 20:00 in Los Angeles).
  await page.clock.install({ time: new Date('2026-12-07T04:00:00Z') });
  await page.goto('/#/charters');
  await page.getByRole('button', { name: '새 헌장' }).click();
  await page.getByRole('group', { name: '자동차 영업' }).getByRole('button', { name: '한국어로' }).click();
  await page.getByLabel('이름', { exact: true }).fill('시간대');
  await expect(page.getByText('저장됨', { exact: true })).toBeVisible();

  await page.goto('/');
  await page.getByRole('button', { name: '+ 약속 기록' }).click();
  await page.getByLabel('새 고객: 이름 입력').fill('김지현');
  await page.getByRole('button', { name: '기록', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '기록했습니다: 김지현' })).toBeVisible();

  // 4 business hours from 13:00 Seoul: due 17:00 Seoul, which is 08:00 UTC (plus the seconds the clock ran).
  await expect
    .poll(async () => (await storedRecords(page)).map((r) => r.dueAt.slice(0, 16)))
    .toEqual(['2026-12-07T08:00']);
  const item = page.getByRole('listitem').filter({ hasText: '김지현' }).first();
  await item.getByRole('button', { name: '새 마감 합의' }).click();
  // The suggestion is an hour after the due time, on Seoul's clock (18:00), not California's (01:00).
  const input = item.getByLabel('고객과 새로 합의한 마감 시각');
  await expect(input).toHaveValue('2026-12-07T18:00');
  await input.fill('2026-12-08T15:00');
  await item.getByRole('button', { name: '새 마감 저장' }).click();

  // 15:00 on 8 December in Seoul is 06:00 UTC — what the salesperson agreed, whatever the laptop's zone.
  await expect
    .poll(async () => (await storedRecords(page)).map((r) => r.renegotiation?.newDueAt))
    .toEqual(['2026-12-08T06:00:00.000Z']);
  await context.close();
});
