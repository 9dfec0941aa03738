import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { inBusinessTime, isRunningTimer, remindersDue } from '../../../../src/domain/tracker/reminders';
import type { TodayItem } from '../../../../src/domain/tracker/today';
import { createCommitment, createRecord } from '../../factories';

const kst = (local: string) => Date.parse(`${local}+09:00`);
const calendar = defaultBusinessCalendar;
const commitment = createCommitment('within');

function promiseItem(id: string, triggered: string, due: string, urgency: TodayItem['urgency']): TodayItem {
  const record = createRecord({
    id,
    summary: `promise ${id}`,
    triggeredAt: new Date(kst(triggered)).toISOString(),
    dueAt: new Date(kst(due)).toISOString(),
    doneAt: null,
  });
  return { kind: 'promise', key: `promise:${id}`, dueMs: kst(due), urgency, record, commitment };
}

describe('inBusinessTime', () => {
  it('is true inside opening hours of a business day only', () => {
    expect(inBusinessTime(kst('2026-12-07T09:00:00'), calendar)).toBe(true);
    expect(inBusinessTime(kst('2026-12-07T17:59:00'), calendar)).toBe(true);
    expect(inBusinessTime(kst('2026-12-07T18:00:00'), calendar)).toBe(false);
    expect(inBusinessTime(kst('2026-12-05T11:00:00'), calendar)).toBe(false); // Saturday
    expect(inBusinessTime(kst('2026-12-25T11:00:00'), calendar)).toBe(false); // Christmas Day
  });
});

describe('remindersDue', () => {
  it('names a timer that ran out, an overdue promise and one at risk; nothing for due-today', () => {
    const items = [
      promiseItem('t', '2026-12-07T14:00:00', '2026-12-07T14:10:00', 'overdue'),
      promiseItem('o', '2026-12-07T09:00:00', '2026-12-07T13:00:00', 'overdue'),
      promiseItem('r', '2026-12-07T11:00:00', '2026-12-07T15:00:00', 'at-risk'),
      promiseItem('d', '2026-12-07T14:00:00', '2026-12-07T17:00:00', 'due-today'),
    ];
    expect(remindersDue(items, kst('2026-12-07T14:11:00'), calendar, new Set()).map((r) => r.key)).toEqual([
      't:timer-ended',
      'o:overdue',
      'r:at-risk',
    ]);
    // Already shown (before a reload): never again.
    const sent = new Set(['t:timer-ended', 'o:overdue']);
    expect(remindersDue(items, kst('2026-12-07T14:11:00'), calendar, sent).map((r) => r.key)).toEqual([
      'r:at-risk',
    ]);
  });

  it('holds back reminders at night for promises due in working hours, not for those due at night', () => {
    const items = [
      promiseItem('day', '2026-12-07T09:00:00', '2026-12-07T13:00:00', 'overdue'),
      promiseItem('night', '2026-12-07T20:00:00', '2026-12-07T20:30:00', 'overdue'),
    ];
    expect(remindersDue(items, kst('2026-12-07T20:31:00'), calendar, new Set()).map((r) => r.key)).toEqual([
      'night:timer-ended',
    ]);
    // The next morning the held one comes.
    expect(
      remindersDue(items, kst('2026-12-08T09:00:00'), calendar, new Set(['night:timer-ended'])),
    ).toHaveLength(1);
  });
});

describe('isRunningTimer', () => {
  it('measures the window to the due that counts: a new due agreed in time moves it', () => {
    const base = createRecord({
      triggeredAt: new Date(kst('2026-12-07T14:00:00')).toISOString(),
      dueAt: new Date(kst('2026-12-07T14:10:00')).toISOString(),
      doneAt: null,
    });
    const movedTo = (local: string) => ({
      ...base,
      renegotiation: {
        at: new Date(kst('2026-12-07T14:05:00')).toISOString(),
        newDueAt: new Date(kst(local)).toISOString(),
      },
    });
    expect(isRunningTimer(base)).toBe(true);
    // 14:00 → 14:50 is 50 minutes: still a timer; 14:00 → 15:30 is 90 minutes: a promise like any other.
    expect(isRunningTimer(movedTo('2026-12-07T14:50:00'))).toBe(true);
    expect(isRunningTimer(movedTo('2026-12-07T15:30:00'))).toBe(false);
  });
});
