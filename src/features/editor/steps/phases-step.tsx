import { useFieldArray, useWatch } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter, CheckIn } from '../../../domain/charter/charter';
import { FieldGroup, SelectField, SentenceField } from '../../../components/fields';
import { TextField } from '../../../components/text-field';
import { createId } from '../../../lib/id';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { CHANNELS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';
import { SummaryCard, useOpenCard } from '../summary-list';

const schema = charterSchema.pick({ checkIns: true });
type Values = { checkIns: { before: CheckIn[]; during: CheckIn[]; after: CheckIn[] } };
const pick = (c: Charter): Values => ({ checkIns: c.checkIns });
const PHASES = ['before', 'during', 'after'] as const;

/** Rule 4: planned check-ins before, during and after the deal. */
export function PhasesStep({ charter }: StepProps) {
  const form = useCharterForm(charter, schema, pick);
  // One check-in open in the whole step (named by its id, as there are three lists), the first to begin with.
  const first = PHASES.map((phase) => charter.checkIns[phase][0]?.id).find(Boolean) ?? null;
  const cards = useOpenCard<string>(first);
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      {PHASES.map((phase) => (
        <Phase key={phase} phase={phase} form={form} cards={cards} />
      ))}
    </form>
  );
}

function Phase({
  phase,
  form,
  cards,
}: {
  phase: (typeof PHASES)[number];
  form: ReturnType<typeof useCharterForm<typeof schema, Values>>;
  cards: ReturnType<typeof useOpenCard<string>>;
}) {
  const { t } = useI18n();
  const { register, control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: `checkIns.${phase}`, keyName: 'key' });
  const values = useWatch({ control, name: `checkIns.${phase}` }) ?? [];
  // The closed card's line: what, when and how.
  const summaryOf = (index: number) => {
    const item = values[index];
    const words = [item?.action.trim(), item?.timing.trim()].filter(Boolean);
    if (!item || words.length === 0) return t('list.unfinished');
    return [...words, t(`channels.${item.channel}`)].join(' · ');
  };
  return (
    <section className="phase" aria-labelledby={`phase-${phase}`}>
      <h3 id={`phase-${phase}`}>{t(`phases.${phase}`)}</h3>
      {fields.length === 0 && <p className="empty">{t('phases.empty')}</p>}
      <ol className="item-list">
        {fields.map((field, index) => (
          <SummaryCard
            key={field.id}
            title={t('phases.item', { phase: t(`phases.${phase}`), n: index + 1 })}
            summary={summaryOf(index)}
            isOpen={cards.open === field.id}
            onToggle={() => cards.toggle(field.id)}
            onReveal={() => cards.show(field.id)}
          >
            <FieldGroup
              legend={t('phases.item', { phase: t(`phases.${phase}`), n: index + 1 })}
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
              <div className="grid-3">
                <SentenceField
                  label={t('phases.action')}
                  maxLength={200}
                  {...register(`checkIns.${phase}.${index}.action`)}
                />
                <TextField
                  label={t('phases.timing')}
                  maxLength={120}
                  {...register(`checkIns.${phase}.${index}.timing`)}
                />
                <SelectField
                  label={t('phases.channel')}
                  options={optionsOf(t, 'channels', CHANNELS)}
                  {...register(`checkIns.${phase}.${index}.channel`)}
                />
              </div>
            </FieldGroup>
          </SummaryCard>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => {
          const id = createId();
          append({ id, action: '', timing: '', channel: 'call' });
          cards.show(id);
        }}
      >
        + {t('phases.add', { phase: t(`phases.${phase}`) })}
      </button>
    </section>
  );
}
