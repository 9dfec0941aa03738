import { z } from 'zod';
import { issueParams } from '../text/message';

/*
 * Local time in a named IANA time zone ("Asia/Seoul", "America/New_York"), read from the platform's own
 * time zone data through Intl; the one place the app turns instants into wall-clock time and back.
 *
 * Definitions (exact):
 * - offset(t): the zone's UTC offset at instant t, so that the wall-clock time at t is `local(t) = t + offset(t)`
 *   (both in milliseconds; a wall-clock time is written as if it were a UTC instant).
 * - instant(L), for a wall-clock time L: the instant t with local(t) = L. Where the clocks went back and L
 *   happened twice, the EARLIER instant. Where the clocks went forward and L never happened (a gap), the
 *   instant of L read with the offset from before the gap, i.e. 02:30 on a spring-forward night is 03:30
 *   daylight time — what a person means who sets a clock to 02:30 and the clock jumps.
 *
 * How it is computed: the timeline is cut into windows of 7 days; a zone's offset is read at every window
 * boundary, and where two neighbouring boundaries differ the exact minute of the change is found by binary
 * search. That is exact for every zone whose offset changes at most once a week (all real ones do).
 * Each quarter's changes are worked out once, when first needed.
 */

const MINUTE_MS = 60_000;
const WINDOW_MS = 7 * 24 * 60 * MINUTE_MS;
// About a quarter of windows worked out at once: the first screen needs one day of it (a whole year was 53
// Intl calls before Today could show, a long task on a phone).
const WINDOWS_PER_CHUNK = 13;

const isZone = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
};

/** An IANA time zone name the platform knows, e.g. `Asia/Seoul`. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isZone, {
    params: issueParams('issue.timeZone'),
  });
export type TimeZoneName = z.infer<typeof timeZoneSchema>;

/** Seoul: the app's default zone (UTC+9, no daylight saving since 1988). */
export const defaultTimeZone: TimeZoneName = 'Asia/Seoul';

/** A compiled zone: offsets and conversions for one IANA zone. */
export type Zone = {
  readonly name: string;
  /** offset(t) in milliseconds (see the definitions above). */
  offsetAt(ms: number): number;
  /** local(t) = t + offset(t): the wall-clock time at instant `ms`, written as a UTC instant. */
  localOf(ms: number): number;
  /** instant(L) for a wall-clock time `local` (earlier instant in an overlap; after the gap in a gap). */
  instantOf(local: number): number;
};

/** Offset of `zone` at `ms` from Intl: the wall clock Intl shows at `ms`, minus `ms`. */
function intlOffset(format: Intl.DateTimeFormat, ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) {
    if (part.type !== 'literal' && part.type !== 'era') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const wall = Date.UTC(
    year,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // Whole minutes: the seconds of `ms` itself are not part of the offset.
  return Math.round((wall - (ms - (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS))) / MINUTE_MS) * MINUTE_MS;
}

type Chunk = { start: number; offsets: number[]; changes: number[] };

function compileZone(name: string): Zone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const chunks = new Map<number, Chunk>();

  /** `changes[i]` is the first instant with `offsets[i + 1]`; `offsets[0]` holds from the chunk's start. */
  function chunkAt(index: number): Chunk {
    let chunk = chunks.get(index);
    if (chunk) return chunk;
    const start = index * WINDOWS_PER_CHUNK * WINDOW_MS;
    const offsets = [intlOffset(format, start)];
    const changes: number[] = [];
    let before = start;
    for (let w = 1; w <= WINDOWS_PER_CHUNK; w++) {
      const at = start + w * WINDOW_MS;
      const offset = intlOffset(format, at);
      if (offset !== offsets.at(-1)) {
        // The change lies in (before, at]: find the first minute with the new offset.
        let lo = before;
        let hi = at;
        while (hi - lo > MINUTE_MS) {
          const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
          if (intlOffset(format, mid) === offset) hi = mid;
          else lo = mid;
        }
        changes.push(hi);
        offsets.push(offset);
      }
      before = at;
    }
    chunk = { start, offsets, changes };
    chunks.set(index, chunk);
    return chunk;
  }

  function offsetAt(ms: number): number {
    const chunk = chunkAt(Math.floor(ms / (WINDOWS_PER_CHUNK * WINDOW_MS)));
    let i = 0;
    while (i < chunk.changes.length && ms >= chunk.changes[i]!) i++;
    return chunk.offsets[i]!;
  }

  function instantOf(local: number): number {
    // Try the offsets in force around `local` (a day either side covers every real zone's change).
    const early = offsetAt(local - 24 * 60 * MINUTE_MS);
    const late = offsetAt(local + 24 * 60 * MINUTE_MS);
    const first = Math.min(local - early, local - late); // earlier first: overlaps
    const second = Math.max(local - early, local - late);
    if (first + offsetAt(first) === local) return first;
    if (second + offsetAt(second) === local) return second;
    return local - early; // a gap: read with the offset from before it
  }

  return { name, offsetAt, localOf: (ms) => ms + offsetAt(ms), instantOf };
}

const zones = new Map<string, Zone>();

/** The compiled zone named `name` (once per name); throws a RangeError for a name the platform does not know. */
export function zoneOf(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    if (!isZone(name)) throw new RangeError(`Unknown time zone: ${name}`);
    zone = compileZone(name);
    zones.set(name, zone);
  }
  return zone;
}

/** "UTC+09:00" for an offset of +540 minutes ("UTC−05:00" with a true minus sign for −300). */
export function offsetLabel(offsetMs: number): string {
  const minutes = Math.round(offsetMs / MINUTE_MS);
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '−' : '+'}${hh}:${mm}`;
}

/**
 * The zones to offer for choice: `available` (the platform's list, `Intl.supportedValuesOf('timeZone')`)
 * plus `current` when the platform lists it under another name, each with its offset at `nowMs`, ordered
 * by offset and then name.
 */
export function timeZoneChoices(
  available: readonly string[],
  current: string,
  nowMs: number,
): { name: string; label: string }[] {
  const names = available.includes(current) ? available : [current, ...available];
  return names
    .filter(isZone)
    .map((name) => ({ name, offset: zoneOf(name).offsetAt(nowMs) }))
    .sort((a, b) => a.offset - b.offset || a.name.localeCompare(b.name))
    .map(({ name, offset }) => ({ name, label: `${name.replaceAll('_', ' ')} (${offsetLabel(offset)})` }));
}
