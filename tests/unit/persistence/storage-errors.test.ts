import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { classifyStorageError } from '../../../src/persistence/storage-errors';
import type { StorageFailure } from '../../../src/persistence/storage-errors';

const dom = (name: string) => new DOMException('message', name);
const named = (name: string, extra: object = {}) => Object.assign(new Error('message'), { name, ...extra });

/** An error wrapping `inner` `levels` times, Dexie-style. */
const wrapped = (inner: unknown, levels: number): unknown =>
  levels === 0 ? inner : named('AbortError', { inner: wrapped(inner, levels - 1) });

const cyclic = named('AbortError');
Object.assign(cyclic, { inner: cyclic });

const cases: [string, unknown, StorageFailure][] = [
  ['QuotaExceededError DOMException', dom('QuotaExceededError'), 'quota'],
  ['QuotaExceededError wrapped once as inner', wrapped(dom('QuotaExceededError'), 1), 'quota'],
  ['QuotaExceededError nested two levels', wrapped(dom('QuotaExceededError'), 2), 'quota'],
  ['QuotaExceededError nested five levels', wrapped(dom('QuotaExceededError'), 5), 'quota'],
  ['Dexie.AbortError wrapping QuotaExceededError', new Dexie.AbortError(dom('QuotaExceededError')), 'quota'],
  ['Dexie.QuotaExceededError', new Dexie.QuotaExceededError('full'), 'quota'],
  [
    'Dexie.BulkError with a QuotaExceededError in failures',
    new Dexie.BulkError('bulk', { 0: dom('ConstraintError'), 1: dom('QuotaExceededError') }),
    'quota',
  ],
  [
    'failures array holding a wrapped quota error',
    named('ModifyError', { failures: [wrapped(dom('QuotaExceededError'), 1)] }),
    'quota',
  ],
  ['quota wins over unavailable', named('OpenFailedError', { inner: dom('QuotaExceededError') }), 'quota'],
  ['MissingAPIError', named('MissingAPIError'), 'unavailable'],
  ['Dexie.MissingAPIError', new Dexie.MissingAPIError(), 'unavailable'],
  ['InvalidStateError DOMException', dom('InvalidStateError'), 'unavailable'],
  ['SecurityError DOMException', dom('SecurityError'), 'unavailable'],
  [
    'Dexie.OpenFailedError wrapping SecurityError',
    new Dexie.OpenFailedError(dom('SecurityError')),
    'unavailable',
  ],
  ['Dexie.DatabaseClosedError', new Dexie.DatabaseClosedError(), 'unavailable'],
  ['VersionError DOMException', dom('VersionError'), 'unavailable'],
  ['SecurityError nested two levels', wrapped(dom('SecurityError'), 2), 'unavailable'],
  ['a plain Error', new Error('boom'), 'unknown'],
  ['Dexie.AbortError with no inner error', new Dexie.AbortError(), 'unknown'],
  ['ConstraintError DOMException', dom('ConstraintError'), 'unknown'],
  ['a TypeError', new TypeError('x is undefined'), 'unknown'],
  ['null', null, 'unknown'],
  ['undefined', undefined, 'unknown'],
  ['a string naming quota', 'QuotaExceededError', 'unknown'],
  ['a number', 42, 'unknown'],
  ['an object with a non-string name', { name: 42, inner: null }, 'unknown'],
  ['an error whose inner is itself (cycle)', cyclic, 'unknown'],
];

describe('classifyStorageError', () => {
  it.each(cases)('%s → %s', (_label, error, expected) => {
    expect(classifyStorageError(error)).toBe(expected);
  });
});
