import { useFieldArray, useWatch } from 'react-hook-form';
import { describeDuration } from '../../../domain/charter/commitment-text';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import {
  CheckboxField,
  FieldGroup,
  SelectField,
  SentenceField,
  TextAreaField,
} from '../../../components/fields';
import { ListItemActions } from '../../../components/list-item-actions';
import { createId } from '../../../lib/id';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { DURATION_UNITS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';
import { FormNumberField } from '../../../components/number-field';
import { SummaryCard, useOpenCard } from '../summary-list';

const schema = charterSchema.pick({ recovery: true });
const pick = (c: Charter) => ({ recovery: c.recovery });

/** Rule 7: the ordered recovery playbook for a broken promise, each step with a time limit. */
export function RecoveryStep({ charter }: StepProps) {
  const { t, tm } = useI18n();
  const { register, control } = useCharterForm(charter, schema, pick);
  const { fields, append, remove, move } = useFieldArray({ control, name: 'recovery.steps', keyName: 'key' });
  const steps = useWatch({ control, name: 'recovery.steps' }) ?? [];
  const cards = useOpenCard();
  // The closed card's line: what is done and by when, in the interface's language.
  const summaryOf = (index: number) => {
    const step = steps[index];
    if (!step?.action.trim()) return t('list.unfinished');
    const within = step.within;
    return [
      step.action.trim(),
      within && within.value > 0 ? t('recovery.withinTime', { time: tm(describeDuration(within)) }) : null,
      step.seriousOnly ? t('recovery.seriousShort') : null,
    ]
      .filter(Boolean)
      .join(' · ');
  };
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      <TextAreaField
        label={t('recovery.promise')}
        hint={t('recovery.promiseHint')}
        maxLength={1000}
        {...register('recovery.promise')}
      />
      <ol className="item-list">
        {fields.map((field, index) => (
          <SummaryCard
            key={field.id}
            title={t('recovery.item', { n: index + 1 })}
            summary={summaryOf(index)}
            isOpen={cards.open === index}
            onToggle={() => cards.toggle(index)}
            onReveal={() => cards.show(index)}
          >
            <FieldGroup
              legend={t('recovery.item', { n: index + 1 })}
              actions={
                <ListItemActions
                  index={index}
                  count={fields.length}
                  onMove={(from, to) => {
                    move(from, to);
                    cards.show(to);
                  }}
                  onRemove={(at) => {
                    remove(at);
                    cards.show(null);
                  }}
                />
              }
            >
              <div className="grid-3">
                <SentenceField
                  label={t('recovery.action')}
                  maxLength={200}
                  {...register(`recovery.steps.${index}.action`)}
                />
                <FormNumberField
                  control={control}
                  name={`recovery.steps.${index}.within.value`}
                  label={t('recovery.within')}
                />
                <SelectField
                  label={t('recovery.withinUnit')}
                  options={optionsOf(t, 'units', DURATION_UNITS)}
                  {...register(`recovery.steps.${index}.within.unit`)}
                />
              </div>
              <CheckboxField
                label={t('recovery.seriousOnly')}
                {...register(`recovery.steps.${index}.seriousOnly`)}
              />
            </FieldGroup>
          </SummaryCard>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => {
          append({ id: createId(), action: '', within: { value: 1, unit: 'days' }, seriousOnly: false });
          cards.show(fields.length);
        }}
      >
        + {t('recovery.add')}
      </button>
    </form>
  );
}
