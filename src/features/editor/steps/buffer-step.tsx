import { useWatch } from 'react-hook-form';
import type { FieldPath } from 'react-hook-form';
import { commitmentBuffer } from '../../../domain/charter/buffer';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import { commitmentSchema } from '../../../domain/charter/commitment';
import type { Commitment } from '../../../domain/charter/commitment';
import { describeCommitment, describeInternalTarget } from '../../../domain/charter/commitment-text';
import { commitmentLabel } from '../../../domain/charter/short-name';
import { FieldGroup, SelectField } from '../../../components/fields';
import { translateMessage, useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { DURATION_UNITS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';
import { FormNumberField } from '../../../components/number-field';
import { SummaryCard, useOpenCard } from '../summary-list';

const schema = charterSchema.pick({ commitments: true });
type Values = { commitments: Commitment[] };
const pick = (c: Charter): Values => ({ commitments: c.commitments });

/** Rule 5: the buffer between what the customer is promised and the stricter target the owner aims for. */
export function BufferStep({ charter }: StepProps) {
  const { t, formatNumber } = useI18n();
  const { register, control } = useCharterForm(charter, schema, pick);
  const cards = useOpenCard();
  const watched = useWatch({ control, name: 'commitments' }) ?? [];
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
          const target = translateMessage(charter.locale, describeInternalTarget(c, charter.locale));
          const percent =
            share === null ? null : t('buffer.share', { percent: formatNumber(Math.round(share * 100)) });
          return (
            <SummaryCard
              key={c.id}
              title={t('commitments.item', { n: i + 1 })}
              summary={[commitmentLabel(c), `${t('buffer.internalIs')} ${target}`, percent]
                .filter(Boolean)
                .join(' · ')}
              flag={buffer.stricter ? undefined : t('buffer.noBufferShort')}
              isOpen={cards.open === i}
              onToggle={() => cards.toggle(i)}
              onReveal={() => cards.show(i)}
            >
              <FieldGroup legend={t('commitments.item', { n: i + 1 })}>
                <p className="sentence">
                  <q lang={charter.locale}>
                    {translateMessage(charter.locale, describeCommitment(c, charter.locale))}
                  </q>
                </p>
                <p>
                  {t('buffer.internalIs')} <strong>{target}</strong>
                </p>
                {share !== null && (
                  <p className="buffer">
                    <span id={`buffer-${c.id}`}>{percent}</span>
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
                      <FormNumberField
                        control={control}
                        name={at('internal.value')}
                        label={t('commitments.internal')}
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
                      <FormNumberField
                        control={control}
                        name={at('internalLead.value')}
                        label={t('commitments.lead')}
                      />
                      <SelectField
                        label={t('commitments.leadUnit')}
                        options={optionsOf(t, 'units', DURATION_UNITS)}
                        {...register(at('internalLead.unit'))}
                      />
                    </>
                  )}
                  {c.kind === 'amount' && (
                    <FormNumberField
                      control={control}
                      name={at('internal.value')}
                      label={t('commitments.internalAmount')}
                    />
                  )}
                </div>
              </FieldGroup>
            </SummaryCard>
          );
        })}
      </ol>
    </form>
  );
}
