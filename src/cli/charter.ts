#!/usr/bin/env node
// The headless command line: the same restore() door and the same PDF document as the app.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import type { Charter } from '../domain/charter/charter';
import type { Locale } from '../domain/common';
import { restore } from '../domain/interchange/restore';
import type { RestoreError } from '../domain/interchange/errors';
import type { Backup } from '../domain/interchange/backup';
import { describeCommitment } from '../domain/charter/commitment-text';
import { charterCommitments } from '../domain/charter/charter-commitments';
import { computeScores } from '../domain/tracker/scoring';
import { formatMessage } from '../domain/text/format-message';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { messageText } from '../i18n/message-text';
import { withParticle } from '../domain/text/particle';
import { endOfLocalDate, startOfLocalDate } from '../domain/tracker/business-calendar';
import { settingsSchema } from '../domain/settings';
import { timeZoneSchema } from '../domain/clock/time-zone';
import type { SliceScores } from '../domain/tracker/scoring';
import { trackRecordOf } from '../domain/tracker/track-record';
import type { TrackRecord } from '../pdf/sections/track-record';

const DAY_MS = 86_400_000;
/** The period a track record covers unless --from/--to say otherwise, as the app shares it. */
const TRACK_RECORD_DAYS = 90;

type Io = { out: (line: string) => void; err: (line: string) => void };

const messages = {
  en: {
    usage: `Usage:
  charter render <charter-or-backup.json> -o <out.pdf> [--charter <id>] [--public-url https://…] [--time-zone Area/City] [--track-record [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now ISO]]
  charter validate <file.json>
  charter score <backup.json> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now ISO] [--json]
Options: --lang ko|en (messages; default from LANG); --time-zone: the IANA zone of the dates (default: the file's business calendar, else Asia/Seoul)`,
    unknownCommand: (c: string) => `Unknown command "${c}".`,
    needFile: 'Give the path of a JSON file.',
    needOut: 'Give the output file with -o <out.pdf>.',
    cannotRead: (f: string, why: string) => `Cannot read ${f}: ${why}`,
    invalid: (f: string, n: number) =>
      formatMessage(
        'en',
        '{f} is not a valid service charter file ({n, plural, one {# problem} other {# problems}}):',
        { f, n },
      ),
    valid: (f: string, c: number, r: number) =>
      formatMessage(
        'en',
        '{f} is valid: {c, plural, one {# charter} other {# charters}}, {r, plural, one {# delivery record} other {# delivery records}}.',
        { f, c, r },
      ),
    noCharters: 'The file holds no charter.',
    chooseCharter: (ids: string) => `The file holds several charters; choose one with --charter <id>: ${ids}`,
    noSuchCharter: (id: string, ids: string) => `No charter with id "${id}". Charters in the file: ${ids}`,
    wrote: (f: string, bytes: number) => `Wrote ${f} (${bytes} bytes).`,
    renderFailed: (why: string) => `The PDF could not be made: ${why}`,
    badPublicUrl: '--public-url must be a web address starting with https:// (or http://).',
    badTimeZone: (zone: string) =>
      `--time-zone must be an IANA time zone like Asia/Seoul or America/New_York, not "${zone}".`,
    noLink: 'The PDF carries no link: only a published charter is shared, and its link must not be too long.',
    whole: '(whole file)',
    badDate: (opt: string) => `--${opt} must be a date like 2026-11-22 (or an ISO instant for --now).`,
    badPeriod: '--from must come before --to.',
    scoreHead: ['Commitment', 'Kept', 'n', 'Over-delivered', 'Median margin', 'Recovered', 'Open'],
    overall: 'All commitments',
    charterLine: (title: string) => `Charter: ${title}`,
    noData: 'no data',
  },
  ko: {
    usage: `사용법:
  charter render <헌장-또는-백업.json> -o <출력.pdf> [--charter <id>] [--public-url https://…] [--time-zone Area/City] [--track-record [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now ISO]]
  charter validate <파일.json>
  charter score <백업.json> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now ISO] [--json]
옵션: --lang ko|en (메시지 언어, 기본값은 LANG); --time-zone: 날짜의 IANA 시간대(기본값은 파일의 영업 달력, 없으면 Asia/Seoul)`,
    unknownCommand: (c: string) => `알 수 없는 명령 "${c}"입니다.`,
    needFile: 'JSON 파일 경로를 주세요.',
    needOut: '-o <출력.pdf>로 출력 파일을 주세요.',
    cannotRead: (f: string, why: string) => `${withParticle(f, '을')} 읽을 수 없습니다: ${why}`,
    invalid: (f: string, n: number) =>
      `${withParticle(f, '은')} 올바른 서비스 헌장 파일이 아닙니다(문제 ${n}개):`,
    valid: (f: string, c: number, r: number) =>
      `${withParticle(f, '은')} 올바른 파일입니다: 헌장 ${c}개, 약속 기록 ${r}건.`,
    noCharters: '파일에 헌장이 없습니다.',
    chooseCharter: (ids: string) => `파일에 헌장이 여러 개 있습니다. --charter <id>로 고르세요: ${ids}`,
    noSuchCharter: (id: string, ids: string) => `id가 "${id}"인 헌장이 없습니다. 파일의 헌장: ${ids}`,
    wrote: (f: string, bytes: number) => `${withParticle(f, '을')} 썼습니다(${bytes}바이트).`,
    renderFailed: (why: string) => `PDF를 만들 수 없습니다: ${why}`,
    badPublicUrl: '--public-url은 https://(또는 http://)로 시작하는 웹 주소여야 합니다.',
    badTimeZone: (zone: string) =>
      `--time-zone에는 Asia/Seoul, America/New_York 같은 IANA 시간대를 주세요(받은 값: "${zone}").`,
    noLink: 'PDF에 링크를 넣지 않았습니다. 게시된 헌장만 공유할 수 있고, 링크가 너무 길어도 안 됩니다.',
    whole: '(파일 전체)',
    badDate: (opt: string) => `--${opt}는 2026-11-22 같은 날짜여야 합니다(--now는 ISO 시각).`,
    badPeriod: '--from은 --to보다 앞선 날짜여야 합니다.',
    scoreHead: ['약속', '이행률', 'n', '초과 이행', '여유(중앙값)', '회복', '진행 중'],
    overall: '전체',
    charterLine: (title: string) => `헌장: ${title}`,
    noData: '데이터 없음',
  },
};

function loadFile(file: string, m: (typeof messages)['en'], io: Io) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(
      m.cannotRead(file, error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error)),
    );
    return null;
  }
  return restore(text);
}

function printErrors(errors: RestoreError[], lang: Locale, io: Io) {
  const catalogue = { en, ko }[lang];
  for (const e of errors)
    io.err(`  ${e.path || messages[lang].whole}: ${messageText(catalogue, lang, e.message)}`);
}

/** Runs the command line with `argv` (without node and script); returns the exit code. Never throws. */
export async function main(
  argv: string[],
  io: Io,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        charter: { type: 'string' },
        'public-url': { type: 'string' },
        'time-zone': { type: 'string' },
        lang: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        now: { type: 'string' },
        json: { type: 'boolean' },
        'track-record': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(messages.en.usage);
    return 2;
  }
  const { values, positionals } = parsed;
  const lang: Locale = values.lang === 'ko' || (!values.lang && /^ko/i.test(env.LANG ?? '')) ? 'ko' : 'en';
  const m = messages[lang];
  const [command, file] = positionals;
  if (values.help || !command) {
    io.out(m.usage);
    return values.help ? 0 : 2;
  }
  if (command !== 'render' && command !== 'validate' && command !== 'score') {
    io.err(m.unknownCommand(command));
    io.err(m.usage);
    return 2;
  }
  if (!file) {
    io.err(m.needFile);
    return 2;
  }
  const result = loadFile(file, m, io);
  if (!result) return 1;
  if (!result.ok) {
    io.err(m.invalid(file, result.errors.length));
    printErrors(result.errors, lang, io);
    return 1;
  }
  const zone = values['time-zone'];
  if (zone !== undefined && !timeZoneSchema.safeParse(zone).success) {
    io.err(m.badTimeZone(zone));
    return 2;
  }
  // One zone for everything the command reads and prints: --from/--to days, the scores, the PDF's dates.
  const backup =
    zone === undefined
      ? result.backup
      : {
          ...result.backup,
          settings: {
            ...result.backup.settings,
            calendar: { ...result.backup.settings.calendar, timeZone: zone },
          },
        };
  if (command === 'validate') {
    io.out(m.valid(file, backup.charters.length, backup.deliveries.length));
    return 0;
  }
  if (command === 'score') return score(backup, values, lang, io);
  if (!values.out) {
    io.err(m.needOut);
    return 2;
  }
  const ids = backup.charters.map((c) => c.id).join(', ');
  let charter: Charter | undefined;
  if (values.charter) charter = backup.charters.find((c) => c.id === values.charter);
  else if (backup.charters.length === 1) charter = backup.charters[0];
  if (!charter) {
    io.err(
      backup.charters.length === 0
        ? m.noCharters
        : values.charter
          ? m.noSuchCharter(values.charter, ids)
          : m.chooseCharter(ids),
    );
    return 1;
  }
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined && !settingsSchema.shape.publicBaseUrl.safeParse(publicUrl).success) {
    io.err(m.badPublicUrl);
    return 2;
  }
  let trackRecord: TrackRecord | null = null;
  if (values['track-record']) {
    const period = parsePeriod(backup, values, lang, io);
    if (!period) return 2;
    // The default period is the app's: the last 90 days up to now (--now).
    const to = period.to ?? period.nowMs;
    const from = period.from ?? to - TRACK_RECORD_DAYS * DAY_MS;
    if (from >= to) {
      io.err(m.badPeriod);
      return 2;
    }
    const record = trackRecordOf({
      charter,
      versions: backup.charterVersions,
      records: backup.deliveries,
      recoveryCases: backup.recoveryCases,
      settings: backup.settings,
      nowMs: period.nowMs,
      days: TRACK_RECORD_DAYS,
      from,
      to,
    });
    trackRecord = {
      ...record,
      asOf: new Date(period.nowMs).toISOString(),
      from: new Date(from).toISOString(),
      // `to` is the end of the period (exclusive): the last day printed is the one before it.
      to: new Date(period.to === undefined ? to : to - 1).toISOString(),
    };
  }
  try {
    // Loaded only for rendering: validation stays fast.
    const { renderCharterPdf } = await import('../pdf/render-node');
    const { pdfLinkFor } = await import('../pdf/pdf-link');
    // The link and its QR code, as the app prints them when Settings has a public address.
    const link = publicUrl
      ? await pdfLinkFor(
          charter,
          publicUrl,
          async (bytes) => new Uint8Array(deflateRawSync(bytes)),
          backup.settings.calendar.timeZone,
        )
      : null;
    if (publicUrl && !link) io.err(m.noLink);
    const pdf = await renderCharterPdf(charter, {
      link,
      trackRecord,
      timeZone: backup.settings.calendar.timeZone,
    });
    writeFileSync(values.out, pdf);
    io.out(m.wrote(values.out, pdf.length));
    return 0;
  } catch (error) {
    io.err(m.renderFailed(error instanceof Error ? error.message : String(error)));
    return 1;
  }
}

const isEntry =
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isEntry)
  main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );

/** The score command: the same scoring function as the dashboard and the PDF, as a table or JSON. */
function score(
  backup: Backup,
  values: {
    from?: string | undefined;
    to?: string | undefined;
    now?: string | undefined;
    json?: boolean | undefined;
  },
  lang: Locale,
  io: Io,
): number {
  const m = messages[lang];
  const calendar = backup.settings.calendar;
  const period = parsePeriod(backup, values, lang, io);
  if (!period) return 2;
  const { nowMs, from, to } = period;
  const output = backup.charters.map((charter) => {
    const commitments = charterCommitments(charter, backup.charterVersions);
    const scores = computeScores({
      records: backup.deliveries.filter((r) => r.charterId === charter.id),
      commitments,
      recoveryCases: backup.recoveryCases,
      nowMs,
      atRiskShare: backup.settings.atRiskShare,
      calendar,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
    const slice = (label: string, s: SliceScores) => ({
      label,
      keepingRate: s.keepingRate,
      n: s.counts.kept + s.counts.missed,
      overDeliveryRate: s.overDeliveryRate,
      medianMargin: s.medianMargin,
      recoveryRate: s.recoveryRate,
      medianRecoveryMs: s.medianRecoveryMs,
      counts: s.counts,
    });
    return {
      charterId: charter.id,
      title: charter.title,
      overall: slice(m.overall, scores.overall),
      byCommitment: charter.commitments.map((c) => ({
        commitmentId: c.id,
        ...slice(describeCommitment(c, charter.locale), scores.byCommitment.get(c.id) ?? scores.overall),
      })),
    };
  });
  if (values.json) {
    io.out(JSON.stringify({ now: new Date(nowMs).toISOString(), charters: output }, null, 2));
    return 0;
  }
  const pct = (x: number | null) => (x === null ? m.noData : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
  for (const c of output) {
    io.out(m.charterLine(c.title));
    const rows = [c.overall, ...c.byCommitment].map((s) => [
      s.label.length > 60 ? `${s.label.slice(0, 59)}…` : s.label,
      pct(s.keepingRate),
      String(s.n),
      pct(s.overDeliveryRate),
      pct(s.medianMargin),
      pct(s.recoveryRate),
      String(s.counts.open + s.counts.atRisk),
    ]);
    const table = [m.scoreHead, ...rows];
    const widths = m.scoreHead.map((_, i) => Math.max(...table.map((r) => displayWidth(r[i]!))));
    for (const r of table)
      io.out(
        r
          .map((cell, i) => cell + ' '.repeat(widths[i]! - displayWidth(cell)))
          .join('  ')
          .trimEnd(),
      );
    io.out('');
  }
  return 0;
}

/**
 * --from, --to (local calendar days of the owner's business calendar; --to inclusive, so it ends at the
 * next local midnight) and --now (an ISO instant; default now) as instants, or null after saying which one
 * is wrong.
 */
function parsePeriod(
  backup: Backup,
  values: { from?: string | undefined; to?: string | undefined; now?: string | undefined },
  lang: Locale,
  io: Io,
): { from: number | undefined; to: number | undefined; nowMs: number } | null {
  const m = messages[lang];
  const calendar = backup.settings.calendar;
  const day = (opt: 'from' | 'to', text: string | undefined) => {
    if (text === undefined) return { ok: true as const, ms: undefined };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)))
      return { ok: false as const };
    // Local midnight in the owner's calendar; --to is inclusive, so it ends at the next midnight.
    const ms = opt === 'to' ? endOfLocalDate(text, calendar) + 1 : startOfLocalDate(text, calendar);
    return { ok: true as const, ms };
  };
  const from = day('from', values.from);
  const to = day('to', values.to);
  const nowMs = values.now === undefined ? Date.now() : Date.parse(values.now);
  for (const [opt, result] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!result.ok) {
      io.err(m.badDate(opt));
      return null;
    }
  if (Number.isNaN(nowMs)) {
    io.err(m.badDate('now'));
    return null;
  }
  return {
    from: from.ok ? from.ms : undefined,
    to: to.ok ? to.ms : undefined,
    nowMs,
  };
}

/** Terminal columns `text` takes: Hangul, CJK and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}
