import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, freshContext, test } from './helpers';

const labels = {
  ko: {
    locale: 'ko-KR',
    newCharter: '새 헌장',
    trade: '자동차 영업',
    inLanguage: '한국어로',
    steps: [
      '서비스 수준과 비전',
      '약속',
      '준비 점검',
      '거래 전·중·후',
      '적게 약속하고 많이 제공하기',
      '중요한 순간',
      '관계 회복 계획',
      '“할 수 없다” 대신',
      '사후관리 계획',
      '검토와 게시',
    ],
    name: '이름',
    title: '헌장 제목',
    commitment1: '약속 1',
    promised: '고객에게 한 약속',
    sentence: '영업시간 기준 3시간 이내에',
    confirm: '네, 매번 지킵니다 — 확인',
    confirmAll: '모두 확인',
    addBefore: '연락 계획 추가(거래 전)',
    action: '할 일',
    internal: '나의 내부 목표',
    moment1: '순간 1',
    message: '메시지',
    exampleCustomer: '김지현 고객님',
    recovery1: '단계 1',
    request1: '요청 1',
    request: '들어드릴 수 없는 고객의 요청',
    lostMessage: '드릴 말씀',
    publish: (v: number) => `버전 ${v} 게시`,
    publishedNow: (v: number) => `버전 ${v}${[1, 3, 6, 7, 8].includes(v) ? '을' : '를'} 게시했습니다.`, // 일·삼·육·칠·팔 end in a consonant
    published: (v: number) => `게시됨 v${v}`,
    draft: (v: number) => `초안 v${v}`,
    versionLine: '버전 1 —',
    mustFix: '꼭 고치세요:',
    changes: 'v1에서 v2로 바뀐 점',
  },
  en: {
    locale: 'en-US',
    newCharter: 'New charter',
    trade: 'Car sales',
    inLanguage: 'In English',
    steps: [
      'Service level & vision',
      'Commitments',
      'Readiness',
      'Before, during, after',
      'Under-promise, over-deliver',
      'Moments that matter',
      'Recovery playbook',
      'Instead of “I can’t”',
      'After-sales plan',
      'Review & publish',
    ],
    name: 'Your name',
    title: 'Charter title',
    commitment1: 'Commitment 1',
    promised: 'Promised to the customer',
    sentence: 'within 3 business hours',
    confirm: 'Yes, every time — confirm',
    confirmAll: 'Confirm all',
    addBefore: 'Add a check-in (Before the deal)',
    action: 'What you do',
    internal: 'My internal target',
    moment1: 'Moment 1',
    message: 'Message',
    exampleCustomer: 'Ms. Kim',
    recovery1: 'Step 1',
    request1: 'Request 1',
    request: 'What customers ask for that you cannot grant',
    lostMessage: 'What I say',
    publish: (v: number) => `Publish version ${v}`,
    publishedNow: (v: number) => `Version ${v} is published.`,
    published: (v: number) => `Published v${v}`,
    draft: (v: number) => `Draft v${v}`,
    versionLine: 'Version 1 —',
    mustFix: 'Must fix:',
    changes: 'Changes from v1 to v2',
  },
} as const;

for (const language of ['ko', 'en'] as const) {
  const L = labels[language];

  test(`guided journey from a template (${language}): every step, readiness gate, publish, new draft, reload`, async ({
    browser,
  }) => {
    test.setTimeout(240_000); // eleven axe runs: 1.6 min alone on the shared two-core machine, more beside others
    const context = await freshContext(browser, L.locale);
    const page = await context.newPage();
    const step = async (n: number) => {
      await page
        .getByRole('navigation', { name: language === 'ko' ? '단계' : 'Steps' })
        .getByRole('link', { name: new RegExp(`^${escape(L.steps[n - 1]!)} \\(`) })
        .click();
      await expect(
        page.getByRole('heading', { level: 2, name: new RegExp(escape(L.steps[n - 1]!)) }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
    };

    await page.goto('/#/charters');
    await page.getByRole('button', { name: L.newCharter }).click();
    await page.getByRole('group', { name: L.trade }).getByRole('button', { name: L.inLanguage }).click();

    // 1. Service level and vision
    await expect(page.getByLabel(L.title)).not.toHaveValue('');
    await expectNoAxeViolations(page);
    await page.getByLabel(L.name, { exact: true }).fill(language === 'ko' ? '김민준' : 'Sarah Lee');

    // 2. Commitments: the plain-language sentence follows the fields
    await step(2);
    const first = page.getByRole('group', { name: L.commitment1, exact: true });
    await first.getByLabel(L.promised, { exact: true }).fill('3');
    await first.getByLabel(L.promised, { exact: true }).blur(); // a number is taken when the field is left
    await expect(first.getByText(L.sentence)).toBeVisible();

    // 10. Publishing is blocked while commitments are unconfirmed
    await step(10);
    await expect(page.getByRole('button', { name: L.publish(1) })).toBeDisabled();
    await expect(page.getByText(L.mustFix).first()).toBeVisible();

    // 3. Readiness: the first card's answer, then every commitment at once (one card is open at a time)
    await step(3);
    await page.getByRole('radio', { name: L.confirm }).first().check();
    await page.getByRole('button', { name: L.confirmAll }).click();

    // 4. Before / during / after
    await step(4);
    await page.getByRole('button', { name: L.addBefore }).click();
    await page
      .getByLabel(L.action)
      .filter({ visible: true }) // the new check-in's card opens; closed cards keep their fields hidden
      .last()
      .fill(language === 'ko' ? '첫 상담 후 감사 문자' : 'Thank-you text after the first meeting');

    // 5. Buffer
    await step(5);
    await page
      .getByRole('group', { name: L.commitment1, exact: true })
      .getByLabel(L.internal, { exact: true })
      .fill('2');

    // 6. Moments that matter: the message is shown filled in with an example
    await step(6);
    await page
      .getByRole('group', { name: L.moment1, exact: true })
      .getByLabel(L.message)
      .fill(
        language === 'ko'
          ? '{customer}, {product} 주문을 접수했습니다. {owner} 드림'
          : '{customer}, your order for {product} is in. {owner}',
      );
    await expect(
      page.getByRole('group', { name: L.moment1, exact: true }).getByText(L.exampleCustomer),
    ).toBeVisible();

    // 7. Recovery playbook
    await step(7);
    await page
      .getByRole('group', { name: L.recovery1, exact: true })
      .getByLabel(L.action)
      .fill(language === 'ko' ? '2시간 이내에 전화로 사과드립니다' : 'Call and apologise');

    // 8. Instead of "I can't"
    await step(8);
    await page
      .getByRole('group', { name: L.request1, exact: true })
      .getByLabel(L.request)
      .fill(language === 'ko' ? '추가 할인' : 'A bigger discount');

    // 9. After-sales plan
    await step(9);
    await page
      .getByLabel(L.lostMessage)
      .fill(language === 'ko' ? '검토해 주셔서 감사합니다.' : 'Thank you for considering us.');

    // 10. Publish version 1
    await step(10);
    await page.getByRole('button', { name: L.publish(1) }).click();
    await expect(page.getByText(L.publishedNow(1))).toBeVisible();
    await expect(page.getByText(L.published(1))).toBeVisible();
    await expect(page.getByText(L.versionLine)).toBeVisible();

    // Editing a published charter starts the draft of version 2
    await step(1);
    await page.getByLabel(L.title).fill(language === 'ko' ? '나의 약속 2판' : 'My promise, second edition');
    await expect(page.getByText(L.draft(2))).toBeVisible();

    // Reload: everything is still there
    await page.waitForTimeout(500);
    await page.reload();
    await expect(page.getByLabel(L.title)).toHaveValue(
      language === 'ko' ? '나의 약속 2판' : 'My promise, second edition',
    );
    await expect(page.getByText(L.draft(2))).toBeVisible();
    await step(2);
    await expect(
      page.getByRole('group', { name: L.commitment1, exact: true }).getByLabel(L.promised, { exact: true }),
    ).toHaveValue('3');
    await step(10);
    await expect(page.getByText(L.versionLine)).toBeVisible();
    await page.getByRole('button', { name: L.publish(2) }).click();
    await expect(page.getByRole('table', { name: new RegExp(escape(L.changes)) })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'title' })).toBeVisible();
    await context.close();
  });
}

test('the steps can be walked with the keyboard alone', async ({ browser }) => {
  const context = await freshContext(browser, 'en-US');
  const page = await context.newPage();
  await page.goto('/#/charters');
  await page.getByRole('button', { name: 'New charter' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Blank charter' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Charter title')).toBeVisible();
  await page.getByLabel('Charter title').focus();
  await page.keyboard.type('Typed by keyboard');
  // Tab until the "next step" link and follow it.
  const next = page.getByRole('link', { name: 'Next: Commitments' });
  for (let i = 0; i < 60 && !(await next.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /Commitments/ })).toBeVisible();
  await page.getByRole('button', { name: '+ Time window' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Commitment 1', exact: true })).toBeVisible();
  await context.close();
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type { Page };
