// `npm run bench` part: live-preview latency in Debian's Chromium against the built app.
// preview_update_ms: keystroke in the editor → the new PDF shown in the preview (median of 7).
// preview_long_tasks: main-thread tasks over 50 ms while those updates happen.
import { launchChromium, serve } from './browser.mjs';

const log = (m) => process.stderr.write(`[bench:preview] ${m}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measurePreview(outDir) {
  const port = 4179;
  const stop = await serve(outDir, port);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/#/charters`);
    await page.getByRole('button', { name: '새 헌장' }).click();
    await page.getByRole('group', { name: '자동차 영업' }).getByRole('button', { name: '한국어로' }).click();
    await page.getByLabel('이름', { exact: true }).fill('김민준');
    await page.getByRole('button', { name: '양식 옆에 실시간 PDF' }).click();
    await page.locator('iframe[data-state="shown"]').waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const w = window;
      w.__longTasks = 0;
      new PerformanceObserver((list) => (w.__longTasks += list.getEntries().length)).observe({
        type: 'longtask',
      });
      document.addEventListener('keydown', () => (w.__keyAt = performance.now()), true);
      w.__shownAt = 0;
      let last = document.querySelector('iframe[data-state="shown"]')?.getAttribute('src');
      new MutationObserver(() => {
        const src = document.querySelector('iframe[data-state="shown"]')?.getAttribute('src');
        if (src && src !== last) {
          last = src;
          w.__shownAt = performance.now();
        }
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    const title = page.getByLabel('헌장 제목');
    await title.focus();
    await page.keyboard.press('End');
    const samples = [];
    const rounds = 9; // the first two warm the worker and the viewer
    for (let i = 0; i < rounds; i++) {
      if (i === 2) await page.evaluate(() => (window.__longTasks = 0));
      await page.evaluate(() => (window.__shownAt = 0));
      await page.keyboard.type(String(i % 10));
      await page.waitForFunction(() => window.__shownAt > window.__keyAt, null, { timeout: 30_000 });
      const ms = await page.evaluate(() => window.__shownAt - window.__keyAt);
      if (i >= 2) samples.push(ms);
      await page.waitForTimeout(300);
    }
    const longTasks = await page.evaluate(() => window.__longTasks);
    log(`samples ${samples.map((s) => Math.round(s)).join(', ')} ms; long tasks ${longTasks}`);
    return { preview_update_ms: Math.round(median(samples)), preview_long_tasks: longTasks };
  } finally {
    await browser.close();
    stop();
  }
}
