// `charter render --track-record [--from --to --now]`: the track record section, computed from the backup's
// records for that charter with the same scoring as `charter score`, printed with its period and "as of".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/charter';
import { pdfWords } from '../../../src/pdf/pdf-words';
import { createBackup } from '../factories';
import { TEMPLATES_DIR, pdfText, unspaced } from '../pdf/pdf-helpers';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { LANG: 'en_US.UTF-8' },
  );
  return { code, out, err };
}

type ScoreJson = {
  charters: {
    charterId: string;
    byCommitment: { commitmentId: string; counts: { kept: number; missed: number } }[];
  }[];
};

let dir: string;
let backupFile: string;
let koreanId: string;
const ko = pdfWords('ko');
const en = pdfWords('en');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'charter-cli-record-'));
  const backup = createBackup();
  // The published Korean charter holds the backup's four delivery records (March 2026).
  koreanId = backup.charters[0]!.id;
  expect(backup.charters[0]!.locale).toBe('ko');
  backupFile = path.join(dir, 'backup.json');
  writeFileSync(backupFile, JSON.stringify(backup));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Renders with `extra` options and returns the PDF's text without white space. */
async function renderText(file: string, extra: string[]): Promise<string> {
  const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}.pdf`);
  const result = await run(['render', file, '-o', out, ...extra]);
  expect(result.err).toEqual([]);
  expect(result.code).toBe(0);
  return unspaced((await pdfText(readFileSync(out))).text);
}

describe('charter render --track-record', () => {
  it('prints the chosen period, the "as of" date and the same kept / n counts as charter score', async () => {
    const period = ['--from', '2026-03-01', '--to', '2026-03-31', '--now', '2026-04-01T00:00:00Z'];
    const text = await renderText(backupFile, ['--charter', koreanId, '--track-record', ...period]);
    expect(text).toContain(unspaced(ko('trackRecord')));
    // The period as dates (--to inclusive), then the day of --now.
    expect(text).toContain(
      unspaced(`${ko('trackRecordPeriod', { from: '2026년 3월 1일', to: '2026년 3월 31일' })}`),
    );
    expect(text).toContain(unspaced(ko('asOf', { date: '2026년 4월 1일' })));
    expect(text).toContain(unspaced(ko('method')));

    const score = await run(['score', backupFile, ...period, '--json']);
    expect(score.code).toBe(0);
    const json = JSON.parse(score.out.join('\n')) as ScoreJson;
    const lines = json.charters.find((c) => c.charterId === koreanId)!.byCommitment;
    const counted = lines.filter((l) => l.counts.kept + l.counts.missed > 0);
    // The backup holds a kept and a missed promise in March: at least two commitments have counts.
    expect(counted.length).toBeGreaterThanOrEqual(2);
    for (const l of counted) {
      const n = l.counts.kept + l.counts.missed;
      expect(n).toBeLessThan(5); // below five promises, counts, not a percentage
      expect(text).toContain(unspaced(ko('kept', { kept: l.counts.kept, total: n })));
    }
    expect(text).toContain(unspaced(ko('kept', { kept: 0, total: 1 })));
    expect(text).toContain(unspaced(ko('kept', { kept: 1, total: 1 })));
    expect(text).not.toContain('%');
  }, 60_000);

  it('covers the last 90 days up to --now by default', async () => {
    const text = await renderText(backupFile, [
      '--charter',
      koreanId,
      '--track-record',
      '--now',
      '2026-04-01T00:00:00Z',
    ]);
    // 2026-04-01 09:00 in Seoul, 90 days back: 1 January.
    expect(text).toContain(
      unspaced(ko('trackRecordPeriod', { from: '2026년 1월 1일', to: '2026년 4월 1일' })),
    );
    expect(text).toContain(unspaced(ko('asOf', { date: '2026년 4월 1일' })));
    expect(text).toContain(unspaced(ko('kept', { kept: 1, total: 1 })));
  }, 60_000);

  it('counts nothing outside the period', async () => {
    const text = await renderText(backupFile, [
      '--charter',
      koreanId,
      '--track-record',
      '--from',
      '2026-05-01',
      '--to',
      '2026-05-31',
      '--now',
      '2026-06-01T00:00:00Z',
    ]);
    expect(text).toContain(
      unspaced(ko('trackRecordPeriod', { from: '2026년 5월 1일', to: '2026년 5월 31일' })),
    );
    expect(text).toContain(unspaced(ko('noData')));
    expect(text).not.toContain(unspaced(ko('kept', { kept: 1, total: 1 })));
  }, 60_000);

  it('renders a charter file (no records) in English with "no promises due yet"', async () => {
    const text = await renderText(path.join(TEMPLATES_DIR, 'car-sales.en.json'), [
      '--track-record',
      '--from',
      '2026-09-01',
      '--to',
      '2026-11-30',
      '--now',
      '2026-12-01T03:00:00Z',
    ]);
    expect(text).toContain(unspaced(en('trackRecord')));
    expect(text).toContain(
      unspaced(en('trackRecordPeriod', { from: 'September 1, 2026', to: 'November 30, 2026' })),
    );
    expect(text).toContain(unspaced(en('asOf', { date: 'December 1, 2026' })));
    expect(text).toContain(unspaced(en('noData')));
  }, 60_000);

  it('leaves the track record out without the flag', async () => {
    const text = await renderText(backupFile, ['--charter', koreanId]);
    expect(text).not.toContain(unspaced(ko('trackRecord')));
  }, 60_000);

  it('refuses a bad date or a period that ends before it starts, with exit 2', async () => {
    const out = path.join(dir, 'never.pdf');
    const bad = await run([
      'render',
      backupFile,
      '-o',
      out,
      '--charter',
      koreanId,
      '--track-record',
      '--from',
      '2026-3-1',
    ]);
    expect(bad).toMatchObject({
      code: 2,
      err: ['--from must be a date like 2026-11-22 (or an ISO instant for --now).'],
    });
    const backwards = await run([
      'render',
      backupFile,
      '-o',
      out,
      '--charter',
      koreanId,
      '--track-record',
      '--from',
      '2026-04-01',
      '--to',
      '2026-03-01',
    ]);
    expect(backwards).toMatchObject({ code: 2, err: ['--from must come before --to.'] });
    // In Korean the particle follows the option as it is read: 프롬은, 투는.
    for (const [option, said] of [
      ['--from', '--from은'],
      ['--to', '--to는'],
    ] as const)
      expect(
        await run([
          'render',
          backupFile,
          '-o',
          out,
          '--charter',
          koreanId,
          '--lang',
          'ko',
          '--track-record',
          option,
          '2026-3-1',
        ]),
      ).toMatchObject({ code: 2, err: [`${said} 2026-11-22 같은 날짜여야 합니다(--now는 ISO 시각).`] });
  });
});
