import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeThreeWay, sameJson } from '../../../../src/domain/sync/merge';
import type { Json, MergeResult } from '../../../../src/domain/sync/merge';

const charter = {
  id: 'ch1',
  title: 'My promise',
  vision: 'Answer every call the same day',
  commitments: [
    { id: 'c1', title: 'Call back within 2 hours', hours: 2 },
    { id: 'c2', title: 'Quote within 3 days', hours: 72 },
  ],
};

describe('mergeThreeWay', () => {
  it('issue 16: A edits commitment 1, B edits commitment 2 and the vision — all three edits are kept', () => {
    const a = {
      ...charter,
      commitments: [{ ...charter.commitments[0]!, hours: 1 }, charter.commitments[1]!],
    };
    const b = {
      ...charter,
      vision: 'Answer every call within the hour',
      commitments: [charter.commitments[0]!, { ...charter.commitments[1]!, title: 'Quote within 2 days' }],
    };

    const expected = {
      ...charter,
      vision: 'Answer every call within the hour',
      commitments: [
        { id: 'c1', title: 'Call back within 2 hours', hours: 1 },
        { id: 'c2', title: 'Quote within 2 days', hours: 72 },
      ],
    };
    expect(mergeThreeWay(charter, a, b)).toEqual({ ok: true, value: expected });
    expect(mergeThreeWay(charter, b, a)).toEqual({ ok: true, value: expected });
  });

  it('both change the vision differently: a conflict at "vision"; each kept side has the rest merged', () => {
    const a = { ...charter, vision: 'A' };
    const b = { ...charter, vision: 'B', title: 'also changed' };

    expect(mergeThreeWay(charter, a, b)).toEqual({
      ok: false,
      conflicts: ['vision'],
      ours: { ...charter, vision: 'A', title: 'also changed' },
      theirs: { ...charter, vision: 'B', title: 'also changed' },
    });
  });

  it('a last-change instant listed in `latest` takes the later one instead of conflicting', () => {
    const stamped = { ...charter, updatedAt: '2026-03-01T09:00:00.000Z' };
    const a = { ...stamped, title: 'A', updatedAt: '2026-03-02T10:00:00.000Z' };
    const b = { ...stamped, vision: 'B', updatedAt: '2026-03-02T08:30:00.000Z' };
    const expected = { ...stamped, title: 'A', vision: 'B', updatedAt: '2026-03-02T10:00:00.000Z' };

    expect(mergeThreeWay(stamped, a, b, { latest: ['updatedAt'] })).toEqual({ ok: true, value: expected });
    expect(mergeThreeWay(stamped, b, a, { latest: ['updatedAt'] })).toEqual({ ok: true, value: expected });
    expect(mergeThreeWay(stamped, a, b)).toMatchObject({ ok: false, conflicts: ['updatedAt'] });
  });

  it('a commitment added on each side: both kept, ours then theirs by the tie rule; one deleted, one edited: a conflict', () => {
    const a = { ...charter, commitments: [...charter.commitments, { id: 'a1', title: 'new A', hours: 1 }] };
    const b = { ...charter, commitments: [...charter.commitments, { id: 'b1', title: 'new B', hours: 1 }] };
    const merged = mergeThreeWay(charter, a, b);
    expect(merged.ok && (merged.value as typeof charter).commitments.map((c) => c.id)).toEqual([
      'c1',
      'c2',
      'a1',
      'b1',
    ]);

    const deleted = { ...charter, commitments: [charter.commitments[1]!] };
    const edited = {
      ...charter,
      commitments: [{ ...charter.commitments[0]!, hours: 5 }, charter.commitments[1]!],
    };
    expect(mergeThreeWay(charter, deleted, edited)).toMatchObject({
      ok: false,
      conflicts: ['commitments[id=c1]'],
    });
    // Deleted on one side, untouched on the other: deleted.
    expect(mergeThreeWay(charter, deleted, { ...charter, title: 'x' })).toEqual({
      ok: true,
      value: { ...deleted, title: 'x' },
    });
  });

  it('without a known ancestor, only what both sides agree on merges', () => {
    expect(mergeThreeWay(undefined, { a: 1, b: 2 }, { a: 1, b: 3 })).toEqual({
      ok: false,
      conflicts: ['b'],
      ours: { a: 1, b: 2 },
      theirs: { a: 1, b: 3 },
    });
    expect(mergeThreeWay(undefined, { a: 1 }, { b: 2 })).toEqual({ ok: true, value: { a: 1, b: 2 } });
  });

  // --- properties: every device ends on the same result whatever order the versions arrive in ---

  const leaf = fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 0, max: 3 }), fc.constant(null));
  const item = (id: string) => fc.record({ id: fc.constant(id), title: leaf, n: leaf });
  const doc = fc.record({
    title: leaf,
    vision: leaf,
    extra: fc.option(leaf, { nil: undefined }),
    commitments: fc
      .subarray(['c1', 'c2', 'c3', 'c4'])
      .chain((ids) => fc.tuple(...ids.map(item)))
      .map((items) => [...items]),
  });
  const clean = (v: unknown): Json => JSON.parse(JSON.stringify(v)) as Json;
  const same = (x: MergeResult, y: MergeResult) =>
    x.ok && y.ok
      ? sameJson(x.value, y.value)
      : !x.ok &&
        !y.ok &&
        x.conflicts.join() === y.conflicts.join() &&
        sameJson(x.ours, y.theirs) &&
        sameJson(x.theirs, y.ours);

  it('is symmetric: merge(base, a, b) and merge(base, b, a) give the same value or the same conflicts', () => {
    fc.assert(
      fc.property(doc, doc, doc, (base, a, b) =>
        same(mergeThreeWay(clean(base), clean(a), clean(b)), mergeThreeWay(clean(base), clean(b), clean(a))),
      ),
      { numRuns: 500 },
    );
  });

  it('a side that changed nothing takes the other side; the same change on both sides is that change', () => {
    fc.assert(
      fc.property(doc, doc, (base, a) => {
        const merged = mergeThreeWay(clean(base), clean(base), clean(a));
        const twice = mergeThreeWay(clean(base), clean(a), clean(a));
        return merged.ok && sameJson(merged.value, clean(a)) && twice.ok && sameJson(twice.value, clean(a));
      }),
      { numRuns: 300 },
    );
  });

  it('three devices: folding the versions in any order of arrival ends on the same clean result', () => {
    fc.assert(
      fc.property(doc, doc, doc, doc, (base, a, b, c) => {
        const [B, A, Bv, C] = [base, a, b, c].map(clean) as [Json, Json, Json, Json];
        const fold = (x: Json, y: Json, z: Json): MergeResult => {
          const first = mergeThreeWay(B, x, y);
          return first.ok ? mergeThreeWay(B, first.value, z) : first;
        };
        const results = [fold(A, Bv, C), fold(Bv, C, A), fold(C, A, Bv), fold(A, C, Bv)];
        const okResults = results.filter((r) => r.ok);
        // Whenever every order merges cleanly, they agree.
        return okResults.length < results.length || okResults.every((r) => same(r, okResults[0]!));
      }),
      { numRuns: 300 },
    );
  });
});
