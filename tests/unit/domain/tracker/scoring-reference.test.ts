// `computeScores` against a plain reference implementation of the module's definitions
// (record by record, periods from `Date`, sorted medians), over random records: business-time and plain
// commitments of every kind, renegotiations, recovery cases, records outside from/to or the
// commitment/customer filter, and unreadable ones; the records given as they are and as a
// `buildRecordTable`. The reference takes each record's status from `recordStatus` and its margin from
// `recordMargin`, so it checks the counting, slicing and medians; the status rules themselves are
// checked on hand-computed cases in status.test.ts.
import { zoneOf } from '../../../../src/domain/clock/time-zone';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import type { BusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { buildRecordTable } from '../../../../src/domain/tracker/record-table';
import { computeScores, recordMargin } from '../../../../src/domain/tracker/scoring';
import type {
  PeriodGranularity,
  ScoreCounts,
  ScoreInput,
  Scores,
  SliceScores,
} from '../../../../src/domain/tracker/scoring';
import { recordStatus } from '../../../../src/domain/tracker/status';
import type { DeliveryRecord, RecoveryCase } from '../../../../src/domain/tracker/tracker';
import { createCommitment, createRecord } from '../../factories';
import { kst, ZERO_COUNTS } from './helpers';

const MINUTE = 60_000;
const DAY = 86_400_000;

const commitmentList: Commitment[] = [
  createCommitment('within', {
    id: 'call',
    promised: { value: 4, unit: 'hours' },
    internal: { value: 1, unit: 'hours' },
    businessTime: true,
  }),
  createCommitment('within', {
    id: 'quote',
    promised: { value: 2, unit: 'days' },
    internal: { value: 1, unit: 'days' },
    businessTime: true,
  }),
  createCommitment('within', {
    id: 'email',
    promised: { value: 1, unit: 'days' },
    internal: { value: 4, unit: 'hours' },
    businessTime: false,
  }),
  createCommitment('by-date', {
    id: 'delivery',
    internalLead: { value: 1, unit: 'days' },
    businessTime: true,
  }),
  createCommitment('by-date', { id: 'install', internalLead: null, businessTime: false }),
  createCommitment('done', { id: 'care', businessTime: false }),
  createCommitment('amount', {
    id: 'price',
    promised: { value: 100, unit: 'KRW', label: '' },
    internal: { value: 95, unit: 'KRW', label: '' },
  }),
  createCommitment('amount', {
    id: 'visits',
    direction: 'at-least',
    promised: { value: 3, unit: 'count', label: '' },
    internal: { value: 4, unit: 'count', label: '' },
    period: 'per-quarter',
  }),
];
const commitments = new Map(commitmentList.map((c) => [c.id, c]));

// ---------------------------------------------------------------------------------------------------
// Reference implementation.

type Row = {
  status: string;
  renegotiated: boolean;
  margin: number | null;
  recoveryMs: number | null;
};

function sortedMedian(values: number[]): number | null {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return null;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

function referenceSlice(rows: Row[]): SliceScores {
  const c: ScoreCounts = { ...ZERO_COUNTS };
  for (const r of rows) {
    c.total += 1;
    if (r.status === 'open') c.open += 1;
    if (r.status === 'at-risk') c.atRisk += 1;
    if (r.status === 'overdue') c.overdue += 1;
    if (r.status === 'kept' || r.status === 'over-delivered') c.kept += 1;
    if (r.status === 'over-delivered') c.overDelivered += 1;
    if (r.status === 'missed' || r.status === 'overdue') c.missed += 1;
    if (r.status === 'kept' || r.status === 'over-delivered' || r.status === 'missed') c.closed += 1;
    if (r.renegotiated) c.renegotiatedInTime += 1;
    if (r.margin !== null) c.withMargin += 1;
    if (r.recoveryMs !== null) c.recovered += 1;
  }
  const rate = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    counts: c,
    keepingRate: rate(c.kept, c.kept + c.missed),
    overDeliveryRate: rate(c.overDelivered, c.kept + c.missed),
    medianMargin: sortedMedian(rows.flatMap((r) => (r.margin === null ? [] : [r.margin]))),
    recoveryRate: rate(c.recovered, c.missed),
    medianRecoveryMs: sortedMedian(rows.flatMap((r) => (r.recoveryMs === null ? [] : [r.recoveryMs]))),
  };
}

/** A period as [label, start ms, end ms) for a local instant, and the next period's local start. */
function referencePeriod(
  g: PeriodGranularity,
  localMs: number,
): { label: string; start: number; next: number } {
  const d = new Date(localMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const pad = (n: number) => String(n).padStart(2, '0');
  if (g === 'month')
    return { label: `${y}-${pad(m + 1)}`, start: Date.UTC(y, m, 1), next: Date.UTC(y, m + 1, 1) };
  if (g === 'quarter') {
    const q = Math.floor(m / 3);
    return { label: `${y}-Q${q + 1}`, start: Date.UTC(y, q * 3, 1), next: Date.UTC(y, q * 3 + 3, 1) };
  }
  const midnight = Date.UTC(y, m, d.getUTCDate());
  const monday = midnight - ((d.getUTCDay() + 6) % 7) * DAY;
  const thursday = new Date(monday + 3 * DAY);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY)) + 1;
  return { label: `${isoYear}-W${pad(week)}`, start: monday, next: monday + 7 * DAY };
}

type ArrayInput = Extract<ScoreInput, { records: readonly DeliveryRecord[] }>;

function referenceScores(input: ArrayInput): Scores {
  const zone = zoneOf(input.calendar.timeZone);
  let skipped = 0;
  const kept: { record: DeliveryRecord; row: Row; trigger: number }[] = [];
  for (const record of input.records) {
    if (input.commitmentId !== undefined && record.commitmentId !== input.commitmentId) continue;
    if (input.customerId !== undefined && record.customerId !== input.customerId) continue;
    const commitment = input.commitments.get(record.commitmentId);
    const trigger = Date.parse(record.triggeredAt);
    const due =
      record.renegotiation && Date.parse(record.renegotiation.at) < Date.parse(record.dueAt)
        ? Date.parse(record.renegotiation.newDueAt)
        : Date.parse(record.dueAt);
    if (!commitment || Number.isNaN(trigger) || Number.isNaN(due)) {
      skipped += 1;
      continue;
    }
    if (trigger < (input.from ?? -Infinity) || trigger >= (input.to ?? Infinity)) continue;
    const { status, renegotiatedInTime } = recordStatus(record, commitment, input.nowMs, input);
    let recoveryMs: number | null = null;
    if (status === 'missed' || status === 'overdue') {
      const closed = input.recoveryCases
        .filter((c) => c.recordId === record.id && c.closedAt !== null)
        .map((c) => ({ closed: Date.parse(c.closedAt!), opened: Date.parse(c.openedAt) }))
        .filter((c) => !Number.isNaN(c.closed) && !Number.isNaN(c.opened))
        .sort((a, b) => a.closed - b.closed || b.opened - a.opened);
      if (closed[0]) recoveryMs = closed[0].closed - closed[0].opened;
    }
    const margin = recordMargin(record, commitment, input.calendar);
    kept.push({ record, trigger, row: { status, renegotiated: renegotiatedInTime, margin, recoveryMs } });
  }
  const group = (key: (k: (typeof kept)[number]) => string | null) => {
    const out = new Map<string, Row[]>();
    for (const k of kept) {
      const id = key(k);
      if (id !== null) out.set(id, [...(out.get(id) ?? []), k.row]);
    }
    return new Map([...out].map(([id, rows]) => [id, referenceSlice(rows)]));
  };
  const byCommitment = new Map(
    [...input.commitments.keys()].map((id) => [
      id,
      referenceSlice(kept.filter((k) => k.record.commitmentId === id).map((k) => k.row)),
    ]),
  );
  const byPeriod = {} as Scores['byPeriod'];
  const trend = {} as Record<PeriodGranularity, Scores['trend'][PeriodGranularity][number][]>;
  for (const g of ['week', 'month', 'quarter'] as const) {
    const triggers = kept.map((k) => k.trigger);
    const first = input.from ?? (triggers.length ? Math.min(...triggers) : undefined);
    const last = input.to !== undefined ? input.to - 1 : triggers.length ? Math.max(...triggers) : undefined;
    const series: Scores['trend'][PeriodGranularity][number][] = [];
    const lo = first ?? last;
    const hi = last ?? first;
    if (lo !== undefined && hi !== undefined) {
      const end = referencePeriod(g, zone.localOf(hi)).label;
      for (let p = referencePeriod(g, zone.localOf(lo)); ; p = referencePeriod(g, p.next)) {
        const rows = kept.filter((k) => referencePeriod(g, zone.localOf(k.trigger)).label === p.label);
        series.push({
          ...referenceSlice(rows.map((k) => k.row)),
          period: p.label,
          startMs: zone.instantOf(p.start),
          endMs: zone.instantOf(p.next),
        });
        if (p.label === end) break;
      }
    }
    trend[g] = series;
    byPeriod[g] = new Map(series.filter((p) => p.counts.total > 0).map((p) => [p.period, p]));
  }
  return {
    overall: referenceSlice(kept.map((k) => k.row)),
    byCommitment,
    byCustomer: group((k) => k.record.customerId),
    byDeal: group((k) => k.record.dealId),
    byPeriod,
    trend,
    skipped,
  };
}

// ---------------------------------------------------------------------------------------------------
// Random inputs.

const BASE = kst('2026-01-01T00:00');
const iso = (ms: number) => new Date(ms).toISOString();
const arbRecord = (index: number) =>
  fc
    .record({
      commitment: fc.constantFrom(...commitmentList.map((c) => c.id), 'deleted'),
      customer: fc.constantFrom(null, 'kim', 'lee', 'park'),
      deal: fc.constantFrom(null, 'd1', 'd2', 'd3'),
      trigger: fc.integer({ min: 0, max: 200 * 24 * 60 }), // minutes after BASE
      window: fc.integer({ min: 0, max: 6 * 24 * 60 }),
      done: fc.option(fc.integer({ min: -120, max: 9 * 24 * 60 }), { nil: null }),
      actual: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      renegotiation: fc.option(
        fc.record({
          at: fc.integer({ min: 0, max: 7 * 24 * 60 }),
          extra: fc.integer({ min: 0, max: 4 * 24 * 60 }),
        }),
        { nil: null },
      ),
      broken: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
    })
    .map((x): DeliveryRecord => {
      const t = BASE + x.trigger * MINUTE;
      const due = t + x.window * MINUTE;
      const amount = x.commitment === 'price' || x.commitment === 'visits';
      return createRecord({
        id: `r${index}`,
        commitmentId: x.commitment,
        customerId: x.customer,
        dealId: x.deal,
        triggeredAt: x.broken ? 'not a time' : iso(t),
        dueAt: iso(due),
        doneAt: x.done === null ? null : iso(t + x.done * MINUTE),
        actual: amount ? x.actual : null,
        renegotiation:
          x.renegotiation === null
            ? null
            : {
                at: iso(t + x.renegotiation.at * MINUTE),
                newDueAt: iso(due + x.renegotiation.extra * MINUTE),
              },
      });
    });
const arbRecords = fc
  .integer({ min: 0, max: 50 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbRecord(i))));
// Closing instants come from a coarse grid so that two cases of one record often close together (the
// later opened one counts then).
const arbCases = (records: DeliveryRecord[]) =>
  fc.array(
    fc
      .record({
        index: fc.nat(),
        closed: fc.integer({ min: 0, max: 8 }),
        duration: fc.integer({ min: 0, max: 5 * 24 * 60 }),
        open: fc.boolean(),
      })
      .map(({ index, closed, duration, open }): RecoveryCase | null => {
        const r = records[index % Math.max(records.length, 1)];
        if (!r) return null;
        const c = BASE + closed * 20 * DAY;
        return {
          id: `case-${index}`,
          recordId: r.id,
          openedAt: iso(c - duration * MINUTE),
          steps: [],
          closedAt: open ? null : iso(c),
          outcome: null,
          notes: '',
        };
      }),
    { maxLength: 40 },
  );
const arbCalendar = fc.constantFrom<BusinessCalendar>(defaultBusinessCalendar, {
  ...defaultBusinessCalendar,
  timeZone: 'America/New_York',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  opensAt: '08:30',
  closesAt: '17:00',
});
const arbInput = arbRecords.chain((records) =>
  fc
    .record({
      cases: arbCases(records),
      now: fc.integer({ min: 0, max: 220 * 24 * 60 }),
      calendar: arbCalendar,
      atRiskShare: fc.constantFrom(0.5, 0.75, 0.9),
      from: fc.option(fc.integer({ min: 0, max: 150 * 24 * 60 }), { nil: undefined }),
      span: fc.option(fc.integer({ min: 1, max: 120 * 24 * 60 }), { nil: undefined }),
      commitmentId: fc.option(fc.constantFrom('call', 'price', 'deleted', 'nothing-like-it'), {
        nil: undefined,
        freq: 3,
      }),
      customerId: fc.option(fc.constantFrom('kim', 'park', 'nobody'), { nil: undefined, freq: 3 }),
    })
    .map((x): ArrayInput => ({
      records,
      commitments,
      recoveryCases: x.cases.filter((c): c is RecoveryCase => c !== null),
      nowMs: BASE + x.now * MINUTE,
      atRiskShare: x.atRiskShare,
      calendar: x.calendar,
      ...(x.from === undefined ? {} : { from: BASE + x.from * MINUTE }),
      ...(x.span === undefined ? {} : { to: BASE + ((x.from ?? 0) + x.span) * MINUTE }),
      ...(x.commitmentId === undefined ? {} : { commitmentId: x.commitmentId }),
      ...(x.customerId === undefined ? {} : { customerId: x.customerId }),
    })),
);

const canonical = (s: Scores) => {
  const entries = <V>(m: ReadonlyMap<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    ...s,
    byCommitment: entries(s.byCommitment),
    byCustomer: entries(s.byCustomer),
    byDeal: entries(s.byDeal),
    byPeriod: {
      week: entries(s.byPeriod.week),
      month: entries(s.byPeriod.month),
      quarter: entries(s.byPeriod.quarter),
    },
  };
};

describe('computeScores equals the plain reference implementation', () => {
  it('on random records, cases, calendars, from/to bounds and filters, as records and as a table', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const expected = canonical(referenceScores(input));
        expect(canonical(computeScores(input))).toEqual(expected);
        const { records, recoveryCases, ...options } = input;
        const table = buildRecordTable(records, recoveryCases);
        expect(canonical(computeScores({ ...options, table }))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('scores one table under a series of filters as the reference scores the records, leaving it unchanged', () => {
    const arbFilters = arbInput.map(({ records: _records, recoveryCases: _cases, ...options }) => options);
    fc.assert(
      fc.property(arbInput, fc.array(arbFilters, { minLength: 2, maxLength: 5 }), (data, series) => {
        // Built once, scored under each options in turn, as the dashboard does when its filters change.
        const table = buildRecordTable(data.records, data.recoveryCases);
        const before = structuredClone(table);
        for (const options of series)
          expect(canonical(computeScores({ ...options, table }))).toEqual(
            canonical(
              referenceScores({ ...options, records: data.records, recoveryCases: data.recoveryCases }),
            ),
          );
        expect(table).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('on the same input twice in a row (no state is kept between calls)', () => {
    fc.assert(
      fc.property(arbInput, arbInput, (a, b) => {
        computeScores(a);
        expect(canonical(computeScores(b))).toEqual(canonical(referenceScores(b)));
      }),
      { numRuns: 50 },
    );
  });

  it('on many records with many recovery cases (table growth, medians of long slices)', () => {
    const records: DeliveryRecord[] = [];
    const cases: RecoveryCase[] = [];
    for (let i = 0; i < 3_000; i += 1) {
      const t = BASE + ((i * 7_919) % (300 * 24 * 60)) * MINUTE;
      const late = i % 3 === 0;
      records.push(
        createRecord({
          id: `rec-${i}`,
          commitmentId: commitmentList[i % commitmentList.length]!.id,
          customerId: `cu${i % 37}`,
          dealId: i % 2 ? `deal-${i % 101}` : null,
          triggeredAt: iso(t),
          dueAt: iso(t + 6 * 3_600_000),
          doneAt: i % 5 === 4 ? null : iso(t + (late ? 9 : 2) * 3_600_000 + (i % 13) * MINUTE),
          actual: i % 2 ? (i * 31) % 130 : null,
        }),
      );
      if (late || i % 5 === 4)
        cases.push({
          id: `case-${i}`,
          recordId: `rec-${i}`,
          openedAt: iso(t + 10 * 3_600_000),
          steps: [],
          closedAt: i % 4 === 0 ? null : iso(t + 10 * 3_600_000 + (i % 17) * 3_600_000),
          outcome: null,
          notes: '',
        });
    }
    const input: ArrayInput = {
      records,
      commitments,
      recoveryCases: cases,
      nowMs: BASE + 320 * DAY,
      atRiskShare: 0.75,
      calendar: defaultBusinessCalendar,
    };
    const scores = computeScores(input);
    expect(scores.overall.counts.recovered).toBeGreaterThan(100);
    expect(canonical(scores)).toEqual(canonical(referenceScores(input)));
  });
});
