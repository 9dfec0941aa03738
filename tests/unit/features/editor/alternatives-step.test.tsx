import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { blankCharter, pasteInto, renderEditor } from '../render-editor';

describe('alternatives step', () => {
  it('stores a request and its offers, one per line', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'alternatives' });
    await user.click(screen.getByRole('button', { name: '+ Add a request' }));
    const request = screen.getByRole('group', { name: 'Request 1' });

    await pasteInto(
      user,
      within(request).getByLabelText('What customers ask for that you cannot grant'),
      'A bigger discount',
    );
    const offers = within(request).getByLabelText('What you offer instead');
    expect(offers).toHaveAccessibleDescription('One per line.');
    await user.type(offers, 'Mats{Enter}Tint{Enter}Free service');

    await waitFor(() =>
      expect(stored().alternatives).toEqual([
        {
          id: expect.any(String),
          request: 'A bigger discount',
          offers: ['Mats', 'Tint', 'Free service'],
        },
      ]),
    );
    expect(offers).toHaveValue('Mats\nTint\nFree service');
  });

  it('removes a request', async () => {
    const charter = blankCharter('en', {
      alternatives: [
        { id: 'a1', request: 'Discount', offers: ['Free service'] },
        { id: 'a2', request: 'Earlier delivery', offers: ['A loan car'] },
      ],
    });
    const { user, stored } = await renderEditor({ charter, step: 'alternatives' });
    const head = (n: number) => screen.getByRole('button', { name: new RegExp(`^Request ${n}`) });
    // The first request is open; the second is one line: the request and what is offered instead.
    expect(head(1)).toHaveAttribute('aria-expanded', 'true');
    expect(head(2)).toHaveAttribute('aria-expanded', 'false');
    expect(head(2)).toHaveTextContent('Earlier delivery → A loan car');

    await user.click(
      within(screen.getByRole('group', { name: 'Request 1' })).getByRole('button', { name: 'Remove' }),
    );

    await waitFor(() => expect(stored().alternatives.map((a) => a.id)).toEqual(['a2']));
    expect(screen.queryByRole('button', { name: /^Request 2/ })).not.toBeInTheDocument();
    await user.click(head(1));
    expect(
      within(screen.getByRole('group', { name: 'Request 1' })).getByLabelText('What you offer instead'),
    ).toHaveValue('A loan car');
  });

  it('in Korean: stores the offers as a list', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('ko'),
      step: 'alternatives',
      locale: 'ko',
    });
    await user.click(screen.getByRole('button', { name: '+ 요청 추가' }));
    const request = screen.getByRole('group', { name: '요청 1' });
    await user.type(within(request).getByLabelText('들어드릴 수 없는 고객의 요청'), '추가 할인');
    await user.type(within(request).getByLabelText('대신 제안할 것'), '무상 점검 쿠폰{Enter}블랙박스 설치');

    await waitFor(() =>
      expect(stored().alternatives[0]).toMatchObject({
        request: '추가 할인',
        offers: ['무상 점검 쿠폰', '블랙박스 설치'],
      }),
    );
  });
});
