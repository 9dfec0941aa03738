import { useFieldArray, useWatch } from 'react-hook-form';
import type { Control, FieldPath, UseFormRegister } from 'react-hook-form';
import { charterSchema } from '../../../domain/charter/charter';
import type { Charter } from '../../../domain/charter/charter';
import { commitmentSchema, defaultCommitment } from '../../../domain/charter/commitment';
import type { Commitment, CommitmentKind } from '../../../domain/charter/commitment';
import { describeCommitment } from '../../../domain/charter/commitment-text';
import { lintPromise } from '../../../domain/charter/promise-linter';
import type { Locale } from '../../../domain/common';
import { CheckboxField, FieldGroup, NumberField, SelectField } from '../../../components/fields';
import { TextField } from '../../../components/text-field';
import { ListItemActions } from '../../../components/list-item-actions';
import { createId } from '../../../lib/id';
import { useI18n } from '../../../lib/i18n';
import type { StepProps } from '../step-props';
import { AMOUNT_UNITS, AUDIENCES, DURATION_UNITS, KINDS, PERIODS, optionsOf } from '../options';
import { useCharterForm } from '../use-charter-form';
import { useFieldErrors } from '../../../lib/form';

const schema = charterSchema.pick({ commitments: true });
type Values = { commitments: Commitment[] };
const pick = (c: Charter): Values => ({ commitments: c.commitments });

/** Rule 2: the measurable commitments that make the charter. */
export function CommitmentsStep({ charter }: StepProps) {
  const { t } = useI18n();
  const { register, control, getValues } = useCharterForm(charter, schema, pick);
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
          <li key={field.id}>
            <FieldGroup
              legend={t('commitments.item', { n: index + 1 })}
              actions={
                <ListItemActions index={index} count={fields.length} onMove={move} onRemove={remove} />
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
          </li>
        ))}
      </ol>
      <div className="add-row" role="group" aria-label={t('commitments.addLabel')}>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button"
            onClick={() => append(defaultCommitment(createId(), kind))}
          >
            + {t(`commitments.add.${kind}`)}
          </button>
        ))}
      </div>
    </form>
  );
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
  const errorAt = useFieldErrors(control);
  // The sentence shows what is stored when a field is mid-edit (an emptied number), never "NaN".
  const valid = commitmentSchema.safeParse(value);
  const findings = lintPromise(`${value?.what ?? ''} ${value?.trigger ?? ''}`);
  const p = `commitments.${index}` as const;
  // Kind-specific fields are not in every member of the union, so their paths are built by name.
  const at = (field: string) => `${p}.${field}` as FieldPath<Values>;
  const num = { valueAsNumber: true } as const;
  return (
    <>
      <TextField
        label={t('commitments.what')}
        hint={t(`commitments.whatHint.${locale}`)}
        maxLength={200}
        {...register(`${p}.what`)}
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
              <strong>“{f.term}”</strong> — {f.suggestion[locale]}
            </li>
          ))}
        </ul>
      )}
      <div className="grid-3">
        {(kind === 'within' || kind === 'done') && (
          <>
            <NumberField
              label={t('commitments.promised')}
              min={0}
              step="any"
              {...register(at('promised.value'), num)}
              error={errorAt(at('promised.value'))}
            />
            <SelectField
              label={t('commitments.promisedUnit')}
              options={optionsOf(t, 'units', DURATION_UNITS)}
              {...register(at('promised.unit'))}
            />
            <span />
            <NumberField
              label={t('commitments.internal')}
              min={0}
              step="any"
              {...register(at('internal.value'), num)}
              error={errorAt(at('internal.value'))}
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
            <NumberField
              label={t('commitments.lead')}
              min={0}
              step="any"
              {...register(at('internalLead.value'), num)}
              error={errorAt(at('internalLead.value'))}
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
            <NumberField
              label={t('commitments.promisedAmount')}
              min={0}
              step="any"
              {...register(at('promised.value'), num)}
              error={errorAt(at('promised.value'))}
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
            <NumberField
              label={t('commitments.internalAmount')}
              min={0}
              step="any"
              {...register(at('internal.value'), num)}
              error={errorAt(at('internal.value'))}
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
        <TextField label={t('commitments.measuredBy')} maxLength={500} {...register(`${p}.measuredBy`)} />
      </div>
      {valid.success && (
        <p className="sentence">
          <span className="sentence__label">{t('commitments.customerReads')}</span>
          <q lang={locale}>{describeCommitment(valid.data, locale)}</q>
        </p>
      )}
    </>
  );
}
