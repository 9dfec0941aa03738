// Regenerates public/screenshot.png (README and web-app manifest) from the production build:
//   npm run build && (npx vite preview --port 4173 &) && node tests/e2e/make-screenshot.mjs
import { chromium } from '@playwright/test';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto('http://localhost:4173/');
for (const [title, name, company] of [
  ['고객님께 드리는 나의 서비스 약속', '김민준', '한빛자동차 강남지점'],
  ['My service promise to you', 'Sarah Lee', 'Northwind Equipment'],
]) {
  await page.getByRole('button', { name: '새 헌장' }).click();
  await page.getByRole('button', { name: '빈 헌장' }).click();
  await page.getByLabel('헌장 제목').fill(title);
  await page.getByLabel('이름', { exact: true }).fill(name);
  await page.getByLabel('회사').fill(company);
  await page.getByRole('link', { name: '모든 헌장' }).first().click();
}
await page.waitForTimeout(500);
await page.screenshot({ path: 'public/screenshot.png' });
await browser.close();
