import { useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { charterSchema, ownerContactSchema } from '../../domain/charter/charter';
import type { Charter } from '../../domain/charter/charter';
import { describeIssue } from '../../domain/interchange/errors';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { TextField } from '../../components/text-field';
import { nowIso } from '../../lib/id';
import { useI18n } from '../../lib/i18n';

// The form's rules come from the domain: the stored shape plus the contact checks required to publish.
const basicsSchema = charterSchema
  .pick({ title: true, locale: true })
  .extend({ owner: ownerContactSchema.omit({ photo: true }) });
type Basics = z.infer<typeof basicsSchema>;

const basicsOf = (c: Charter): Basics => ({
  title: c.title,
  locale: c.locale,
  owner: {
    name: c.owner.name,
    role: c.owner.role,
    company: c.owner.company,
    phone: c.owner.phone,
    email: c.owner.email,
    website: c.owner.website,
  },
});

/** The charter editor: basics now; the guided steps of the eight rules fill in below. */
export function CharterEditor({ charterId }: { charterId: string }) {
  const { data, phase } = useWorkspaceState();
  const { t } = useI18n();
  const charter = data.charters.get(charterId);

  if (!charter) {
    return (
      <section className="page" aria-labelledby="editor-missing">
        <h1 id="editor-missing">{t('editor.notFound')}</h1>
        <p>
          <a href="#/">{t('editor.back')}</a>
        </p>
      </section>
    );
  }
  // Keyed so a different charter starts a fresh form.
  return <BasicsForm key={charter.id} charter={charter} disabled={phase !== 'ready'} />;
}

function BasicsForm({ charter, disabled }: { charter: Charter; disabled: boolean }) {
  const workspace = useWorkspace();
  const { t, locale } = useI18n();
  const resolver = useMemo(
    () => zodResolver(basicsSchema, { error: (issue) => describeIssue(issue as z.core.$ZodIssue)[locale] }),
    [locale],
  );
  const {
    register,
    subscribe,
    trigger,
    formState: { errors },
  } = useForm<Basics>({ resolver, mode: 'onChange', defaultValues: basicsOf(charter) });

  useEffect(() => {
    void trigger();
  }, [trigger, resolver]);

  // Every change is stored as typed (drafts may be incomplete); the messages say what publishing needs.
  useEffect(() => {
    return subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        const latest = workspace.getState().data.charters.get(charter.id);
        if (!latest) return;
        const next = charterSchema.safeParse({
          ...latest,
          title: values.title,
          locale: values.locale,
          owner: { ...latest.owner, ...values.owner },
          updatedAt: nowIso(),
        });
        if (next.success) workspace.put('charters', next.data);
      },
    });
  }, [subscribe, workspace, charter.id]);

  return (
    <section className="page" aria-labelledby="editor-title">
      <p>
        <a href="#/">← {t('editor.back')}</a>
      </p>
      <h1 id="editor-title">{charter.title.trim() || t('charters.untitled')}</h1>
      <nav aria-label={t('editor.tabsLabel')} className="tabs">
        <a href={`#/charters/${charter.id}`} aria-current="page">
          {t('editor.tabEdit')}
        </a>
        <a href={`#/charters/${charter.id}/preview`}>{t('editor.tabPreview')}</a>
      </nav>
      <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
        <fieldset disabled={disabled}>
          <legend>{t('editor.basics')}</legend>
          <p className="form__intro">{t('editor.basicsIntro')}</p>
          <TextField
            label={t('editor.charterTitle')}
            hint={t('editor.charterTitleHint')}
            maxLength={120}
            {...register('title')}
            error={errors.title?.message}
          />
          <div className="field">
            <label htmlFor="charter-locale">{t('editor.charterLocale')}</label>
            <select id="charter-locale" {...register('locale')}>
              <option value="ko">{t('language.ko')}</option>
              <option value="en">{t('language.en')}</option>
            </select>
          </div>
          <TextField
            label={t('editor.ownerName')}
            autoComplete="name"
            maxLength={80}
            {...register('owner.name')}
            error={errors.owner?.name?.message}
          />
          <TextField
            label={t('editor.ownerRole')}
            autoComplete="organization-title"
            maxLength={80}
            {...register('owner.role')}
            error={errors.owner?.role?.message}
          />
          <TextField
            label={t('editor.ownerCompany')}
            autoComplete="organization"
            maxLength={120}
            {...register('owner.company')}
            error={errors.owner?.company?.message}
          />
          <TextField
            label={t('editor.ownerPhone')}
            type="tel"
            autoComplete="tel"
            maxLength={40}
            {...register('owner.phone')}
            error={errors.owner?.phone?.message}
          />
          <TextField
            label={t('editor.ownerEmail')}
            type="email"
            autoComplete="email"
            maxLength={254}
            {...register('owner.email')}
            error={errors.owner?.email?.message}
          />
          <TextField
            label={t('editor.ownerWebsite')}
            type="url"
            autoComplete="url"
            maxLength={300}
            {...register('owner.website')}
            error={errors.owner?.website?.message}
          />
        </fieldset>
      </form>
      <section aria-labelledby="steps-title" className="placeholder">
        <h2 id="steps-title">{t('editor.stepsTitle')}</h2>
        <p>{t('editor.stepsIntro')}</p>
      </section>
    </section>
  );
}
