import { useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import type { DefaultValues, FieldValues, Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { charterSchema } from '../../domain/charter/charter';
import type { Charter } from '../../domain/charter/charter';
import { applyEdit } from '../../domain/charter/publishing';
import { describeIssue } from '../../domain/interchange/errors';
import { useWorkspace } from '../../persistence/workspace-context';
import { nowIso } from '../../lib/id';
import { useI18n } from '../../lib/i18n';

/**
 * A react-hook-form form over part of a charter, validated by `schema` (derived from the domain schemas),
 * whose every change is merged into the stored charter and autosaved. Editing a published charter starts
 * the draft of its next version. Values that do not fit the stored schema (e.g. an emptied number) stay in
 * the form until they do.
 */
export function useCharterForm<S extends z.ZodObject, V extends FieldValues = z.infer<S> & FieldValues>(
  charter: Charter,
  schema: S,
  pick: (charter: Charter) => V,
) {
  const workspace = useWorkspace();
  const { locale } = useI18n();
  const resolver = useMemo(
    () =>
      zodResolver(schema as never, {
        reportInput: true,
        error: (issue: z.core.$ZodRawIssue) => describeIssue(issue as z.core.$ZodIssue)[locale],
      }) as unknown as Resolver<V>,
    [schema, locale],
  );
  // The form is created once per charter (the component is keyed by id); later store changes come from it.
  const form = useForm<V>({ resolver, mode: 'onChange', defaultValues: pick(charter) as DefaultValues<V> });
  const { subscribe, trigger } = form;

  useEffect(() => {
    void trigger();
  }, [trigger, resolver]);

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          const latest = workspace.getState().data.charters.get(charter.id);
          if (!latest) return;
          const merged = charterSchema.safeParse({ ...latest, ...values });
          if (merged.success) workspace.put('charters', applyEdit(latest, merged.data, nowIso()));
        },
      }),
    [subscribe, workspace, charter.id],
  );
  return form;
}
