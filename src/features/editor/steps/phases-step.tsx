import { useFieldArray } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter, CheckIn } from '../../../domain/charter/charter';
import { FieldGroup, SelectField } from '../../../components/fields';
import { TextField } from '../../../components/text-field';
import { createId } from '../../../lib/id';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { CHANNELS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';

const schema = charterSchema.pick({ checkIns: true });
type Values = { checkIns: { before: CheckIn[]; during: CheckIn[]; after: CheckIn[] } };
const pick = (c: Charter): Values => ({ checkIns: c.checkIns });
const PHASES = ['before', 'during', 'after'] as const;

/** Rule 4: planned check-ins before, during and after the deal. */
export function PhasesStep({ charter }: StepProps) {
  const form = useCharterForm(charter, schema, pick);
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      {PHASES.map((phase) => (
        <Phase key={phase} phase={phase} form={form} />
      ))}
    </form>
  );
}

function Phase({
  phase,
  form,
}: {
  phase: (typeof PHASES)[number];
  form: ReturnType<typeof useCharterForm<typeof schema, Values>>;
}) {
  const { t } = useI18n();
  const { register, control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: `checkIns.${phase}`, keyName: 'key' });
  return (
    <section className="phase" aria-labelledby={`phase-${phase}`}>
      <h3 id={`phase-${phase}`}>{t(`phases.${phase}`)}</h3>
      {fields.length === 0 && <p className="empty">{t('phases.empty')}</p>}
      <ol className="item-list">
        {fields.map((field, index) => (
          <li key={field.id}>
            <FieldGroup
              legend={t('phases.item', { phase: t(`phases.${phase}`), n: index + 1 })}
              actions={
                <button type="button" className="button button--danger" onClick={() => remove(index)}>
                  {t('list.remove')}
                </button>
              }
            >
              <div className="grid-3">
                <TextField
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
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => append({ id: createId(), action: '', timing: '', channel: 'call' })}
      >
        + {t('phases.add', { phase: t(`phases.${phase}`) })}
      </button>
    </section>
  );
}
