import { useWatch } from 'react-hook-form';
import type { FieldPath } from 'react-hook-form';
import { commitmentBuffer } from '../../../domain/charter/buffer';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import { commitmentSchema } from '../../../domain/charter/commitment';
import type { Commitment } from '../../../domain/charter/commitment';
import { describeCommitment, describeInternalTarget } from '../../../domain/charter/commitment-text';
import { FieldGroup, NumberField, SelectField } from '../../../components/fields';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { DURATION_UNITS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';
import { useFieldErrors } from '../../../lib/form';

const schema = charterSchema.pick({ commitments: true });
type Values = { commitments: Commitment[] };
const pick = (c: Charter): Values => ({ commitments: c.commitments });

/** Rule 5: the buffer between what the customer is promised and the stricter target the owner aims for. */
export function BufferStep({ charter }: StepProps) {
  const { t, formatNumber } = useI18n();
  const { register, control } = useCharterForm(charter, schema, pick);
  const watched = useWatch({ control, name: 'commitments' }) ?? [];
  const errorAt = useFieldErrors(control);
  // While a number is mid-edit, the buffer is shown for the stored commitment rather than as "NaN".
  const commitments = watched.map((c) =>
    commitmentSchema.safeParse(c).success ? c : (charter.commitments.find((x) => x.id === c.id) ?? c),
  );
  if (commitments.length === 0) return <p className="empty">{t('readiness.none')}</p>;
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      <ol className="item-list">
        {commitments.map((c, i) => {
          const at = (field: string) => `commitments.${i}.${field}` as FieldPath<Values>;
          const buffer = commitmentBuffer(c);
          const share = buffer.share === null ? null : Math.max(0, Math.min(1, buffer.share));
          return (
            <li key={c.id}>
              <FieldGroup legend={t('commitments.item', { n: i + 1 })}>
                <p className="sentence">
                  <q lang={charter.locale}>{describeCommitment(c, charter.locale)}</q>
                </p>
                <p>
                  {t('buffer.internalIs')} <strong>{describeInternalTarget(c, charter.locale)}</strong>
                </p>
                {share !== null && (
                  <p className="buffer">
                    <span id={`buffer-${c.id}`}>
                      {t('buffer.share', { percent: formatNumber(Math.round(share * 100)) })}
                    </span>
                    <meter
                      aria-labelledby={`buffer-${c.id}`}
                      min={0}
                      max={1}
                      low={0.15}
                      optimum={0.5}
                      value={share}
                    />
                  </p>
                )}
                {!buffer.stricter && (
                  <p className="warning" role="note">
                    {t('buffer.noBuffer')}
                  </p>
                )}
                <div className="grid-3">
                  {(c.kind === 'within' || c.kind === 'done') && (
                    <>
                      <NumberField
                        label={t('commitments.internal')}
                        min={0}
                        step="any"
                        {...register(at('internal.value'), { valueAsNumber: true })}
                        error={errorAt(at('internal.value'))}
                      />
                      <SelectField
                        label={t('commitments.internalUnit')}
                        options={optionsOf(t, 'units', DURATION_UNITS)}
                        {...register(at('internal.unit'))}
                      />
                    </>
                  )}
                  {c.kind === 'by-date' && (
                    <>
                      <NumberField
                        label={t('commitments.lead')}
                        min={0}
                        step="any"
                        {...register(at('internalLead.value'), { valueAsNumber: true })}
                        error={errorAt(at('internalLead.value'))}
                      />
                      <SelectField
                        label={t('commitments.leadUnit')}
                        options={optionsOf(t, 'units', DURATION_UNITS)}
                        {...register(at('internalLead.unit'))}
                      />
                    </>
                  )}
                  {c.kind === 'amount' && (
                    <NumberField
                      label={t('commitments.internalAmount')}
                      min={0}
                      step="any"
                      {...register(at('internal.value'), { valueAsNumber: true })}
                      error={errorAt(at('internal.value'))}
                    />
                  )}
                </div>
              </FieldGroup>
            </li>
          );
        })}
      </ol>
    </form>
  );
}
