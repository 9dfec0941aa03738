#!/usr/bin/env node
// The headless command line: the same restore() door and the same PDF document as the app.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Charter } from '../domain/charter/charter';
import type { Locale } from '../domain/common';
import { restore } from '../domain/interchange/restore';
import type { RestoreError } from '../domain/interchange/errors';

type Io = { out: (line: string) => void; err: (line: string) => void };

const messages = {
  en: {
    usage: `Usage:
  charter render <charter-or-backup.json> -o <out.pdf> [--charter <id>]
  charter validate <file.json>
Options: --lang ko|en (messages; default from LANG)`,
    unknownCommand: (c: string) => `Unknown command "${c}".`,
    needFile: 'Give the path of a JSON file.',
    needOut: 'Give the output file with -o <out.pdf>.',
    cannotRead: (f: string, why: string) => `Cannot read ${f}: ${why}`,
    invalid: (f: string, n: number) => `${f} is not a valid service charter file (${n} problem(s)):`,
    valid: (f: string, c: number, r: number) => `${f} is valid: ${c} charter(s), ${r} delivery record(s).`,
    noCharters: 'The file holds no charter.',
    chooseCharter: (ids: string) => `The file holds several charters; choose one with --charter <id>: ${ids}`,
    noSuchCharter: (id: string, ids: string) => `No charter with id "${id}". Charters in the file: ${ids}`,
    wrote: (f: string, bytes: number) => `Wrote ${f} (${bytes} bytes).`,
    renderFailed: (why: string) => `The PDF could not be made: ${why}`,
    whole: '(whole file)',
  },
  ko: {
    usage: `사용법:
  charter render <헌장-또는-백업.json> -o <출력.pdf> [--charter <id>]
  charter validate <파일.json>
옵션: --lang ko|en (메시지 언어, 기본값은 LANG)`,
    unknownCommand: (c: string) => `알 수 없는 명령 "${c}"입니다.`,
    needFile: 'JSON 파일 경로를 주세요.',
    needOut: '-o <출력.pdf>로 출력 파일을 주세요.',
    cannotRead: (f: string, why: string) => `${f}을(를) 읽을 수 없습니다: ${why}`,
    invalid: (f: string, n: number) => `${f}은(는) 올바른 서비스 헌장 파일이 아닙니다(문제 ${n}개):`,
    valid: (f: string, c: number, r: number) =>
      `${f}은(는) 올바른 파일입니다: 헌장 ${c}개, 약속 기록 ${r}건.`,
    noCharters: '파일에 헌장이 없습니다.',
    chooseCharter: (ids: string) => `파일에 헌장이 여러 개 있습니다. --charter <id>로 고르세요: ${ids}`,
    noSuchCharter: (id: string, ids: string) => `id가 "${id}"인 헌장이 없습니다. 파일의 헌장: ${ids}`,
    wrote: (f: string, bytes: number) => `${f}을(를) 썼습니다(${bytes}바이트).`,
    renderFailed: (why: string) => `PDF를 만들 수 없습니다: ${why}`,
    whole: '(파일 전체)',
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
  for (const e of errors) io.err(`  ${e.path || messages[lang].whole}: ${e.message[lang]}`);
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
        lang: { type: 'string' },
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
  if (command !== 'render' && command !== 'validate') {
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
  const { backup } = result;
  if (command === 'validate') {
    io.out(m.valid(file, backup.charters.length, backup.deliveries.length));
    return 0;
  }
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
  try {
    // Loaded only for rendering: validation stays fast.
    const { renderCharterPdf } = await import('../pdf/render-node');
    const pdf = await renderCharterPdf(charter);
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
