// `npm run bench` part: live-preview latency in Debian's Chromium against the built app.
// preview_update_ms: keystroke in the editor → the new PDF shown in the preview (median of 7).
// preview_long_tasks: main-thread tasks over 50 ms while those updates happen.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from '@playwright/test';

const require = createRequire(import.meta.url);
const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');

const log = (m) => process.stderr.write(`[bench:preview] ${m}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Serves `outDir` with `vite preview` on `port`; returns a function that stops it. */
async function serve(outDir, port) {
  // Vite's own script, not `npx`: killing npx left the server running and the port taken.
  const server = spawn(
    process.execPath,
    [vite, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start')), 30_000);
    server.stdout.on('data', (chunk) => {
      if (String(chunk).includes(`${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
  return () => server.kill();
}

export async function measurePreview(outDir) {
  const port = 4179;
  const stop = await serve(outDir, port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
