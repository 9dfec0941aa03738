import { useFieldArray, useWatch } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter, Moment } from '../../../domain/charter/charter';
import { HANDOVERS, handoverDayName, handoverName, momentWhen } from '../../../domain/charter/handover';
import type { Handover } from '../../../domain/charter/handover';
import { fillMessage, unknownPlaceholders } from '../../../domain/charter/message';
import { fillWords } from '../../../i18n/charter-message';
import { lintPromise } from '../../../domain/charter/promise-linter';
import { FieldGroup, SelectField, TextAreaField } from '../../../components/fields';
import { TextField } from '../../../components/text-field';
import { ListItemActions } from '../../../components/list-item-actions';
import { createId } from '../../../lib/id';
import { createI18n, translateMessage, useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { CHANNELS, MOMENT_KINDS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';
import { SummaryCard, useOpenCard } from '../summary-list';
import { FormNumberField } from '../../../components/number-field';

const schema = charterSchema.pick({ handover: true, moments: true });
type Values = { handover: Handover; moments: Moment[] };
const pick = (c: Charter): Values => ({ handover: c.handover, moments: c.moments });
const MAX = 20;

/** Rule 6: the 5–10 moments that matter, with timing, channel and a ready-made message. */
export function MomentsStep({ charter }: StepProps) {
  const { t, tm } = useI18n();
  const { register, control } = useCharterForm(charter, schema, pick);
  const { fields, append, remove, move } = useFieldArray({ control, name: 'moments', keyName: 'key' });
  const moments = useWatch({ control, name: 'moments' }) ?? [];
  const handover = useWatch({ control, name: 'handover' }) ?? charter.handover;
  // "Counted from": the won deal, or the handover in the trade's word ("입주", "go-live").
  const anchors: [string, string][] = [
    ['deal-won', t('moments.anchors.deal-won')],
    ['delivery', tm(handoverName(handover))],
  ];
  const cards = useOpenCard();
  // The example is shown in the charter's language: it is what the customer will read.
  const charterI18n = createI18n(charter.locale);
  const example = {
    customer: charterI18n.t('moments.exampleCustomer'),
    // No product: the template's own word ("{product|차량}") or a neutral one ("your purchase") is shown,
    // which fits every trade, where one example product ("the new sedan") fitted cars only.
    product: '',
    date: charterI18n.formatDate('2026-12-03T03:00:00.000Z'),
    delivery: charterI18n.formatDate('2026-11-30T03:00:00.000Z'),
    owner: charter.owner.name.trim() || charterI18n.t('moments.exampleOwner'),
  };
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      <SelectField
        label={t('moments.handover')}
        hint={t('moments.handoverHint')}
        options={optionsOf(t, 'moments.handovers', HANDOVERS)}
        {...register('handover')}
      />
      <p className="note" role="status">
        {t('moments.count', { count: fields.length })}
      </p>
      <ol className="item-list">
        {fields.map((field, index) => {
          const message = moments[index]?.message ?? '';
          const unknown = unknownPlaceholders(message);
          const findings = lintPromise(message);
          return (
            <SummaryCard
              key={field.id}
              title={t('moments.item', { n: index + 1 })}
              summary={[
                moments[index] ? tm(momentWhen(moments[index], handover)) : '',
                moments[index]?.label.trim() || t('moments.unnamed'),
                // The message as the customer reads it, not its {placeholders}.
                message.trim() && fillMessage(message, example, fillWords),
              ]
                .filter(Boolean)
                .join(' — ')}
              isOpen={cards.open === index}
              onToggle={() => cards.toggle(index)}
              onReveal={() => cards.show(index)}
              flag={
                unknown.length > 0
                  ? t('moments.unknownPlaceholders', { names: unknown.map((u) => `{${u}}`).join(', ') })
                  : undefined
              }
            >
              <FieldGroup
                legend={t('moments.item', { n: index + 1 })}
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
                  <SelectField
                    label={t('moments.kind')}
                    options={optionsOf(t, 'moments.kinds', MOMENT_KINDS)}
                    {...register(`moments.${index}.kind`)}
                  />
                  <TextField
                    label={t('moments.label')}
                    maxLength={120}
                    {...register(`moments.${index}.label`)}
                  />
                  <SelectField
                    label={t('moments.channel')}
                    options={optionsOf(t, 'channels', CHANNELS)}
                    {...register(`moments.${index}.channel`)}
                  />
                  <FormNumberField
                    control={control}
                    name={`moments.${index}.offsetDays`}
                    label={t('moments.offsetDays')}
                    hint={t('moments.offsetHint')}
                  />
                  <SelectField
                    label={t('moments.anchor')}
                    options={anchors}
                    {...register(`moments.${index}.anchor`)}
                  />
                </div>
                <TextAreaField
                  label={t('moments.message')}
                  hint={t('moments.messageHint', {
                    day: tm(handoverDayName(handover)),
                    // The syntax itself, shown as written (a word the deal falls back on after the bar).
                    example: `{product|${t('moments.exampleWord')}}`,
                    word: t('moments.exampleWord'),
                  })}
                  maxLength={2000}
                  {...register(`moments.${index}.message`)}
                />
                {unknown.length > 0 && (
                  <p className="warning">
                    {t('moments.unknownPlaceholders', { names: unknown.map((u) => `{${u}}`).join(', ') })}
                  </p>
                )}
                {findings.length > 0 && (
                  <ul className="lint" aria-label={t('commitments.lintLabel')}>
                    {findings.map((f, i) => (
                      <li key={i}>
                        <strong>“{f.term}”</strong> — {translateMessage(charter.locale, f.suggestion)}
                      </li>
                    ))}
                  </ul>
                )}
                {message.trim() && (
                  <p className="sentence">
                    <span className="sentence__label">{t('moments.preview')}</span>
                    <q lang={charter.locale}>{fillMessage(message, example, fillWords)}</q>
                  </p>
                )}
              </FieldGroup>
            </SummaryCard>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        disabled={fields.length >= MAX}
        onClick={() => {
          cards.show(fields.length);
          append({
            id: createId(),
            kind: 'custom',
            label: '',
            anchor: 'deal-won',
            offsetDays: 0,
            channel: 'sms',
            message: '',
          });
        }}
      >
        + {t('moments.add')}
      </button>
    </form>
  );
}
