import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { blankCharter, newCommitment, renderEditor } from '../render-editor';

const commitments: Commitment[] = [
  newCommitment('within', 'c1', { what: 'Return every call', trigger: 'A missed call' }),
  newCommitment('by-date', 'c2', { what: 'Deliver your car' }),
  newCommitment('amount', 'c3', {
    what: 'Bill no more than the quote',
    promised: { value: 100, unit: 'USD', label: '' },
    internal: { value: 90, unit: 'USD', label: '' },
  }),
];

describe('readiness step', () => {
  it('asks for commitments first when there are none', async () => {
    await renderEditor({ charter: blankCharter('en'), step: 'readiness' });
    const step = screen.getByRole('region', { name: 'Step 3 of 10 · Readiness' });
    expect(step).toHaveTextContent('Add commitments first (step 2).');
    expect(within(step).queryByRole('radio')).not.toBeInTheDocument();
  });

  it('confirms every commitment at once, after the list, and then says they are all confirmed', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('en', { commitments }),
      step: 'readiness',
    });
    const confirmAll = screen.getByRole('button', { name: 'Confirm all' });
    expect(confirmAll).toHaveAccessibleDescription(
      'Read all 3 commitments above? If you can keep each one every time, confirm them all at once.',
    );
    await user.click(confirmAll);
    await waitFor(() =>
      expect(stored().commitments.map((c) => c.readiness)).toEqual(['confirmed', 'confirmed', 'confirmed']),
    );
    expect(screen.getByText('Every commitment is confirmed.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm all' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'In this step' })).not.toBeInTheDocument();
  });

  it('stores a confirmed commitment and drops its “Must fix” problem', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('en', { commitments }),
      step: 'readiness',
    });
    const problems = screen.getByRole('region', { name: 'In this step' });
    expect(within(problems).getAllByRole('listitem')).toHaveLength(3);
    const first = screen.getByRole('group', { name: 'Commitment 1' });
    expect(first).toHaveTextContent('I return every call within 4 business hours of a missed call.');
    // One commitment open at a time: the others are their sentence and whether they are confirmed.
    const head = (n: number) => screen.getByRole('button', { name: new RegExp(`^Commitment ${n}`) });
    expect(head(1)).toHaveAttribute('aria-expanded', 'true');
    expect(head(3)).toHaveAttribute('aria-expanded', 'false');
    expect(head(3)).toHaveTextContent('Commitment 3To confirm');
    const question = within(first).getByRole('radiogroup', { name: 'Can I keep this every time?' });
    // Unanswered: neither answer is shown as chosen while the badge says "To confirm".
    expect(within(question).getByRole('radio', { name: 'Not yet sure' })).not.toBeChecked();
    expect(within(question).getByRole('radio', { name: 'Yes, every time — confirm' })).not.toBeChecked();

    await user.click(within(question).getByRole('radio', { name: 'Not yet sure' }));
    expect(within(question).getByRole('radio', { name: 'Not yet sure' })).toBeChecked();
    expect(head(1)).toHaveTextContent(/^Commitment 1To confirm/);

    await user.click(within(question).getByRole('radio', { name: 'Yes, every time — confirm' }));

    await waitFor(() =>
      expect(stored().commitments.map((c) => c.readiness)).toEqual([
        'confirmed',
        'unconfirmed',
        'unconfirmed',
      ]),
    );
    expect(head(1)).toHaveTextContent(/^Commitment 1Confirmed/);
    const left = within(screen.getByRole('region', { name: 'In this step' })).getAllByRole('listitem');
    expect(left.map((li) => li.textContent)).toEqual([
      'Must fix: Commitment 2: confirm you can keep it every time, or lower the promise.',
      'Must fix: Commitment 3: confirm you can keep it every time, or lower the promise.',
    ]);
  });

  it('stores a lowered promise (a longer window, a higher amount ceiling)', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('en', { commitments }),
      step: 'readiness',
    });
    const first = screen.getByRole('group', { name: 'Commitment 1' });
    const window = within(first).getByLabelText('Lower the promise: promised time window');
    expect(window).toHaveValue('4');
    expect(window).toHaveAccessibleDescription(
      'A promise you keep every time beats an impressive one you sometimes break.',
    );

    await user.clear(window);
    await user.type(window, '8');
    await user.tab();

    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({ promised: { value: 8, unit: 'hours' } }),
    );
    expect(first).toHaveTextContent('I return every call within 8 business hours of a missed call.');

    // An agreed date has nothing to lower; an amount is lowered by its amount.
    const head = (n: number) => screen.getByRole('button', { name: new RegExp(`^Commitment ${n}`) });
    await user.click(head(2));
    expect(
      within(screen.getByRole('group', { name: 'Commitment 2' })).queryByLabelText(/^Lower the promise/),
    ).not.toBeInTheDocument();
    await user.click(head(3));
    const amount = within(screen.getByRole('group', { name: 'Commitment 3' })).getByLabelText(
      'Lower the promise: promised amount',
    );
    await user.clear(amount);
    await user.type(amount, '120');
    await user.tab();
    await waitFor(() =>
      expect(stored().commitments[2]).toMatchObject({ promised: { value: 120, unit: 'USD' } }),
    );
  });

  it('in Korean: confirms and lowers a promise', async () => {
    const charter = blankCharter('ko', {
      commitments: [newCommitment('within', 'k1', { what: '모든 전화에 회신합니다' })],
    });
    const { user, stored } = await renderEditor({ charter, step: 'readiness', locale: 'ko' });
    const first = screen.getByRole('group', { name: '약속 1' });

    await user.click(within(first).getByRole('radio', { name: '네, 매번 지킵니다 — 확인' }));
    const window = within(first).getByLabelText('약속 낮추기: 약속한 시간');
    await user.clear(window);
    await user.type(window, '6');
    await user.tab();

    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({
        readiness: 'confirmed',
        promised: { value: 6, unit: 'hours' },
      }),
    );
    expect(first).toHaveTextContent('영업시간 기준 6시간 이내에 모든 전화에 회신합니다.');
  });
});
