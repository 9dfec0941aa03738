import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, freshContext, test } from './helpers';

async function publishedCharter(page: Page): Promise<void> {
  await page.goto('/#/charters');
  await page.getByRole('button', { name: 'New charter' }).click();
  await page.getByRole('group', { name: 'Real estate' }).getByRole('button', { name: 'In English' }).click();
  await page.getByLabel('Your name', { exact: true }).fill('Grace Park');
  await page.getByRole('link', { name: /^Readiness \(/ }).click();
  // One card is open at a time; "Confirm all" confirms every commitment of the template at once.
  await page.getByRole('button', { name: 'Confirm all' }).click();
  await page.getByRole('link', { name: /^Review & publish \(/ }).click();
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(page.getByText('Version 1 is published.')).toBeVisible();
}

test('share link: create, open in a fresh browser as a customer, download the PDF; nothing stored there', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const owner = await freshContext(browser, 'en-US');
  const page = await owner.newPage();
  await publishedCharter(page);
  await page.getByRole('link', { name: 'Share your charter' }).click();
  await page.getByRole('button', { name: 'Create link' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#\/s\/v1\./);
  expect(link.length).toBeLessThanOrEqual(4_096);
  await expectNoAxeViolations(page);

  const customer = await freshContext(browser, 'ko-KR');
  const view = await customer.newPage();
  await view.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(view.getByRole('heading', { level: 1 })).toContainText(/./);
  await expect(view.getByText('Grace Park')).toBeVisible();
  // An English charter on a Korean phone reads in English only: headings, buttons and dates follow the
  // charter (the page's lang says so to a screen reader), never the phone's language over English text.
  await expect(view.getByRole('article')).toHaveAttribute('lang', 'en');
  await expect(view.getByRole('heading', { name: 'My commitments to you' })).toBeVisible();
  await expect(view.getByText(/version 1, published [A-Z][a-z]{2} \d{1,2}, \d{4}/)).toBeVisible();
  await expect(view.getByRole('heading', { name: '고객님께 드리는 약속' })).toHaveCount(0);
  // The whole charter: its moments count from the trade's handover (move-in), and no summary note.
  await expect(view.getByText('7 days after move-in', { exact: true })).toBeVisible();
  await expect(view.getByRole('note')).toHaveCount(0);
  await expectNoAxeViolations(view);
  for (const width of [390, 1280]) {
    await view.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await view
      .screenshot({ path: `/tmp/c/share-full-ko-${width}.png`, fullPage: true })
      .catch(() => undefined);
  }
  const [download] = await Promise.all([
    view.waitForEvent('download'),
    view.getByRole('button', { name: 'Download PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('charter-Grace-Park-v1.pdf');
  // Opening the link wrote nothing: no database was even created in the customer's browser.
  expect(await view.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  expect(await view.evaluate(() => localStorage.length)).toBe(0);

  // Twenty cuts of the link: each shows "this link is damaged", never a blank page or a charter.
  const payload = link.split('#/s/')[1]!;
  for (let i = 1; i <= 20; i++) {
    const cut = Math.floor((payload.length * i) / 21);
    await view.goto(`/#/s/${payload.slice(0, cut)}`);
    await view.reload();
    await expect(view.getByRole('heading', { name: '손상된 링크입니다' })).toBeVisible();
  }
  await owner.close();
  await customer.close();
});
