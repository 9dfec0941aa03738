import fc from 'fast-check';
import { readInBoth } from '../../i18n/in-both';
import { describe, expect, it } from 'vitest';
import { defaultCharter } from '../../../../src/domain/charter/charter';
import type { Charter } from '../../../../src/domain/charter/charter';
import { backupSchema, emptyBackup } from '../../../../src/domain/interchange/backup';
import type { Backup } from '../../../../src/domain/interchange/backup';
import { planImport, sameData } from '../../../../src/domain/interchange/merge';
import type { ImportCounts, ImportPlan } from '../../../../src/domain/interchange/merge';
import { restore } from '../../../../src/domain/interchange/restore';
import { defaultSettings } from '../../../../src/domain/settings';
import {
  T,
  createBackup,
  createCharter,
  createCustomer,
  createDeal,
  createRecord,
  publish,
} from '../../factories';
import { backupArb } from './arbitraries';

const TIMEOUT = 120_000;
const EARLIER = '2026-03-01T00:00:00.000Z';
const LATER = '2026-03-09T00:00:00.000Z';

const counts = (added: number, updated: number, unchanged: number, removed: number): ImportCounts => ({
  added,
  updated,
  unchanged,
  removed,
});

function planned(plan: ImportPlan): Extract<ImportPlan, { ok: true }> {
  if (!plan.ok) throw new Error(`plan refused: ${JSON.stringify(plan.errors)}`);
  return plan;
}

/**
 * Two datasets built so that every rule shows up once (times are T.updated unless said otherwise):
 *   charters       data A, B, D          file A' (later), B' (earlier), E
 *   charterVersions data A@1, B@1        file A@1 (different text), B@1 (same), A@2
 *   customers      data K1, K2           file K1 (same), K3
 *   deals          data G1 (of K1)       file G1 (same), G2 (of K3)
 *   deliveries     data R1, R2           file R1' (same updatedAt, other notes), R3
 *   recoveryCases  data C1 (of R1)       file C1' (other notes; no updatedAt)
 *   settings       data ko/asked/0.75    file en/not asked/0.8
 */
function scenario(): { current: Backup; incoming: Backup } {
  const base = createBackup();
  const [a, b] = [createCharter({ id: 'A' }), createCharter({ id: 'B' })];
  const d = createCharter({ id: 'D' });
  const [, a1] = publish(a);
  const [, b1] = publish(b);
  const k1 = createCustomer({ id: 'K1' });
  const k2 = createCustomer({ id: 'K2' });
  const k3 = createCustomer({ id: 'K3', name: '새 고객' });
  const g1 = createDeal({ id: 'G1', customerId: 'K1' });
  const g2 = createDeal({ id: 'G2', customerId: 'K3' });
  const r1 = createRecord({ id: 'R1' });
  const r2 = createRecord({ id: 'R2' });
  const r3 = createRecord({ id: 'R3' });
  const c1 = { ...base.recoveryCases[0]!, id: 'C1', recordId: 'R1' };
  const current: Backup = {
    ...base,
    charters: [a, b, d],
    charterVersions: [a1, b1],
    customers: [k1, k2],
    deals: [g1],
    deliveries: [r1, r2],
    recoveryCases: [c1],
    settings: { ...defaultSettings, language: 'ko', persistenceAsked: true, atRiskShare: 0.75 },
  };
  const incoming: Backup = {
    ...base,
    exportedAt: '2026-05-01T00:00:00.000Z',
    charters: [
      { ...a, title: 'A, edited later', updatedAt: LATER },
      { ...b, title: 'B, edited earlier', updatedAt: EARLIER },
      createCharter({ id: 'E' }),
    ],
    charterVersions: [
      { ...a1, charter: { ...a1.charter, title: 'a different text for the same version' } },
      structuredClone(b1),
      { ...a1, version: 2, charter: { ...a1.charter, version: 2 } },
    ],
    customers: [structuredClone(k1), k3],
    deals: [structuredClone(g1), g2],
    deliveries: [{ ...r1, notes: 'same time, other notes' }, r3],
    recoveryCases: [{ ...c1, notes: 'edited in the file' }],
    settings: { ...defaultSettings, language: 'en', persistenceAsked: false, atRiskShare: 0.8 },
  };
  return { current, incoming };
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('planImport, counted by hand', () => {
  it('replace: the file becomes the data; counts compare it with the data before', () => {
    const { current, incoming } = scenario();
    const plan = planned(planImport(current, incoming, 'replace'));
    expect(plan.counts).toEqual({
      charters: counts(1, 2, 0, 1), // E added; A, B changed; D gone
      charterVersions: counts(1, 1, 1, 0), // A@2 added; A@1 replaced; B@1 same
      customers: counts(1, 0, 1, 1), // K3 added; K1 same; K2 gone
      deals: counts(1, 0, 1, 0), // G2 added; G1 same
      deliveries: counts(1, 1, 0, 1), // R3 added; R1 changed; R2 gone
      recoveryCases: counts(0, 1, 0, 0),
      settings: counts(0, 1, 0, 0),
    });
    expect(plan.conflicts).toBe(0);
    expect(plan.backup).toStrictEqual({
      ...incoming,
      settings: { ...defaultSettings, language: 'en', persistenceAsked: true, atRiskShare: 0.8 },
    });
  });

  it('merge: union by id, the later updatedAt wins, published versions never change', () => {
    const { current, incoming } = scenario();
    const plan = planned(planImport(current, incoming, 'merge'));
    expect(plan.counts).toEqual({
      charters: counts(1, 1, 2, 0), // E added; A taken (later); B kept (file is earlier); D kept
      charterVersions: counts(1, 0, 2, 0), // A@2 added; A@1 kept (conflict); B@1 same
      customers: counts(1, 0, 2, 0),
      deals: counts(1, 0, 1, 0),
      deliveries: counts(1, 0, 2, 0), // R1 kept: same updatedAt is not newer
      recoveryCases: counts(0, 1, 0, 0), // no updatedAt: the file wins
      settings: counts(0, 1, 0, 0),
    });
    expect(plan.conflicts).toBe(1);
    const { backup } = plan;
    expect(ids(backup.charters)).toEqual(['A', 'B', 'D', 'E']);
    expect(backup.charters[0]!.title).toBe('A, edited later');
    expect(backup.charters[1]).toStrictEqual(current.charters[1]);
    expect(backup.charterVersions.map((v) => `${v.charterId}@${v.version}`)).toEqual(['A@1', 'B@1', 'A@2']);
    expect(backup.charterVersions[0]).toStrictEqual(current.charterVersions[0]);
    expect(ids(backup.customers)).toEqual(['K1', 'K2', 'K3']);
    expect(ids(backup.deals)).toEqual(['G1', 'G2']);
    expect(backup.deliveries[0]).toStrictEqual(current.deliveries[0]);
    expect(backup.recoveryCases[0]!.notes).toBe('edited in the file');
    expect(backup.settings).toEqual({
      ...defaultSettings,
      language: 'en',
      persistenceAsked: true,
      atRiskShare: 0.8,
    });
    expect(backup.exportedAt).toBe(incoming.exportedAt);
    expect(backupSchema.safeParse(backup).success).toBe(true);
  });

  it('merging the same file twice changes nothing the second time', () => {
    const { current, incoming } = scenario();
    const once = planned(planImport(current, incoming, 'merge'));
    const twice = planned(planImport(once.backup, incoming, 'merge'));
    expect(twice.backup).toStrictEqual(once.backup);
    for (const c of Object.values(twice.counts)) expect(c.added + c.updated + c.removed).toBe(0);
  });

  it('importing a dataset into itself is all unchanged, in both modes', () => {
    // Through restore() first, as every dataset reaches planImport (defaults filled in).
    const result = restore(createBackup());
    if (!result.ok) throw new Error('factory backup does not restore');
    const backup = result.backup;
    for (const mode of ['replace', 'merge'] as const) {
      const plan = planned(planImport(backup, structuredClone(backup), mode));
      expect(plan.backup).toStrictEqual(backup);
      expect(plan.counts.charters).toEqual(counts(0, 0, 2, 0));
      expect(plan.counts.deliveries).toEqual(counts(0, 0, 4, 0));
      expect(plan.counts.settings).toEqual(counts(0, 0, 1, 0));
    }
  });

  it('refuses, with path and message, a merge that would exceed a collection limit', () => {
    const many = (prefix: string): Charter[] =>
      Array.from({ length: 600 }, (_, i) =>
        defaultCharter({ id: `${prefix}${i}`, now: T.created, locale: 'ko' }),
      );
    const current = { ...emptyBackup(T.exported), charters: many('a') };
    const incoming = { ...emptyBackup(T.exported), charters: many('b') };
    const plan = planImport(current, incoming, 'merge');
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(readInBoth(plan.errors)[0]).toEqual({
      path: 'charters',
      message: { en: 'must have at most 1,000 items', ko: '항목이 1,000개 이하여야 합니다' },
    });
    expect(planned(planImport(current, incoming, 'replace')).counts.charters).toEqual(counts(600, 0, 0, 600));
  });

  it('sameData ignores key order and undefined keys, and nothing else', () => {
    expect(sameData({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameData('\ud800', '\ud800')).toBe(true);
    expect(sameData(0, -0)).toBe(true);
  });
});

describe('planImport on random datasets', () => {
  it(
    'export → restore → replace into an empty workspace gives the dataset back (1,000 datasets)',
    () => {
      const empty = emptyBackup(T.exported);
      let withLoneSurrogates = 0;
      fc.assert(
        fc.property(backupArb, (dataset) => {
          const file = JSON.stringify(dataset);
          // Lone surrogates survive: JSON.stringify writes them as \udxxx escapes, JSON.parse reads them back.
          if (/\\ud[89a-f][0-9a-f]{2}/.test(file)) withLoneSurrogates += 1;
          const restored = restore(file);
          if (!restored.ok) throw new Error(`refused: ${JSON.stringify(restored.errors[0])}`);
          const plan = planned(planImport(empty, restored.backup, 'replace'));
          // persistenceAsked describes the browser being imported into, so it comes from there.
          // structuredClone: fast-check builds some objects without a prototype; the data is the same.
          const expected = structuredClone(dataset);
          expected.settings.persistenceAsked = empty.settings.persistenceAsked;
          expect(plan.backup).toStrictEqual(expected);
          expect(plan.counts.customers).toEqual(counts(dataset.customers.length, 0, 0, 0));
        }),
        { numRuns: 1_000 },
      );
      expect(withLoneSurrogates).toBeGreaterThan(100);
    },
    TIMEOUT,
  );

  it('a lone surrogate is escaped in the file and comes back as the same code unit', () => {
    const name = 'half \ud83d of an emoji, and a stray \udc00';
    const dataset = createBackup();
    dataset.customers[0] = { ...dataset.customers[0]!, name };
    const file = JSON.stringify(dataset);
    expect(file).toContain('\\ud83d');
    expect(file).toContain('\\udc00');
    // The file itself is well-formed UTF-16 (no lone surrogate left), so it saves and uploads as UTF-8.
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(file)).toBe(false);
    const restored = restore(file);
    expect(restored.ok && restored.backup.customers[0]!.name).toBe(name);
  });

  it(
    'merging any two datasets gives a valid backup holding every key of both, and is idempotent',
    () => {
      fc.assert(
        fc.property(backupArb, backupArb, (current, incoming) => {
          const plan = planned(planImport(current, incoming, 'merge'));
          expect(backupSchema.safeParse(plan.backup).success).toBe(true);
          for (const collection of [
            'charters',
            'customers',
            'deals',
            'deliveries',
            'recoveryCases',
          ] as const) {
            const keys = new Set(ids(plan.backup[collection]));
            for (const item of [...current[collection], ...incoming[collection]])
              expect(keys.has(item.id)).toBe(true);
            const c = plan.counts[collection];
            expect(c.removed).toBe(0);
            expect(c.added + c.updated + c.unchanged).toBe(plan.backup[collection].length);
          }
          const again = planned(planImport(plan.backup, incoming, 'merge'));
          expect(again.backup).toStrictEqual(plan.backup);
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );
});
