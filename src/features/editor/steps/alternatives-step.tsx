import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import { FieldGroup, LinesField } from '../../../components/fields';
import { TextField } from '../../../components/text-field';
import { createId } from '../../../lib/id';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { useCharterForm } from '../use-charter-form';
import { SummaryCard, useOpenCard } from '../summary-list';

const schema = charterSchema.pick({ alternatives: true });
const pick = (c: Charter) => ({ alternatives: c.alternatives });

/** Rule 8: requests the owner cannot grant directly, each with the alternatives to offer instead. */
export function AlternativesStep({ charter }: StepProps) {
  const { t } = useI18n();
  const { register, control } = useCharterForm(charter, schema, pick);
  const { fields, append, remove } = useFieldArray({ control, name: 'alternatives', keyName: 'key' });
  const values = useWatch({ control, name: 'alternatives' }) ?? [];
  const cards = useOpenCard();
  // The closed card's line: the request, then what is offered instead.
  const summaryOf = (index: number) => {
    const item = values[index];
    const request = item?.request.trim() ?? '';
    const offers = (item?.offers ?? []).map((o) => o.trim()).filter(Boolean);
    if (!request && offers.length === 0) return t('list.unfinished');
    return [request, offers.join(' · ')].filter(Boolean).join(' → ');
  };
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      <ol className="item-list">
        {fields.map((field, index) => (
          <SummaryCard
            key={field.id}
            title={t('alternatives.item', { n: index + 1 })}
            summary={summaryOf(index)}
            isOpen={cards.open === index}
            onToggle={() => cards.toggle(index)}
            onReveal={() => cards.show(index)}
          >
            <FieldGroup
              legend={t('alternatives.item', { n: index + 1 })}
              actions={
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => {
                    remove(index);
                    cards.show(null);
                  }}
                >
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
          </SummaryCard>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => {
          append({ id: createId(), request: '', offers: [] });
          cards.show(fields.length);
        }}
      >
        + {t('alternatives.add')}
      </button>
    </form>
  );
}
