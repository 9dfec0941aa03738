import type { Translate } from './i18n';

/** The live countdown shows seconds only in its last minutes: before, a second's change is noise. */
export const SECONDS_FROM_MS = 5 * 60_000;

/** A duration as said aloud, in whole hours, minutes and seconds (null: not said). */
export type DurationParts = { h: number; min: number; s: number | null };

/**
 * The parts of `ms` (≥ 0) to say. 'left' (a countdown): under `SECONDS_FROM_MS` minutes and seconds, the
 * seconds rounded up; else hours and minutes, the minutes rounded up (29:27 left → 30 min). 'late': under
 * a minute the seconds, else hours and minutes rounded down (5:40 late → 5 min).
 */
export function durationParts(ms: number, mode: 'left' | 'late'): DurationParts {
  const seconds = mode === 'left' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000);
  if (mode === 'left' ? ms < SECONDS_FROM_MS : seconds < 60)
    return { h: 0, min: Math.floor(seconds / 60), s: seconds % 60 };
  const minutes = mode === 'left' ? Math.ceil(ms / 60_000) : Math.floor(ms / 60_000);
  return { h: Math.floor(minutes / 60), min: minutes % 60, s: null };
}

/** `durationParts` in words of the interface language: "1시간 5분", "4 min 27 s"; zero parts left out. */
export function spokenDuration(ms: number, mode: 'left' | 'late', t: Translate): string {
  const { h, min, s } = durationParts(Math.max(0, ms), mode);
  const words = [
    h > 0 ? t('today.time.h', { n: h }) : '',
    min > 0 ? t('today.time.min', { n: min }) : '',
    s !== null && (s > 0 || (h === 0 && min === 0)) ? t('today.time.s', { n: s }) : '',
  ];
  return words.filter(Boolean).join(' ');
}
