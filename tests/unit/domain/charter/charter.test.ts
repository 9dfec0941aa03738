import { describe, expect, it } from 'vitest';
import {
  charterSchema,
  defaultCharter,
  duplicateCharter,
  ownerContactSchema,
  ownerSchema,
} from '../../../../src/domain/charter/charter';
import type { Charter, Owner } from '../../../../src/domain/charter/charter';
import { commitmentSchema, defaultCommitment } from '../../../../src/domain/charter/commitment';
import type { CommitmentKind } from '../../../../src/domain/charter/commitment';
import type { Duration } from '../../../../src/domain/common';
import { issuesToErrors } from '../../../../src/domain/interchange/errors';
import { readInBoth } from '../../i18n/in-both';
import { createCharter } from '../../factories';

const NOW = '2026-03-02T00:00:00.000Z';
const KINDS: CommitmentKind[] = ['within', 'by-date', 'amount', 'done'];

const MINUTES: Record<Duration['unit'], number> = { minutes: 1, hours: 60, days: 1_440, weeks: 10_080 };
const inMinutes = (d: Duration) => d.value * MINUTES[d.unit];

describe('defaultCharter', () => {
  it.each(['ko', 'en'] as const)('is a valid empty draft v1 for locale %s', (locale) => {
    const charter = defaultCharter({ id: 'c-1', now: NOW, locale });

    expect(charterSchema.safeParse(charter).success).toBe(true);
    expect(charter).toMatchObject({
      id: 'c-1',
      title: '',
      locale,
      status: 'draft',
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
      publishedAt: null,
      commitments: [],
      moments: [],
    });
  });

  it('takes the title it is given', () => {
    expect(defaultCharter({ id: 'c-1', now: NOW, locale: 'ko', title: '나의 서비스 헌장' }).title).toBe(
      '나의 서비스 헌장',
    );
  });

  it('stays valid after one default commitment of every kind is added', () => {
    const charter = defaultCharter({ id: 'c-1', now: NOW, locale: 'en' });
    charter.commitments = KINDS.map((kind, i) => defaultCommitment(`k-${i}`, kind));

    expect(charterSchema.safeParse(charter).success).toBe(true);
  });

  it('does not share its nested objects between two calls', () => {
    const a = defaultCharter({ id: 'a', now: NOW, locale: 'ko' });
    const b = defaultCharter({ id: 'b', now: NOW, locale: 'ko' });
    a.commitments.push(defaultCommitment('x', 'within'));
    a.owner.name = '김민준';

    expect(b.commitments).toEqual([]);
    expect(b.owner.name).toBe('');
  });
});

describe('defaultCommitment', () => {
  it.each(KINDS)('is valid for kind %s, unconfirmed, with the given id', (kind) => {
    const commitment = defaultCommitment('cm-1', kind);

    expect(commitmentSchema.safeParse(commitment).success).toBe(true);
    expect(commitment).toMatchObject({ id: 'cm-1', kind, readiness: 'unconfirmed', appliesTo: 'everyone' });
  });

  it('starts a time-window promise at 4 hours promised and 2 hours internal, in business time', () => {
    expect(defaultCommitment('cm-1', 'within')).toMatchObject({
      promised: { value: 4, unit: 'hours' },
      internal: { value: 2, unit: 'hours' },
      businessTime: true,
    });
  });

  it.each(['within', 'done'] as const)(
    'under-promises by default for kind %s: internal is stricter',
    (kind) => {
      const commitment = defaultCommitment('cm-1', kind);
      if (commitment.kind !== 'within' && commitment.kind !== 'done') throw new Error('unexpected kind');

      expect(inMinutes(commitment.internal)).toBeLessThan(inMinutes(commitment.promised));
    },
  );
});

describe('duplicateCharter', () => {
  const published = (): Charter =>
    createCharter({ status: 'published', version: 3, publishedAt: '2026-03-06T01:00:00.000Z' });

  it('makes a valid draft v1 with the new id, title and time, keeping the content', () => {
    const source = published();
    const copy = duplicateCharter(source, { id: 'copy-1', now: '2026-04-01T00:00:00.000Z', title: '사본' });

    expect(charterSchema.safeParse(copy).success).toBe(true);
    expect(copy).toEqual({
      ...source,
      id: 'copy-1',
      title: '사본',
      status: 'draft',
      version: 1,
      createdAt: '2026-04-01T00:00:00.000Z',
      updatedAt: '2026-04-01T00:00:00.000Z',
      publishedAt: null,
    });
  });

  it('shares no nested object or array with the source', () => {
    const source = published();
    const copy = duplicateCharter(source, { id: 'copy-1', now: NOW, title: '사본' });
    const sourceObjects = new Set<object>();
    const collect = (value: unknown, into: (o: object) => void) => {
      if (typeof value !== 'object' || value === null) return;
      into(value);
      for (const child of Object.values(value)) collect(child, into);
    };
    collect(source, (o) => sourceObjects.add(o));
    const shared: object[] = [];
    collect(copy, (o) => {
      if (sourceObjects.has(o)) shared.push(o);
    });

    expect(shared).toEqual([]);
  });

  it('leaves the source unchanged when the copy is edited', () => {
    const source = published();
    const before = structuredClone(source);
    const copy = duplicateCharter(source, { id: 'copy-1', now: NOW, title: '사본' });

    copy.owner.name = '다른 사람';
    copy.commitments[0]!.what = '바뀐 약속';
    copy.commitments.pop();
    copy.vision.content.push({ type: 'paragraph' });
    copy.checkIns.after[0]!.channel = 'letter';
    copy.recovery.steps[0]!.within.value = 99;
    copy.alternatives[0]!.offers.push('새 대안');
    copy.afterSales.businessHelp.offers.length = 0;

    expect(source).toEqual(before);
  });
});

describe('ownerContactSchema', () => {
  const owner = (patch: Partial<Owner>): Owner => ({ ...createCharter().owner, ...patch });
  const errorsOf = (value: Owner) => {
    const parsed = ownerContactSchema.safeParse(value);
    return parsed.success ? [] : readInBoth(issuesToErrors(parsed.error.issues));
  };
  const EMAIL_MESSAGE = {
    en: 'must be an email address like name@example.com',
    ko: 'name@example.com 같은 이메일 주소여야 합니다',
  };
  const PHONE_MESSAGE = {
    en: 'must be a phone number like 010-1234-5678',
    ko: '010-1234-5678 같은 전화번호여야 합니다',
  };

  it.each(['kim', 'kim@', '@example.com', 'kim@example', 'kim lee@example.com', 'kim@exa mple.com'])(
    'refuses the email %j with a bilingual message at "email"',
    (email) => {
      expect(errorsOf(owner({ email }))).toEqual([{ path: 'email', message: EMAIL_MESSAGE }]);
    },
  );

  it.each(['', 'kim@example.com', '김민준@회사.한국', 'a.b+c@sub.example.co.kr'])(
    'accepts the email %j',
    (email) => {
      expect(errorsOf(owner({ email }))).toEqual([]);
    },
  );

  it.each(['abc', '010-1', '010-1234-5678 내선 9', '010-1234-5678-9999-12'])(
    'refuses the phone %j with a bilingual message at "phone"',
    (phone) => {
      expect(errorsOf(owner({ phone }))).toEqual([{ path: 'phone', message: PHONE_MESSAGE }]);
    },
  );

  it.each(['', '010-1234-5678', '+82 10-1234-5678', '(02) 123-4567', '02.555.0142'])(
    'accepts the phone %j',
    (phone) => {
      expect(errorsOf(owner({ phone }))).toEqual([]);
    },
  );

  it.each(['', '   '])('refuses the blank name %j', (name) => {
    expect(errorsOf(owner({ name }))).toEqual([
      { path: 'name', message: { en: 'must not be empty', ko: '비워 둘 수 없습니다' } },
    ]);
  });

  it('reports a bad email and a bad phone together', () => {
    const errors = errorsOf(owner({ email: 'kim@', phone: 'abc' }));

    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'phone', message: PHONE_MESSAGE },
        { path: 'email', message: EMAIL_MESSAGE },
      ]),
    );
  });

  it('leaves drafts lenient: ownerSchema stores a half-typed email and phone as typed', () => {
    expect(ownerSchema.safeParse(owner({ name: '', email: 'kim@', phone: '010-' })).success).toBe(true);
  });
});
