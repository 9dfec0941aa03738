import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { blankCharter, pasteInto, renderEditor } from '../render-editor';

describe('service level step', () => {
  it('stores the title and the owner’s name as they are typed', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'service-level' });

    await user.type(screen.getByLabelText('Charter title'), 'My promise');
    await user.type(screen.getByLabelText('Your name'), 'Alex');
    await pasteInto(user, screen.getByLabelText('Company'), 'Hanbit Motors');

    await waitFor(() => expect(stored().title).toBe('My promise'));
    expect(stored().owner).toMatchObject({ name: 'Alex', company: 'Hanbit Motors' });
    expect(stored().status).toBe('draft');
    // The editor's heading follows the title.
    expect(screen.getByRole('heading', { level: 1, name: 'My promise' })).toBeInTheDocument();
  });

  it('shows an inline message for a bad email, and still keeps what was typed', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'service-level' });
    const email = screen.getByLabelText('Email');

    await user.type(email, 'a@b');
    // The message waits until the field is left: nobody is told off mid-word.
    expect(email).not.toHaveAttribute('aria-invalid');
    await user.tab();

    await waitFor(() =>
      expect(email).toHaveAccessibleDescription('must be an email address like name@example.com'),
    );
    expect(email).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(stored().owner.email).toBe('a@b'));

    await user.type(email, '.kr'); // once shown, the message follows every keystroke
    await waitFor(() => expect(email).not.toHaveAttribute('aria-invalid'));
    expect(email).not.toHaveAccessibleDescription();
    expect(stored().owner.email).toBe('a@b.kr');
  });

  it('stores the chosen service level and whether the owner owns the service', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'service-level' });
    const level = screen.getByRole('group', { name: 'Your service level' });
    expect(within(level).getAllByRole('radio')).toHaveLength(3);
    expect(within(level).getByRole('radio', { name: /^Attentive/ })).toBeChecked();

    await user.click(within(level).getByRole('radio', { name: /^Exceptional/ }));
    await waitFor(() => expect(stored().serviceLevel.tier).toBe('exceptional'));

    await user.click(within(level).getByRole('radio', { name: /^Essential/ }));
    await waitFor(() => expect(stored().serviceLevel.tier).toBe('essential'));

    await user.click(screen.getByRole('checkbox', { name: /I personally own my customers’ service/ }));
    await waitFor(() => expect(stored().serviceLevel.ownsService).toBe(false));
  });

  it('stores the charter language chosen for the PDF', async () => {
    const { user, stored } = await renderEditor({ charter: blankCharter('en'), step: 'service-level' });
    await user.selectOptions(screen.getByLabelText('Charter language'), '한국어');
    await waitFor(() => expect(stored().locale).toBe('ko'));
  });

  it('has a labelled rich-text editor for the service vision with its formatting toolbar', async () => {
    await renderEditor({ charter: blankCharter('en'), step: 'service-level' });
    const vision = await screen.findByRole('textbox', { name: 'Service vision' });
    expect(vision).toHaveAttribute('contenteditable', 'true');
    expect(vision).toHaveAccessibleDescription(
      'In your own words: what service can every customer count on from you?',
    );
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting for Service vision' });
    expect(within(toolbar).getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('in Korean: stores the name and shows the email message in Korean', async () => {
    const { user, stored } = await renderEditor({
      charter: blankCharter('ko'),
      step: 'service-level',
      locale: 'ko',
    });

    await user.type(screen.getByLabelText('이름'), '김민준');
    const email = screen.getByLabelText('이메일');
    await user.type(email, 'minjun@');
    await user.tab();

    await waitFor(() =>
      expect(email).toHaveAccessibleDescription('name@example.com 같은 이메일 주소여야 합니다'),
    );
    await waitFor(() => expect(stored().owner).toMatchObject({ name: '김민준', email: 'minjun@' }));

    await user.click(
      within(screen.getByRole('group', { name: '나의 서비스 수준' })).getByRole('radio', { name: /^탁월함/ }),
    );
    await waitFor(() => expect(stored().serviceLevel.tier).toBe('exceptional'));
    expect(await screen.findByRole('textbox', { name: '서비스 비전' })).toBeInTheDocument();
  });
});
