import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { blankCharter, pasteInto, renderEditor } from '../render-editor';

describe('after-sales step', () => {
  it('stores the order check, first use and service follow-up', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'after-sales' });
    const order = screen.getByRole('group', { name: 'Order processing check' });
    await pasteInto(
      user,
      within(order).getByLabelText('How I watch open orders'),
      'Every Monday with the factory.',
    );
    const delay = within(order).getByLabelText('I tell the customer about a delay within');
    await user.clear(delay);
    await user.type(delay, '4');
    await user.selectOptions(within(order).getByLabelText('Unit'), 'hours');

    const firstUse = screen.getByRole('group', { name: 'First use' });
    await user.selectOptions(within(firstUse).getByLabelText('How'), 'Phone call');

    const service = screen.getByRole('group', { name: 'Effective service' });
    const confirmed = within(service).getByRole('checkbox', {
      name: 'until the customer confirms it is solved',
    });
    expect(confirmed).toBeChecked();
    await user.click(confirmed);

    await waitFor(() =>
      expect(stored().afterSales).toMatchObject({
        orderCheck: {
          practice: 'Every Monday with the factory.',
          delayNoticeWithin: { value: 4, unit: 'hours' },
        },
        firstUse: { after: { value: 3, unit: 'days' }, channel: 'call' },
        serviceFollowUp: { every: { value: 2, unit: 'days' }, untilConfirmed: false },
      }),
    );
    expect(await screen.findByRole('textbox', { name: 'Care and usage tips' })).toBeInTheDocument();
  });

  it('stores help for business customers', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'after-sales' });
    const help = screen.getByRole('group', { name: 'Help for business customers' });
    await user.click(
      within(help).getByRole('checkbox', {
        name: 'I offer help with my business customers’ own selling and management',
      }),
    );
    await user.type(within(help).getByLabelText('What I offer'), 'Ads{Enter}Leads');

    await waitFor(() =>
      expect(stored().afterSales.businessHelp).toEqual({
        enabled: true,
        offers: ['Ads', 'Leads'],
      }),
    );
  });

  it('stores the lost-sale follow-up and message', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'after-sales' });
    const lost = screen.getByRole('group', { name: 'After a lost sale' });
    const within7 = within(lost).getByLabelText('I follow up within');
    expect(within7).toHaveValue('7');
    await user.clear(within7);
    await user.type(within7, '3');
    await user.tab();
    await user.click(within(lost).getByRole('checkbox', { name: 'Ask for feedback on my proposal' }));
    await pasteInto(user, within(lost).getByLabelText('What I say'), 'Thank you for considering us.');

    await waitFor(() =>
      expect(stored().lostSale).toEqual({
        within: { value: 3, unit: 'days' },
        askFeedback: false,
        askReferral: true,
        message: 'Thank you for considering us.',
      }),
    );
  });

  it('in Korean: stores the lost-sale message and the referral choice', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('ko'),
      step: 'after-sales',
      locale: 'ko',
    });
    const lost = screen.getByRole('group', { name: '거래가 성사되지 않았을 때' });
    await user.click(within(lost).getByRole('checkbox', { name: '소개 부탁하기' }));
    await pasteInto(user, within(lost).getByLabelText('드릴 말씀'), '의견을 들려주시면 큰 도움이 됩니다.');
    const order = screen.getByRole('group', { name: '주문처리 점검' });
    await user.selectOptions(within(order).getByLabelText('단위'), '시간');

    await waitFor(() =>
      expect(stored()).toMatchObject({
        lostSale: { askReferral: false, askFeedback: true, message: '의견을 들려주시면 큰 도움이 됩니다.' },
        afterSales: { orderCheck: { delayNoticeWithin: { value: 1, unit: 'hours' } } },
      }),
    );
  });
});
