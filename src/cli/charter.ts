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
import type { MessageValues } from '../domain/text/format-message';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { messageText } from '../i18n/message-text';
import { charterMessage } from '../i18n/charter-message';
import { enCli } from '../i18n/cli/en';
import type { CliMessages } from '../i18n/cli/en';
import { koCli } from '../i18n/cli/ko';
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

/** The command line's words in `lang` (src/i18n/cli/*.ts), filled in by the one message format. */
function cliWords(lang: Locale) {
  const w: CliMessages = { en: enCli, ko: koCli }[lang];
  const say = (text: string, values: MessageValues) => formatMessage(lang, text, values);
  const head = w.scoreHead;
  return {
    usage: w.usage,
    unknownCommand: (command: string) => say(w.unknownCommand, { command }),
    needFile: w.needFile,
    needOut: w.needOut,
    cannotRead: (file: string, reason: string) => say(w.cannotRead, { file, reason }),
    invalid: (file: string, count: number) => say(w.invalid, { file, count }),
    valid: (file: string, charters: number, records: number) => say(w.valid, { file, charters, records }),
    noCharters: w.noCharters,
    chooseCharter: (ids: string) => say(w.chooseCharter, { ids }),
    noSuchCharter: (id: string, ids: string) => say(w.noSuchCharter, { id, ids }),
    wrote: (file: string, bytes: number) => say(w.wrote, { file, bytes }),
    renderFailed: (reason: string) => say(w.renderFailed, { reason }),
    badPublicUrl: w.badPublicUrl,
    badTimeZone: (zone: string) => say(w.badTimeZone, { zone }),
    noLink: w.noLink,
    whole: w.whole,
    badDate: (option: string) => say(w.badDate, { option }),
    badPeriod: w.badPeriod,
    scoreHead: [
      head.commitment,
      head.kept,
      head.n,
      head.overDelivered,
      head.medianMargin,
      head.recovered,
      head.open,
    ],
    overall: w.overall,
    charterLine: (title: string) => say(w.charterLine, { title }),
    noData: w.noData,
  };
}

const messages = { en: cliWords('en'), ko: cliWords('ko') };

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
      say: (message) => charterMessage(charter.locale, message),
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
        ...slice(
          charterMessage(charter.locale, describeCommitment(c, charter.locale)),
          scores.byCommitment.get(c.id) ?? scores.overall,
        ),
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
