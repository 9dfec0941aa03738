import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, expectNoAxeViolations, freshContext, test } from './helpers';

test('export a backup → wipe → import it → everything is back', async ({ browser }) => {
  test.setTimeout(60_000);
  const before = await freshContext(browser, 'ko-KR');
  const page = await before.newPage();
  await page.goto('/#/charters');
  await page.getByRole('button', { name: '새 헌장' }).click();
  await page.getByRole('group', { name: '보험 설계사' }).getByRole('button', { name: '한국어로' }).click();
  await page.getByLabel('이름', { exact: true }).fill('이서연');
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '고객' }).click();
  await page.getByLabel('고객 이름').fill('박지훈');
  await page.getByRole('button', { name: '고객 추가' }).click();
  await expect(page.getByRole('link', { name: '박지훈' })).toBeVisible();
  // Settings is in the app bar (the tab bar keeps to five destinations).
  await page.getByRole('banner').getByRole('link', { name: '설정' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '백업 내보내기' }).first().click(),
  ]);
  const file = path.join(tmpdir(), `backup-${Date.now()}.json`);
  await download.saveAs(file);
  await before.close();

  // A browser with nothing in it.
  const after = await freshContext(browser, 'ko-KR');
  const fresh = await after.newPage();
  await fresh.goto('/#/settings');
  await expectNoAxeViolations(fresh);
  await fresh.getByLabel('백업 파일(.json)').setInputFiles(file);
  const preview = fresh.getByRole('table', { name: /바뀌는 것/ });
  await expect(preview.getByRole('row', { name: /^헌장/ })).toContainText('1');
  await expect(preview.getByRole('row', { name: /^고객/ })).toContainText('1');
  await expectNoAxeViolations(fresh);
  await fresh.getByRole('button', { name: '내 데이터에 합치기' }).click();
  await expect(fresh.getByText(/가져왔습니다/)).toBeVisible();
  await fresh.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '헌장' }).click();
  await expect(fresh.getByText('이서연')).toBeVisible();
  await fresh.reload();
  await expect(fresh.getByText('이서연')).toBeVisible();
  await fresh.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '고객' }).click();
  await expect(fresh.getByRole('link', { name: '박지훈' })).toBeVisible();

  // A broken file: clear, path-specific errors, nothing written.
  const broken = path.join(tmpdir(), `broken-${Date.now()}.json`);
  await writeFile(
    broken,
    JSON.stringify({ format: 'service-charter/backup', version: 1, exportedAt: 'yesterday' }),
  );
  await fresh.goto('/#/settings');
  await fresh.getByLabel('백업 파일(.json)').setInputFiles(broken);
  await expect(fresh.getByRole('alert')).toContainText('exportedAt');
  await after.close();
});
