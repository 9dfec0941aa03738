import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../../src/domain/charter/steps';
import { hrefOf, parseRoute } from '../../../src/lib/routes';
import type { Route } from '../../../src/lib/routes';

describe('routes', () => {
  it('reads Today, its log sheet and the item a reminder links to', () => {
    expect(parseRoute('')).toEqual({ name: 'today', log: false });
    expect(parseRoute('#/today/log')).toEqual({ name: 'today', log: true });
    expect(parseRoute('#/today/log/c%201')).toEqual({ name: 'today', log: true, charterId: 'c 1' });
    expect(parseRoute('#/today/item/promise%3Arec-1')).toEqual({
      name: 'today',
      log: false,
      item: 'promise:rec-1',
    });
    expect(parseRoute('#/today/item')).toEqual({ name: 'not-found' });
  });

  it('reads the other screens and refuses unknown paths', () => {
    expect(parseRoute('#/charters/abc/preview')).toEqual({ name: 'preview', charterId: 'abc' });
    expect(parseRoute('#/customers/c%201')).toEqual({ name: 'customer', customerId: 'c 1' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'not-found' });
  });

  it('writes the addresses links use', () => {
    expect(hrefOf({ name: 'today', log: false })).toBe('#/');
    expect(hrefOf({ name: 'today', log: true })).toBe('#/today/log');
    expect(hrefOf({ name: 'today', log: true, charterId: 'abc' })).toBe('#/today/log/abc');
    expect(hrefOf({ name: 'today', log: false, item: 'promise:rec-1' })).toBe('#/today/item/promise%3Arec-1');
    expect(hrefOf({ name: 'editor', charterId: 'abc', step: 'review' })).toBe('#/charters/abc/edit/review');
    expect(hrefOf({ name: 'preview', charterId: 'abc' })).toBe('#/charters/abc/preview');
    expect(hrefOf({ name: 'customer', customerId: 'c 1' })).toBe('#/customers/c%201');
    expect(hrefOf({ name: 'settings' })).toBe('#/settings');
  });

  it('reads back every address it writes, whatever the ids hold', () => {
    const id = fc.string({ minLength: 1, maxLength: 12 });
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.record({ name: fc.constant('today' as const), log: fc.boolean() }),
      fc.record({ name: fc.constant('today' as const), log: fc.constant(false), item: id }),
      fc.record({ name: fc.constant('today' as const), log: fc.constant(true), charterId: id }),
      fc.record({
        name: fc.constant('editor' as const),
        charterId: id,
        step: fc.constantFrom(...STEP_IDS),
      }),
      fc.record({ name: fc.constantFrom('preview' as const, 'share' as const), charterId: id }),
      fc.record({ name: fc.constant('customer' as const), customerId: id }),
      fc.record({ name: fc.constant('charters' as const), choosing: fc.constant(true as const) }),
      fc.record({
        name: fc.constantFrom(
          'charters' as const,
          'tracker' as const,
          'customers' as const,
          'scores' as const,
          'settings' as const,
          'not-found' as const,
        ),
      }),
    );
    fc.assert(
      fc.property(route, (r) => {
        expect(parseRoute(hrefOf(r))).toEqual(r);
      }),
    );
  });
});
