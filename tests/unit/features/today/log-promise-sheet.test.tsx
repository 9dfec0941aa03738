// The log-a-promise sheet over a real workspace: which commitment it starts with, how many it shows at
// first, and what Record stores — with two charters whose commitments share ids (both from one template).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogPromiseSheet } from '../../../../src/features/today/log-promise-sheet';
import { blankCharter, newCommitment, openWorkspace, renderWithWorkspace } from '../render-editor';

const commitments = (words: readonly string[]) =>
  words.map((what, i) => newCommitment('done', `c${i + 1}`, { what }));

async function setup(charterId?: string) {
  const alpha = blankCharter('en', {
    id: 'alpha',
    title: 'Alpha',
    commitments: commitments(['Call back', 'Send the quote', 'Visit the site']),
  });
  const beta = blankCharter('en', {
    id: 'beta',
    title: 'Beta',
    commitments: commitments(['Answer email', 'Book the test drive', 'Deliver the car']),
  });
  const ws = await openWorkspace([alpha, beta]);
  const onClose = vi.fn();
  renderWithWorkspace(ws, <LogPromiseSheet charterId={charterId} onClose={onClose} />, 'en');
  const sheet = await screen.findByRole('dialog', { name: 'Log a promise' });
  const which = within(sheet).getByRole('group', { name: 'Which promise' });
  return { ws, onClose, sheet, which };
}

describe('log-a-promise sheet', () => {
  it('opens on the charter it is asked for, its commitments first, four of six shown', async () => {
    const { which } = await setup('beta');
    const names = within(which)
      .getAllByRole('radio')
      .map((r) => r.closest('label')?.textContent);
    expect(names).toEqual([
      'Answer email · 30 days · Beta',
      'Book the test drive · 30 days · Beta',
      'Deliver the car · 30 days · Beta',
      'Call back · 30 days · Alpha',
    ]);
    expect(within(which).getByLabelText('Answer email · 30 days · Beta')).toBeChecked();

    await userEvent.click(within(which).getByRole('button', { name: 'Show all 6' }));
    expect(within(which).getAllByRole('radio')).toHaveLength(6);
    expect(within(which).queryByRole('button', { name: /^Show all/ })).not.toBeInTheDocument();
  });

  it('records against the chosen charter’s commitment, not another with the same id', async () => {
    const { ws, onClose, sheet, which } = await setup('beta');
    await userEvent.click(within(which).getByLabelText('Book the test drive · 30 days · Beta'));
    await userEvent.type(within(sheet).getByLabelText('New customer: type a name'), 'Kim');
    await userEvent.click(within(sheet).getByRole('button', { name: 'Record' }));

    await waitFor(() => expect(onClose).toHaveBeenCalledWith(expect.stringContaining('Kim')));
    const records = [...ws.getState().data.deliveries.values()];
    expect(records.map((r) => [r.charterId, r.commitmentId])).toEqual([['beta', 'c2']]);
  });

  it('without a charter, starts on the first commitment and Escape closes it', async () => {
    const { onClose, which } = await setup();
    expect(within(which).getByLabelText('Call back · 30 days · Alpha')).toBeChecked();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledWith();
  });

  describe('catching up on a promise made earlier today (Sunday 6 Dec 2026, 16:30 in Seoul)', () => {
    afterEach(() => vi.useRealTimers());

    async function catchUp(madeAt: string, dueLocal: string) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.parse('2026-12-06T16:30:00+09:00'));
      const found = await setup('alpha');
      await userEvent.type(within(found.sheet).getByLabelText('New customer: type a name'), 'Kim');
      await userEvent.click(within(found.sheet).getByRole('button', { name: 'Made: just now' }));
      fireEvent.change(within(found.sheet).getByLabelText('Made at (today)'), { target: { value: madeAt } });
      await userEvent.click(within(found.sheet).getByLabelText('Another time'));
      fireEvent.change(within(found.sheet).getByLabelText('Due time'), { target: { value: dueLocal } });
      await userEvent.click(within(found.sheet).getByRole('button', { name: 'Record' }));
      return found;
    }

    it('records the real trigger time and a due already past', async () => {
      const { ws, onClose, sheet } = await catchUp('09:00', '2026-12-06T12:00');
      await waitFor(() => expect(onClose).toHaveBeenCalled());
      expect(within(sheet).queryByRole('alert')).toBeNull();
      const [record] = [...ws.getState().data.deliveries.values()];
      // 09:00 and 12:00 in Seoul are 00:00 and 03:00 UTC; logged at 16:30 (07:30 UTC).
      expect(record).toMatchObject({
        triggeredAt: '2026-12-06T00:00:00.000Z',
        dueAt: '2026-12-06T03:00:00.000Z',
        createdAt: '2026-12-06T07:30:00.000Z',
      });
    });

    it('refuses a due before the made-at time with its own message, and records nothing', async () => {
      const { ws, onClose, sheet } = await catchUp('09:00', '2026-12-06T08:30');
      expect(
        await within(sheet).findByText('The due time must be after the time the promise was made.'),
      ).toBeInTheDocument();
      expect(onClose).not.toHaveBeenCalled();
      expect(ws.getState().data.deliveries.size).toBe(0);
      expect(ws.getState().data.customers.size).toBe(0);
    });
  });
});
