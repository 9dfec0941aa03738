import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../src/app/router';

describe('parseRoute', () => {
  it('reads Today, its log sheet and the item a reminder links to', () => {
    expect(parseRoute('')).toEqual({ name: 'today', log: false });
    expect(parseRoute('#/today/log')).toEqual({ name: 'today', log: true });
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
});
