import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { blankCharter, pasteInto, renderEditor } from '../render-editor';

describe('before / during / after step', () => {
  it('adds a check-in to each phase and stores it in that phase', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'phases' });
    const plan = [
      ['Before the deal', 'Send a model comparison', 'Within 2 days of meeting', 'Email'],
      ['During the deal', 'Share build status', 'Every Monday', 'Text message'],
      ['After the deal', 'Ask how the first week went', '3 days after delivery', 'Visit'],
    ] as const;

    for (const [phase, action, timing, channel] of plan) {
      const section = screen.getByRole('region', { name: phase });
      expect(section).toHaveTextContent('No check-ins planned for this phase.');
      await user.click(within(section).getByRole('button', { name: `+ Add a check-in (${phase})` }));
      const item = within(section).getByRole('group', { name: `${phase}: check-in 1` });
      expect(within(item).getByLabelText('How')).toHaveDisplayValue('Phone call');
      await pasteInto(user, within(item).getByLabelText('What you do'), action);
      await pasteInto(user, within(item).getByLabelText('When'), timing);
      await user.selectOptions(within(item).getByLabelText('How'), channel);
    }

    await waitFor(() =>
      expect(stored().checkIns).toEqual({
        before: [
          {
            id: expect.any(String),
            action: 'Send a model comparison',
            timing: 'Within 2 days of meeting',
            channel: 'email',
          },
        ],
        during: [
          { id: expect.any(String), action: 'Share build status', timing: 'Every Monday', channel: 'sms' },
        ],
        after: [
          {
            id: expect.any(String),
            action: 'Ask how the first week went',
            timing: '3 days after delivery',
            channel: 'visit',
          },
        ],
      }),
    );
    // All three phases planned: the step's warnings are gone.
    expect(screen.queryByRole('region', { name: 'In this step' })).not.toBeInTheDocument();
  });

  it('removes a check-in from its phase only', async () => {
    const charter = blankCharter('en', {
      checkIns: {
        before: [{ id: 'b1', action: 'Needs call', timing: 'Day 1', channel: 'call' }],
        during: [
          { id: 'd1', action: 'Weekly update', timing: 'Mondays', channel: 'sms' },
          { id: 'd2', action: 'Paperwork check', timing: 'Day before', channel: 'call' },
        ],
        after: [],
      },
    });
    const { user, stored } = await renderEditor({ charter, step: 'phases' });
    const during = screen.getByRole('region', { name: 'During the deal' });
    // One check-in open in the whole step, the first; the others are one line each.
    const head = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}`) });
    expect(head('Before the deal: check-in 1')).toHaveAttribute('aria-expanded', 'true');
    expect(head('During the deal: check-in 1')).toHaveAttribute('aria-expanded', 'false');
    expect(head('During the deal: check-in 1')).toHaveTextContent('Weekly update · Mondays · Text message');

    await user.click(head('During the deal: check-in 1'));
    expect(head('Before the deal: check-in 1')).toHaveAttribute('aria-expanded', 'false');
    await user.click(
      within(within(during).getByRole('group', { name: 'During the deal: check-in 1' })).getByRole('button', {
        name: 'Remove',
      }),
    );

    await waitFor(() => expect(stored().checkIns.during.map((c) => c.id)).toEqual(['d2']));
    expect(stored().checkIns.before.map((c) => c.id)).toEqual(['b1']);
    expect(head('During the deal: check-in 1')).toHaveTextContent(
      'Paperwork check · Day before · Phone call',
    );
    expect(
      within(during).queryByRole('button', { name: /^During the deal: check-in 2/ }),
    ).not.toBeInTheDocument();
  });

  it('in Korean: adds a check-in after the deal', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('ko'),
      step: 'phases',
      locale: 'ko',
    });
    const after = screen.getByRole('region', { name: '거래 후' });
    await user.click(within(after).getByRole('button', { name: '+ 연락 계획 추가(거래 후)' }));
    const item = within(after).getByRole('group', { name: '거래 후: 연락 1' });
    await user.type(within(item).getByLabelText('할 일'), '첫 정기점검 안내');
    await user.selectOptions(within(item).getByLabelText('방법'), '메신저');

    await waitFor(() =>
      expect(stored().checkIns.after).toEqual([
        { id: expect.any(String), action: '첫 정기점검 안내', timing: '', channel: 'messenger' },
      ]),
    );
    expect(stored().checkIns.before).toEqual([]);
  });
});
