import { Controller } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import {
  CheckboxField,
  FieldGroup,
  LinesField,
  SelectField,
  TextAreaField,
} from '../../../components/fields';
import { RichTextEditor } from '../../../components/rich-text-editor';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { CHANNELS, DURATION_UNITS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';
import { FormNumberField } from '../../../components/number-field';

const schema = charterSchema.pick({ afterSales: true, lostSale: true });
const pick = (c: Charter) => ({ afterSales: c.afterSales, lostSale: c.lostSale });

/** The after-sales plan (사후관리) and the lost-sale follow-up. */
export function AfterSalesStep({ charter }: StepProps) {
  const { t } = useI18n();
  const { register, control } = useCharterForm(charter, schema, pick);
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
          <FormNumberField
            control={control}
            name="afterSales.orderCheck.delayNoticeWithin.value"
            label={t('afterSales.delayNotice')}
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
          <FormNumberField
            control={control}
            name="afterSales.firstUse.after.value"
            label={t('afterSales.firstUseAfter')}
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
          <FormNumberField
            control={control}
            name="afterSales.serviceFollowUp.every.value"
            label={t('afterSales.followEvery')}
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
          <FormNumberField
            control={control}
            name="lostSale.within.value"
            label={t('afterSales.lostWithin')}
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
