import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import type { FieldPath } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import { commitmentSchema } from '../../../domain/charter/commitment';
import type { Commitment } from '../../../domain/charter/commitment';
import { describeCommitment, describeDuration } from '../../../domain/charter/commitment-text';
import { FieldGroup } from '../../../components/fields';
import { RadioGroup } from '../../../components/radio-group';
import { calibrate } from '../../../domain/tracker/calibration';
import { wouldHaveKept } from '../../../domain/tracker/track-record';
import type { DeliveryRecord } from '../../../domain/tracker/tracker';
import type { Settings } from '../../../domain/settings';
import type { Locale } from '../../../domain/common';
import { useWorkspace, useWorkspaceState } from '../../../persistence/workspace-context';
import { translateMessage, useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { useCharterForm } from '../use-charter-form';
import { FormNumberField } from '../../../components/number-field';
import { SummaryCard, useOpenCard } from '../summary-list';

const schema = charterSchema.pick({ commitments: true });
type Values = { commitments: Commitment[] };
const pick = (c: Charter): Values => ({ commitments: c.commitments });

/** Rule 3: confirm each commitment can be kept every time, or lower it, before publishing. */
export function ReadinessStep({ charter }: StepProps) {
  const { t } = useI18n();
  const { control, setValue } = useCharterForm(charter, schema, pick);
  const commitments = useWatch({ control, name: 'commitments' }) ?? [];
  const { data } = useWorkspaceState();
  const workspace = useWorkspace();
  const [now] = useState(() => Date.now());
  // "Not yet sure" is stored as the unanswered state itself: it shows as chosen only once the user chose
  // it here, so an unanswered card has no answer pre-selected while its badge says "To confirm".
  const [unsure, setUnsure] = useState<ReadonlySet<string>>(new Set());
  // The first commitment still to confirm is open; the others are one line each.
  const cards = useOpenCard<number>(
    Math.max(
      0,
      charter.commitments.findIndex((c) => c.readiness !== 'confirmed'),
    ),
  );
  const records = [...data.deliveries.values()].filter((r) => r.charterId === charter.id);
  const hasHistory = records.length > 0;
  // While a number is mid-edit, sentences show the stored commitment rather than "NaN".
  const shown = (c: Commitment) =>
    commitmentSchema.safeParse(c).success ? c : (charter.commitments.find((x) => x.id === c.id) ?? c);
  if (commitments.length === 0) return <p className="empty">{t('readiness.none')}</p>;
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      {!hasHistory && <p className="note">{t('readiness.noHistory')}</p>}
      <ol className="item-list">
        {commitments.map((c, i) => {
          const at = (field: string) => `commitments.${i}.${field}` as FieldPath<Values>;
          const confirmed = c.readiness === 'confirmed';
          const sentence = translateMessage(charter.locale, describeCommitment(shown(c), charter.locale));
          return (
            <SummaryCard
              key={c.id}
              title={t('commitments.item', { n: i + 1 })}
              summary={sentence}
              badge={{
                text: t(confirmed ? 'readiness.stateConfirmed' : 'readiness.stateUnconfirmed'),
                done: confirmed,
              }}
              isOpen={cards.open === i}
              onToggle={() => cards.toggle(i)}
              onReveal={() => cards.show(i)}
            >
              <FieldGroup legend={t('commitments.item', { n: i + 1 })}>
                <p className="sentence">
                  <q lang={charter.locale}>{sentence}</q>
                </p>
                <Evidence
                  commitment={shown(c)}
                  records={records}
                  settings={workspace.settings}
                  now={now}
                  locale={charter.locale}
                />
                <Controller
                  control={control}
                  name={at('readiness')}
                  render={({ field }) => (
                    <RadioGroup
                      label={t('readiness.question')}
                      options={[
                        ['confirmed', t('readiness.confirmed')],
                        ['unconfirmed', t('readiness.unconfirmed')],
                      ]}
                      value={
                        field.value === 'confirmed' ? 'confirmed' : unsure.has(c.id) ? 'unconfirmed' : null
                      }
                      onChange={(answer) => {
                        setUnsure((s) => new Set(s).add(c.id));
                        field.onChange(answer);
                      }}
                    />
                  )}
                />
                {c.kind !== 'by-date' && (
                  <FormNumberField
                    control={control}
                    name={at('promised.value')}
                    label={t(c.kind === 'amount' ? 'readiness.lowerAmount' : 'readiness.lowerWindow')}
                    hint={t('readiness.lowerHint')}
                  />
                )}
              </FieldGroup>
            </SummaryCard>
          );
        })}
      </ol>
      {commitments.every((c) => c.readiness === 'confirmed') ? (
        <p className="note" role="status">
          {t('readiness.allConfirmed')}
        </p>
      ) : (
        <div className="confirm-all">
          <p id="confirm-all-hint">{t('readiness.confirmAllHint', { count: commitments.length })}</p>
          <button
            type="button"
            className="button button--primary"
            aria-describedby="confirm-all-hint"
            onClick={() =>
              commitments.forEach((_, i) =>
                setValue(`commitments.${i}.readiness`, 'confirmed', { shouldDirty: true }),
              )
            }
          >
            {t('readiness.confirmAll')}
          </button>
        </div>
      )}
    </form>
  );
}

/** What the track record says about keeping this promise: the share it would have kept, and calibration. */
function Evidence({
  commitment,
  records,
  settings,
  now,
  locale,
}: {
  commitment: Commitment;
  records: DeliveryRecord[];
  settings: Settings;
  now: number;
  locale: Locale;
}) {
  const { t, formatNumber } = useI18n();
  const share = wouldHaveKept(commitment, records, settings, now);
  if (!share) return null;
  const cal = calibrate(commitment, records, settings.calendar);
  return (
    <p className={share.kept === share.closed ? 'note' : 'warning'}>
      {t('readiness.history', {
        kept: formatNumber(share.kept),
        closed: formatNumber(share.closed),
        percent: formatNumber(Math.round((share.kept / share.closed) * 100)),
      })}
      {cal && cal.verdict === 'over-promising' && (
        <>
          {' '}
          {t('readiness.honest', {
            window: translateMessage(
              locale,
              describeDuration(
                { value: Math.ceil(cal.honestWindowMinutes / 60), unit: 'hours' },
                commitment.kind !== 'amount' && 'businessTime' in commitment && commitment.businessTime,
              ),
            ),
          })}
        </>
      )}
    </p>
  );
}
