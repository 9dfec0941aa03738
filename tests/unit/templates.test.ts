import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../src/domain/charter/charter';
import type { Commitment } from '../../src/domain/charter/commitment';
import type { Duration } from '../../src/domain/common';
import { CHARTER_FORMAT, CURRENT_VERSION } from '../../src/domain/interchange/backup';
import { restore } from '../../src/domain/interchange/restore';
import { richTextToPlain } from '../../src/domain/rich-text/rich-text';

// Starter charters in templates/: every file is read from the folder, so a new template is covered as soon
// as it is added (and the list below says which ones must exist).

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
const TRADES = [
  'car-sales',
  'insurance-planner',
  'b2b-equipment',
  'real-estate',
  'saas-account-management',
  'electronics-retail',
];
const LOCALES = ['ko', 'en'] as const;
const FILE_NAME = /^([a-z0-9-]+)\.(ko|en)\.json$/;
const CREATED_AT = '2026-11-22T00:00:00.000Z';

const MINUTES_PER: Record<Duration['unit'], number> = { minutes: 1, hours: 60, days: 1_440, weeks: 10_080 };
const toMinutes = (d: Duration): number => d.value * MINUTES_PER[d.unit];

/**
 * Rule 5 (under-promise, over-deliver): true when the internal target is strictly stricter than what the
 * customer is promised — a shorter window for `within`/`done`, a lead before the agreed date for `by-date`,
 * and for `amount` a lower internal value (at-most) or a higher one (at-least), in the same unit.
 */
function hasBuffer(c: Commitment): boolean {
  switch (c.kind) {
    case 'within':
    case 'done':
      return toMinutes(c.internal) < toMinutes(c.promised);
    case 'by-date':
      return c.internalLead !== null && toMinutes(c.internalLead) > 0;
    case 'amount':
      if (c.internal.unit !== c.promised.unit) return false;
      return c.direction === 'at-most'
        ? c.internal.value < c.promised.value
        : c.internal.value > c.promised.value;
  }
}

/** Every string value anywhere in `value` (object keys excluded). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Every `id` property anywhere in `value`. */
function idsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (typeof value !== 'object' || value === null) return [];
  const own = 'id' in value && typeof value.id === 'string' ? [value.id] : [];
  return [...own, ...Object.values(value).flatMap(idsIn)];
}

const VAGUE_KO = ['즉시', '바로', '곧', '최대한 빨리'];
const VAGUE_EN = /\b(asap|promptly|right away|soon)\b/i;
const PLACEHOLDERS = new Set(['{customer}', '{product}', '{date}', '{delivery}', '{owner}']);

/** The vague promise words found in `text` (Korean by substring, English as whole words). */
function vagueWordsIn(text: string): string[] {
  const found = VAGUE_KO.filter((word) => text.includes(word));
  const english = VAGUE_EN.exec(text);
  return english ? [...found, english[0]] : found;
}

const files = readdirSync(TEMPLATES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('the helpers of this test', () => {
  it('compare durations in minutes and amounts by direction', () => {
    const within = (promised: Duration, internal: Duration): Commitment => ({
      id: 'c1',
      what: 'reply',
      shortName: '',
      trigger: 'a call',
      appliesTo: 'everyone',
      measuredBy: 'log',
      readiness: 'unconfirmed',
      kind: 'within',
      promised,
      internal,
      businessTime: true,
    });
    expect(hasBuffer(within({ value: 1, unit: 'days' }, { value: 23, unit: 'hours' }))).toBe(true);
    expect(hasBuffer(within({ value: 1, unit: 'days' }, { value: 24, unit: 'hours' }))).toBe(false);
    expect(hasBuffer(within({ value: 1, unit: 'weeks' }, { value: 8, unit: 'days' }))).toBe(false);
    const amount = (direction: 'at-most' | 'at-least', promised: number, internal: number): Commitment => ({
      id: 'c2',
      what: 'visits',
      shortName: '',
      trigger: 'delivery',
      appliesTo: 'everyone',
      measuredBy: 'count',
      readiness: 'unconfirmed',
      kind: 'amount',
      direction,
      promised: { value: promised, unit: 'count', label: 'visits' },
      internal: { value: internal, unit: 'count', label: 'visits' },
      period: 'per-year',
    });
    expect(hasBuffer(amount('at-least', 2, 3))).toBe(true);
    expect(hasBuffer(amount('at-least', 2, 2))).toBe(false);
    expect(hasBuffer(amount('at-most', 50, 30))).toBe(true);
    expect(hasBuffer(amount('at-most', 30, 50))).toBe(false);
  });

  it('find vague words in Korean by substring and in English as whole words', () => {
    expect(vagueWordsIn('연락 주시면 바로 답신드립니다')).toEqual(['바로']);
    expect(vagueWordsIn('I will call you back ASAP.')).toEqual(['ASAP']);
    expect(vagueWordsIn('sooner or later')).toEqual([]);
    expect(vagueWordsIn('4영업시간 안에 답신드립니다')).toEqual([]);
  });
});

describe('templates/', () => {
  it('holds exactly one ko and one en template for each trade', () => {
    const expected = TRADES.flatMap((trade) => LOCALES.map((locale) => `${trade}.${locale}.json`)).sort();
    expect(files).toEqual(expected);
  });
});

describe.each(files)('templates/%s', (fileName) => {
  const text = readFileSync(`${TEMPLATES_DIR}${fileName}`, 'utf8');
  const json: unknown = JSON.parse(text);
  const result = restore(json);
  const [, trade, locale] = FILE_NAME.exec(fileName) ?? [];
  const charter = (result.ok ? result.backup.charters[0] : undefined) as Charter;

  it('is a single-charter file that restore() accepts', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(json).toMatchObject({ format: CHARTER_FORMAT, version: CURRENT_VERSION });
    expect(result.ok && result.backup.charters).toHaveLength(1);
  });

  it('is a fresh draft named after the file, in the file’s language', () => {
    expect(charter).toMatchObject({
      id: `tpl-${trade}-${locale}`,
      locale,
      status: 'draft',
      version: 1,
      publishedAt: null,
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
      owner: { name: '', company: '', phone: '', email: '', website: '', photo: null },
      serviceLevel: { ownsService: true },
    });
    expect(charter.title.trim()).not.toBe('');
    expect(charter.owner.role.trim()).not.toBe('');
  });

  it('uses each id once', () => {
    const ids = idsIn(charter);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has 5–7 unconfirmed commitments of all four kinds, each with a stricter internal target', () => {
    expect(charter.commitments.length).toBeGreaterThanOrEqual(5);
    expect(charter.commitments.length).toBeLessThanOrEqual(7);
    expect(new Set(charter.commitments.map((c) => c.kind))).toEqual(
      new Set(['within', 'by-date', 'amount', 'done']),
    );
    for (const c of charter.commitments) {
      expect(c.readiness, c.id).toBe('unconfirmed');
      expect(
        [c.what, c.trigger, c.measuredBy].every((s) => s.trim() !== ''),
        c.id,
      ).toBe(true);
      expect(hasBuffer(c), `${c.id}: ${c.what}`).toBe(true);
    }
  });

  it('fills every step of the guided editor', () => {
    expect(richTextToPlain(charter.vision).trim()).not.toBe('');
    expect(charter.checkIns.before.length).toBeGreaterThanOrEqual(1);
    expect(charter.checkIns.during.length).toBeGreaterThanOrEqual(1);
    expect(charter.checkIns.after.length).toBeGreaterThanOrEqual(1);
    expect(charter.moments.length).toBeGreaterThanOrEqual(5);
    expect(charter.moments.length).toBeLessThanOrEqual(10);
    expect(charter.recovery.promise.trim()).not.toBe('');
    expect(charter.recovery.steps.length).toBeGreaterThanOrEqual(3);
    expect(charter.alternatives.length).toBeGreaterThanOrEqual(4);
    for (const alternative of charter.alternatives)
      expect(alternative.offers.length).toBeGreaterThanOrEqual(1);
    expect(charter.afterSales.orderCheck.practice.trim()).not.toBe('');
    expect(richTextToPlain(charter.afterSales.careTips).trim()).not.toBe('');
    expect(charter.lostSale.message.trim()).not.toBe('');
  });

  it('uses no vague promise words', () => {
    const vague = stringsIn(json).flatMap((s) => vagueWordsIn(s).map((word) => `${word} in "${s}"`));
    expect(vague).toEqual([]);
  });

  it('uses only the known placeholders in moment messages', () => {
    for (const moment of charter.moments) {
      const used = moment.message.match(/\{[^{}]*\}/g) ?? [];
      expect(
        // `{product|차량}`: a known placeholder with the template's own words for an empty value.
        used.filter((p) => !PLACEHOLDERS.has(p.replace(/\|[^{}|]+\}$/, '}'))),
        moment.id,
      ).toEqual([]);
      expect(moment.message.trim(), moment.id).not.toBe('');
    }
  });
});
