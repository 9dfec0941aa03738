import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Moment } from '../../../../src/domain/charter/charter';
import { blankCharter, renderEditor } from '../render-editor';

const moment = (id: string, label: string, message = ''): Moment => ({
  id,
  kind: 'custom',
  label,
  anchor: 'deal-won',
  offsetDays: 0,
  channel: 'sms',
  message,
});

describe('moments step', () => {
  it('counts the moments and adds one', async () => {
    const charter = blankCharter('en', { moments: [moment('m1', 'Order confirmed')] });
    const { user, stored } = await renderEditor({ charter, step: 'moments' });
    expect(screen.getByRole('status')).toHaveTextContent('1 moment — 5 to 10 recommended');

    await user.click(screen.getByRole('button', { name: '+ Add a moment' }));

    expect(screen.getByRole('status')).toHaveTextContent('2 moments — 5 to 10 recommended');
    const added = screen.getByRole('group', { name: 'Moment 2' });
    expect(within(added).getByLabelText('Moment')).toHaveDisplayValue('Other');
    expect(within(added).getByLabelText('Channel')).toHaveDisplayValue('Text message');
    expect(within(added).getByLabelText('Days after')).toHaveValue('0');
    await user.type(within(added).getByLabelText('Name'), 'Delivered');
    await user.selectOptions(within(added).getByLabelText('Moment'), 'Delivered');
    await user.selectOptions(within(added).getByLabelText('Counted from'), 'delivery');

    await waitFor(() =>
      expect(stored().moments[1]).toMatchObject({
        kind: 'delivered',
        label: 'Delivered',
        anchor: 'delivery',
        offsetDays: 0,
        channel: 'sms',
        message: '',
      }),
    );
    expect(stored().moments[0]?.id).toBe('m1');

    // Adding Moment 2 closed Moment 1's card; opening it shows its fields and buttons again.
    await user.click(screen.getByRole('button', { name: /^Moment 1/ }));
    await user.click(
      within(screen.getByRole('group', { name: 'Moment 1' })).getByRole('button', { name: 'Remove' }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('1 moment — 5 to 10 recommended');
    await waitFor(() => expect(stored().moments.map((m) => m.label)).toEqual(['Delivered']));
  });

  it('fills the placeholders with an example in the charter’s language', async () => {
    const charter = blankCharter('en', { moments: [moment('m1', 'Ready')] });
    const { user, stored } = await renderEditor({ charter, step: 'moments' });
    const item = screen.getByRole('group', { name: 'Moment 1' });
    const message = within(item).getByLabelText('Message');
    expect(message).toHaveAccessibleDescription(
      'You can use {customer}, {product}, {owner}, {date} (the date of this moment) and {delivery} (the deal’s delivery date). A word after a bar is used when the deal has no value for it: {product|car} reads “car” when no product is noted.',
    );

    await user.click(message);
    await user.paste('{customer}, your {product}');

    // No example product fits every trade: a neutral noun, never "your the new sedan".
    expect(item).toHaveTextContent('With an example filled in:Ms. Kim, your purchase');
    await waitFor(() => expect(stored().moments[0]?.message).toBe('{customer}, your {product}'));

    // {date} is 2026-12-03T03:00Z shown in local time (3 Dec, or 2 Dec west of UTC−3); {owner} falls back
    // to “your name” while the owner has none.
    await user.paste(' on {date}. {owner}');
    expect(item).toHaveTextContent(/Ms\. Kim, your purchase on Dec [23], 2026\. your name/);
  });

  it('uses the template’s own word for the product, and the closed card reads the filled message', async () => {
    const charter = blankCharter('en', {
      moments: [moment('m1', 'Move-in', 'Hi {customer}, your {product|new home} is ready.')],
    });
    const { user } = await renderEditor({ charter, step: 'moments' });
    const item = screen.getByRole('group', { name: 'Moment 1' });
    expect(item).toHaveTextContent('With an example filled in:Hi Ms. Kim, your new home is ready.');
    await user.click(screen.getByRole('button', { name: /^Moment 1/ }));
    const card = screen.getByRole('button', { name: /^Moment 1/ });
    expect(card).toHaveTextContent('Move-in — Hi Ms. Kim, your new home is ready.');
    expect(card).not.toHaveTextContent('{');
  });

  it('names the handover the trade counts from: move-in in the anchor choice, the hint and the card', async () => {
    const charter = blankCharter('en', {
      moments: [{ ...moment('m1', 'First-week check-in'), anchor: 'delivery', offsetDays: 7 }],
    });
    const { user, stored } = await renderEditor({ charter, step: 'moments' });
    const handover = screen.getByLabelText('Your timeline counts from');
    expect(handover).toHaveDisplayValue('Delivery (cars, goods)');

    await user.selectOptions(handover, 'Move-in (homes, leases)');

    await waitFor(() => expect(stored().handover).toBe('move-in'));
    const item = screen.getByRole('group', { name: 'Moment 1' });
    expect(within(item).getByLabelText('Counted from')).toHaveDisplayValue('move-in');
    expect(within(item).getByLabelText('Message')).toHaveAccessibleDescription(
      'You can use {customer}, {product}, {owner}, {date} (the date of this moment) and {delivery} (the deal’s move-in date). A word after a bar is used when the deal has no value for it: {product|car} reads “car” when no product is noted.',
    );
    // Closed, the card reads as the PDF's timeline does.
    await user.click(screen.getByRole('button', { name: /^Moment 1/ }));
    expect(screen.getByRole('button', { name: /^Moment 1/ })).toHaveTextContent(
      '7 days after move-in — First-week check-in',
    );
  });

  it('warns about an unknown placeholder', async () => {
    const charter = blankCharter('en', { moments: [moment('m1', 'Ready')] });
    const { user, stored } = await renderEditor({ charter, step: 'moments' });
    const item = screen.getByRole('group', { name: 'Moment 1' });
    await user.click(within(item).getByLabelText('Message'));
    await user.paste('Hi {customer}, your {foo} is here');

    expect(item).toHaveTextContent(
      'Not a placeholder this app knows: {foo}. Use {customer}, {product}, {owner}, {date} or {delivery}.',
    );
    // Unknown placeholders are left as written in the example.
    expect(item).toHaveTextContent('Hi Ms. Kim, your {foo} is here');
    await waitFor(() => expect(stored().moments[0]?.message).toBe('Hi {customer}, your {foo} is here'));
  });

  it('shows a Korean charter’s example in Korean, whatever the interface language', async () => {
    const charter = blankCharter('ko', {
      moments: [moment('m1', '인도')],
      owner: { ...blankCharter('ko').owner, name: '김민준' },
    });
    const { user } = await renderEditor({ charter, step: 'moments' });
    const item = screen.getByRole('group', { name: 'Moment 1' });
    await user.click(within(item).getByLabelText('Message'));
    await user.paste('{customer}, {product} 인도 준비가 끝났습니다. - {owner}');

    expect(item).toHaveTextContent('김지현 고객님, 제품 인도 준비가 끝났습니다. - 김민준');
  });

  it('in Korean: counts, adds and fills a moment', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('ko'),
      step: 'moments',
      locale: 'ko',
    });
    expect(screen.getByRole('status')).toHaveTextContent('중요한 순간 0개 — 5~10개를 권장합니다');
    await user.click(screen.getByRole('button', { name: '+ 순간 추가' }));
    expect(screen.getByRole('status')).toHaveTextContent('중요한 순간 1개 — 5~10개를 권장합니다');

    const item = screen.getByRole('group', { name: '순간 1' });
    await user.click(within(item).getByLabelText('메시지'));
    await user.paste('{customer}, {product|차량} 계약 감사합니다. {고객}');

    expect(item).toHaveTextContent('김지현 고객님, 차량 계약 감사합니다.');
    expect(item).toHaveTextContent('알 수 없는 자리표시자: {고객}.');
    await waitFor(() =>
      expect(stored().moments[0]?.message).toBe('{customer}, {product|차량} 계약 감사합니다. {고객}'),
    );
  });
});
