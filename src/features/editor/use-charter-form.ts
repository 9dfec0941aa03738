import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { charterSchema } from '../../domain/charter/charter';
import type { Charter } from '../../domain/charter/charter';
import { applyEdit } from '../../domain/charter/publishing';
import { useWorkspace } from '../../persistence/workspace-context';
import { nowIso } from '../../lib/id';
import { useLocalizedResolver } from '../../lib/form';

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
  const resolver = useLocalizedResolver<V>(schema);
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
          const merged = mergeValid(latest, values);
          if (merged) workspace.put('charters', applyEdit(latest, merged, nowIso()));
        },
      }),
    [subscribe, workspace, charter.id],
  );
  return form;
}

/**
 * `values` merged into `latest`, with every field that does not fit the stored schema (an emptied number,
 * a zero window) kept at its stored value, so one unfinished field never blocks saving the others.
 */
export function mergeValid(latest: Charter, values: object): Charter | null {
  let candidate: unknown = { ...latest, ...values };
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = charterSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    candidate = structuredClone(candidate);
    for (const issue of parsed.error.issues) restoreAt(candidate, issue.path, latest);
  }
  return null;
}

/** Puts the value at `path` in `source` (or removes it when `source` has none) into `target`. */
function restoreAt(target: unknown, path: readonly PropertyKey[], source: unknown) {
  if (path.length === 0) return;
  let t = target as Record<PropertyKey, unknown>;
  let s = source as Record<PropertyKey, unknown> | undefined;
  for (const key of path.slice(0, -1)) {
    if (typeof t[key] !== 'object' || t[key] === null) return;
    t = t[key] as Record<PropertyKey, unknown>;
    s = s && typeof s[key] === 'object' ? (s[key] as Record<PropertyKey, unknown>) : undefined;
  }
  const last = path[path.length - 1]!;
  if (s && last in s) t[last] = s[last];
  else if (Array.isArray(t) && typeof last === 'number') t.splice(last, 1);
  else delete t[last];
}
