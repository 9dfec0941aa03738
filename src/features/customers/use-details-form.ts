import { useMemo } from 'react';
import { get, useForm } from 'react-hook-form';
import type { DefaultValues, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { describeIssue } from '../../domain/interchange/errors';
import { useI18n } from '../../lib/i18n';

/**
 * A react-hook-form form validated by a domain `schema` (messages in the interface language), checked on
 * submit and then as the user fixes fields. `onValid` receives the schema's parsed output.
 */
export function useDetailsForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: z.input<S>,
) {
  const { locale } = useI18n();
  const resolver = useMemo(
    () =>
      zodResolver(schema as never, {
        reportInput: true,
        error: (issue: z.core.$ZodRawIssue) => describeIssue(issue as z.core.$ZodIssue)[locale],
      }) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    [schema, locale],
  );
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: defaultValues as DefaultValues<z.input<S>>,
  });
  const errorAt = (path: string): string | undefined =>
    (get(form.formState.errors as FieldErrors, path) as { message?: string } | undefined)?.message;
  return { form, errorAt };
}
