import { richTextToPlain } from '../rich-text/rich-text';
import type { RichTextDoc } from '../rich-text/rich-text';
import type { Charter, PublishedCharter } from './charter';
import { charterProblems } from './review';
import type { Problem } from './review';

/**
 * Publishes the charter's current text as version `charter.version` at `now`: returns the published working
 * copy and its frozen snapshot, or the blocking problems (nothing is published while any remain).
 */
export function publishCharter(
  charter: Charter,
  now: string,
): { ok: true; charter: Charter; snapshot: PublishedCharter } | { ok: false; problems: Problem[] } {
  const blocking = charterProblems(charter).filter((p) => p.severity === 'error');
  if (blocking.length > 0) return { ok: false, problems: blocking };
  if (charter.status === 'published') return { ok: false, problems: [] };
  const published: Charter = { ...charter, status: 'published', publishedAt: now, updatedAt: now };
  return {
    ok: true,
    charter: published,
    snapshot: {
      charterId: charter.id,
      version: charter.version,
      publishedAt: now,
      charter: JSON.parse(JSON.stringify(published)) as Charter,
    },
  };
}

/**
 * `next` as the new working copy: a published charter being edited becomes the draft of the next version
 * (the published snapshot stays as it was); a draft just takes the edit. `updatedAt` becomes `now`.
 */
export function applyEdit(current: Charter, next: Charter, now: string): Charter {
  if (current.status === 'published')
    return { ...next, status: 'draft', version: current.version + 1, publishedAt: null, updatedAt: now };
  return {
    ...next,
    status: current.status,
    version: current.version,
    publishedAt: current.publishedAt,
    updatedAt: now,
  };
}

/** One difference between two versions: the path of the field and its text before and after. */
export type Change = { path: string; before: string | null; after: string | null };

const IGNORED = new Set(['status', 'version', 'createdAt', 'updatedAt', 'publishedAt', 'id']);

/** A field's value as text: rich text as plain text, a list item by its label. */
function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (record.type === 'doc') return richTextToPlain(value as RichTextDoc);
    const label = record.what ?? record.label ?? record.action ?? record.request;
    if (typeof label === 'string') return label;
  }
  return JSON.stringify(value);
}

/**
 * Every field that differs between versions `a` and `b`, ignoring bookkeeping (status, version, dates).
 * List items with an `id` are matched by id (so reordering shows as a move of nothing), others by position.
 */
export function diffCharters(a: Charter, b: Charter): Change[] {
  const changes: Change[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    if (Array.isArray(x) && Array.isArray(y)) {
      const keyed = [...x, ...y].every((item) => typeof item === 'object' && item !== null && 'id' in item);
      if (keyed) {
        const byId = (list: unknown[]) => new Map(list.map((item) => [(item as { id: string }).id, item]));
        const left = byId(x);
        const right = byId(y);
        for (const [id, item] of left) walk(item, right.get(id), `${path}[${id}]`);
        for (const [id, item] of right) if (!left.has(id)) walk(undefined, item, `${path}[${id}]`);
        return;
      }
      for (let i = 0; i < Math.max(x.length, y.length); i++) walk(x[i], y[i], `${path}[${i}]`);
      return;
    }
    const isObject = (v: unknown): v is Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v);
    // Rich text and whole items that appear or disappear are reported as one change.
    if (isObject(x) && isObject(y) && x.type !== 'doc') {
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)]))
        if (!(path === '' && IGNORED.has(key))) walk(x[key], y[key], path ? `${path}.${key}` : key);
      return;
    }
    changes.push({ path, before: x === undefined ? null : show(x), after: y === undefined ? null : show(y) });
  };
  walk(a, b, '');
  return changes;
}
