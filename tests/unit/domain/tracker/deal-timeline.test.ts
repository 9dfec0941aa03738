import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../../src/domain/charter/charter';
import {
  addDays,
  dealTimeline,
  dueTimelineSteps,
  durationInDays,
  mailtoHref,
  markTimelineStep,
  smsHref,
  timelineState,
} from '../../../../src/domain/tracker/deal-timeline';
import { stepMessage } from '../../../../src/domain/tracker/step-message';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { createCharter, createCustomer, createDeal } from '../../factories';
import { fillWords } from '../../../../src/i18n/charter-message';

/** A charter with three moments: order received (won + 0), first use (delivery + 3), anniversary (delivery + 365). */
function charterWithMoments(): Charter {
  const charter = createCharter({ id: 'ch' });
  return {
    ...charter,
    moments: [
      { ...charter.moments[0]!, id: 'm-order' },
      { ...charter.moments[1]!, id: 'm-use' },
      {
        id: 'm-year',
        kind: 'anniversary',
        label: '1주년',
        anchor: 'delivery',
        offsetDays: 365,
        channel: 'letter',
        message: '{customer}님, {product}와 함께한 1년 감사합니다.',
      },
      {
        id: 'm-before',
        kind: 'progress-update',
        label: '출고 전 안내',
        anchor: 'delivery',
        offsetDays: -2,
        channel: 'sms',
        message: '',
      },
    ],
    afterSales: {
      ...charter.afterSales,
      firstUse: { after: { value: 36, unit: 'hours' }, channel: 'visit' },
    },
    lostSale: { ...charter.lostSale, within: { value: 1, unit: 'weeks' } },
  };
}

describe('dealTimeline', () => {
  it('dates a won deal’s moments from the closing and delivery dates, sorted by date', () => {
    // Won 2026-03-10, delivered 2026-03-24 (createDeal's dates).
    const deal = createDeal({ charterId: 'ch', closedOn: '2026-03-10', deliveryOn: '2026-03-24' });
    const steps = dealTimeline(deal, charterWithMoments());

    expect(steps.map((s) => [s.id, s.date])).toEqual([
      ['moment:m-order', '2026-03-10'], // won + 0
      ['moment:m-before', '2026-03-22'], // delivery − 2
      ['first-use', '2026-03-26'], // delivery + 36 h → 2 days
      ['moment:m-use', '2026-03-27'], // delivery + 3
      ['moment:m-year', '2027-03-24'], // delivery + 365 (2027 is not a leap year)
    ]);
    expect(steps.every((s) => s.doneAt === null)).toBe(true);
  });

  it('leaves steps undated (last, in charter order) while the delivery date is not set', () => {
    const deal = createDeal({ closedOn: '2026-02-27', deliveryOn: null });

    expect(dealTimeline(deal, charterWithMoments()).map((s) => [s.id, s.date])).toEqual([
      ['moment:m-order', '2026-02-27'],
      ['moment:m-use', null],
      ['moment:m-year', null],
      ['moment:m-before', null],
      ['first-use', null],
    ]);
  });

  it('gives a lost deal only the lost-sale follow-up, a week after it closed', () => {
    const deal = createDeal({ status: 'lost', closedOn: '2026-12-28', deliveryOn: null });
    const steps = dealTimeline(deal, charterWithMoments());

    expect(steps).toEqual([
      {
        id: 'lost-sale',
        kind: 'lost-sale',
        momentKind: null,
        label: '',
        date: '2027-01-04',
        channel: 'call',
        message: '이번에는 함께하지 못했지만, 의견을 들려주시면 큰 도움이 됩니다.',
        doneAt: null,
        skippedAt: null,
      },
    ]);
  });

  it('gives an open deal no steps', () => {
    expect(dealTimeline(createDeal({ status: 'open', closedOn: null }), charterWithMoments())).toEqual([]);
  });

  it('marks the steps recorded as done, and unmarks them', () => {
    const deal = createDeal();
    const marked = markTimelineStep(
      deal,
      'moment:m-use',
      '2026-03-27T01:00:00.000Z',
      '2026-03-27T01:00:01.000Z',
    );
    const steps = dealTimeline(marked, charterWithMoments());

    expect(steps.find((s) => s.id === 'moment:m-use')?.doneAt).toBe('2026-03-27T01:00:00.000Z');
    expect(steps.filter((s) => s.doneAt !== null)).toHaveLength(1);
    expect(marked.updatedAt).toBe('2026-03-27T01:00:01.000Z');
    expect(markTimelineStep(marked, 'moment:m-use', null, '2026-03-28T00:00:00.000Z').timelineDone).toEqual(
      [],
    );
  });

  it('shows a skipped step as skipped, not done; marking it done replaces the skip; unmarking undoes it', () => {
    const skipped = markTimelineStep(
      createDeal(),
      'moment:m-use',
      '2026-03-30T01:00:00.000Z',
      '2026-03-30T01:00:01.000Z',
      'skipped',
    );
    const step = () => dealTimeline(skipped, charterWithMoments()).find((s) => s.id === 'moment:m-use')!;

    expect(skipped.timelineDone).toEqual([
      { stepId: 'moment:m-use', doneAt: '2026-03-30T01:00:00.000Z', outcome: 'skipped' },
    ]);
    expect([step().doneAt, step().skippedAt]).toEqual([null, '2026-03-30T01:00:00.000Z']);
    expect(timelineState(step(), '2026-04-01')).toBe('skipped');

    const done = markTimelineStep(
      skipped,
      'moment:m-use',
      '2026-03-31T00:00:00.000Z',
      '2026-03-31T00:00:00.000Z',
    );
    expect(done.timelineDone).toEqual([
      { stepId: 'moment:m-use', doneAt: '2026-03-31T00:00:00.000Z', outcome: 'done' },
    ]);
    expect(markTimelineStep(skipped, 'moment:m-use', null, '2026-03-31T00:00:00.000Z').timelineDone).toEqual(
      [],
    );
  });
});

describe('timelineState', () => {
  const step = (date: string | null, doneAt: string | null = null, skippedAt: string | null = null) => ({
    id: 'x',
    kind: 'moment' as const,
    momentKind: null,
    label: '',
    date,
    channel: 'call' as const,
    message: '',
    doneAt,
    skippedAt,
  });

  it.each([
    [step('2026-03-09'), 'overdue'],
    [step('2026-03-10'), 'today'],
    [step('2026-03-11'), 'upcoming'],
    [step(null), 'unscheduled'],
    [step('2026-03-01', '2026-03-01T00:00:00.000Z'), 'done'],
    // Skipped when overdue: settled, no longer overdue.
    [step('2026-03-01', null, '2026-03-09T00:00:00.000Z'), 'skipped'],
    [step(null, null, '2026-03-09T00:00:00.000Z'), 'skipped'],
  ] as const)('%o on 2026-03-10 is %s', (s, state) => {
    expect(timelineState(s, '2026-03-10')).toBe(state);
  });
});

describe('dueTimelineSteps', () => {
  it('lists the undone steps due by a date across deals, oldest first, skipping deals without a charter', () => {
    const charters = new Map([['ch', charterWithMoments()]]);
    const won = createDeal({ id: 'won', charterId: 'ch', closedOn: '2026-03-10', deliveryOn: '2026-03-24' });
    const lost = createDeal({ id: 'lost', charterId: 'ch', status: 'lost', closedOn: '2026-03-15' });
    const orphan = createDeal({ id: 'orphan', charterId: null });
    const doneOrder = markTimelineStep(
      won,
      'moment:m-order',
      '2026-03-10T02:00:00.000Z',
      '2026-03-10T02:00:00.000Z',
    );

    const due = dueTimelineSteps([doneOrder, lost, orphan], charters, '2026-03-26', defaultBusinessCalendar);

    expect(due.map((d) => [d.deal.id, d.step.id, d.step.date])).toEqual([
      // Same date: deals in the order given.
      ['won', 'moment:m-before', '2026-03-22'],
      ['lost', 'lost-sale', '2026-03-22'],
      ['won', 'first-use', '2026-03-26'],
    ]);
  });

  it('leaves out a skipped step: it is settled, not due', () => {
    const charters = new Map([['ch', charterWithMoments()]]);
    const won = createDeal({ id: 'won', charterId: 'ch', closedOn: '2026-03-10', deliveryOn: '2026-03-24' });
    // By 03-26: order received 03-10, m-before 03-22, first-use 03-26; the order step is skipped.
    const skipped = markTimelineStep(
      won,
      'moment:m-order',
      '2026-03-20T02:00:00.000Z',
      '2026-03-20T02:00:00.000Z',
      'skipped',
    );

    expect(
      dueTimelineSteps([skipped], charters, '2026-03-26', defaultBusinessCalendar).map((d) => d.step.id),
    ).toEqual(['moment:m-before', 'first-use']);
    // Undoing the skip brings it back.
    const undone = markTimelineStep(skipped, 'moment:m-order', null, '2026-03-21T00:00:00.000Z');
    expect(
      dueTimelineSteps([undone], charters, '2026-03-26', defaultBusinessCalendar).map((d) => d.step.id),
    ).toEqual(['moment:m-order', 'moment:m-before', 'first-use']);
  });

  it('leaves out the steps already past when the deal was entered (a deal logged after the fact)', () => {
    const charters = new Map([['ch', charterWithMoments()]]);
    // Entered Sunday 6 Dec 2026 at 16:00 in Seoul (07:00 UTC): won and delivered on Thursday 12-03.
    const late = createDeal({
      id: 'late',
      charterId: 'ch',
      closedOn: '2026-12-03',
      deliveryOn: '2026-12-03',
      createdAt: '2026-12-06T07:00:00.000Z',
    });
    // Steps by 12-06: m-before (delivery - 2) 12-01, order received (won + 0) 12-03, the first-use visit
    // (delivery + 36 h → 2 days) 12-05, first use (delivery + 3) 12-06: only the last is due.
    const due = dueTimelineSteps([late], charters, '2026-12-06', defaultBusinessCalendar);
    expect(due.map((d) => [d.step.id, d.step.date])).toEqual([['moment:m-use', '2026-12-06']]);
    // Entered at 08:30 in Seoul on 12-01 (23:30 UTC the day before): its local date 12-01 counts.
    const early = { ...late, createdAt: '2026-11-30T23:30:00.000Z' };
    expect(
      dueTimelineSteps([early], charters, '2026-12-06', defaultBusinessCalendar).map((d) => d.step.date),
    ).toEqual(['2026-12-01', '2026-12-03', '2026-12-05', '2026-12-06']);
  });
});

describe('durations and dates', () => {
  it.each([
    [{ value: 0, unit: 'minutes' }, 0],
    [{ value: 1, unit: 'minutes' }, 1],
    [{ value: 24, unit: 'hours' }, 1],
    [{ value: 25, unit: 'hours' }, 2],
    [{ value: 3, unit: 'days' }, 3],
    [{ value: 2, unit: 'weeks' }, 14],
  ] as const)('%o spans %i day(s)', (duration, days) => {
    expect(durationInDays(duration)).toBe(days);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adding then subtracting the same number of days gives the date back', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -4_000, max: 4_000 }),
        (d, n) => {
          const date = d.toISOString().slice(0, 10);
          expect(addDays(addDays(date, n), -n)).toBe(date);
        },
      ),
    );
  });
});

describe('messages', () => {
  it('fills the moment’s message for this customer and deal', () => {
    const charter = charterWithMoments();
    const deal = createDeal({ product: '아이오닉 6' });
    const step = dealTimeline(deal, charter).find((s) => s.id === 'moment:m-order')!;

    expect(
      stepMessage(step, {
        customer: createCustomer({ name: '이서연' }),
        deal,
        charter,
        formattedDate: '2026년 3월 10일',
        words: fillWords,
      }),
    ).toBe('이서연님, 아이오닉 6 주문이 접수되었습니다. 출고 예정일은 2026년 3월 10일입니다. - 김민준');
  });

  it('builds mailto: and sms: links with every part encoded', () => {
    expect(mailtoHref(' kim@example.com ', '주문 접수', 'A&B=C\n다음 줄')).toBe(
      'mailto:kim@example.com?subject=%EC%A3%BC%EB%AC%B8%20%EC%A0%91%EC%88%98&body=A%26B%3DC%0A%EB%8B%A4%EC%9D%8C%20%EC%A4%84',
    );
    expect(smsHref('010-1234-5678', '안녕하세요?')).toBe(
      'sms:01012345678?body=%EC%95%88%EB%85%95%ED%95%98%EC%84%B8%EC%9A%94%3F',
    );
    expect(smsHref('+82 10 1234 5678', 'x')).toBe('sms:+821012345678?body=x');
  });
});
