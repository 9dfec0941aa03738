// `npm run bench` part: scoring speed. Prints one JSON line, every figure the median of 5 runs after one
// warm-up run. The goal is a ratio, because absolute times vary between machines:
// - score_100k_ms: every slice the Scores screen, the CLI and the PDF track record read (overall, by
//   commitment, week/month/quarter and trend) of 100,000 generated records, from the plain records and
//   recovery cases in one `computeScores` call (reading every record included);
// - score_floor_100k_ms: one plain loop over the same records that reads their instants with
//   `Date.parse` and counts kept vs missed, timed alternately with score_100k_ms (goal: score ≤ 3 × floor).
// For information only (the 1,000,000-record goal is retired):
// - score_all_slices_100k_ms: the same call with the per-customer and per-deal slices read as well (no
//   screen reads them; `computeScores` works them out when first read);
// - score_1m_ms: the same over 1,000,000 records;
// - score_table_100k_ms, score_table_1m_ms: building a record table (`buildRecordTable`), which the
//   dashboard does once per change of its records or cases;
// - score_rescore_100k_ms, score_rescore_1m_ms: every slice from that built table, which is all the
//   dashboard does when only its filters change.
import { defaultCommitment } from '../../src/domain/charter/commitment';
import type { Commitment } from '../../src/domain/charter/commitment';
import { defaultBusinessCalendar } from '../../src/domain/tracker/business-calendar';
import { buildRecordTable } from '../../src/domain/tracker/record-table';
import { computeScores } from '../../src/domain/tracker/scoring';
import type { DeliveryRecord, RecoveryCase } from '../../src/domain/tracker/tracker';

const log = (m: string) => process.stderr.write(`[bench:score] ${m}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const commitments = new Map<string, Commitment>(
  (['within', 'done', 'by-date', 'amount'] as const).flatMap((kind, k) =>
    [0, 1, 2].map((j) => {
      const c = { ...defaultCommitment(`c${k}${j}`, kind), businessTime: j !== 0 } as Commitment;
      return [c.id, c] as const;
    }),
  ),
);
const ids = [...commitments.keys()];

/** `n` records over 2025–2026 from a fixed seed: done on time, late, open or renegotiated, 200 customers. */
function generate(n: number): { records: DeliveryRecord[]; cases: RecoveryCase[] } {
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const start = Date.parse('2025-01-01T00:00:00Z');
  const records: DeliveryRecord[] = [];
  const cases: RecoveryCase[] = [];
  for (let i = 0; i < n; i++) {
    const trigger = start + Math.floor(rand() * 700 * 86_400_000);
    const due = trigger + Math.floor((1 + rand() * 47) * 3_600_000);
    const r = rand();
    const done = r < 0.8 ? trigger + Math.floor((due - trigger) * rand() * 1.3) : null;
    const iso = (ms: number) => new Date(ms).toISOString();
    records.push({
      id: `r${i}`,
      charterId: 'ch',
      commitmentId: ids[i % ids.length]!,
      customerId: `cu${i % 200}`,
      dealId: i % 3 === 0 ? `d${i % 500}` : null,
      summary: '',
      triggeredAt: iso(trigger),
      dueAt: iso(due),
      doneAt: done === null ? null : iso(done),
      actual: ids[i % ids.length]!.startsWith('c3') ? Math.floor(rand() * 10) : null,
      renegotiation: r > 0.95 ? { at: iso(trigger + 1000), newDueAt: iso(due + 86_400_000) } : null,
      notes: '',
      createdAt: iso(trigger),
      updatedAt: iso(trigger),
    });
    if (done !== null && done > due && rand() < 0.5)
      cases.push({
        id: `k${i}`,
        recordId: `r${i}`,
        openedAt: iso(due),
        steps: [],
        closedAt: iso(due + 7_200_000),
        outcome: 'satisfied',
        notes: '',
      });
  }
  return { records, cases };
}

/** Median of 5 timed runs of `run` after one warm-up run. */
function time(label: string, run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let k = 0; k < 5; k += 1) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  log(`${label}: ${times.map((x) => x.toFixed(0)).join(', ')} ms`);
  return Math.round(median(times));
}

/**
 * Medians of 5 timed runs of `a` and `b` after one warm-up run of each, alternating a and b, so that a
 * slow stretch of this noisy machine weighs on both.
 */
function timeSideBySide(labels: [string, string], a: () => unknown, b: () => unknown): [number, number] {
  a();
  b();
  const times: [number[], number[]] = [[], []];
  for (let k = 0; k < 5; k += 1)
    [a, b].forEach((run, j) => {
      const t = performance.now();
      run();
      times[j]!.push(performance.now() - t);
    });
  times.forEach((xs, j) => log(`${labels[j]}: ${xs.map((x) => x.toFixed(0)).join(', ')} ms`));
  return [Math.round(median(times[0])), Math.round(median(times[1]))];
}

const NOW_MS = Date.parse('2026-11-22T00:00:00Z');

/**
 * The floor: the least any scoring must do — read each record's instants with `Date.parse` and count
 * kept (done by the due, or an amount entered) against missed (done late, or overdue).
 */
function floor(records: readonly DeliveryRecord[]): { kept: number; missed: number } {
  let kept = 0;
  let missed = 0;
  for (const r of records) {
    Date.parse(r.triggeredAt);
    const due = Date.parse(r.dueAt);
    if (r.doneAt !== null) {
      if (Date.parse(r.doneAt) <= due) kept += 1;
      else missed += 1;
    } else if (r.actual !== null) kept += 1;
    else if (NOW_MS > due) missed += 1;
  }
  return { kept, missed };
}

/** The figures for `n` records; the all-slices figure only when `withAllSlices` (else null). */
function measure(
  n: number,
  withAllSlices: boolean,
): { scores: number; floor: number; allSlices: number | null; table: number; rescore: number } {
  const { records, cases } = generate(n);
  const options = { commitments, nowMs: NOW_MS, atRiskShare: 0.75, calendar: defaultBusinessCalendar };
  const [scores, floorMs] = timeSideBySide(
    [`${n} records, scores from the records`, `${n} records, floor (Date.parse, kept vs missed)`],
    () => computeScores({ ...options, records, recoveryCases: cases }),
    () => floor(records),
  );
  const allSlices = withAllSlices
    ? time(`${n} records, scores with the customers' and deals' slices`, () => {
        const scores = computeScores({ ...options, records, recoveryCases: cases });
        return [scores.byCustomer, scores.byDeal];
      })
    : null;
  // Rescoring before timing the table: the discarded tables would make the collector run meanwhile.
  const built = buildRecordTable(records, cases);
  const rescore = time(`${n} records, scores from the table`, () =>
    computeScores({ ...options, table: built }),
  );
  const table = time(`${n} records, table`, () => buildRecordTable(records, cases));
  return { scores, floor: floorMs, allSlices, table, rescore };
}

const small = measure(100_000, true);
const large = measure(1_000_000, false);
process.stdout.write(
  `${JSON.stringify({
    score_100k_ms: small.scores,
    score_floor_100k_ms: small.floor,
    score_all_slices_100k_ms: small.allSlices,
    score_1m_ms: large.scores,
    score_table_100k_ms: small.table,
    score_table_1m_ms: large.table,
    score_rescore_100k_ms: small.rescore,
    score_rescore_1m_ms: large.rescore,
  })}\n`,
);
