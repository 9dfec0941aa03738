import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useForm } from 'react-hook-form';
import type { DefaultValues, FieldPath, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { charterSchema } from '../../domain/charter/charter';
import type { Charter } from '../../domain/charter/charter';
import { sameJson } from '../../domain/sync/merge';
import type { Json } from '../../domain/sync/merge';
import { applyEdit } from '../../domain/charter/publishing';
import { useWorkspace } from '../../persistence/workspace-context';
import { nowIso } from '../../lib/id';
import { useLocalizedResolver } from '../../lib/form';
import { focusField, useReportHealth } from './form-health';

/**
 * A react-hook-form form over part of a charter, validated by `schema` (derived from the domain schemas),
 * whose every change is merged into the stored charter and autosaved. Editing a published charter starts
 * the draft of its next version. Values that do not fit the stored schema (e.g. an emptied number) stay in
 * the form until they do, and the editor is told which fields those are, so it never says "saved" for them.
 * A field's message shows once the user has left it (or asked to see every problem), not while typing.
 * When the stored charter changes elsewhere (another tab, or another device through sync), the form shows
 * the stored values: every edit made here is already in them (autosave merged it), except values not yet
 * valid enough to store, which stay as typed.
 */
export function useCharterForm<S extends z.ZodObject, V extends FieldValues = z.infer<S> & FieldValues>(
  charter: Charter,
  schema: S,
  pick: (charter: Charter) => V,
) {
  const workspace = useWorkspace();
  const resolver = useLocalizedResolver<V>(schema);
  // The form is created once per charter (the component is keyed by id); later store changes come from it.
  const form = useForm<V>({ resolver, mode: 'onTouched', defaultValues: pick(charter) as DefaultValues<V> });
  const { subscribe, trigger } = form;
  const report = useReportHealth();
  // The charter as this form last saw it stored (read or written); any other object came from elsewhere.
  const seen = useRef(charter);
  // Fields whose typed value could not be stored (see mergeValid).
  const unsaved = useRef<string[]>([]);
  const stored = useSyncExternalStore(workspace.subscribe, () =>
    workspace.getState().data.charters.get(charter.id),
  );

  // Messages already shown follow a language switch; untouched fields stay quiet.
  // (react-hook-form returns the same form object on every render, so `form` in a callback is current.)
  useEffect(() => {
    if (Object.keys(form.formState.errors).length > 0) void trigger();
  }, [form, trigger, resolver]);

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          const latest = workspace.getState().data.charters.get(charter.id);
          if (!latest) return;
          const { merged, dropped } = mergeValid(latest, values);
          unsaved.current = dropped;
          // Values equal to the stored ones (a refresh below, or an edit undone) write nothing, so two
          // forms or two devices showing one charter never answer each other's writes with their own.
          if (merged && !sameJson(merged as Json, latest as Json)) {
            const next = applyEdit(latest, merged, nowIso());
            seen.current = next;
            workspace.put('charters', next);
          }
          report({
            unsaved: dropped,
            reveal: () =>
              void trigger().then(() => {
                const first = firstErrorPath(form.formState.errors) ?? dropped[0];
                if (first) focusField(first);
              }),
          });
        },
      }),
    [form, subscribe, workspace, charter.id, report, trigger],
  );

  useEffect(() => {
    if (stored === undefined || stored === seen.current) return;
    seen.current = stored;
    const typed = form.getValues();
    const keep = unsaved.current;
    form.reset(pick(stored) as DefaultValues<V>, { keepErrors: true, keepTouched: true });
    for (const path of keep) {
      const value = valueAt(typed, path);
      if (value !== undefined) form.setValue(path as FieldPath<V>, value as never, { shouldDirty: true });
    }
  }, [stored, form, pick]);
  return form;
}

/** The value at dotted `path` (`commitments.0.promised.value`) in `values`, or undefined. */
function valueAt(values: unknown, path: string): unknown {
  let at = values;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** The dotted path of the first field with a message in react-hook-form's nested `errors`. */
export function firstErrorPath(errors: object, prefix = ''): string | undefined {
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ('message' in value && typeof (value as { message?: unknown }).message === 'string') return path;
    const inner = firstErrorPath(value as object, path);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * `values` merged into `latest`, with every field that does not fit the stored schema (an emptied number,
 * a zero window) kept at its stored value, so one unfinished field never blocks saving the others;
 * `dropped` lists those fields' dotted paths (what was not saved).
 */
export function mergeValid(latest: Charter, values: object): { merged: Charter | null; dropped: string[] } {
  let candidate: unknown = { ...latest, ...values };
  const dropped = new Set<string>();
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = charterSchema.safeParse(candidate);
    if (parsed.success) return { merged: parsed.data, dropped: [...dropped] };
    candidate = structuredClone(candidate);
    for (const issue of parsed.error.issues) {
      dropped.add(issue.path.map(String).join('.'));
      restoreAt(candidate, issue.path, latest);
    }
  }
  return { merged: null, dropped: [...dropped] };
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
