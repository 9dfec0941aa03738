// The order check says when the customer hears of a delay once: a practice that already names the notice
// time ("…I tell you within 4 business hours…") is not followed by "If anything slips, I tell you within
// 4 hours". Text read back from real PDFs.
import { describe, expect, it } from 'vitest';
import { practiceNamesNotice } from '../../../src/pdf/sections/after-sales';
import { renderCharterPdf } from '../../../src/pdf/render-node';
import { loadTemplate, pdfText, squash } from './pdf-helpers';

const TIMEOUT = 120_000;
const hours = (value: number) => ({ value, unit: 'hours' as const });

describe('practiceNamesNotice', () => {
  it.each([
    ['I tell you within 4 business hours, so you can re-plan.', hours(4), 'en', true],
    ['I tell you within 4 hours.', hours(4), 'en', true],
    ['I call within 4 working hours', hours(4), 'en', true],
    // Another number, or the number of something else, is not the notice time.
    ['I check every 24 hours.', hours(4), 'en', false],
    ['Every Monday I check 4 orders.', hours(4), 'en', false],
    ['I check every business morning.', hours(4), 'en', false],
    ['새 예상 일정을 확인한 뒤 4시간 안에 알려 드려', hours(4), 'ko', true],
    ['영업 4시간 안에', hours(4), 'ko', true],
    ['4영업시간 안에', hours(4), 'ko', true],
    ['24시간 안에', hours(4), 'ko', false],
    ['2일 안에 알려 드립니다', { value: 2, unit: 'days' as const }, 'ko', true],
  ] as const)('%s (%o, %s) → %s', (practice, within, locale, expected) => {
    expect(practiceNamesNotice(practice, within, locale)).toBe(expected);
  });
});

describe('the order check in the PDF', () => {
  it.each([
    ['insurance-planner.en', 'I tell you within 4 business hours', 'If anything slips'],
    ['car-sales.en', 'tell you within 4 business hours', 'If anything slips'],
    ['car-sales.ko', '4시간 안에 알려 드려', '일정에 차질이 생기면'],
  ])(
    '%s says the delay notice time once',
    async (template, said, repeat) => {
      const text = squash(
        (await pdfText(new Uint8Array(await renderCharterPdf(loadTemplate(template))))).text,
      );
      expect(text).toContain(said);
      expect(text).not.toContain(repeat);
    },
    TIMEOUT,
  );

  it(
    'keeps the sentence when the practice does not name the time',
    async () => {
      const charter = loadTemplate('car-sales.en');
      charter.afterSales.orderCheck.practice = 'Every Monday I check the status of every open order.';
      const text = squash((await pdfText(new Uint8Array(await renderCharterPdf(charter)))).text);
      expect(text).toContain('If anything slips, I tell you within 4 hours, so you can re-plan.');
    },
    TIMEOUT,
  );
});
