// The tracker's open promises over a real workspace: the due time shown is the one that counts, and
// "renegotiate" is offered only while a new due time would still count (before the original due).
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../../src/lib/i18n';
import { TrackerPage } from '../../../../src/features/tracker/tracker-page';
import { createCustomer, createRecord } from '../../factories';
import { blankCharter, newCommitment, openWorkspace, renderWithWorkspace } from '../render-editor';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const A = newCommitment('within', 'call-back', {
  promised: { value: 4, unit: 'hours' },
  internal: { value: 1, unit: 'hours' },
  businessTime: false,
});

/** An open record of A, `summary` its label; instants in hours from now. */
function open(summary: string, triggerH: number, dueH: number, renegotiation?: [number, number]) {
  const now = Date.now();
  return createRecord({
    id: summary.replace(/ /g, '-'),
    charterId: 'charter-tracker',
    commitmentId: A.id,
    summary,
    triggeredAt: iso(now + triggerH * HOUR),
    dueAt: iso(now + dueH * HOUR),
    doneAt: null,
    renegotiation:
      renegotiation === undefined
        ? null
        : { at: iso(now + renegotiation[0] * HOUR), newDueAt: iso(now + renegotiation[1] * HOUR) },
  });
}

async function setup() {
  const charter = blankCharter('en', { id: 'charter-tracker', title: 'Mine', commitments: [A] });
  const ws = await openWorkspace([charter]);
  const records = {
    fresh: open('fresh one', -1, 3),
    // Asked for more time 1 h after the due: too late, the original due still counts.
    late: open('late one', -10, -2, [-1, 5]),
    // Agreed in time (5 h before the original due), which has passed since: the new due counts.
    moved: open('moved one', -10, -1, [-5, 4]),
  };
  for (const r of Object.values(records)) ws.put('deliveries', r);
  renderWithWorkspace(ws, <TrackerPage />, 'en');
  return records;
}

const dueText = (isoText: string) => `due ${createI18n('en').formatDate(isoText, 'datetime')}`;
const item = (summary: string) => screen.getByRole('group', { name: new RegExp(summary) });

describe('tracker: open promises', () => {
  it('offers renegotiation before the original due, and shows the due as made', async () => {
    const { fresh } = await setup();
    const group = await screen.findByRole('group', { name: /fresh one/ });
    expect(within(group).getByText(new RegExp(dueText(fresh.dueAt)))).toBeInTheDocument();
    expect(within(group).getByRole('button', { name: 'Renegotiate' })).toBeInTheDocument();
  });

  it('shows the original due of a renegotiation made too late, and no renegotiation once overdue', async () => {
    const { late } = await setup();
    await screen.findByRole('group', { name: /late one/ });
    const group = item('late one');
    expect(within(group).getByText(new RegExp(dueText(late.dueAt)))).toBeInTheDocument();
    expect(within(group).queryByText(new RegExp(dueText(late.renegotiation!.newDueAt)))).toBeNull();
    expect(within(group).getByText('Overdue')).toBeInTheDocument();
    expect(within(group).queryByRole('button', { name: 'Renegotiate' })).toBeNull();
  });

  it('shows the new due of a renegotiation made in time, and says a second one would not count', async () => {
    const { moved } = await setup();
    await screen.findByRole('group', { name: /moved one/ });
    const group = item('moved one');
    expect(within(group).getByText(new RegExp(dueText(moved.renegotiation!.newDueAt)))).toBeInTheDocument();
    expect(within(group).queryByRole('button', { name: 'Renegotiate' })).toBeNull();
    expect(within(group).getByText(/a new due time agreed now would not count/)).toBeInTheDocument();
  });
});

describe('tracker: running timers', () => {
  afterEach(() => vi.useRealTimers());

  it('counts down to the new due agreed in time, as Today does', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-12-06T07:30:00Z'));
    const charter = blankCharter('en', { id: 'charter-tracker', title: 'Mine', commitments: [A] });
    const ws = await openWorkspace([charter]);
    // A 30-minute timer started 6 min ago (due in 24 min), moved 3 min ago to 54 min from now: the
    // window is 60 min, still a timer, and 54 min are left (not 24).
    ws.put('deliveries', open('call back', -0.1, 0.4, [-0.05, 0.9]));
    renderWithWorkspace(ws, <TrackerPage />, 'en');
    const timers = await screen.findByRole('list', { name: /running/i });
    expect(within(timers).getByRole('timer')).toHaveTextContent('54 min left');
  });
});

describe('tracker: recovery cases', () => {
  it('name the customer and say the time limits in the interface language, whatever the charter’s', async () => {
    // A Korean charter in the English interface: its playbook says "2시간"; the step line must not.
    const blank = blankCharter('ko', { id: 'charter-tracker', title: 'Mine', commitments: [A] });
    const first = {
      id: 'call',
      action: '전화로 사과',
      within: { value: 2, unit: 'hours' as const },
      seriousOnly: false,
    };
    const korean = { ...blank, recovery: { ...blank.recovery, steps: [first] } };
    const ws = await openWorkspace([korean]);
    ws.put('customers', createCustomer({ id: 'choi', name: '최은우' }));
    const missed = { ...open('보험 견적 비교표 보내기', -10, -2), customerId: 'choi' };
    ws.put('deliveries', missed);
    ws.put('recoveryCases', {
      id: 'case',
      recordId: missed.id,
      openedAt: iso(Date.now() - HOUR),
      steps: [{ stepId: first.id, doneAt: null, note: '' }],
      closedAt: null,
      outcome: null,
      notes: '',
    });
    renderWithWorkspace(ws, <TrackerPage />, 'en');
    const group = await screen.findByRole('group', { name: 'Recovery: 최은우 — 보험 견적 비교표 보내기' });
    expect(group).toHaveTextContent(/전화로 사과 \(within 2 hours, by /);
    expect(group.textContent).not.toContain('시간');
  });
});
