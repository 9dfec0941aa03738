import { useMemo } from 'react';
import { get, useForm, useFormState } from 'react-hook-form';
import type { Control, DefaultValues, FieldValues, Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { describeIssue } from '../domain/interchange/errors';
import { translateMessage, useI18n } from './i18n';

/** A react-hook-form resolver for a domain `schema`, its messages in the interface language. */
export function useLocalizedResolver<In extends FieldValues, Out = In>(
  schema: z.ZodType,
): Resolver<In, unknown, Out> {
  const { locale } = useI18n();
  return useMemo(
    () =>
      zodResolver(schema as never, {
        reportInput: true,
        error: (issue: z.core.$ZodRawIssue) =>
          translateMessage(locale, describeIssue(issue as z.core.$ZodIssue)),
      }) as unknown as Resolver<In, unknown, Out>,
    [schema, locale],
  );
}

/** The form's error message at a dotted `path` (e.g. `commitments.0.promised.value`), for any field. */
export function useFieldErrors<V extends FieldValues, Out = V>(
  control: Control<V, unknown, Out>,
): (path: string) => string | undefined {
  const { errors } = useFormState({ control });
  return (path) => (get(errors, path) as { message?: string } | undefined)?.message;
}

/**
 * A form validated by a domain `schema`, checked on submit and then as the user fixes fields; the submit
 * handler receives the schema's parsed output.
 */
export function useDetailsForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: z.input<S>,
) {
  const resolver = useLocalizedResolver<z.input<S>, z.output<S>>(schema);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: defaultValues as DefaultValues<z.input<S>>,
  });
  const errorAt = useFieldErrors(form.control);
  return { form, errorAt };
}
