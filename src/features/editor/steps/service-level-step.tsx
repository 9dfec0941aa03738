import { Controller } from 'react-hook-form';
import { charterSchema, ownerContactSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import { CheckboxField, SelectField } from '../../../components/fields';
import { RichTextEditor } from '../../../components/rich-text-editor';
import { TextField } from '../../../components/text-field';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { useCharterForm } from '../use-charter-form';

const schema = charterSchema
  .pick({ title: true, locale: true, serviceLevel: true, vision: true })
  .extend({ owner: ownerContactSchema });
const pick = (c: Charter) => ({
  title: c.title,
  locale: c.locale,
  serviceLevel: c.serviceLevel,
  vision: c.vision,
  owner: c.owner,
});

/** Rule 1: who you are, the level of service you choose, and your vision in your own words. */
export function ServiceLevelStep({ charter }: StepProps) {
  const { t } = useI18n();
  const {
    register,
    control,
    formState: { errors },
  } = useCharterForm(charter, schema, pick);
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      <TextField
        label={t('editor.charterTitle')}
        hint={t('editor.charterTitleHint')}
        maxLength={120}
        {...register('title')}
        error={errors.title?.message}
      />
      <SelectField
        label={t('editor.charterLocale')}
        options={[
          ['ko', t('language.ko')],
          ['en', t('language.en')],
        ]}
        {...register('locale')}
      />
      <div className="grid-2">
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
        />
        <TextField
          label={t('editor.ownerCompany')}
          autoComplete="organization"
          maxLength={120}
          {...register('owner.company')}
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
        />
      </div>
      <fieldset className="group">
        <legend>{t('serviceLevel.legend')}</legend>
        {(['essential', 'attentive', 'exceptional'] as const).map((tier) => (
          <label key={tier} className="choice">
            <input type="radio" value={tier} {...register('serviceLevel.tier')} />{' '}
            <strong>{t(`serviceLevel.${tier}`)}</strong>
            {' — '}
            {t(`serviceLevel.${tier}Hint`)}
          </label>
        ))}
      </fieldset>
      <CheckboxField label={t('serviceLevel.ownsService')} {...register('serviceLevel.ownsService')} />
      <Controller
        control={control}
        name="vision"
        render={({ field }) => (
          <RichTextEditor
            label={t('serviceLevel.vision')}
            hint={t('serviceLevel.visionHint')}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
    </form>
  );
}
