import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { blankCharter, pasteInto, renderEditor } from '../render-editor';

describe('recovery step', () => {
  it('stores the recovery promise and a new step with its time limit', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'recovery' });
    await pasteInto(user, screen.getByLabelText('My recovery promise'), 'I come to you first.');
    await user.click(screen.getByRole('button', { name: '+ Add a step' }));

    const step = screen.getByRole('group', { name: 'Step 1' });
    // A new step starts at "within 1 day".
    expect(within(step).getByLabelText('Within')).toHaveValue('1');
    expect(within(step).getByLabelText('Unit')).toHaveDisplayValue('days');
    await user.type(within(step).getByLabelText('What you do'), 'Apologise');
    const limit = within(step).getByLabelText('Within');
    await user.clear(limit);
    await user.type(limit, '2');
    await user.selectOptions(within(step).getByLabelText('Unit'), 'hours');

    await waitFor(() =>
      expect(stored().recovery).toEqual({
        promise: 'I come to you first.',
        steps: [
          {
            id: expect.any(String),
            action: 'Apologise',
            within: { value: 2, unit: 'hours' },
            seriousOnly: false,
          },
        ],
      }),
    );
    // With a step, the step's “Must fix” problem is gone.
    expect(screen.queryByRole('region', { name: 'In this step' })).not.toBeInTheDocument();
  });

  it('keeps the last valid time limit while the field is empty, and stores the next valid one', async () => {
    const charter = blankCharter('en', {
      recovery: {
        promise: '',
        steps: [{ id: 's1', action: 'Call', within: { value: 3, unit: 'hours' }, seriousOnly: false }],
      },
    });
    const { user, stored } = await renderEditor({ charter, step: 'recovery' });
    const limit = within(screen.getByRole('group', { name: 'Step 1' })).getByLabelText('Within');

    await user.clear(limit);
    await user.tab();
    expect(limit).toHaveValue('');
    expect(stored().recovery.steps[0]?.within).toEqual({ value: 3, unit: 'hours' });

    await user.type(limit, '5');
    await user.tab();
    await waitFor(() => expect(stored().recovery.steps[0]?.within).toEqual({ value: 5, unit: 'hours' }));
  });

  it('an emptied time limit shows its error and does not block saving the other fields', async () => {
    const charter = blankCharter('en', {
      recovery: {
        promise: '',
        steps: [{ id: 's1', action: 'Call', within: { value: 3, unit: 'hours' }, seriousOnly: false }],
      },
    });
    const { user, stored } = await renderEditor({ charter, step: 'recovery' });
    const step = screen.getByRole('group', { name: 'Step 1' });
    await user.clear(within(step).getByLabelText('Within'));
    await user.type(within(step).getByLabelText('What you do'), ' back');

    await waitFor(() =>
      expect(stored().recovery.steps[0]).toMatchObject({
        action: 'Call back',
        within: { value: 3, unit: 'hours' },
      }),
    );
    expect(within(step).getByLabelText('Within')).toHaveAccessibleDescription('must be a number');
  });

  it('reorders and removes steps', async () => {
    const charter = blankCharter('en', {
      recovery: {
        promise: '',
        steps: [
          { id: 's1', action: 'Apologise', within: { value: 2, unit: 'hours' }, seriousOnly: false },
          { id: 's2', action: 'Fix it', within: { value: 1, unit: 'days' }, seriousOnly: false },
          { id: 's3', action: 'Follow up', within: { value: 1, unit: 'weeks' }, seriousOnly: false },
        ],
      },
    });
    const { user, stored } = await renderEditor({ charter, step: 'recovery' });
    const step = (n: number) => screen.getByRole('group', { name: `Step ${n}` });
    const head = (n: number) => screen.getByRole('button', { name: new RegExp(`^Step ${n}`) });
    // Closed steps are one line: what is done and by when.
    expect(head(3)).toHaveAttribute('aria-expanded', 'false');
    expect(head(3)).toHaveTextContent('Follow up · within 1 week');

    await user.click(head(3));
    await user.click(within(step(3)).getByRole('button', { name: 'Move up' }));
    await waitFor(() => expect(stored().recovery.steps.map((s) => s.id)).toEqual(['s1', 's3', 's2']));
    // The moved step stays open at its new place.
    expect(head(2)).toHaveAttribute('aria-expanded', 'true');
    await user.click(head(1));
    await user.click(within(step(1)).getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(stored().recovery.steps.map((s) => s.action)).toEqual(['Follow up', 'Fix it']),
    );
    expect(head(1)).toHaveTextContent('Follow up · within 1 week');
    await user.click(head(1));
    expect(within(step(1)).getByLabelText('What you do')).toHaveValue('Follow up');
  });

  it('in Korean: adds a step', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('ko'),
      step: 'recovery',
      locale: 'ko',
    });
    await pasteInto(user, screen.getByLabelText('나의 회복 약속'), '먼저 찾아가겠습니다.');
    await user.click(screen.getByRole('button', { name: '+ 단계 추가' }));
    const step = screen.getByRole('group', { name: '단계 1' });
    await user.type(within(step).getByLabelText('할 일'), '직접 전화로 사과');
    await user.selectOptions(within(step).getByLabelText('단위'), '시간');

    await waitFor(() =>
      expect(stored().recovery).toEqual({
        promise: '먼저 찾아가겠습니다.',
        steps: [
          {
            id: expect.any(String),
            action: '직접 전화로 사과',
            within: { value: 1, unit: 'hours' },
            seriousOnly: false,
          },
        ],
      }),
    );
  });
});
