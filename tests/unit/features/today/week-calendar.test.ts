import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../src/domain/settings';
import { weekEvents } from '../../../../src/features/today/week-calendar';
import type { Data } from '../../../../src/persistence/workspace';
import { createCharter, createCustomer, createDeal, createRecord } from '../../factories';

const kst = (local: string) => Date.parse(`${local}+09:00`);

function dataOf(
  parts: Partial<{ [K in keyof Data]: Data[K] extends ReadonlyMap<string, infer V> ? V[] : never }>,
): Data {
  const map = <V extends { id: string }>(items: V[] = []) => new Map(items.map((i) => [i.id, i]));
  return {
    charters: map(parts.charters),
    charterVersions: new Map(),
    customers: map(parts.customers),
    deals: map(parts.deals),
    deliveries: map(parts.deliveries),
    recoveryCases: map(parts.recoveryCases),
    settings: new Map(),
  };
}

describe('weekEvents: what the phone calendar reminds of when the app is closed', () => {
  it('takes open promises due within 7 days and moments dated up to a week from today', () => {
    const charter = createCharter();
    const kim = createCustomer({ name: '김지현' });
    const soon = createRecord({
      id: 'soon',
      charterId: charter.id,
      customerId: kim.id,
      summary: '견적 회신',
      triggeredAt: '2026-12-07T01:00:00.000Z',
      dueAt: '2026-12-08T01:00:00.000Z',
      doneAt: null,
    });
    const later = { ...soon, id: 'later', dueAt: '2026-12-20T01:00:00.000Z' };
    const done = { ...soon, id: 'done', doneAt: '2026-12-07T02:00:00.000Z' };
    // Won 12-01, delivered 12-10: order received 12-01 (overdue), first-use call and visit 12-13.
    const deal = createDeal({
      customerId: kim.id,
      charterId: charter.id,
      closedOn: '2026-12-01',
      deliveryOn: '2026-12-10',
    });
    const events = weekEvents({
      data: dataOf({ charters: [charter], customers: [kim], deliveries: [soon, later, done], deals: [deal] }),
      settings: defaultSettings,
      nowMs: kst('2026-12-07T10:00:00'),
      locale: 'ko',
    });
    expect(events.map((e) => [e.uid, 'date' in e.start ? e.start.date : e.start.instant])).toEqual([
      // A timed event 15 minutes before the due, with its alarm at the start.
      ['soon@service-charter', '2026-12-08T00:45:00.000Z'],
      [`${deal.id}-moment:${charter.moments[0]!.id}@service-charter`, '2026-12-01'],
      [`${deal.id}-moment:${charter.moments[1]!.id}@service-charter`, '2026-12-13'],
      [`${deal.id}-first-use@service-charter`, '2026-12-13'],
    ]);
    expect(events[0]!.title).toBe('김지현 — 견적 회신');
    expect(events[0]!.alarmMinutesBefore).toEqual([0]);
  });
});
