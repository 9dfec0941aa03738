import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultCharter, publishedCharterSchema } from '../../../../src/domain/charter/charter';
import type { Charter, Moment } from '../../../../src/domain/charter/charter';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { applyEdit, diffCharters, publishCharter } from '../../../../src/domain/charter/publishing';
import type { Change } from '../../../../src/domain/charter/publishing';
import { charterProblems } from '../../../../src/domain/charter/review';
import type { RichTextDoc } from '../../../../src/domain/rich-text/rich-text';
import { T, createCharter, createCommitment, resetIds } from '../../factories';

const NOW = '2026-04-10T03:00:00.000Z';
const LATER = '2026-04-11T05:30:00.000Z';

const moment = (id: string, label: string): Moment => ({
  id,
  kind: 'custom',
  label,
  anchor: 'delivery',
  offsetDays: 7,
  channel: 'sms',
  message: `{customer}님, ${label} 안내드립니다.`,
});

/** A publishable draft v1: the factory charter with every commitment confirmed and five moments. */
function readyDraft(overrides: Partial<Charter> = {}): Charter {
  const base = createCharter();
  return {
    ...base,
    commitments: base.commitments.map((c) => ({ ...c, readiness: 'confirmed' as const })),
    moments: ['m1', 'm2', 'm3', 'm4', 'm5'].map((id, i) => moment(id, `순간 ${i + 1}`)),
    ...overrides,
  };
}

const doc = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

beforeEach(() => resetIds());

describe('publishCharter', () => {
  it('refuses while errors remain, and returns exactly those errors', () => {
    const empty = defaultCharter({ id: 'c-1', now: T.created, locale: 'en' });

    const result = publishCharter(empty, NOW);

    expect(result).toEqual({
      ok: false,
      problems: charterProblems(empty).filter((p) => p.severity === 'error'),
    });
    expect(result.ok === false && result.problems.map((p) => p.path)).toEqual([
      'title',
      'owner.name',
      'vision',
      'commitments',
      'moments',
      'recovery.steps',
    ]);
  });

  it('refuses a single unconfirmed commitment (rule 3: do not start unless ready)', () => {
    const draft = readyDraft();
    draft.commitments[3] = { ...draft.commitments[3]!, readiness: 'unconfirmed' };

    const result = publishCharter(draft, NOW);

    expect(result.ok).toBe(false);
    expect(result.ok === false && result.problems.map((p) => p.path)).toEqual(['commitments[3].readiness']);
  });

  it('publishes a ready draft as published v1 at now, with a snapshot of exactly that text', () => {
    const draft = readyDraft();

    const result = publishCharter(draft, NOW);
    if (!result.ok) throw new Error('not published');

    expect(result.charter).toEqual({
      ...draft,
      status: 'published',
      version: 1,
      publishedAt: NOW,
      updatedAt: NOW,
    });
    expect(result.snapshot).toEqual({
      charterId: draft.id,
      version: 1,
      publishedAt: NOW,
      charter: result.charter,
    });
    expect(publishedCharterSchema.safeParse(result.snapshot).success).toBe(true);
    expect(draft.status).toBe('draft'); // the input is left as it was
    expect(draft.publishedAt).toBeNull();
  });

  it('warnings do not stop publishing', () => {
    const draft = readyDraft({ alternatives: [] });

    expect(charterProblems(draft).map((p) => p.severity)).toEqual(['warning']);
    expect(publishCharter(draft, NOW).ok).toBe(true);
  });

  it('the snapshot does not change when the working copy or the original is edited afterwards', () => {
    const draft = readyDraft();
    const result = publishCharter(draft, NOW);
    if (!result.ok) throw new Error('not published');
    const snapshotText = JSON.stringify(result.snapshot);

    result.charter.title = 'changed after publishing';
    result.charter.owner.name = '다른 사람';
    (result.charter.commitments[0] as Commitment).what = '바뀐 약속';
    result.charter.moments.pop();
    draft.recovery.steps.length = 0;

    expect(JSON.stringify(result.snapshot)).toBe(snapshotText);
    expect(result.snapshot.charter.title).toBe('김민준의 서비스 헌장');
    expect(result.snapshot.charter.moments).toHaveLength(5);
  });

  it('publishing an already published charter does nothing and reports no problems', () => {
    const first = publishCharter(readyDraft(), NOW);
    if (!first.ok) throw new Error('not published');

    expect(publishCharter(first.charter, LATER)).toEqual({ ok: false, problems: [] });
  });

  it('publish v1, edit, publish again: the second snapshot is v2 and v1 is untouched', () => {
    const v1 = publishCharter(readyDraft(), NOW);
    if (!v1.ok) throw new Error('not published');
    const v1Text = JSON.stringify(v1.snapshot);

    const draft2 = applyEdit(v1.charter, { ...v1.charter, title: '두 번째 판' }, LATER);
    const v2 = publishCharter(draft2, LATER);
    if (!v2.ok) throw new Error('not published');

    expect(v2.snapshot).toMatchObject({ version: 2, publishedAt: LATER });
    expect(v2.snapshot.charter).toMatchObject({ title: '두 번째 판', status: 'published', version: 2 });
    expect(JSON.stringify(v1.snapshot)).toBe(v1Text);
  });
});

describe('applyEdit', () => {
  it('an edit of a published v1 becomes the draft of v2, not yet published', () => {
    const published = publishCharter(readyDraft(), NOW);
    if (!published.ok) throw new Error('not published');

    const next = applyEdit(published.charter, { ...published.charter, title: '고친 제목' }, LATER);

    expect(next).toEqual({
      ...published.charter,
      title: '고친 제목',
      status: 'draft',
      version: 2,
      publishedAt: null,
      updatedAt: LATER,
    });
    expect(next.createdAt).toBe(published.charter.createdAt);
  });

  it('an edit of a draft keeps its version and status; only updatedAt moves', () => {
    const draft: Charter = { ...readyDraft(), version: 3 };

    const next = applyEdit(draft, { ...draft, title: '고친 제목' }, LATER);

    expect(next).toEqual({ ...draft, title: '고친 제목', updatedAt: LATER });
  });

  it('the bookkeeping of the edited value is ignored: status, version and publishedAt come from the current copy', () => {
    const draft: Charter = { ...readyDraft(), version: 2 };

    const next = applyEdit(draft, { ...draft, status: 'published', version: 9, publishedAt: NOW }, LATER);

    expect(next).toMatchObject({ status: 'draft', version: 2, publishedAt: null, updatedAt: LATER });
  });

  it('two edits in a row of a published v1 stay on v2', () => {
    const published = publishCharter(readyDraft(), NOW);
    if (!published.ok) throw new Error('not published');

    const once = applyEdit(published.charter, { ...published.charter, title: 'a' }, LATER);
    const twice = applyEdit(once, { ...once, title: 'ab' }, LATER);

    expect(twice).toMatchObject({ title: 'ab', status: 'draft', version: 2, publishedAt: null });
  });
});

describe('diffCharters', () => {
  const c1 = createCommitment('within', {
    id: 'c1',
    what: '부재중 전화에 회신합니다',
    promised: { value: 4, unit: 'hours' },
    internal: { value: 2, unit: 'hours' },
  });
  const c2 = createCommitment('by-date', { id: 'c2', what: '약속한 날에 인도합니다' });
  const c3 = createCommitment('amount', { id: 'c3', what: '견적을 넘겨 청구하지 않습니다' });
  const base = (): Charter =>
    readyDraft({
      id: 'charter-a',
      title: '김민준의 서비스 헌장',
      vision: doc('서비스는 저의 책임입니다.'),
      commitments: [c1, c2],
      alternatives: [
        { id: 'a1', request: '추가 가격 할인', offers: ['무상 점검 쿠폰', '블랙박스 설치 지원'] },
      ],
    });

  it.each<[string, (a: Charter) => Charter, Change[]]>([
    [
      'the title',
      (a) => ({ ...a, title: '김민준의 약속' }),
      [{ path: 'title', before: '김민준의 서비스 헌장', after: '김민준의 약속' }],
    ],
    [
      "the owner's name",
      (a) => ({ ...a, owner: { ...a.owner, name: '김민수' } }),
      [{ path: 'owner.name', before: '김민준', after: '김민수' }],
    ],
    [
      'a promised value of a commitment (found by id)',
      (a) => ({ ...a, commitments: [{ ...c1, promised: { value: 8, unit: 'hours' } }, c2] }),
      [{ path: 'commitments[c1].promised.value', before: '4', after: '8' }],
    ],
    [
      'what a commitment promises',
      (a) => ({ ...a, commitments: [c1, { ...c2, what: '합의한 날 전에 인도합니다' }] }),
      [
        {
          path: 'commitments[c2].what',
          before: '약속한 날에 인도합니다',
          after: '합의한 날 전에 인도합니다',
        },
      ],
    ],
    [
      'a commitment added',
      (a) => ({ ...a, commitments: [c1, c2, c3] }),
      [{ path: 'commitments[c3]', before: null, after: '견적을 넘겨 청구하지 않습니다' }],
    ],
    [
      'a commitment removed',
      (a) => ({ ...a, commitments: [c2] }),
      [{ path: 'commitments[c1]', before: '부재중 전화에 회신합니다', after: null }],
    ],
    ['commitments reordered only', (a) => ({ ...a, commitments: [c2, c1] }), []],
    ['moments reordered only', (a) => ({ ...a, moments: [...a.moments].reverse() }), []],
    [
      'a moment added, shown by its label',
      (a) => ({ ...a, moments: [...a.moments, moment('m6', '첫 점검 안내')] }),
      [{ path: 'moments[m6]', before: null, after: '첫 점검 안내' }],
    ],
    [
      'the vision, as plain text',
      (a) => ({ ...a, vision: doc('약속은 적게, 실천은 더 많이.') }),
      [{ path: 'vision', before: '서비스는 저의 책임입니다.', after: '약속은 적게, 실천은 더 많이.' }],
    ],
    [
      'an offer of an alternative (a list without ids, by position)',
      (a) => ({
        ...a,
        alternatives: [{ ...a.alternatives[0]!, offers: ['무상 점검 쿠폰', '엔진오일 교환'] }],
      }),
      [
        {
          path: 'alternatives[a1].offers[1]',
          before: '블랙박스 설치 지원',
          after: '엔진오일 교환',
        },
      ],
    ],
    [
      'only the bookkeeping (status, version, dates)',
      (a) => ({
        ...a,
        status: 'published',
        version: 4,
        createdAt: NOW,
        updatedAt: LATER,
        publishedAt: LATER,
      }),
      [],
    ],
    [
      'two fields, listed in field order',
      (a) => ({ ...a, title: '새 제목', recovery: { ...a.recovery, promise: '먼저 연락드립니다.' } }),
      [
        { path: 'title', before: '김민준의 서비스 헌장', after: '새 제목' },
        {
          path: 'recovery.promise',
          before: '약속을 지키지 못하면 숨지 않고 먼저 찾아가겠습니다.',
          after: '먼저 연락드립니다.',
        },
      ],
    ],
  ])('%s', (_label, edit, changes) => {
    const a = base();

    expect(diffCharters(a, edit(a))).toEqual(changes);
  });

  it('comparing the other way round swaps before and after', () => {
    const a = base();
    const b: Charter = { ...a, title: '새 제목', commitments: [c1, c2, c3] };

    expect(diffCharters(b, a)).toEqual(
      diffCharters(a, b).map(({ path, before, after }) => ({ path, before: after, after: before })),
    );
  });

  it('any title: no change when equal, exactly one title change otherwise', () => {
    const a = base();
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (title) => {
        expect(diffCharters(a, { ...a, title })).toEqual(
          title === a.title ? [] : [{ path: 'title', before: a.title, after: title }],
        );
      }),
      { numRuns: 200 },
    );
  });
});
