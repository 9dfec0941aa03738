// `npm run bench` part: scoring speed. Prints one JSON line: score_100k_ms, score_1m_ms (all slices, median of 5).
import { defaultCommitment } from '../../src/domain/charter/commitment';
import type { Commitment } from '../../src/domain/charter/commitment';
import { defaultBusinessCalendar } from '../../src/domain/tracker/business-calendar';
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

function time(n: number): number {
  const { records, cases } = generate(n);
  const run = () => {
    const t = performance.now();
    computeScores({
      records,
      commitments,
      recoveryCases: cases,
      nowMs: Date.parse('2026-11-22T00:00:00Z'),
      atRiskShare: 0.75,
      calendar: defaultBusinessCalendar,
    });
    return performance.now() - t;
  };
  run(); // warm
  const times = [run(), run(), run(), run(), run()];
  log(`${n} records: ${times.map((x) => x.toFixed(0)).join(', ')} ms`);
  return median(times);
}

const small = time(100_000);
const large = time(1_000_000);
process.stdout.write(
  `${JSON.stringify({ score_100k_ms: Math.round(small), score_1m_ms: Math.round(large) })}\n`,
);
