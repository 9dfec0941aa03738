import { useId } from 'react';
import type { ComponentPropsWithRef, ReactNode } from 'react';

type Described = { label: string; hint?: string | undefined; error?: string | undefined };

function useDescribedBy(id: string | undefined, hint: string | undefined, error: string | undefined) {
  const generated = useId();
  const fieldId = id ?? generated;
  const describedBy =
    [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return { fieldId, describedBy };
}

function Extras({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

/** A labelled multi-line text input. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  ...rest
}: ComponentPropsWithRef<'textarea'> & Described) {
  const { fieldId, describedBy } = useDescribedBy(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        rows={3}
        {...rest}
      />
      <Extras id={fieldId} hint={hint} error={error} />
    </div>
  );
}

/**
 * A one-sentence text that wraps instead of being cut off at the field's edge: a text area that grows with
 * its text (CSS field-sizing; two rows where that is not supported) and takes no line break (Enter does
 * nothing, as in a one-line field).
 */
export function SentenceField({
  className,
  onKeyDown,
  ...rest
}: ComponentPropsWithRef<'textarea'> & Described & { label: string }) {
  return (
    <TextAreaField
      rows={2}
      className={className ? `field__sentence ${className}` : 'field__sentence'}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
        onKeyDown?.(e);
      }}
      {...rest}
    />
  );
}

/** A labelled number input (register it with `valueAsNumber`). */
export function NumberField({ label, hint, error, id, ...rest }: ComponentPropsWithRef<'input'> & Described) {
  const { fieldId, describedBy } = useDescribedBy(id, hint, error);
  return (
    <div className="field field--narrow">
      <label htmlFor={fieldId}>{label}</label>
      <input
        id={fieldId}
        type="number"
        inputMode="decimal"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      <Extras id={fieldId} hint={hint} error={error} />
    </div>
  );
}

/** A labelled select with `options` as [value, text] pairs. */
export function SelectField({
  label,
  hint,
  error,
  id,
  options,
  ...rest
}: ComponentPropsWithRef<'select'> & Described & { options: readonly (readonly [string, string])[] }) {
  const { fieldId, describedBy } = useDescribedBy(id, hint, error);
  return (
    <div className="field field--narrow">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <Extras id={fieldId} hint={hint} error={error} />
    </div>
  );
}

/** A labelled checkbox. */
export function CheckboxField({
  label,
  hint,
  id,
  ...rest
}: ComponentPropsWithRef<'input'> & { label: string; hint?: string }) {
  const { fieldId, describedBy } = useDescribedBy(id, hint, undefined);
  return (
    <div className="field field--check">
      <input id={fieldId} type="checkbox" aria-describedby={describedBy} {...rest} />
      <label htmlFor={fieldId}>{label}</label>
      <Extras id={fieldId} hint={hint} />
    </div>
  );
}

/** A group of related fields with a visible legend (a list item's fields, a phase's check-ins). */
export function FieldGroup({
  legend,
  children,
  actions,
}: {
  legend: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      <div className="group__fields">{children}</div>
      {actions && <div className="group__actions">{actions}</div>}
    </fieldset>
  );
}

/** A textarea editing a list of short texts, one per line (at most `max` lines of 200 characters). */
export function LinesField({
  label,
  hint,
  value,
  onChange,
  max,
}: {
  label: string;
  hint: string;
  value: string[];
  onChange: (lines: string[]) => void;
  max: number;
}) {
  return (
    <TextAreaField
      label={label}
      hint={hint}
      value={value.join('\n')}
      onChange={(e) =>
        onChange(
          e.target.value
            .split('\n')
            .slice(0, max)
            .map((line) => line.slice(0, 200)),
        )
      }
    />
  );
}
