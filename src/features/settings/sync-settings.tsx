import { useState } from 'react';
import { z } from 'zod';
import { issueParams } from '../../domain/text/message';
import { TextField } from '../../components/text-field';
import type { MessageKey } from '../../i18n/messages';
import { useDetailsForm } from '../../lib/form';
import { useI18n } from '../../lib/i18n';
import type { SignInResult } from '../../persistence/sync';
import { syncController, useSyncSettings, useSyncStatus } from '../../persistence/sync-context';
import { serverAddressSchema, syncUserSchema } from '../../persistence/sync-settings';

const signInSchema = z.object({
  server: serverAddressSchema,
  user: syncUserSchema,
  password: z.string().refine((v) => v.length > 0, { params: issueParams('issue.required') }),
});

const failure: Record<Extract<SignInResult, { ok: false }>['reason'], MessageKey> = {
  'wrong-password': 'sync.wrongPassword',
  unreachable: 'sync.unreachable',
  'no-database': 'sync.noDatabase',
  'server-error': 'sync.serverError',
};

/**
 * Settings → "Sync with your other devices": sign in to the user's CouchDB server (the password goes to
 * the server once and is not kept), and sign out, asking whether to keep the data on this device.
 */
export function SyncSettings() {
  const { t } = useI18n();
  const settings = useSyncSettings();
  const status = useSyncStatus();
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  const { form, errorAt } = useDetailsForm(signInSchema, {
    server: settings.server,
    user: settings.user,
    password: '',
  });
  const signedIn = settings.enabled && status.kind !== 'needs-sign-in';

  const signIn = form.handleSubmit(async ({ server, user, password }) => {
    const result = await syncController().signIn(server, user, password);
    if (result.ok) form.resetField('password');
    else {
      setMessage(failure[result.reason]);
      // A wrong password is typed again; after a server that did not answer, the same one can be retried.
      if (result.reason === 'wrong-password') {
        form.resetField('password');
        form.setFocus('password');
      }
    }
  });

  const signOut = async (keepLocal: boolean) => {
    setConfirmingSignOut(false);
    await syncController().signOut({ keepLocal });
    // The local database is gone: start the app again on an empty one.
    if (!keepLocal) window.location.reload();
    else setMessage('sync.signedOut');
  };

  return (
    <section className="form" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p className="form__intro">{t('sync.intro')}</p>
      {signedIn ? (
        <>
          <p>{t('sync.signedInAs', { user: settings.user, server: settings.server })}</p>
          {confirmingSignOut ? (
            <fieldset className="group">
              <legend>{t('sync.signOutQuestion')}</legend>
              <p className="field__hint">{t('sync.signOutHint')}</p>
              <div className="group__actions">
                <button type="button" className="button button--primary" onClick={() => void signOut(true)}>
                  {t('sync.keepLocal')}
                </button>
                <button type="button" className="button" onClick={() => void signOut(false)}>
                  {t('sync.deleteLocal')}
                </button>
                <button type="button" className="button" onClick={() => setConfirmingSignOut(false)}>
                  {t('sync.cancel')}
                </button>
              </div>
            </fieldset>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmingSignOut(true)}>
              {t('sync.signOut')}
            </button>
          )}
        </>
      ) : (
        <form
          onSubmit={(e) => {
            // The last attempt's message goes as soon as the user tries again.
            setMessage(null);
            void signIn(e);
          }}
          noValidate
        >
          <TextField
            label={t('sync.server')}
            hint={t('sync.serverHint')}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            error={errorAt('server')}
            {...form.register('server')}
          />
          <TextField
            label={t('sync.user')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            error={errorAt('user')}
            {...form.register('user')}
          />
          <TextField
            label={t('sync.password')}
            hint={t('sync.passwordHint')}
            type="password"
            autoComplete="current-password"
            error={errorAt('password')}
            {...form.register('password')}
          />
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
            {t(form.formState.isSubmitting ? 'sync.signingIn' : 'sync.signIn')}
          </button>
        </form>
      )}
      {message && (
        <p className={message === 'sync.signedOut' ? 'form__saved' : 'field__error'} role="alert">
          {t(message)}
        </p>
      )}
    </section>
  );
}
