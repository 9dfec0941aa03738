// A customer's page lists what was promised to them and how it went, newest first, with the counts.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerPage } from '../../../../src/features/customers/customer-page';
import { createCustomer, createRecord } from '../../factories';
import { blankCharter, newCommitment, openWorkspace, renderWithWorkspace } from '../render-editor';

const HOUR = 3_600_000;
const callBack = newCommitment('within', 'call-back', {
  promised: { value: 4, unit: 'hours' },
  internal: { value: 1, unit: 'hours' },
  businessTime: false,
});

async function setup(count: number, locale: 'en' | 'ko' = 'en') {
  const charter = blankCharter('en', { id: 'ch', commitments: [callBack] });
  const ws = await openWorkspace([charter]);
  ws.put('customers', createCustomer({ id: 'kim', name: 'Kim Jiwoo' }));
  ws.put('customers', createCustomer({ id: 'lee', name: 'Lee Minho' }));
  // Day i (March 1 + i): done after 2 h (kept) when i is even, after 5 h (missed) when odd.
  for (let i = 0; i < count; i++) {
    const t = Date.parse('2026-03-01T01:00:00Z') + i * 24 * HOUR;
    ws.put(
      'deliveries',
      createRecord({
        id: `r${i}`,
        charterId: 'ch',
        commitmentId: callBack.id,
        customerId: 'kim',
        summary: `Promise ${i}`,
        triggeredAt: new Date(t).toISOString(),
        dueAt: new Date(t + 4 * HOUR).toISOString(),
        doneAt: new Date(t + (i % 2 === 0 ? 2 : 5) * HOUR).toISOString(),
      }),
    );
  }
  // Now: a promise made an hour ago, due in 3 hours (open), and one for another customer.
  const now = Date.parse('2026-04-01T03:00:00Z');
  ws.put(
    'deliveries',
    createRecord({
      id: 'open',
      charterId: 'ch',
      commitmentId: callBack.id,
      customerId: 'kim',
      summary: 'Send the quote',
      triggeredAt: new Date(now - HOUR).toISOString(),
      dueAt: new Date(now + 3 * HOUR).toISOString(),
      doneAt: null,
    }),
  );
  ws.put(
    'deliveries',
    createRecord({ id: 'other', charterId: 'ch', commitmentId: callBack.id, customerId: 'lee' }),
  );
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  renderWithWorkspace(ws, <CustomerPage customerId="kim" />, locale);
  return userEvent.setup();
}

describe('a customer’s promises', () => {
  afterEach(() => vi.useRealTimers());

  it('counts and lists them newest first, ten at a time', async () => {
    const user = await setup(12);
    // 12 done: 6 kept (even days), 6 missed; plus the open one.
    const section = screen.getByRole('region', { name: 'Promises made (13)' });
    expect(within(section).getByText('6 kept · 6 missed · 1 still open')).toBeTruthy();
    const rows = within(section).getAllByRole('listitem');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toHaveTextContent(/^Send the quote.*Open$/);
    expect(rows[1]).toHaveTextContent(/^Promise 11.*Missed$/);
    expect(rows[2]).toHaveTextContent(/^Promise 10.*Kept$/);
    await user.click(within(section).getByRole('button', { name: 'Show all 13' }));
    expect(within(section).getAllByRole('listitem')).toHaveLength(13);
  });

  it('in Korean', async () => {
    await setup(0, 'ko');
    const section = screen.getByRole('region', { name: '이 고객에게 한 약속 (1건)' });
    expect(within(section).getByText('지킴 0건 · 못 지킴 0건 · 진행 중 1건')).toBeTruthy();
  });
});
