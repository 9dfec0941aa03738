import { useFieldArray, useWatch } from 'react-hook-form';
import type { Control, FieldPath, UseFormRegister } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import { SHORT_NAME_MAX, commitmentSchema, defaultCommitment } from '../../../domain/charter/commitment';
import type { Commitment, CommitmentKind } from '../../../domain/charter/commitment';
import { describeCommitment } from '../../../domain/charter/commitment-text';
import { lintPromise } from '../../../domain/charter/promise-linter';
import { commitmentLabel } from '../../../domain/charter/short-name';
import type { Locale } from '../../../domain/common';
import { CheckboxField, FieldGroup, SelectField, SentenceField } from '../../../components/fields';
import { TextField } from '../../../components/text-field';
import { ListItemActions } from '../../../components/list-item-actions';
import { createId } from '../../../lib/id';
import { translateMessage, useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { AMOUNT_UNITS, AUDIENCES, DURATION_UNITS, KINDS, PERIODS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';
import { SummaryCard, useOpenCard } from '../summary-list';
import { FormNumberField } from '../../../components/number-field';

const schema = charterSchema.pick({ commitments: true });
type Values = { commitments: Commitment[] };
const pick = (c: Charter): Values => ({ commitments: c.commitments });

/** Rule 2: the measurable commitments that make the charter. */
export function CommitmentsStep({ charter }: StepProps) {
  const { t } = useI18n();
  const { register, control, getValues } = useCharterForm(charter, schema, pick);
  const cards = useOpenCard();
  const values = useWatch({ control, name: 'commitments' }) ?? [];
  const { fields, append, remove, move, update } = useFieldArray({
    control,
    name: 'commitments',
    keyName: 'key',
  });

  const changeKind = (index: number, kind: CommitmentKind) => {
    const current = getValues(`commitments.${index}`);
    const fresh = defaultCommitment(current.id, kind);
    update(index, {
      ...fresh,
      what: current.what,
      shortName: current.shortName,
      trigger: current.trigger,
      appliesTo: current.appliesTo,
      measuredBy: current.measuredBy,
    });
  };

  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      {fields.length === 0 && <p className="empty">{t('commitments.empty')}</p>}
      <ol className="item-list">
        {fields.map((field, index) => (
          <SummaryCard
            key={field.id}
            title={t('commitments.item', { n: index + 1 })}
            summary={summaryOf(values[index], charter.locale) || t('commitments.unfinished')}
            isOpen={cards.open === index}
            onToggle={() => cards.toggle(index)}
            onReveal={() => cards.show(index)}
          >
            <FieldGroup
              legend={t('commitments.item', { n: index + 1 })}
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
              <SelectField
                label={t('commitments.kind')}
                options={optionsOf(t, 'commitments.kinds', KINDS)}
                value={field.kind}
                onChange={(e) => changeKind(index, e.target.value as CommitmentKind)}
              />
              <CommitmentFields
                index={index}
                kind={field.kind}
                register={register}
                control={control}
                locale={charter.locale}
              />
            </FieldGroup>
          </SummaryCard>
        ))}
      </ol>
      <div className="add-row" role="group" aria-label={t('commitments.addLabel')}>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button"
            onClick={() => {
              append(defaultCommitment(createId(), kind));
              cards.show(fields.length);
            }}
          >
            + {t(`commitments.add.${kind}`)}
          </button>
        ))}
      </div>
    </form>
  );
}

/** The closed card's line: the sentence the customer reads, or what is promised while it is unfinished. */
function summaryOf(value: Commitment | undefined, locale: Locale): string {
  if (!value) return '';
  const valid = commitmentSchema.safeParse(value);
  return valid.success ? translateMessage(locale, describeCommitment(valid.data, locale)) : value.what.trim();
}

function CommitmentFields({
  index,
  kind,
  register,
  control,
  locale,
}: {
  index: number;
  kind: CommitmentKind;
  register: UseFormRegister<Values>;
  control: Control<Values>;
  locale: Locale;
}) {
  const { t } = useI18n();
  const value = useWatch({ control, name: `commitments.${index}` });
  // The sentence shows what is stored when a field is mid-edit (an emptied number), never "NaN".
  const valid = commitmentSchema.safeParse(value);
  const findings = lintPromise(`${value?.what ?? ''} ${value?.trigger ?? ''}`);
  const p = `commitments.${index}` as const;
  // Kind-specific fields are not in every member of the union, so their paths are built by name.
  const at = (field: string) => `${p}.${field}` as FieldPath<Values>;
  return (
    <>
      <TextField
        label={t('commitments.what')}
        hint={t(`commitments.whatHint.${locale}`)}
        maxLength={200}
        {...register(`${p}.what`)}
      />
      <TextField
        label={t('commitments.shortName')}
        hint={t('commitments.shortNameHint', {
          left: SHORT_NAME_MAX - (value?.shortName ?? '').length,
        })}
        maxLength={SHORT_NAME_MAX}
        // Until the owner names it, pickers show the name derived from the text: shown here in grey.
        placeholder={commitmentLabel({ shortName: '', what: value?.what ?? '' })}
        {...register(`${p}.shortName`)}
      />
      <TextField
        label={t('commitments.trigger')}
        hint={t('commitments.triggerHint')}
        maxLength={200}
        {...register(`${p}.trigger`)}
      />
      {findings.length > 0 && (
        <ul className="lint" aria-label={t('commitments.lintLabel')}>
          {findings.map((f, i) => (
            <li key={i}>
              <strong>“{f.term}”</strong> — {translateMessage(locale, f.suggestion)}
            </li>
          ))}
        </ul>
      )}
      <div className="grid-3">
        {(kind === 'within' || kind === 'done') && (
          <>
            <FormNumberField
              control={control}
              name={at('promised.value')}
              label={t('commitments.promised')}
            />
            <SelectField
              label={t('commitments.promisedUnit')}
              options={optionsOf(t, 'units', DURATION_UNITS)}
              {...register(at('promised.unit'))}
            />
            <span />
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
        {kind === 'by-date' && (
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
        {kind === 'amount' && (
          <>
            <SelectField
              label={t('commitments.direction')}
              options={optionsOf(t, 'commitments.directions', ['at-most', 'at-least'])}
              {...register(at('direction'))}
            />
            <FormNumberField
              control={control}
              name={at('promised.value')}
              label={t('commitments.promisedAmount')}
            />
            <SelectField
              label={t('commitments.amountUnit')}
              options={optionsOf(t, 'amountUnits', AMOUNT_UNITS)}
              {...register(at('promised.unit'))}
            />
            <TextField
              label={t('commitments.countLabel')}
              maxLength={40}
              {...register(at('promised.label'))}
            />
            <FormNumberField
              control={control}
              name={at('internal.value')}
              label={t('commitments.internalAmount')}
            />
            <SelectField
              label={t('commitments.internalAmountUnit')}
              options={optionsOf(t, 'amountUnits', AMOUNT_UNITS)}
              {...register(at('internal.unit'))}
            />
            <SelectField
              label={t('commitments.period')}
              options={optionsOf(t, 'commitments.periods', PERIODS)}
              {...register(at('period'))}
            />
          </>
        )}
      </div>
      {kind !== 'amount' && (
        <CheckboxField label={t('commitments.businessTime')} {...register(at('businessTime'))} />
      )}
      <div className="grid-2">
        <SelectField
          label={t('commitments.appliesTo')}
          options={optionsOf(t, 'commitments.audiences', AUDIENCES)}
          {...register(`${p}.appliesTo`)}
        />
        <SentenceField label={t('commitments.measuredBy')} maxLength={500} {...register(`${p}.measuredBy`)} />
      </div>
      {valid.success && (
        <p className="sentence">
          <span className="sentence__label">{t('commitments.customerReads')}</span>
          <q lang={locale}>{translateMessage(locale, describeCommitment(valid.data, locale))}</q>
        </p>
      )}
    </>
  );
}
