/*
 * Three-way merge of two concurrent versions of one synced document against their common ancestor — the rules
 * every device applies in the same way, so that all of them end on the same result whichever version
 * arrived first (merge(base, a, b) = merge(base, b, a)).
 *
 * At each place in the value (a path):
 * 1. both sides equal → that value;
 * 2. only one side differs from the ancestor → that side's value;
 * 3. both sides are objects (and the ancestor an object or missing) → merged key by key by these rules; a key
 *    missing on a side counts as "absent", which is a value like any other (so a key deleted on one side and
 *    untouched on the other is deleted);
 * 4. both sides are arrays whose items are all objects with distinct string `id`s → merged item by item by
 *    id: an item added on one side is added; removed on one side and unchanged on the other, removed; removed
 *    on one side and changed on the other, a conflict; present on both, merged by these rules. Order: the
 *    side whose id order differs from the ancestor's gives it (when both or neither do, the side whose id
 *    list is first in code-unit order), then the other side's added items in its order;
 * 5. otherwise (both changed the same place differently): at a path listed in `latest` (a last-change
 *    instant such as a charter's `updatedAt`) whose two values are strings, the greater one (the later ISO
 *    instant); anywhere else a conflict at that path. A conflict keeps both versions for the user to choose,
 *    each with everything else merged (`ours`/`theirs` differ only at the conflicting paths), so whichever the
 *    user keeps, no edit outside those places is lost.
 */

/** A JSON value as stored. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** `ABSENT` stands for a key that is not there (deleted, or never added). */
const ABSENT = Symbol('absent');
type Slot = Json | typeof ABSENT;

export type MergeResult =
  | { ok: true; value: Json }
  /**
   * Paths (like `commitments[id=c1].title`) both sides changed differently, and each side with everything
   * else merged: `ours` keeps our values at those paths, `theirs` theirs.
   */
  | { ok: false; conflicts: string[]; ours: Json; theirs: Json };

export type MergeOptions = {
  /** Paths (like `updatedAt`) where two different string values settle on the greater (rule 5). */
  latest?: readonly string[];
};

/** The three-way merge of `ours` and `theirs` against `base` (undefined: no common ancestor known). */
export function mergeThreeWay(
  base: Json | undefined,
  ours: Json,
  theirs: Json,
  options: MergeOptions = {},
): MergeResult {
  const conflicts: string[] = [];
  const latest = new Set(options.latest ?? []);
  const start = base === undefined ? ABSENT : base;
  const value = mergeSlot(start, ours, theirs, '', { conflicts, latest });
  const json = (v: Slot): Json => (v === ABSENT ? null : v);
  if (conflicts.length === 0) return { ok: true, value: json(value) };
  // The same merge the other way round keeps their values at the conflicting places (rules 1-4 are
  // symmetric, so everything else comes out the same).
  const mirrored = mergeSlot(start, theirs, ours, '', { conflicts: [], latest });
  return { ok: false, conflicts: conflicts.sort(), ours: json(value), theirs: json(mirrored) };
}

type Context = { conflicts: string[]; latest: ReadonlySet<string> };

/** Whether two JSON values are equal (objects compared key by key whatever the key order). */
export function sameJson(a: Slot, b: Slot): boolean {
  if (a === b) return true;
  if (a === ABSENT || b === ABSENT || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as readonly Json[];
    return a.length === bb.length && a.every((item, i) => sameJson(item, bb[i]!));
  }
  const ao = a as { readonly [key: string]: Json };
  const bo = b as { readonly [key: string]: Json };
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && sameJson(ao[k]!, bo[k]!));
}

const isObject = (v: Slot): v is { readonly [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The ids of an array whose items are all objects with distinct string ids; null otherwise. */
function idsOf(v: Slot): string[] | null {
  if (!Array.isArray(v)) return null;
  const ids: string[] = [];
  for (const item of v as readonly Json[]) {
    if (!isObject(item) || typeof item.id !== 'string') return null;
    ids.push(item.id);
  }
  return new Set(ids).size === ids.length ? ids : null;
}

function mergeSlot(base: Slot, ours: Slot, theirs: Slot, path: string, context: Context): Slot {
  if (sameJson(ours, theirs)) return ours;
  if (sameJson(base, ours)) return theirs;
  if (sameJson(base, theirs)) return ours;
  if (isObject(ours) && isObject(theirs) && (base === ABSENT || isObject(base))) {
    const b = base === ABSENT ? {} : base;
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort();
    const out: Record<string, Json> = {};
    for (const key of keys) {
      const merged = mergeSlot(
        key in b ? b[key]! : ABSENT,
        key in ours ? ours[key]! : ABSENT,
        key in theirs ? theirs[key]! : ABSENT,
        path ? `${path}.${key}` : key,
        context,
      );
      if (merged !== ABSENT) out[key] = merged;
    }
    return out;
  }
  const oursIds = idsOf(ours);
  const theirsIds = idsOf(theirs);
  const baseIds = base === ABSENT ? [] : idsOf(base);
  if (oursIds && theirsIds && baseIds) return mergeById(base, ours, theirs, path, context);
  if (context.latest.has(path) && typeof ours === 'string' && typeof theirs === 'string')
    return ours > theirs ? ours : theirs;
  context.conflicts.push(path || '(whole)');
  return ours;
}

function mergeById(base: Slot, ours: Slot, theirs: Slot, path: string, context: Context): Json[] {
  const byId = (v: Slot) =>
    new Map(
      ((v === ABSENT ? [] : v) as readonly { readonly [key: string]: Json }[]).map((i) => [
        i.id as string,
        i,
      ]),
    );
  const b = byId(base);
  const o = byId(ours);
  const t = byId(theirs);
  const baseOrder = [...b.keys()].filter((id) => o.has(id) && t.has(id));
  const orderChanged = (m: Map<string, unknown>) => {
    const kept = [...m.keys()].filter((id) => b.has(id) && o.has(id) && t.has(id));
    return kept.join('\u0000') !== baseOrder.join('\u0000');
  };
  const oursFirst =
    orderChanged(o) !== orderChanged(t)
      ? orderChanged(o)
      : [...o.keys()].join('\u0000') <= [...t.keys()].join('\u0000');
  const [first, second] = oursFirst ? [o, t] : [t, o];
  const order = [...first.keys(), ...[...second.keys()].filter((id) => !first.has(id))];
  const out: Json[] = [];
  for (const id of [...order, ...[...b.keys()].filter((id) => !order.includes(id))]) {
    const merged = mergeSlot(
      b.get(id) ?? ABSENT,
      o.get(id) ?? ABSENT,
      t.get(id) ?? ABSENT,
      `${path}[id=${id}]`,
      context,
    );
    if (merged !== ABSENT) out.push(merged);
  }
  return out;
}
