// The .ics export read back by an independent parser (ical.js): text, times, alarms, folding and file names.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldIcsLine, icsFilename, toIcs } from '../../../../src/domain/interchange/ics';
import type { CalendarEvent } from '../../../../src/domain/interchange/ics';

const NOW = '2026-04-01T12:00:00.000Z';
const octets = (line: string) => new TextEncoder().encode(line).length;
/** RFC 5545 TEXT unescaping, for the X- property ical.js does not know to be TEXT. */
const unescapeText = (raw: string) =>
  raw.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'deal-1-moment-1@service-charter',
  title: '주문 접수 안내',
  description: '',
  start: { instant: '2026-11-22T00:30:00.000Z' },
  alarmMinutesBefore: [],
  ...overrides,
});

describe('toIcs', () => {
  it('writes a timed event in UTC with the default 30 minutes, alarms and a URL', () => {
    const ics = toIcs({
      events: [
        event({
          title: '김민준 고객님, 출고 안내 📦',
          description: '차량 출고일: 11월 24일; 준비물: 신분증, 인감\n문의: 010-1234-5678',
          alarmMinutesBefore: [15, 120, 1440],
          url: 'https://example.com/deal/1',
        }),
      ],
      calendarName: '김민준의 고객 일정',
      now: NOW,
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/); // CRLF only
    expect(ics).toContain('DTSTART:20261122T003000Z\r\n');
    expect(ics).toContain('DTEND:20261122T010000Z\r\n');
    expect(ics).toContain('DTSTAMP:20260401T120000Z\r\n');
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('김민준의 고객 일정');
    expect(events).toHaveLength(1);
    const vevent = events[0]!;
    const e = new ICAL.Event(vevent);
    expect(e.uid).toBe('deal-1-moment-1@service-charter');
    expect(e.summary).toBe('김민준 고객님, 출고 안내 📦');
    expect(e.description).toBe('차량 출고일: 11월 24일; 준비물: 신분증, 인감\n문의: 010-1234-5678');
    expect(e.startDate.toJSDate().toISOString()).toBe('2026-11-22T00:30:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2026-11-22T01:00:00.000Z');
    expect(String(vevent.getFirstPropertyValue('url'))).toBe('https://example.com/deal/1');
    const alarms = vevent.getAllSubcomponents('valarm');
    expect(alarms.map((a) => String(a.getFirstPropertyValue('action')))).toEqual([
      'DISPLAY',
      'DISPLAY',
      'DISPLAY',
    ]);
    expect(alarms.map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual([
      '-PT15M',
      '-PT2H',
      '-P1D',
    ]);
    expect(alarms.map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())).toEqual([
      -900, -7200, -86400,
    ]);
    expect(ics).toContain('TRIGGER:-PT15M\r\n');
  });

  it('writes an all-day event as VALUE=DATE with DTEND the next day (across a month and a year end)', () => {
    const ics = toIcs({
      events: [
        event({ uid: 'a', start: { date: '2026-12-31' }, alarmMinutesBefore: [0] }),
        event({ uid: 'b', start: { date: '2028-02-28' } }),
      ],
      calendarName: 'x',
      now: NOW,
    });
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20280228\r\nDTEND;VALUE=DATE:20280229\r\n');
    const [a, b] = parse(ics).events.map((v) => new ICAL.Event(v));
    expect(a!.startDate.isDate).toBe(true);
    expect(a!.startDate.toString()).toBe('2026-12-31');
    expect(a!.endDate.toString()).toBe('2027-01-01');
    expect(b!.endDate.toString()).toBe('2028-02-29');
    expect(ics).toContain('TRIGGER:PT0M\r\n');
  });

  it('honours durationMinutes and leaves out unsafe URLs and empty descriptions', () => {
    const ics = toIcs({
      events: [
        event({ durationMinutes: 90, url: 'javascript:alert(1)' }),
        event({ uid: 'x', url: 'https://a b' }),
      ],
      calendarName: 'x',
      now: NOW,
    });
    expect(ics).toContain('DTEND:20261122T020000Z\r\n');
    expect(ics).not.toContain('URL:');
    expect(ics).not.toContain('javascript');
    const e = new ICAL.Event(parse(ics).events[0]!);
    expect(e.description).toBeNull();
  });

  it('escapes TEXT exactly and turns CRLF and CR into one line break', () => {
    const ics = toIcs({
      events: [event({ title: 'a\\b;c,d', description: 'line 1\r\nline 2\rline 3\u0007' })],
      calendarName: 'x',
      now: NOW,
    });
    expect(ics).toContain('SUMMARY:a\\\\b\\;c\\,d\r\n');
    expect(ics).toContain('DESCRIPTION:line 1\\nline 2\\nline 3\r\n');
    const e = new ICAL.Event(parse(ics).events[0]!);
    expect(e.summary).toBe('a\\b;c,d');
    expect(e.description).toBe('line 1\nline 2\nline 3');
  });

  it('folds long Korean and emoji lines at 75 octets without splitting a character', () => {
    const title = '고객님께 약속드린 출고 일정 안내 🚗👩‍👩‍👧 '.repeat(12);
    const ics = toIcs({
      events: [event({ title, description: 'é'.repeat(200) })],
      calendarName: '캘린더',
      now: NOW,
    });
    const lines = ics.split('\r\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(10);
    // No replacement character: every piece is whole UTF-8.
    for (const line of lines)
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
    expect(new ICAL.Event(parse(ics).events[0]!).summary).toBe(title);
  });

  it('foldIcsLine: exactly 75 octets stays one line, 76 folds', () => {
    expect(foldIcsLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldIcsLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    // 25 three-octet syllables = 75 octets; one more folds before it.
    expect(foldIcsLine('가'.repeat(26))).toBe(`${'가'.repeat(25)}\r\n 가`);
    expect(foldIcsLine(`${'a'.repeat(73)}😀`)).toBe(`${'a'.repeat(73)}\r\n 😀`);
  });

  it('refuses impossible input with a RangeError', () => {
    expect(() =>
      toIcs({ events: [event({ start: { date: '2026-02-30' } })], calendarName: 'x', now: NOW }),
    ).toThrow(RangeError);
    expect(() =>
      toIcs({ events: [event({ start: { instant: 'soon' } })], calendarName: 'x', now: NOW }),
    ).toThrow(RangeError);
    expect(() =>
      toIcs({ events: [event({ alarmMinutesBefore: [-5] })], calendarName: 'x', now: NOW }),
    ).toThrow(RangeError);
  });

  // TEXT may hold any character but controls (RFC 5545 §3.3.11); line breaks are \n after export.
  const textUnit = fc.oneof(
    fc.constantFrom(
      '\\',
      ';',
      ',',
      ':',
      '"',
      '\n',
      '\t',
      ' ',
      '가',
      '힣',
      '😀',
      '👩‍👩‍👧',
      'é',
      'ü',
      '\\n',
      '=',
      '\u00a0',
    ),
    fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/(?![\t\n])\p{Cc}/gu, '')),
  );
  const text = fc.array(textUnit, { maxLength: 40 }).map((parts) => parts.join(''));

  it('round-trips random titles and descriptions exactly through ical.js, every line ≤ 75 octets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text, description: text.filter((s) => s !== '') }), {
          minLength: 1,
          maxLength: 4,
        }),
        text,
        (items, calendarName) => {
          const ics = toIcs({
            events: items.map((item, i) => event({ uid: `uid-${i}`, ...item, alarmMinutesBefore: [10] })),
            calendarName,
            now: NOW,
          });
          for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
          const { calendar, events } = parse(ics);
          // ical.js leaves unknown X- properties unescaped; calendar apps read X-WR-CALNAME as TEXT.
          expect(unescapeText(String(calendar.getFirstPropertyValue('x-wr-calname')))).toBe(calendarName);
          expect(events.map((v) => new ICAL.Event(v).summary)).toEqual(items.map((i) => i.title));
          expect(events.map((v) => new ICAL.Event(v).description)).toEqual(items.map((i) => i.description));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('icsFilename', () => {
  it('keeps Korean, replaces what file systems refuse and ends in .ics', () => {
    expect(icsFilename('김민준 고객 — 아이오닉 6 일정')).toBe('김민준-고객-—-아이오닉-6-일정.ics');
    expect(icsFilename('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j.ics');
    expect(icsFilename('  ..hidden.. ')).toBe('hidden.ics');
    expect(icsFilename('plan.ICS')).toBe('plan.ics');
    expect(icsFilename('')).toBe('calendar.ics');
    expect(icsFilename('///')).toBe('calendar.ics');
    expect(icsFilename('CON')).toBe('_CON.ics');
    expect(icsFilename('a\u0000\u0007b')).toBe('a-b.ics');
  });

  it('always gives a safe name of at most 84 characters, never a broken character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const file = icsFilename(name);
        expect(file.endsWith('.ics')).toBe(true);
        expect(file).not.toMatch(/[\p{Cc}/\\:*?"<>|]/u);
        expect(file.startsWith('.')).toBe(false);
        expect(Array.from(file).length).toBeLessThanOrEqual(84);
        expect(file).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      }),
      { numRuns: 300 },
    );
  });
});
