// Today over a real workspace on Sunday 6 Dec 2026 at 17:25 in Seoul: durations in words, item names in
// the buttons' accessible names, a skip for an overdue moment, and a confirmation that goes after a while.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dealTimeline } from '../../../../src/domain/tracker/deal-timeline';
import type { TodayItem } from '../../../../src/domain/tracker/today';
import { NOTICE_MS, TodayPage } from '../../../../src/features/today/today-page';
import { createCustomer, createDeal, createRecord } from '../../factories';
import { blankCharter, newCommitment, openWorkspace, renderWithWorkspace } from '../render-editor';

const kst = (local: string) => Date.parse(`${local}+09:00`);
const NOW = kst('2026-12-06T17:25:00');
const A = newCommitment('within', 'call-back', {
  promised: { value: 4, unit: 'hours' },
  internal: { value: 1, unit: 'hours' },
  businessTime: false,
});

afterEach(() => vi.useRealTimers());

/** `clock`: fake the timeouts too (only once nothing is awaited: findBy polls with them). */
async function setup(clock = false) {
  const moment = {
    id: 'm-order',
    kind: 'order-received' as const,
    label: 'Order received',
    anchor: 'deal-won' as const,
    offsetDays: 0,
    channel: 'sms' as const,
    message: 'Thank you, {customer}.',
  };
  const charter = blankCharter('en', { id: 'ch', title: 'Mine', commitments: [A], moments: [moment] });
  const kim = createCustomer({ id: 'kim', name: 'Kim' });
  // A 20-minute timer from 16:00: due 16:20, 1 h 5 min late at 17:25.
  const timer = createRecord({
    id: 'timer',
    charterId: 'ch',
    commitmentId: A.id,
    customerId: 'kim',
    summary: 'call back',
    triggeredAt: new Date(kst('2026-12-06T16:00:00')).toISOString(),
    dueAt: new Date(kst('2026-12-06T16:20:00')).toISOString(),
    doneAt: null,
  });
  const deal = createDeal({
    id: 'deal',
    customerId: 'kim',
    charterId: 'ch',
    closedOn: '2026-12-04',
    deliveryOn: null,
    product: 'Car',
  });
  const ws = await openWorkspace([charter]);
  ws.put('customers', kim);
  ws.put('deliveries', timer);
  ws.put('deals', deal);
  const step = dealTimeline(deal, ws.getState().data.charters.get('ch')!).find(
    (s) => s.id === 'moment:m-order',
  )!;
  const items: TodayItem[] = [
    {
      kind: 'promise',
      key: 'promise:timer',
      dueMs: Date.parse(timer.dueAt),
      urgency: 'overdue',
      record: timer,
      commitment: A,
    },
    { kind: 'moment', key: 'step:deal:m', dueMs: kst('2026-12-04T23:59:59'), urgency: 'overdue', deal, step },
  ];
  vi.useFakeTimers({ toFake: clock ? ['Date', 'setTimeout', 'clearTimeout'] : ['Date'] });
  vi.setSystemTime(NOW);
  renderWithWorkspace(
    ws,
    <TodayPage items={items} nowMs={NOW} logOpen={false} onLogOpenChange={() => {}} />,
    'en',
  );
  return ws;
}

/** The deal's settled timeline steps as stored: [step id, outcome]. */
const settledSteps = (ws: Awaited<ReturnType<typeof setup>>) =>
  ws
    .getState()
    .data.deals.get('deal')!
    .timelineDone.map((s) => [s.stepId, s.outcome]);

describe('Today page', () => {
  it('says how late a timer is in words and names the item in every action', async () => {
    await setup();
    expect(screen.getByRole('timer')).toHaveTextContent('1 h 5 min late');
    expect(screen.getByRole('button', { name: 'Done: Kim — call back' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Done at another time: Kim — call back' })).toBeInTheDocument();
    const moment = 'Order received — Kim (Car)';
    expect(await screen.findByRole('button', { name: `Done: ${moment}` })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Copy message: ${moment}` })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Skip — doesn’t apply: ${moment}` })).toBeInTheDocument();
  });

  it('skipping an overdue moment settles it as skipped, not done', async () => {
    const ws = await setup();
    const moment = 'Order received — Kim (Car)';
    fireEvent.click(await screen.findByRole('button', { name: `Skip — doesn’t apply: ${moment}` }));
    expect(settledSteps(ws)).toEqual([['moment:m-order', 'skipped']]);

    // The card leaves Today; the page says so and offers to undo it.
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(`Skipped: ${moment}. It has left Today.`);
    fireEvent.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(ws.getState().data.deals.get('deal')!.timelineDone).toEqual([]);
    expect(status).toHaveTextContent('');
  });

  it('marking a moment done stores it as done', async () => {
    const ws = await setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Done: Order received — Kim (Car)' }));
    expect(settledSteps(ws)).toEqual([['moment:m-order', 'done']]);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Marked done: Order received — Kim (Car).');
    expect(within(status).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('shows a confirmation for a few seconds, in a status region that stays', async () => {
    await setup(true);
    fireEvent.click(screen.getByRole('button', { name: 'Done: Kim — call back' }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('That promise was missed: a recovery is open.');
    act(() => vi.advanceTimersByTime(NOTICE_MS - 1));
    expect(status).toHaveTextContent('That promise was missed');
    act(() => vi.advanceTimersByTime(1));
    expect(status).toHaveTextContent('');
    expect(within(document.body).getByRole('status')).toBe(status);
  });
});
