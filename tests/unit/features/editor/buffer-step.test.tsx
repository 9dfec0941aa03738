import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { blankCharter, newCommitment, renderEditor } from '../render-editor';

/** Promised 4 business hours, internal target also 4 hours: no buffer at all. */
const noBuffer = newCommitment('within', 'c1', {
  what: 'Return every call',
  internal: { value: 4, unit: 'hours' },
});

describe('buffer step', () => {
  it('warns when the internal target equals the promise, and shows the buffer once it is stricter', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('en', { commitments: [noBuffer] }),
      step: 'buffer',
    });
    const item = screen.getByRole('group', { name: 'Commitment 1' });
    expect(within(item).getByRole('note')).toHaveTextContent(
      'The internal target is not stricter than the promise: there is no buffer for a bad day.',
    );
    // (240 − 240) ÷ 240 min = 0 %
    expect(within(item).getByRole('meter', { name: 'Buffer: 0% of the promise' })).toHaveAttribute(
      'value',
      '0',
    );

    const internal = within(item).getByLabelText('My internal target');
    // The 4 is overtyped.
    await user.type(internal, '2', { initialSelectionStart: 0, initialSelectionEnd: 1 });
    await user.tab(); // the number is taken when the field is left

    // (240 − 120) ÷ 240 min = 50 %
    const meter = within(item).getByRole('meter', { name: 'Buffer: 50% of the promise' });
    expect(meter).toHaveAttribute('value', '0.5');
    expect(within(item).queryByRole('note')).not.toBeInTheDocument();
    expect(item).toHaveTextContent('My internal target: 2 business hours');
    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({ internal: { value: 2, unit: 'hours' } }),
    );
  });

  it('measures the buffer across units and for agreed dates', async () => {
    const commitments: Commitment[] = [
      // 1 business day (09:00–18:00, 540 min) promised, 4 business hours aimed: (540 − 240) ÷ 540 = 55.6 % → 56 %
      newCommitment('within', 'c1', {
        what: 'Send a quote',
        promised: { value: 1, unit: 'days' },
        internal: { value: 4, unit: 'hours' },
      }),
      // Done 1 business day before the agreed date: the lead is the buffer (no share of a date).
      newCommitment('by-date', 'c2', { what: 'Deliver your car' }),
    ];
    const { user, stored } = await renderEditor({
      charter: blankCharter('en', { commitments }),
      step: 'buffer',
    });
    const head = (n: number) => screen.getByRole('button', { name: new RegExp(`^Commitment ${n}`) });
    const first = screen.getByRole('group', { name: 'Commitment 1' });
    expect(within(first).getByRole('meter', { name: 'Buffer: 56% of the promise' })).toBeInTheDocument();
    // The second card is closed: one line with what it is and the internal target, which states the lead.
    expect(head(2)).toHaveAttribute('aria-expanded', 'false');
    expect(head(2)).toHaveTextContent(
      /Deliver your car · My internal target: 1 business day before the agreed date$/,
    );

    // Internal unit changed to days: 1 day vs 1 day is no buffer.
    await user.selectOptions(within(first).getByLabelText('Unit'), 'days');
    const internal = within(first).getByLabelText('My internal target');
    await user.type(internal, '1', { initialSelectionStart: 0, initialSelectionEnd: 1 });
    await user.tab(); // the number is taken when the field is left
    expect(within(first).getByRole('note')).toBeInTheDocument();
    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({ internal: { value: 1, unit: 'days' } }),
    );

    // Opening the second closes the first, which now says it has no buffer.
    await user.click(head(2));
    expect(head(1)).toHaveAttribute('aria-expanded', 'false');
    expect(head(1)).toHaveTextContent('No buffer');
    const second = screen.getByRole('group', { name: 'Commitment 2' });
    expect(within(second).queryByRole('meter')).toBe(null);
    expect(within(second).queryByRole('note')).toBe(null); // a lead is a buffer
  });

  it('in Korean: shows the warning and the buffer share', async () => {
    const charter = blankCharter('ko', { commitments: [{ ...noBuffer, what: '모든 전화에 회신합니다' }] });
    const { user, stored } = await renderEditor({ charter, step: 'buffer', locale: 'ko' });
    const item = screen.getByRole('group', { name: '약속 1' });
    expect(within(item).getByRole('note')).toHaveTextContent(
      '내부 목표가 약속보다 엄격하지 않습니다. 바쁜 날을 위한 여유가 없습니다.',
    );

    const internal = within(item).getByLabelText('나의 내부 목표');
    await user.type(internal, '1', { initialSelectionStart: 0, initialSelectionEnd: 1 });
    await user.tab(); // the number is taken when the field is left

    // (240 − 60) ÷ 240 = 75 %
    expect(within(item).getByRole('meter', { name: '여유: 약속의 75%' })).toHaveAttribute('value', '0.75');
    expect(item).toHaveTextContent('나의 내부 목표: 영업시간 기준 1시간');
    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({ internal: { value: 1, unit: 'hours' } }),
    );
  });
});
