import { carSalesCharterAt, expect, expectNoAxeViolations, test } from './helpers';

test('customer → promise → done late → recovery case → closed → scores computed by hand', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // Monday 23 November 2026, 10:00 in Seoul (the default business calendar: Mon–Fri 09:00–18:00).
  const { context, page } = await carSalesCharterAt(browser, 'en-US', '2026-11-23T01:00:00Z');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Customer name').fill('Kim Jiwoo');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('link', { name: 'Kim Jiwoo' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tracker' }).click();
  await expectNoAxeViolations(page);

  // First promise: "within 3 business hours" → due 13:00. Done at 15:00: missed.
  const quick = page.getByRole('form', { name: 'Log a promise' });
  await expect(quick.getByRole('combobox', { name: 'Commitment' })).toHaveValue(/.+/);
  await quick.getByRole('combobox', { name: 'Customer' }).fill('Kim Jiwoo');
  await quick.getByLabel('What you promised this time').fill('Call back about the quote');
  await quick.getByRole('button', { name: 'Log promise' }).click();
  const first = page.getByRole('group', { name: 'Kim Jiwoo — Call back about the quote' });
  await expect(first).toContainText('Open');
  await page.clock.fastForward('05:00:00');
  await first.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('That promise was missed')).toBeVisible();

  // The recovery case walks the playbook; completing it records the outcome.
  const recovery = page.getByRole('group', { name: 'Recovery: Kim Jiwoo — Call back about the quote' });
  for (const step of await recovery.getByRole('checkbox').all()) await step.check();
  await recovery.getByRole('radio', { name: 'Customer satisfied' }).check();
  await recovery.getByRole('button', { name: 'Close case' }).click();
  await expect(recovery).toHaveCount(0);

  // Second promise, done within the hour: kept.
  await quick.getByLabel('What you promised this time').fill('Send the brochure');
  await quick.getByRole('button', { name: 'Log promise' }).click();
  await page.clock.fastForward('00:20:00');
  await page
    .getByRole('group', { name: 'Kim Jiwoo — Send the brochure' })
    .getByRole('button', { name: 'Done' })
    .click();
  await expect(page.getByText(/Kept/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // By hand: 1 kept, 1 missed → 50% kept (n = 2); the missed one recovered → 100% (n = 1).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scores' }).click();
  const overall = page.getByRole('row', { name: /All commitments/ });
  await expect(overall).toContainText('50% (n = 2)');
  await expect(overall).toContainText('100% (n = 1)');
  await expect(overall).toContainText('1 kept · 1 missed');
  await expectNoAxeViolations(page);
  await context.close();
});
