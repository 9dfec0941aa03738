import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { blankCharter, newCommitment, renderEditor } from '../render-editor';

/** A 4-hour (business) "within" commitment with `what` and `trigger`. */
function within4h(id: string, what: string, trigger = ''): Commitment {
  return newCommitment('within', id, { what, trigger });
}

const whats = (commitments: readonly Commitment[]) => commitments.map((c) => c.what);

describe('commitments step', () => {
  it('adds one commitment of each kind, numbered in order', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'commitments' });
    const add = screen.getByRole('group', { name: 'Add a commitment' });

    for (const name of ['+ Time window', '+ Agreed date', '+ Amount', '+ Done or not'])
      await user.click(within(add).getByRole('button', { name }));

    // The cards open one at a time: the one just added.
    for (const n of [1, 2, 3])
      expect(screen.getByRole('button', { name: new RegExp(`^Commitment ${n}`) })).toHaveAttribute(
        'aria-expanded',
        'false',
      );
    expect(screen.getByRole('group', { name: 'Commitment 4' })).toBeVisible();
    await waitFor(() =>
      expect(stored().commitments.map((c) => c.kind)).toEqual(['within', 'by-date', 'amount', 'done']),
    );
    // Each kind shows its own fields.
    const open = async (n: number) => {
      await user.click(screen.getByRole('button', { name: new RegExp(`^Commitment ${n}`) }));
      return screen.getByRole('group', { name: `Commitment ${n}` });
    };
    expect(within(await open(1)).getByLabelText('Promised to the customer')).toHaveValue('4');
    expect(
      within(await open(2)).getByLabelText('Aim to finish this long before the agreed date'),
    ).toHaveValue('1');
    // A new amount commitment is a 100,000 KRW cap (never "at most 0"), shown grouped.
    expect(within(await open(3)).getByLabelText('Promised amount')).toHaveValue('100,000');
    expect(within(await open(4)).getByLabelText('Promised to the customer')).toHaveValue('30');
  }, 15_000); // four commitments' forms rendered in jsdom: seconds on a busy machine

  it('rewrites the customer’s sentence when the promised window changes', async () => {
    const charter = blankCharter('en', {
      commitments: [within4h('c1', 'Return every call', 'A missed call')],
    });
    const { user, stored } = await renderEditor({ charter, step: 'commitments' });
    const item = screen.getByRole('group', { name: 'Commitment 1' });
    expect(item).toHaveTextContent(
      /Your customer reads:\s*I return every call within 4 business hours of a missed call\./,
    );

    const promised = within(item).getByLabelText('Promised to the customer');
    await user.clear(promised);
    await user.type(promised, '3');
    await user.tab(); // a number is taken when the field is left

    expect(item).toHaveTextContent(
      /Your customer reads:\s*I return every call within 3 business hours of a missed call\./,
    );
    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({ promised: { value: 3, unit: 'hours' } }),
    );

    await user.click(within(item).getByRole('checkbox', { name: 'Count business hours and days only' }));
    expect(item).toHaveTextContent(/I return every call within 3 hours of a missed call\./);
    await waitFor(() => expect(stored().commitments[0]).toMatchObject({ businessTime: false }));
  });

  it('never shows "NaN" while the window is emptied; a zero window is refused, and never shown as saved', async () => {
    const charter = blankCharter('en', { commitments: [within4h('c1', 'Return every call')] });
    const { user, stored } = await renderEditor({ charter, step: 'commitments' });
    const item = screen.getByRole('group', { name: 'Commitment 1' });
    const promised = within(item).getByLabelText('Promised to the customer');
    await user.clear(promised);
    await user.tab();
    expect(item).not.toHaveTextContent(/NaN/);
    await user.type(promised, '0');
    await user.tab();
    // Validation resolves asynchronously (zodResolver): under load the message can lag the keystroke.
    await waitFor(() => expect(promised).toHaveAccessibleDescription('must be a positive number'));
    expect(item).not.toHaveTextContent(/within 0/);
    expect(stored().commitments[0]).toMatchObject({ promised: { value: 4, unit: 'hours' } });
    // The editor says the value is not saved, and the step is not marked complete.
    expect(screen.getByText('Not saved — 1 field to fix')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Commitments\s*\(to do\)$/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to it' }));
    await waitFor(() => expect(promised).toHaveFocus());

    await user.clear(promised);
    await user.type(promised, '2');
    await user.tab();
    await waitFor(() => expect(stored().commitments[0]).toMatchObject({ promised: { value: 2 } }));
    expect(screen.queryByText('Not saved — 1 field to fix')).not.toBeInTheDocument();
  });

  it('keeps keyboard focus on Kind when the kind changes', async () => {
    const charter = blankCharter('en', { commitments: [within4h('c1', 'Return every call')] });
    const { user } = await renderEditor({ charter, step: 'commitments' });
    const kind = within(screen.getByRole('group', { name: 'Commitment 1' })).getByLabelText('Kind');
    await user.selectOptions(kind, 'Done or not by a due time');
    expect(within(screen.getByRole('group', { name: 'Commitment 1' })).getByLabelText('Kind')).toHaveFocus();
  });

  it('lists vague wording found in what is promised', async () => {
    const charter = blankCharter('en', { commitments: [within4h('c1', '')] });
    const { user, stored } = await renderEditor({ charter, step: 'commitments' });
    const item = screen.getByRole('group', { name: 'Commitment 1' });
    expect(within(item).queryByRole('list', { name: 'Vague wording' })).not.toBeInTheDocument();

    await user.type(within(item).getByLabelText('What you promise'), 'Reply asap');

    const lint = within(item).getByRole('list', { name: 'Vague wording' });
    const findings = within(lint).getAllByRole('listitem');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toHaveTextContent(/^“asap” — Name a time you can keep every time/);
    await waitFor(() => expect(stored().commitments[0]?.what).toBe('Reply asap'));
  });

  it('moves commitments up and down, and removes one', async () => {
    const charter = blankCharter('en', {
      commitments: [
        within4h('a', 'Answer calls'),
        within4h('b', 'Send quotes'),
        within4h('c', 'Confirm orders'),
      ],
    });
    const { user, stored } = await renderEditor({ charter, step: 'commitments' });
    // Closed cards keep their fields (hidden), so they are looked up with hidden ones included.
    const item = (n: number) => screen.getByRole('group', { name: `Commitment ${n}`, hidden: true });
    const button = (n: number, name: string) => within(item(n)).getByRole('button', { name, hidden: true });
    expect(button(1, 'Move up')).toBeDisabled();
    expect(button(3, 'Move down')).toBeDisabled();

    await user.click(button(1, 'Move down'));
    await waitFor(() =>
      expect(whats(stored().commitments)).toEqual(['Send quotes', 'Answer calls', 'Confirm orders']),
    );
    expect(within(item(1)).getByLabelText('What you promise')).toHaveValue('Send quotes');

    await user.click(button(3, 'Move up'));
    await waitFor(() =>
      expect(whats(stored().commitments)).toEqual(['Send quotes', 'Confirm orders', 'Answer calls']),
    );
    expect(stored().commitments.map((c) => c.id)).toEqual(['b', 'c', 'a']);

    await user.click(button(2, 'Remove'));
    await waitFor(() => expect(whats(stored().commitments)).toEqual(['Send quotes', 'Answer calls']));
    expect(screen.queryByRole('group', { name: 'Commitment 3', hidden: true })).not.toBeInTheDocument();
    expect(within(item(2)).getByLabelText('What you promise')).toHaveValue('Answer calls');
  });

  it('names a commitment for the pickers: the derived name in grey until one is typed, the characters left', async () => {
    const charter = blankCharter('en', {
      commitments: [within4h('c1', 'Walk you through a claim (which forms, which documents)')],
    });
    const { user, stored } = await renderEditor({ charter, step: 'commitments' });
    const item = screen.getByRole('group', { name: 'Commitment 1' });
    const name = within(item).getByLabelText('Short name (shown when logging)');

    expect(name).toHaveValue('');
    expect(name).toHaveAttribute('placeholder', 'Walk you through a claim');
    expect(name).toHaveAccessibleDescription(/24 characters left\.$/);

    await user.type(name, 'Claim walk-through');

    // 24 − 18 = 6 left; the field takes no more than 24.
    expect(name).toHaveAccessibleDescription(/6 characters left\.$/);
    expect(name).toHaveAttribute('maxlength', '24');
    await waitFor(() => expect(stored().commitments[0]?.shortName).toBe('Claim walk-through'));
    await user.selectOptions(within(item).getByLabelText('Kind'), 'Done or not by a due time');
    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({ kind: 'done', shortName: 'Claim walk-through' }),
    );
  });

  it('keeps what is promised when the kind changes, and shows the new kind’s fields', async () => {
    const charter = blankCharter('en', { commitments: [within4h('c1', 'Send a care guide', 'Delivery')] });
    const { user, stored } = await renderEditor({ charter, step: 'commitments' });
    const item = () => screen.getByRole('group', { name: 'Commitment 1' });

    // The item is re-rendered from scratch on a kind change, so it is looked up again each time.
    await user.selectOptions(within(item()).getByLabelText('Kind'), 'Done or not by a due time');

    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({
        id: 'c1',
        kind: 'done',
        what: 'Send a care guide',
        trigger: 'Delivery',
      }),
    );
    // A "done" commitment starts at 30 days promised, 25 internal, calendar time.
    expect(stored().commitments[0]).toMatchObject({
      promised: { value: 30, unit: 'days' },
      internal: { value: 25, unit: 'days' },
      businessTime: false,
    });
    expect(within(item()).getByLabelText('Kind')).toHaveValue('done');
    expect(within(item()).getByLabelText('What you promise')).toHaveValue('Send a care guide');
    expect(item()).toHaveTextContent(/I send a care guide within 30 days of delivery\./);

    await user.selectOptions(within(item()).getByLabelText('Kind'), 'An amount (at most / at least)');
    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({ kind: 'amount', what: 'Send a care guide' }),
    );
    expect(within(item()).getByLabelText('Promised amount')).toBeInTheDocument();
    expect(within(item()).queryByLabelText('Promised to the customer')).not.toBeInTheDocument();
  });

  it('in Korean: the sentence follows the window and 즉시 is flagged', async () => {
    const charter = blankCharter('ko', {
      commitments: [within4h('c1', '모든 전화에 회신합니다', '부재중 전화')],
    });
    const { user, stored } = await renderEditor({ charter, step: 'commitments', locale: 'ko' });
    const item = screen.getByRole('group', { name: '약속 1' });
    expect(item).toHaveTextContent(
      /고객이 읽는 문장:\s*부재중 전화 후 영업시간 기준 4시간 이내에 모든 전화에 회신합니다\./,
    );

    const promised = within(item).getByLabelText('고객에게 한 약속');
    await user.clear(promised);
    await user.type(promised, '3');
    await user.tab();
    expect(item).toHaveTextContent(/부재중 전화 후 영업시간 기준 3시간 이내에 모든 전화에 회신합니다\./);

    const what = within(item).getByLabelText('약속 내용');
    await user.clear(what);
    await user.type(what, '즉시 회신합니다');
    const lint = within(item).getByRole('list', { name: '모호한 표현' });
    expect(within(lint).getByRole('listitem')).toHaveTextContent(
      /^“즉시” — 매번 지킬 수 있는 시간을 여유 있게 적으세요/,
    );
    await waitFor(() =>
      expect(stored().commitments[0]).toMatchObject({
        what: '즉시 회신합니다',
        promised: { value: 3, unit: 'hours' },
      }),
    );
  });
});
