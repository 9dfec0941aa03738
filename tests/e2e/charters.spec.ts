import { expect, freshContext, test } from './helpers';

test('create a charter, type in it, reload: it is still there', async ({ browser }) => {
  const context = await freshContext(browser, 'ko-KR');
  const page = await context.newPage();
  await page.goto('/#/charters');
  await page.getByRole('button', { name: '새 헌장' }).click();
  await page.getByRole('button', { name: '빈 헌장' }).click();
  await page.getByLabel('헌장 제목').fill('고객님께 드리는 나의 약속');
  await page.getByLabel('이름', { exact: true }).fill('김민준');
  await page.getByLabel('이메일').fill('minjun@');
  await page.getByLabel('이메일').press('Tab');
  // An unfinished email is kept as typed, and once the field is left the form says what is wrong.
  await expect(page.getByText('name@example.com 같은 이메일 주소여야 합니다')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '저장됨' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('헌장 제목')).toHaveValue('고객님께 드리는 나의 약속');
  await expect(page.getByLabel('이름', { exact: true })).toHaveValue('김민준');
  await expect(page.getByLabel('이메일')).toHaveValue('minjun@');

  await page.getByRole('link', { name: '모든 헌장' }).click();
  await expect(page.getByRole('link', { name: '고객님께 드리는 나의 약속' })).toBeVisible();
  await context.close();
});

test('duplicate, then delete with undo', async ({ browser }) => {
  const context = await freshContext(browser, 'en-US');
  const page = await context.newPage();
  await page.goto('/#/charters');
  await page.getByRole('button', { name: 'New charter' }).click();
  await page.getByRole('button', { name: 'Blank charter' }).click();
  await page.getByLabel('Charter title').fill('My promise');
  await page.getByRole('link', { name: 'All charters' }).click();

  await page
    .getByRole('group', { name: 'Actions for My promise' })
    .getByRole('button', { name: 'Duplicate' })
    .click();
  await expect(page.getByRole('link', { name: 'Copy of My promise' })).toBeVisible();

  await page
    .getByRole('group', { name: 'Actions for My promise' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('link', { name: 'My promise', exact: true })).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'My promise', exact: true })).toBeVisible();

  // Deleting for good survives a reload; the copy stays.
  await page
    .getByRole('group', { name: 'Actions for Copy of My promise' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByRole('link', { name: 'My promise', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Copy of My promise' })).toHaveCount(0);
  await context.close();
});

test('a keystroke made less than 1 s before the page closes is there when it reopens (20/20)', async ({
  browser,
}) => {
  test.setTimeout(240_000); // forty page loads; a busy two-core machine needs more than two minutes
  const context = await freshContext(browser, 'en-US');
  const setup = await context.newPage();
  await setup.goto('/#/charters');
  await setup.getByRole('button', { name: 'New charter' }).click();
  await setup.getByRole('button', { name: 'Blank charter' }).click();
  await expect(setup.getByLabel('Charter title')).toBeVisible();
  const url = setup.url();
  await setup.waitForTimeout(500);
  await setup.close();

  const kept: boolean[] = [];
  for (let i = 0; i < 20; i++) {
    const page = await context.newPage();
    await page.goto(url);
    const title = page.getByLabel('Charter title');
    await expect(title).toBeVisible();
    const text = `round ${i}`;
    await title.fill(text.slice(0, -1));
    await title.press(text.slice(-1)); // the last keystroke
    await page.waitForTimeout((i * 53) % 1000); // 0 … 954 ms
    await page.close({ runBeforeUnload: true });

    const check = await context.newPage();
    await check.goto(url);
    await expect(check.getByLabel('Charter title')).toBeVisible();
    kept.push((await check.getByLabel('Charter title').inputValue()) === text);
    await check.close();
  }
  expect(kept.filter(Boolean).length, `kept: ${kept.map((k) => (k ? 'y' : 'n')).join('')}`).toBe(20);
  await context.close();
});
