import type { Browser, Page } from '@playwright/test';
import { expect, test } from './helpers';
import { PHONES, expectPhoneReady, phoneContext } from './phone';

const STEP_IDS = [
  'service-level',
  'commitments',
  'readiness',
  'phases',
  'buffer',
  'moments',
  'recovery',
  'alternatives',
  'after-sales',
  'review',
] as const;

const words = {
  ko: {
    locale: 'ko-KR',
    newCharter: '새 헌장',
    trade: '자동차 영업',
    inLanguage: '한국어로',
    title: '헌장 제목',
    name: '이름',
    promised: '고객에게 한 약속',
    notSaved: '저장 안 됨 — 고칠 곳 1개',
    notSavedBefore: '지난번에 고친 1곳은 올바른 값이 아니어서 저장되지 않았습니다',
    goToField: '고칠 곳으로 이동',
    commitmentsTodo: /^약속\s*\(할 일\)$/,
    commitmentsDone: /^약속\s*\(완료\)$/,
    confirmAll: '모두 확인',
    publish: '버전 1 게시',
    next: ['PDF 보기', '공유 링크 만들기', '약속 기록 시작'],
    scoresHeadline: /이번 달 약속 이행/,
    otherTitle: '두 번째 헌장',
    logTitle: '약속 기록',
    logCommitment: '어떤 약속',
  },
  en: {
    locale: 'en-US',
    newCharter: 'New charter',
    trade: 'Car sales',
    inLanguage: 'In English',
    title: 'Charter title',
    name: 'Your name',
    promised: 'Promised to the customer',
    notSaved: 'Not saved — 1 field to fix',
    notSavedBefore: 'Your last change to 1 field was not saved',
    goToField: 'Go to it',
    commitmentsTodo: /^Commitments\s*\(to do\)$/,
    commitmentsDone: /^Commitments\s*\(complete\)$/,
    confirmAll: 'Confirm all',
    publish: 'Publish version 1',
    next: ['View the PDF', 'Create a share link', 'Start logging promises'],
    scoresHeadline: /This month/,
    otherTitle: 'Second charter',
    logTitle: 'Log a promise',
    logCommitment: 'Which promise',
  },
} as const;

/** A car-sales charter in `language`, made the way a user does; returns its id. */
async function newCharter(page: Page, language: 'ko' | 'en'): Promise<string> {
  const W = words[language];
  await page.goto('/#/charters');
  await page.getByRole('button', { name: W.newCharter }).click();
  await page.getByRole('group', { name: W.trade }).getByRole('button', { name: W.inLanguage }).click();
  await expect(page.getByLabel(W.title)).toBeVisible();
  return /#\/charters\/([^/]+)/.exec(page.url())![1]!;
}

async function phonePage(browser: Browser, viewport: { width: number; height: number }, locale: string) {
  const context = await browser.newContext({ ...phoneContext(viewport), locale });
  return { context, page: await context.newPage() };
}

for (const language of ['ko', 'en'] as const) {
  const W = words[language];
  for (const phone of PHONES) {
    test(`every editor step, the preview and Scores are phone-ready at ${phone.name} px (${language})`, async ({
      browser,
    }, testInfo) => {
      test.setTimeout(300_000); // axe and a full-page screenshot on twelve screens, on a busy machine
      const { context, page } = await phonePage(browser, phone.viewport, W.locale);
      const id = await newCharter(page, language);
      for (const [i, step] of STEP_IDS.entries()) {
        await page.goto(`/#/charters/${id}/edit/${step}`);
        await expect(page.locator('.stepper__position')).toHaveText(new RegExp(`^${i + 1}/10 · `));
        await expectPhoneReady(page, testInfo, `editor-${i + 1}-${step}-${phone.name}-${language}`);
      }
      await page.goto(`/#/charters/${id}/preview`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectPhoneReady(page, testInfo, `preview-${phone.name}-${language}`);
      await page.goto('/#/scores');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectPhoneReady(page, testInfo, `scores-${phone.name}-${language}`);
      await context.close();
    });
  }

  test(`an invalid number is never shown as saved, and after a reload the editor says what happened (${language})`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const { context, page } = await phonePage(browser, PHONES[1].viewport, W.locale);
    const id = await newCharter(page, language);
    await page.goto(`/#/charters/${id}/edit/commitments`);
    const field = page.getByLabel(W.promised, { exact: true }).first();
    const before = await field.inputValue();
    const steps = page.getByRole('navigation', { name: language === 'ko' ? '단계' : 'Steps' });
    // The folded step list opens from the progress line.
    await steps.getByRole('button', { name: language === 'ko' ? /모든 단계/ : /All steps/ }).click();
    await expect(steps.getByRole('link', { name: W.commitmentsDone })).toHaveCount(1);

    // A zero window is refused by the schema: the header says so, the step loses its ✓.
    await field.fill('0');
    await field.blur();
    await expect(page.getByRole('status').filter({ hasText: W.notSaved })).toBeVisible();
    await expect(steps.getByRole('link', { name: W.commitmentsTodo })).toHaveCount(1);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expectPhoneReady(page, testInfo, `editor-not-saved-${language}`);

    // The link takes the user to the field.
    await page.getByRole('button', { name: W.goToField }).click();
    await expect(field).toBeFocused();

    // After a reload the stored (old) value is back, and the editor explains why.
    await page.waitForTimeout(800);
    await page.reload();
    await expect(page.getByLabel(W.promised, { exact: true }).first()).toHaveValue(before);
    await expect(page.getByRole('status').filter({ hasText: W.notSavedBefore })).toBeVisible();
    await context.close();
  });

  test(`publishing offers the next steps (${language})`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const { context, page } = await phonePage(browser, PHONES[1].viewport, W.locale);
    // Another charter written first: the log sheet would otherwise offer its commitments first.
    await newCharter(page, language);
    const id = await newCharter(page, language);
    await page.getByLabel(W.title, { exact: true }).fill(W.otherTitle);
    await page.getByLabel(W.name, { exact: true }).fill(language === 'ko' ? '김민준' : 'Sarah Lee');
    await page.goto(`/#/charters/${id}/edit/readiness`);
    await page.getByRole('button', { name: W.confirmAll }).click();
    await page.goto(`/#/charters/${id}/edit/review`);
    await page.getByRole('button', { name: W.publish }).click();
    for (const name of W.next) await expect(page.getByRole('link', { name })).toBeVisible();
    await expectPhoneReady(page, testInfo, `editor-published-${language}`);

    // "Start logging promises" opens the log sheet with this charter's commitment chosen.
    await page.getByRole('link', { name: W.next[2] }).click();
    const sheet = page.getByRole('dialog', { name: W.logTitle });
    await expect(sheet).toBeVisible();
    await expect(page.locator('.sheet-modal[data-entering]')).toHaveCount(0); // slid in
    await expect(
      sheet.getByRole('group', { name: W.logCommitment }).getByRole('radio', { checked: true }),
    ).toHaveAccessibleName(new RegExp(`· ${W.otherTitle}$`));
    await expectPhoneReady(page, testInfo, `log-sheet-390-${language}`);
    // Escape closes it, back to Today.
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(page).toHaveURL(/#\/$/);
    await context.close();
  });

  test(`wide screens: the step list beside the form, the PDF beside it on demand (${language})`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: W.locale });
    const page = await context.newPage();
    const id = await newCharter(page, language);
    for (const step of [
      'service-level',
      'commitments',
      'readiness',
      'phases',
      'buffer',
      'recovery',
      'alternatives',
      'review',
    ] as const) {
      await page.goto(`/#/charters/${id}/edit/${step}`);
      await expect(page.locator('.stepper__list')).toBeVisible();
      await page.screenshot({ path: `test-results/wide/editor-${step}-${language}.png`, fullPage: true });
    }
    await page.goto('/#/scores');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.screenshot({ path: `test-results/wide/scores-${language}.png`, fullPage: true });
    // The log sheet is a centred dialog on a wide screen.
    await page.goto(`/#/today/log/${id}`);
    await expect(page.getByRole('dialog', { name: W.logTitle })).toBeVisible();
    await expect(page.locator('.sheet-modal[data-entering]')).toHaveCount(0);
    await page.screenshot({ path: `test-results/wide/log-sheet-${language}.png` });
    await context.close();
  });
}
