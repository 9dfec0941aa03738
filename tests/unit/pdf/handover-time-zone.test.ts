// The PDF speaks the trade's word for its handover (입주, go-live…) and prints the days of the owner's
// business calendar, whatever zone the document is made in: text read back from real PDFs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/charter';
import type { Charter } from '../../../src/domain/charter/charter';
import { renderCharterPdf } from '../../../src/pdf/render-node';
import { createBackup, createCharter, publish } from '../factories';
import { loadTemplate, pdfText, squash } from './pdf-helpers';

const TIMEOUT = 120_000;

async function textOf(charter: Charter, timeZone?: string): Promise<string> {
  const pdf = await renderCharterPdf(charter, timeZone ? { timeZone } : {});
  return squash((await pdfText(new Uint8Array(pdf))).text);
}

describe('the handover in the trade’s words', () => {
  it.each([
    // template, words the timeline and the first-use promise must say, words of another trade it must not
    [
      'real-estate.ko',
      ['입주 당일', '입주 7일 후', '입주 30일 후', '입주 후 7일 이내에 전화로'],
      ['인도 30일 후'],
    ],
    [
      'real-estate.en',
      ['On the day of move-in', '7 days after move-in', '30 days after move-in', 'Within 7 days of move-in'],
      ['after delivery'],
    ],
    ['saas-account-management.ko', ['오픈 2일 전', '오픈 14일 후', '오픈 후 14일 이내에'], ['인도 14일 후']],
    ['saas-account-management.en', ['2 days before go-live', '275 days after go-live'], ['after delivery']],
    ['insurance-planner.ko', ['증권 전달 당일', '증권 전달 5일 후'], ['인도 5일 후']],
    [
      'electronics-retail.en',
      ['1 day before installation', '330 days after installation'],
      ['after delivery'],
    ],
    ['car-sales.ko', ['인도 3일 전', '인도 150일 후', '인도 후 3일 이내에'], ['입주']],
  ])(
    '%s',
    async (name, present, absent) => {
      const text = await textOf(loadTemplate(name));
      for (const words of present) expect(text).toContain(words);
      for (const words of absent) expect(text).not.toContain(words);
    },
    TIMEOUT,
  );
});

// 02:00 UTC on 3 December 2026 is 11:00 on 3 December in Seoul and still 21:00 on 2 December in New York.
const PUBLISHED_AT = '2026-12-03T02:00:00.000Z';

describe('dates in the business calendar’s time zone', () => {
  const english = publish(
    createCharter({ locale: 'en', title: 'Alex Park’s service charter' }),
    PUBLISHED_AT,
  )[0];
  const korean = publish(createCharter(), PUBLISHED_AT)[0];

  it(
    'a charter published late on 2 December in New York says 2 December there, 3 December in Seoul',
    async () => {
      const newYork = await textOf(english, 'America/New_York');
      expect(newYork).toContain('December 2, 2026');
      expect(newYork).not.toContain('December 3, 2026');

      const seoul = await textOf(english);
      expect(seoul).toContain('December 3, 2026');
      expect(seoul).not.toContain('December 2, 2026');

      const korea = await textOf(korean, 'America/New_York');
      expect(korea).toContain('2026년 12월 2일');
      expect(korea).not.toContain('2026년 12월 3일');
    },
    TIMEOUT,
  );

  describe('charter render', () => {
    let dir: string;
    const run = async (argv: string[]) => {
      const err: string[] = [];
      const code = await main(argv, { out: () => {}, err: (l) => err.push(l) }, { LANG: 'en_US.UTF-8' });
      return { code, err };
    };
    const backupIn = (timeZone: string) => {
      const backup = createBackup({ charters: [english], charterVersions: [] });
      return {
        ...backup,
        settings: { ...backup.settings, calendar: { ...backup.settings.calendar, timeZone } },
      };
    };
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'charter-cli-zone-'));
      writeFileSync(path.join(dir, 'new-york.json'), JSON.stringify(backupIn('America/New_York')));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const pdfAt = async (file: string) =>
      squash((await pdfText(new Uint8Array(readFileSync(path.join(dir, file))))).text);

    it(
      'prints the days of the file’s business calendar, or of --time-zone',
      async () => {
        const file = path.join(dir, 'new-york.json');
        expect(await run(['render', file, '-o', path.join(dir, 'ny.pdf')])).toEqual({ code: 0, err: [] });
        expect(await pdfAt('ny.pdf')).toContain('December 2, 2026');

        const seoul = ['render', file, '-o', path.join(dir, 'seoul.pdf'), '--time-zone', 'Asia/Seoul'];
        expect(await run(seoul)).toEqual({ code: 0, err: [] });
        expect(await pdfAt('seoul.pdf')).toContain('December 3, 2026');
      },
      TIMEOUT,
    );

    it('refuses a time zone that does not exist, naming the option', async () => {
      const file = path.join(dir, 'new-york.json');
      const result = await run([
        'render',
        file,
        '-o',
        path.join(dir, 'x.pdf'),
        '--time-zone',
        'Mars/Olympus',
      ]);
      expect(result).toEqual({
        code: 2,
        err: [
          '--time-zone must be an IANA time zone like Asia/Seoul or America/New_York, not "Mars/Olympus".',
        ],
      });
    });
  });
});
