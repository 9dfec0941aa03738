import { describe, expect, it } from 'vitest';
import { defaultCharter } from '../../../../src/domain/charter/charter';
import { defaultCommitment } from '../../../../src/domain/charter/commitment';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { defaultSettings } from '../../../../src/domain/settings';
import { trackRecordOf, wouldHaveKept } from '../../../../src/domain/tracker/track-record';
import type { DeliveryRecord } from '../../../../src/domain/tracker/tracker';
import { charterMessage } from '../../../../src/i18n/charter-message';

type Within = Extract<Commitment, { kind: 'within' }>;
const within4h: Within = {
  ...(defaultCommitment('c1', 'within') as Within),
  what: 'return every call',
  promised: { value: 4, unit: 'hours' },
  internal: { value: 2, unit: 'hours' },
  businessTime: false,
};

let n = 0;
function record(triggeredAt: string, doneAt: string | null): DeliveryRecord {
  const dueAt = new Date(Date.parse(triggeredAt) + 4 * 3_600_000).toISOString();
  return {
    id: `r${++n}`,
    charterId: 'ch',
    commitmentId: 'c1',
    customerId: null,
    dealId: null,
    summary: '',
    triggeredAt,
    dueAt,
    doneAt,
    actual: null,
    renegotiation: null,
    notes: '',
    createdAt: triggeredAt,
    updatedAt: triggeredAt,
  };
}

const NOW = Date.parse('2026-11-23T20:00:00Z');
const records = [
  record('2026-11-23T10:00:00Z', '2026-11-23T12:00:00Z'), // done in 2 h: kept
  record('2026-11-23T10:00:00Z', '2026-11-23T15:00:00Z'), // done in 5 h: late
  record('2026-11-23T10:00:00Z', null), // due 14:00, not done at 20:00: missed
  record('2026-11-23T19:00:00Z', null), // due 23:00: still open, not counted
];

describe('wouldHaveKept (rule 3 evidence)', () => {
  it('counts closed records (done, or overdue) and those done within the promised window', () => {
    expect(wouldHaveKept(within4h, records, defaultSettings, NOW)).toEqual({ kept: 1, closed: 3 });
  });

  it('judges the history against the promise as it is now: 6 hours would have kept the late one', () => {
    const sixHours: Within = { ...within4h, promised: { value: 6, unit: 'hours' } };
    expect(wouldHaveKept(sixHours, records, defaultSettings, NOW)).toEqual({ kept: 2, closed: 3 });
  });

  it('has nothing to say without closed records or for kinds without a window', () => {
    expect(wouldHaveKept(within4h, [records[3]!], defaultSettings, NOW)).toBeNull();
    expect(wouldHaveKept(defaultCommitment('c1', 'amount'), records, defaultSettings, NOW)).toBeNull();
  });
});

describe('trackRecordOf (the PDF section)', () => {
  it('gives kept and kept + missed per commitment over the last N days, from the scoring function', () => {
    const charter = {
      ...defaultCharter({ id: 'ch', now: '2026-11-01T00:00:00.000Z', locale: 'en' }),
      commitments: [within4h],
    };
    const result = trackRecordOf({
      charter,
      versions: [],
      records,
      recoveryCases: [],
      settings: defaultSettings,
      nowMs: NOW,
      days: 90,
      say: (message) => charterMessage('en', message),
    });
    // Kept: the 2-hour one. Missed: the late one and the overdue one. The open one is neither.
    expect(result).toEqual({
      periodDays: 90,
      rows: [{ label: 'I return every call within 4 hours.', kept: 1, total: 3 }],
    });
  });
});
