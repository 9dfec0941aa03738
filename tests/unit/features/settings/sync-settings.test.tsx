// Settings → Sync: the sign-in form says in words what is wrong with each field, and after a failed sign-in
// the message fits what happened and goes as soon as the user tries again.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../../src/domain/common';
import { defaultSyncSettings } from '../../../../src/persistence/sync-settings';
import type { SignInResult } from '../../../../src/persistence/sync';

const signIn = vi.fn<(server: string, user: string, password: string) => Promise<SignInResult>>();
vi.mock('../../../../src/persistence/sync-context', () => ({
  syncController: () => ({ signIn }),
  useSyncSettings: () => defaultSyncSettings,
  useSyncStatus: () => ({ kind: 'off' }),
}));

const { SyncSettings } = await import('../../../../src/features/settings/sync-settings');
const { I18nProvider } = await import('../../../../src/lib/i18n');

function setup(locale: Locale = 'en') {
  render(
    <I18nProvider locale={locale}>
      <SyncSettings />
    </I18nProvider>,
  );
  return userEvent.setup();
}

describe('sync sign-in form', () => {
  beforeEach(() => signIn.mockReset());

  it('says what each field needs, in words, and sends nothing', async () => {
    const user = setup();
    await user.type(screen.getByLabelText('Server address'), 'couch.example.com');
    await user.click(screen.getByRole('button', { name: 'Sign in and sync' }));
    expect(await screen.findByText('must be a web address starting with https://')).toBeTruthy();
    expect(screen.getAllByText('is required')).toHaveLength(2); // user name and password
    expect(signIn).not.toHaveBeenCalled();
  });

  it('in Korean too', async () => {
    const user = setup('ko');
    await user.type(screen.getByLabelText('서버 주소'), 'couch.example.com');
    await user.click(screen.getByRole('button', { name: '로그인하고 동기화' }));
    expect(await screen.findByText('https://로 시작하는 웹 주소여야 합니다')).toBeTruthy();
    expect(screen.getAllByText('입력해야 합니다')).toHaveLength(2);
  });

  it('keeps the password after a server that did not answer, and drops the old message on the next try', async () => {
    signIn.mockResolvedValueOnce({ ok: false, reason: 'unreachable' });
    const user = setup();
    await user.type(screen.getByLabelText('Server address'), 'https://couch.example.com');
    await user.type(screen.getByLabelText('User name'), 'minji');
    await user.type(screen.getByLabelText(/^Password/), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in and sync' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server cannot be reached at this address.',
    );
    expect(screen.getByLabelText(/^Password/)).toHaveValue('secret');

    signIn.mockResolvedValueOnce({ ok: false, reason: 'wrong-password' });
    await user.click(screen.getByRole('button', { name: 'Sign in and sync' }));
    expect(signIn).toHaveBeenLastCalledWith('https://couch.example.com', 'minji', 'secret');
    expect(await screen.findByRole('alert')).toHaveTextContent('The user name or password is wrong.');
    // A wrong password is typed again: the field is emptied and has the focus.
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
    expect(screen.getByLabelText(/^Password/)).toHaveFocus();
  });
});
