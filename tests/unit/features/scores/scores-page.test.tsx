// The scores dashboard over a real workspace: filters change every number to the hand-computed ones,
// the lazily loaded charts state their counts to screen readers, and an empty result says "no data".
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeCommitment as commitmentMessage } from '../../../../src/domain/charter/commitment-text';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { charterMessage } from '../../../../src/i18n/charter-message';
import { commitmentLabel } from '../../../../src/domain/charter/short-name';
import type { Locale } from '../../../../src/domain/common';
import { ScoresPage } from '../../../../src/features/scores/scores-page';
import { createCustomer, createRecord } from '../../factories';
import { blankCharter, newCommitment, openWorkspace, renderWithWorkspace } from '../render-editor';

const HOUR = 3_600_000;
// The commitment's sentence in the charter's language, as the page shows it.
const describeCommitment = (c: Commitment, locale: Locale) =>
  charterMessage(locale, commitmentMessage(c, locale));
const iso = (ms: number) => new Date(ms).toISOString();

// A: "within 4 hours" (plain time, internal 1 hour). B: "within 1 day" (plain time, internal 1 hour).
const A = newCommitment('within', 'call-back', {
  shortName: 'Call back',
  promised: { value: 4, unit: 'hours' },
  internal: { value: 1, unit: 'hours' },
  businessTime: false,
});
const B = newCommitment('within', 'email', {
  shortName: 'Email reply',
  promised: { value: 1, unit: 'days' },
  internal: { value: 1, unit: 'hours' },
  businessTime: false,
});

/** A done record of `commitment` triggered at `trigger`, due after `windowH` hours, done after `doneH` hours. */
function done(
  id: string,
  commitmentId: string,
  customerId: string,
  trigger: string,
  windowH: number,
  doneH: number,
) {
  const t = Date.parse(trigger);
  return createRecord({
    id,
    charterId: 'charter-scores',
    commitmentId,
    customerId,
    summary: `record ${id}`,
    triggeredAt: iso(t),
    dueAt: iso(t + windowH * HOUR),
    doneAt: iso(t + doneH * HOUR),
  });
}

// By hand (all done, so "now" does not matter):
//  r1 A kim  done after 2 h of 4  → kept        (March)
//  r2 A kim  done after 5 h of 4  → missed      (March)
//  r3 A lee  done after 0.5 h     → over-delivered, kept (March)
//  r4 B lee  done after 30 h of 24 → missed     (March)
//  r5 B kim  done after 2 h of 24 → kept        (April)
// Overall 3 kept, 2 missed → 60% (n = 5). Kim: r1, r2, r5 → 2 of 3 → 66.7% (n = 3); A for Kim 50% (n = 2).
const records = [
  done('r1', A.id, 'kim', '2026-03-03T01:00:00Z', 4, 2),
  done('r2', A.id, 'kim', '2026-03-04T01:00:00Z', 4, 5),
  done('r3', A.id, 'lee', '2026-03-05T01:00:00Z', 4, 0.5),
  done('r4', B.id, 'lee', '2026-03-06T01:00:00Z', 24, 30),
  done('r5', B.id, 'kim', '2026-04-10T01:00:00Z', 24, 2),
];

async function setup(locale: Locale = 'en') {
  const charter = blankCharter('en', { id: 'charter-scores', title: 'My charter', commitments: [A, B] });
  const ws = await openWorkspace([charter]);
  ws.put('customers', createCustomer({ id: 'kim', name: 'Kim Jiwoo', company: '' }));
  ws.put('customers', createCustomer({ id: 'lee', name: 'Lee Minho', company: '' }));
  for (const r of records) ws.put('deliveries', r);
  const user = userEvent.setup({ delay: null });
  renderWithWorkspace(ws, <ScoresPage />, locale);
  return { user, charter };
}

const overallRow = () => screen.getByRole('row', { name: /All commitments/ });
const commitmentRow = (name: string) => screen.getByRole('row', { name: new RegExp(escape(name)) });
/** The summaries listed under "The records behind this number". */
const recordsBehind = () =>
  within(screen.getByRole('region', { name: 'The records behind this number' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent?.split(' — ')[1]?.trim());
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type User = ReturnType<typeof userEvent.setup>;
/** Opens the filters sheet, changes the filters there, and closes it to read the scores again. */
async function inFilters(
  user: User,
  change: () => Promise<void>,
  words = { open: 'Filters', done: 'Show scores' },
) {
  await user.click(screen.getByRole('button', { name: new RegExp(`^${words.open}`) }));
  await change();
  await user.click(screen.getByRole('button', { name: words.done }));
}
const KO = { open: '필터', done: '점수 보기' };
const KO_PERIODS = '기간 단위';

// Opening and closing the filters sheet (a react-aria modal) takes seconds in jsdom on a busy machine.
describe('scores dashboard', { timeout: 20_000 }, () => {
  afterEach(() => vi.useRealTimers());

  it('opens with one headline: this month’s keeping rate and its counts', async () => {
    // Only the date is faked: the page reads "now" once; everything else keeps real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-20T12:00:00+09:00'));
    await setup();
    // March: r1–r4 closed, 2 kept and 2 missed.
    expect(screen.getByRole('group', { name: 'This month: 50% of promises kept' })).toHaveTextContent(
      'This month: 50% of promises kept2 of 4',
    );
  });

  it('in Korean, the headline reads 이번 달 약속 이행 50% · 4건 중 2건', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-20T12:00:00+09:00'));
    await setup('ko');
    expect(screen.getByRole('group', { name: '이번 달 약속 이행 50%' })).toHaveTextContent(
      '이번 달 약속 이행 50%4건 중 2건',
    );
  });

  it('shows the hand-computed numbers, and the customer filter changes them to that customer’s', async () => {
    const { user, charter } = await setup();
    expect(overallRow().textContent).toContain('60% (n = 5)');
    expect(overallRow().textContent).toContain('3 kept · 2 missed');

    await inFilters(user, () => user.selectOptions(screen.getByLabelText('Customer'), 'Kim Jiwoo'));
    expect(overallRow().textContent).toContain('66.7% (n = 3)');
    // The headline speaks of the chosen records now, not of this month: Kim's 2 kept of 3 closed.
    expect(screen.getByRole('group', { name: 'For these filters: 67% of promises kept' })).toHaveTextContent(
      '2 of 3',
    );
    expect(overallRow().textContent).toContain('2 kept · 1 missed');
    // Recovered: 0 of Kim's 1 missed record.
    expect(overallRow().textContent).toContain('0% (n = 1)');
    expect(commitmentRow(describeCommitment(A, charter.locale)).textContent).toContain('50% (n = 2)');
    expect(commitmentRow(describeCommitment(B, charter.locale)).textContent).toContain('100% (n = 1)');

    // The records behind a number follow the filter too.
    await user.click(screen.getByRole('button', { name: describeCommitment(A, charter.locale) }));
    expect(recordsBehind()).toEqual(['record r1', 'record r2']);

    await inFilters(user, () => user.selectOptions(screen.getByLabelText('Customer'), 'Lee Minho'));
    expect(overallRow().textContent).toContain('50% (n = 2)');
  });

  it('filters by commitment and by dates (the "until" date included)', async () => {
    const { user, charter } = await setup();
    await inFilters(user, () =>
      // The filter names commitments by their short names; the table rows keep the sentence.
      user.selectOptions(screen.getByLabelText('Commitment'), commitmentLabel(B)),
    );
    expect(overallRow().textContent).toContain('50% (n = 2)'); // r4 missed, r5 kept
    expect(
      screen.queryByRole('row', { name: new RegExp(escape(describeCommitment(A, charter.locale))) }),
    ).toBe(null);

    await inFilters(user, async () => {
      await user.selectOptions(screen.getByLabelText('Commitment'), 'Every commitment');
      await user.type(screen.getByLabelText('Triggered from'), '2026-03-04');
      await user.type(screen.getByLabelText('Triggered until (inclusive)'), '2026-03-05');
    });
    // The button says how many filters are on, and one more clears them.
    expect(screen.getByRole('button', { name: /^Filters\s*· 2 on$/ })).toBeTruthy();
    expect(overallRow().textContent).toContain('50% (n = 2)'); // r2 missed, r3 kept
    // The records behind a number keep to the dates too: of A's r1–r3, only r2 and r3.
    await user.click(screen.getByRole('button', { name: describeCommitment(A, charter.locale) }));
    expect(recordsBehind()).toEqual(['record r2', 'record r3']);
  });

  it('charts (loaded lazily) state their counts in the aria-label', async () => {
    const { charter } = await setup();
    const trend = await screen.findByRole('img', { name: /Stacked bars/ });
    expect(trend.getAttribute('aria-label')).toBe(
      'Stacked bars of kept and missed records per period: Mar 2026: 2 kept, 2 missed; Apr 2026: 1 kept, 0 missed.',
    );
    const rates = screen.getByRole('img', { name: /Horizontal bars/ });
    expect(rates.getAttribute('aria-label')).toBe(
      `Horizontal bars of the keeping rate per commitment: ${describeCommitment(A, charter.locale)}: 66.7% (n = 3); ${describeCommitment(B, charter.locale)}: 50% (n = 2).`,
    );
  });

  it('by week, the trend runs over every week from the first to the last record', async () => {
    const { user } = await setup();
    await user.selectOptions(screen.getByLabelText('Periods'), 'Weeks');
    const trend = await screen.findByRole('img', { name: /Stacked bars/ });
    // 2026-03-03 … 03-06 are in ISO week 10; 04-10 in week 15: weeks 10–15, empty ones with 0.
    expect(trend.getAttribute('aria-label')).toBe(
      'Stacked bars of kept and missed records per period: Week 10, 2026: 2 kept, 2 missed; Week 11, 2026: 0 kept, 0 missed; ' +
        'Week 12, 2026: 0 kept, 0 missed; Week 13, 2026: 0 kept, 0 missed; Week 14, 2026: 0 kept, 0 missed; ' +
        'Week 15, 2026: 1 kept, 0 missed.',
    );
    expect(
      within(screen.getByRole('table', { name: 'Kept and missed, week by week' })).getByRole('rowheader', {
        name: 'Week 15, 2026',
      }),
    ).toBeTruthy();
  });

  it('says "no data" when the filters leave no records (never NaN)', async () => {
    const { user } = await setup();
    await inFilters(user, () => user.type(screen.getByLabelText('Triggered from'), '2027-01-01'));
    expect(screen.getByRole('status')).toHaveTextContent(/^No records match these filters\.$/);
    expect(
      screen.getByRole('group', { name: 'No promise matching these filters has closed yet' }),
    ).toBeTruthy();
    expect(overallRow().textContent).toContain('no data (n = 0)');
    expect(document.body.textContent).not.toContain('NaN');
    expect(await screen.findAllByText('Chart: no data.')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(overallRow().textContent).toContain('60% (n = 5)');
  });

  it('in Korean, periods read as words: 2026년 3월, 2026년 10주차', async () => {
    const { user } = await setup('ko');
    const table = () => screen.getAllByRole('table').at(-1)!;
    expect(within(table()).getByRole('rowheader', { name: '2026년 3월' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(KO_PERIODS), '주');
    expect(within(table()).getByRole('rowheader', { name: '2026년 10주차' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(KO_PERIODS), '분기');
    expect(within(table()).getByRole('rowheader', { name: '2026년 1분기' })).toBeTruthy();
  });

  it('in Korean, an empty result says 자료 없음', async () => {
    const { user } = await setup('ko');
    await inFilters(user, () => user.type(screen.getByLabelText('시작일(발생 기준)'), '2027-01-01'), KO);
    expect(screen.getByText(/이 조건에 맞는 기록이 없습니다\./)).toBeTruthy();
    expect(screen.getByRole('group', { name: '조건에 맞는 약속 중 마감된 것이 아직 없습니다' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^필터\s*· 1개 적용 중$/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /전체/ }).textContent).toContain('자료 없음 (n = 0)');
  });
});
