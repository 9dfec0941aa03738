import { Controller } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import {
  CheckboxField,
  FieldGroup,
  LinesField,
  NumberField,
  SelectField,
  TextAreaField,
} from '../../../components/fields';
import { RichTextEditor } from '../../../components/rich-text-editor';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { CHANNELS, DURATION_UNITS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';
import { useFieldErrors } from '../../../lib/form';

const schema = charterSchema.pick({ afterSales: true, lostSale: true });
const pick = (c: Charter) => ({ afterSales: c.afterSales, lostSale: c.lostSale });

/** The after-sales plan (사후관리) and the lost-sale follow-up. */
export function AfterSalesStep({ charter }: StepProps) {
  const { t } = useI18n();
  const { register, control } = useCharterForm(charter, schema, pick);
  const num = { valueAsNumber: true } as const;
  const errorAt = useFieldErrors(control);
  const units = optionsOf(t, 'units', DURATION_UNITS);
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      <FieldGroup legend={t('afterSales.orderCheck')}>
        <TextAreaField
          label={t('afterSales.orderPractice')}
          hint={t('afterSales.orderPracticeHint')}
          maxLength={1000}
          {...register('afterSales.orderCheck.practice')}
        />
        <div className="grid-3">
          <NumberField
            label={t('afterSales.delayNotice')}
            min={0}
            step="any"
            {...register('afterSales.orderCheck.delayNoticeWithin.value', num)}
            error={errorAt('afterSales.orderCheck.delayNoticeWithin.value')}
          />
          <SelectField
            label={t('afterSales.delayNoticeUnit')}
            options={units}
            {...register('afterSales.orderCheck.delayNoticeWithin.unit')}
          />
        </div>
      </FieldGroup>
      <FieldGroup legend={t('afterSales.firstUse')}>
        <div className="grid-3">
          <NumberField
            label={t('afterSales.firstUseAfter')}
            min={0}
            step="any"
            {...register('afterSales.firstUse.after.value', num)}
            error={errorAt('afterSales.firstUse.after.value')}
          />
          <SelectField
            label={t('afterSales.firstUseUnit')}
            options={units}
            {...register('afterSales.firstUse.after.unit')}
          />
          <SelectField
            label={t('afterSales.firstUseChannel')}
            options={optionsOf(t, 'channels', CHANNELS)}
            {...register('afterSales.firstUse.channel')}
          />
        </div>
      </FieldGroup>
      <FieldGroup legend={t('afterSales.service')}>
        <div className="grid-3">
          <NumberField
            label={t('afterSales.followEvery')}
            min={0}
            step="any"
            {...register('afterSales.serviceFollowUp.every.value', num)}
            error={errorAt('afterSales.serviceFollowUp.every.value')}
          />
          <SelectField
            label={t('afterSales.followEveryUnit')}
            options={units}
            {...register('afterSales.serviceFollowUp.every.unit')}
          />
        </div>
        <CheckboxField
          label={t('afterSales.untilConfirmed')}
          {...register('afterSales.serviceFollowUp.untilConfirmed')}
        />
      </FieldGroup>
      <Controller
        control={control}
        name="afterSales.careTips"
        render={({ field }) => (
          <RichTextEditor
            label={t('afterSales.careTips')}
            hint={t('afterSales.careTipsHint')}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <FieldGroup legend={t('afterSales.businessHelp')}>
        <CheckboxField
          label={t('afterSales.businessHelpEnabled')}
          {...register('afterSales.businessHelp.enabled')}
        />
        <Controller
          control={control}
          name="afterSales.businessHelp.offers"
          render={({ field }) => (
            <LinesField
              label={t('afterSales.businessHelpOffers')}
              hint={t('list.oneLine')}
              value={field.value}
              onChange={field.onChange}
              max={10}
            />
          )}
        />
      </FieldGroup>
      <FieldGroup legend={t('afterSales.lostSale')}>
        <div className="grid-3">
          <NumberField
            label={t('afterSales.lostWithin')}
            min={0}
            step="any"
            {...register('lostSale.within.value', num)}
            error={errorAt('lostSale.within.value')}
          />
          <SelectField
            label={t('afterSales.lostWithinUnit')}
            options={units}
            {...register('lostSale.within.unit')}
          />
        </div>
        <CheckboxField label={t('afterSales.askFeedback')} {...register('lostSale.askFeedback')} />
        <CheckboxField label={t('afterSales.askReferral')} {...register('lostSale.askReferral')} />
        <TextAreaField
          label={t('afterSales.lostMessage')}
          maxLength={2000}
          {...register('lostSale.message')}
        />
      </FieldGroup>
    </form>
  );
}
