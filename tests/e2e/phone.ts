import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './helpers';

/** The two phone sizes issue 13 asks every screen to be comfortable at (a small Android, an iPhone). */
export const PHONES = [
  { name: '360', viewport: { width: 360, height: 740 } },
  { name: '390', viewport: { width: 390, height: 844 } },
] as const;

/** Context options for a phone: its viewport, touch and the mobile meta-viewport behaviour. */
export function phoneContext(viewport: { width: number; height: number }) {
  return { viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
}

// WCAG 2.0/2.1/2.2 A and AA; `target-size` (WCAG 2.2, 2.5.8) is switched on explicitly below.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Asserts a screen is ready for a phone as it is now: nothing wider than the viewport (no sideways
 * scrolling; `scrollWidth` ≤ the viewport's width), no axe violations (WCAG A/AA and touch target size), and a full-page screenshot in
 * `test-results/phone/<name>.png` for a reviewer to look at.
 */
export async function expectPhoneReady(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Fonts and late layout settle first, so the width and the screenshot are of the finished screen.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // The configured width, not window.innerWidth: a mobile browser widens its layout viewport (and zooms
  // out) to fit content that overflows, so innerWidth would grow with the very overflow being tested.
  const width = page.viewportSize()?.width ?? 0;
  const { scrollWidth, innerWidth, widest } = await page.evaluate((viewport) => {
    // The widest element, to make a failure say what overflows rather than only that something does.
    let widest = '';
    let right = viewport;
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > right + 0.5) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}.${[
          ...element.classList,
        ].join('.')} (${Math.round(box.right)} px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: viewport, widest };
  }, width);
  expect(
    scrollWidth,
    `${name}: the page is ${scrollWidth} px wide at ${innerWidth} px; widest: ${widest}`,
  ).toBeLessThanOrEqual(innerWidth);

  const found = (
    await new AxeBuilder({ page })
      .withTags(WCAG_TAGS)
      .options({ rules: { 'target-size': { enabled: true } } })
      .analyze()
  ).violations;
  // axe measures a target where the viewport happens to leave it: one that the fixed app bar or tab bar
  // covers only because of the scroll position (the page scrolls it free) is not too small. Such targets
  // are left out; a target too small on its own, or a bar's own, still fails.
  const underBars = await page.evaluate(
    (selectors) => {
      // Bars: fixed or sticky, and less than a third of the screen tall (not a sheet or its backdrop).
      const bars = [...document.querySelectorAll<HTMLElement>('body *')].filter(
        (el) =>
          ['fixed', 'sticky'].includes(getComputedStyle(el).position) &&
          el.getBoundingClientRect().height < window.innerHeight / 3,
      );
      return selectors.map((selector) => {
        const target = document.querySelector(selector);
        if (!target) return false;
        const box = target.getBoundingClientRect();
        return bars.some((bar) => {
          if (bar.contains(target)) return false;
          const b = bar.getBoundingClientRect();
          return box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom;
        });
      });
    },
    found.flatMap((v) => (v.id === 'target-size' ? v.nodes.map((n) => String(n.target[0])) : [])),
  );
  let next = 0;
  const violations = found
    .map((v) => (v.id === 'target-size' ? { ...v, nodes: v.nodes.filter(() => !underBars[next++]) } : v))
    .filter((v) => v.nodes.length > 0);
  const summary = violations.map(
    (v) =>
      `${v.id} [${v.impact ?? '?'}]: ${v.help}\n` +
      v.nodes.map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
  );
  if (violations.length > 0)
    await testInfo.attach(`axe-${name}.json`, {
      body: JSON.stringify(violations, null, 2),
      contentType: 'application/json',
    });

  await mkdir('test-results/phone', { recursive: true });
  await page.screenshot({ path: `test-results/phone/${name}.png`, fullPage: true });
  await testInfo.attach(`${name}.png`, { path: `test-results/phone/${name}.png`, contentType: 'image/png' });

  expect(
    violations.map((v) => v.id),
    `${name}: axe found ${violations.length} violation(s):\n\n${summary.join('\n\n')}\n`,
  ).toEqual([]);
}
