import { Controller, useFieldArray } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import { FieldGroup, LinesField } from '../../../components/fields';
import { TextField } from '../../../components/text-field';
import { createId } from '../../../lib/id';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { useCharterForm } from '../use-charter-form';

const schema = charterSchema.pick({ alternatives: true });
const pick = (c: Charter) => ({ alternatives: c.alternatives });

/** Rule 8: requests the owner cannot grant directly, each with the alternatives to offer instead. */
export function AlternativesStep({ charter }: StepProps) {
  const { t } = useI18n();
  const { register, control } = useCharterForm(charter, schema, pick);
  const { fields, append, remove } = useFieldArray({ control, name: 'alternatives', keyName: 'key' });
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      <ol className="item-list">
        {fields.map((field, index) => (
          <li key={field.id}>
            <FieldGroup
              legend={t('alternatives.item', { n: index + 1 })}
              actions={
                <button type="button" className="button button--danger" onClick={() => remove(index)}>
                  {t('list.remove')}
                </button>
              }
            >
              <TextField
                label={t('alternatives.request')}
                maxLength={200}
                {...register(`alternatives.${index}.request`)}
              />
              <Controller
                control={control}
                name={`alternatives.${index}.offers`}
                render={({ field: offers }) => (
                  <LinesField
                    label={t('alternatives.offers')}
                    hint={t('list.oneLine')}
                    value={offers.value}
                    onChange={offers.onChange}
                    max={10}
                  />
                )}
              />
            </FieldGroup>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => append({ id: createId(), request: '', offers: [] })}
      >
        + {t('alternatives.add')}
      </button>
    </form>
  );
}
