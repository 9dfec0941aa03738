import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/lib/i18n';
import { spokenDuration } from '../../../src/lib/spoken-duration';

const ko = createI18n('ko').t;
const en = createI18n('en').t;
const ms = (h: number, m: number, s = 0) => ((h * 60 + m) * 60 + s) * 1000;

describe('spokenDuration: hours and minutes in words, seconds only in the last minutes of a countdown', () => {
  it.each([
    // Late: rounded down to the minute; under a minute, the seconds.
    [ms(1, 5), 'late', '1시간 5분', '1 h 5 min'],
    [ms(0, 5, 40), 'late', '5분', '5 min'],
    [ms(2, 0, 30), 'late', '2시간', '2 h'],
    [ms(0, 0, 40), 'late', '40초', '40 s'],
    // Left: rounded up to the minute; under 5 minutes, minutes and seconds.
    [ms(1, 29, 33), 'left', '1시간 30분', '1 h 30 min'],
    [ms(0, 29, 27), 'left', '30분', '30 min'],
    [ms(0, 5, 0), 'left', '5분', '5 min'],
    [ms(0, 4, 27) - 400, 'left', '4분 27초', '4 min 27 s'],
    [ms(0, 2, 0), 'left', '2분', '2 min'],
    [ms(0, 0, 9), 'left', '9초', '9 s'],
  ] as const)('%d ms %s → %s / %s', (duration, mode, inKorean, inEnglish) => {
    expect(spokenDuration(duration, mode, ko)).toBe(inKorean);
    expect(spokenDuration(duration, mode, en)).toBe(inEnglish);
  });
});
