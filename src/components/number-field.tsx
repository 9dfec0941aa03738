import {
  FieldError,
  I18nProvider as AriaLocale,
  Input,
  Label,
  NumberField as AriaNumberField,
  Text,
} from 'react-aria-components';
import { useController } from 'react-hook-form';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { useI18n } from '../lib/i18n';
import './controls.css';

const LOCALE_TAG = { ko: 'ko-KR', en: 'en-US' } as const;

export type NumberFieldProps = {
  label: string;
  /** The number, or null when the field is empty. */
  value: number | null;
  onChange: (value: number | null) => void;
  onBlur?: () => void;
  hint?: string | undefined;
  /** A message (the zod schema's, through react-hook-form) that marks the field invalid and says why. */
  error?: string | undefined;
  /** Shown and accepted as money: "₩78,900,000" as well as "78,900,000" and "78900000". */
  currency?: string | undefined;
  /** Extra Intl.NumberFormat options (fraction digits, units); grouping follows the interface language. */
  formatOptions?: Intl.NumberFormatOptions;
  name?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  /** Keeps the field at its content's width in a row of fields instead of the whole line. */
  narrow?: boolean;
};

/**
 * A number input that reads what people type: grouped digits ("78,900,000" in ko-KR and en-US), a
 * currency symbol when `currency` is set, and the value formatted back on leaving the field. Built on
 * react-aria's NumberField (locale-aware parsing, screen-reader tested). It never clamps or rounds a
 * value to make it valid: range and integer rules stay in the zod schema, whose message is `error`.
 * The value is committed when the field loses focus or Enter is pressed.
 */
export function NumberField({
  label,
  value,
  onChange,
  onBlur,
  hint,
  error,
  currency,
  formatOptions,
  name,
  isRequired,
  isDisabled,
  narrow = true,
}: NumberFieldProps) {
  const { locale } = useI18n();
  const options: Intl.NumberFormatOptions = {
    ...(currency ? { style: 'currency', currency } : {}),
    ...formatOptions,
  };
  return (
    <AriaLocale locale={LOCALE_TAG[locale]}>
      <AriaNumberField
        className={narrow ? 'field field--narrow number-field' : 'field number-field'}
        value={value ?? Number.NaN}
        onChange={(next) => onChange(Number.isNaN(next) ? null : next)}
        formatOptions={options}
        isInvalid={Boolean(error)}
        // Validation is the schema's: react-aria only marks the field and links the message.
        validationBehavior="aria"
        {...(name !== undefined && { name })}
        {...(isRequired !== undefined && { isRequired })}
        {...(isDisabled !== undefined && { isDisabled })}
      >
        <Label>{label}</Label>
        {hint && (
          <Text slot="description" className="field__hint">
            {hint}
          </Text>
        )}
        {/* The name is also on the visible input, so a "go to the field" link can find and focus it. */}
        <Input
          className="number-field__input"
          {...(name !== undefined && { name })}
          {...(onBlur && { onBlur })}
        />
        <FieldError className="field__error">{error}</FieldError>
      </AriaNumberField>
    </AriaLocale>
  );
}

/**
 * NumberField bound to a react-hook-form field. `store` says what the form keeps: a number (null when
 * empty), or the digits as a string ('' when empty) for schemas that coerce a string, such as the deal's
 * amount. The error shown is the form's (zod) message for `name`.
 */
export function FormNumberField<V extends FieldValues, Out = V>({
  control,
  name,
  store = 'number',
  ...props
}: Omit<NumberFieldProps, 'value' | 'onChange' | 'onBlur' | 'error' | 'name'> & {
  control: Control<V, unknown, Out>;
  name: FieldPath<V>;
  store?: 'number' | 'string';
}) {
  const { field, fieldState } = useController({ control, name });
  const raw: unknown = field.value;
  const value =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))
        ? Number(raw)
        : null;
  return (
    <NumberField
      {...props}
      name={field.name}
      value={value}
      error={fieldState.error?.message}
      onBlur={field.onBlur}
      onChange={(next) => field.onChange(store === 'string' ? (next === null ? '' : String(next)) : next)}
    />
  );
}
