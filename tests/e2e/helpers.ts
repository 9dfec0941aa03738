import { test as base, expect } from '@playwright/test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

/** The test function every e2e spec imports; fixtures get added here as the suite grows. */
export const test = base.extend({});
export { expect };

export type Locale = 'ko-KR' | 'en-US';

/**
 * A new browser context with the given locale (the config fixes none, so each spec picks its own).
 * The caller closes it: `await context.close()`.
 */
export async function freshContext(
  browser: Browser,
  locale: Locale,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ ...options, locale });
}

/**
 * A fresh page whose clock starts at `time`, on a new charter made from the car-sales template in the
 * interface language, open in the editor. The caller closes the context.
 */
export async function carSalesCharterAt(
  browser: Browser,
  locale: Locale,
  time: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const words =
    locale === 'en-US'
      ? { newCharter: 'New charter', template: 'Car sales', language: 'In English', title: 'Charter title' }
      : { newCharter: '새 헌장', template: '자동차 영업', language: '한국어로', title: '헌장 제목' };
  const context = await freshContext(browser, locale);
  const page = await context.newPage();
  await page.clock.install({ time: new Date(time) });
  await page.goto('/#/charters');
  await page.getByRole('button', { name: words.newCharter }).click();
  await page
    .getByRole('group', { name: words.template })
    .getByRole('button', { name: words.language })
    .click();
  await expect(page.getByLabel(words.title)).toBeVisible();
  return { context, page };
}

export interface AxeCheckOptions {
  /** CSS selectors to limit the scan to. */
  include?: string | string[];
  /** CSS selectors to leave out of the scan (e.g. third-party widgets). */
  exclude?: string | string[];
  /** Rule ids to switch off, each with a reason in the calling test. */
  disableRules?: string[];
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describeViolation(violation: AxeViolation): string {
  const targets = violation.nodes.map(
    (node) =>
      '    - ' + node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' '),
  );
  return [
    `${violation.id} [${violation.impact ?? 'unknown impact'}]: ${violation.help}`,
    `  ${violation.helpUrl}`,
    `  ${violation.nodes.length} element(s):`,
    ...targets,
  ].join('\n');
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now and fails with a readable list if anything is found. */
export async function expectNoAxeViolations(page: Page, options: AxeCheckOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of [options.include ?? []].flat()) builder = builder.include(selector);
  for (const selector of [options.exclude ?? []].flat()) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

  const { violations } = await builder.analyze();
  const summary = violations.map(describeViolation);
  if (violations.length > 0) {
    // The full axe output (HTML snippets, fix hints) goes into the report; the assertion stays short.
    await base.info().attach('axe-violations.json', {
      body: JSON.stringify(violations, null, 2),
      contentType: 'application/json',
    });
  }
  // The message carries the details; the compared value is just the rule ids, so the diff stays short.
  expect(
    violations.map((violation) => violation.id),
    `axe found ${violations.length} violation(s) on ${page.url()}:\n\n${summary.join('\n\n')}\n`,
  ).toEqual([]);
}
