// The headless command line: `charter render` and `charter validate`, called in-process through main() with
// captured output, and once as the real binary.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  existsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/charter';
import { BACKUP_FORMAT, CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { createBackup } from '../factories';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TEMPLATES_DIR = path.join(ROOT, 'templates');
const TEMPLATES = readdirSync(TEMPLATES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

/** main() with its output captured line by line; LANG is not inherited from the machine. */
async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out, err, all: [...out, ...err] };
}

const noStackTrace = (lines: string[]) => expect(lines.filter((l) => l.includes('    at '))).toEqual([]);

let dir: string;
/** Templates/car-sales.en.json with its third commitment a `within` one promised in -1 hours. */
let broken: string;
let notJson: string;
let backup: string;
let backupIds: string[];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'charter-cli-'));
  const file = JSON.parse(readFileSync(path.join(TEMPLATES_DIR, 'car-sales.en.json'), 'utf8')) as {
    charter: { commitments: { kind: string; promised?: { value: number } }[] };
  };
  const commitments = file.charter.commitments;
  // No template has a `within` commitment third: move the fourth (a `within` one) up.
  [commitments[2], commitments[3]] = [commitments[3]!, commitments[2]!];
  expect(commitments[2]!.kind).toBe('within');
  commitments[2]!.promised!.value = -1;
  broken = path.join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify(file, null, 2));
  notJson = path.join(dir, 'not-json.json');
  writeFileSync(notJson, '{ "format": "service-charter/charter", "version": 1, ');
  const twoCharters = createBackup();
  backupIds = twoCharters.charters.map((c) => c.id);
  backup = path.join(dir, 'backup.json');
  writeFileSync(backup, JSON.stringify(twoCharters));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('charter render', () => {
  it(
    'writes a PDF for every template and exits 0',
    async () => {
      expect(TEMPLATES).toHaveLength(12);
      const report: string[] = [];
      for (const name of TEMPLATES) {
        const out = path.join(dir, name.replace(/\.json$/, '.pdf'));
        const start = performance.now();
        const { code, out: lines, err } = await run(['render', path.join(TEMPLATES_DIR, name), '-o', out]);
        const ms = performance.now() - start;
        expect({ name, code, err }).toEqual({ name, code: 0, err: [] });
        const pdf = readFileSync(out);
        expect(pdf.subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
        expect(lines).toEqual([`Wrote ${out} (${pdf.length} bytes).`]);
        const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
        report.push(`${name}: ${pdf.length} bytes, ${pages} pages, ${ms.toFixed(0)} ms`);
      }
      console.info(`charter render:\n  ${report.join('\n  ')}`);
    },
    10 * 60_000,
  );

  it('without -o exits 2 and says how to give the output file', async () => {
    const result = await run(['render', path.join(TEMPLATES_DIR, 'car-sales.ko.json')]);
    expect(result.code).toBe(2);
    expect(result.err).toEqual(['Give the output file with -o <out.pdf>.']);
  });

  it('from a backup with two charters and no --charter, exits 1 and lists the ids', async () => {
    const out = path.join(dir, 'two.pdf');
    const result = await run(['render', backup, '-o', out]);
    expect(result.code).toBe(1);
    expect(backupIds).toHaveLength(2);
    expect(result.err).toEqual([
      `The file holds several charters; choose one with --charter <id>: ${backupIds.join(', ')}`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('with an unknown --charter exits 1 and lists the ids', async () => {
    const result = await run(['render', backup, '-o', path.join(dir, 'none.pdf'), '--charter', 'nope']);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([`No charter with id "nope". Charters in the file: ${backupIds.join(', ')}`]);
  });

  it('with --charter renders that charter of a backup', async () => {
    const out = path.join(dir, 'second.pdf');
    const result = await run(['render', backup, '-o', out, '--charter', backupIds[1]!]);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('from a backup holding no charter exits 1', async () => {
    const empty = path.join(dir, 'empty.json');
    writeFileSync(
      empty,
      JSON.stringify({
        format: BACKUP_FORMAT,
        version: CURRENT_VERSION,
        exportedAt: '2026-04-01T12:00:00.000Z',
      }),
    );
    const result = await run(['render', empty, '-o', path.join(dir, 'empty.pdf')]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual(['The file holds no charter.']);
  });

  it('that cannot write its output exits 1 with a plain message', async () => {
    const out = path.join(dir, 'missing-folder', 'out.pdf');
    const result = await run(['render', path.join(TEMPLATES_DIR, 'car-sales.en.json'), '-o', out]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      expect.stringMatching(/^The PDF could not be made: ENOENT: no such file or directory/),
    ]);
    noStackTrace(result.all);
  }, 60_000);

  it('refuses a broken file before rendering', async () => {
    const result = await run(['render', broken, '-o', path.join(dir, 'broken.pdf')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('  charter.commitments[2].promised.value: must be a positive number');
    expect(existsSync(path.join(dir, 'broken.pdf'))).toBe(false);
  });
});

describe('charter validate', () => {
  it.each(TEMPLATES)('accepts templates/%s', async (name) => {
    const file = path.join(TEMPLATES_DIR, name);
    const result = await run(['validate', file]);
    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out).toEqual([`${file} is valid: 1 charter, 0 delivery records.`]);
  });

  it('accepts a backup and counts its charters and delivery records', async () => {
    const result = await run(['validate', backup]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`${backup} is valid: 2 charters, 4 delivery records.`]);
  });

  it('names the exact field of a broken file and exits 1', async () => {
    const result = await run(['validate', broken]);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual([
      `${broken} is not a valid service charter file (1 problem):`,
      '  charter.commitments[2].promised.value: must be a positive number',
    ]);
    noStackTrace(result.all);
  });

  it('speaks Korean with --lang ko', async () => {
    const result = await run(['validate', broken, '--lang', 'ko']);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `${broken}은 올바른 서비스 헌장 파일이 아닙니다(문제 1개):`, // broken.json: "제이슨" ends in ㄴ
      '  charter.commitments[2].promised.value: 0보다 큰 수여야 합니다',
    ]);
  });

  it('speaks Korean when LANG is Korean, and --lang en wins over it', async () => {
    const korean = await run(['validate', broken], { LANG: 'ko_KR.UTF-8' });
    expect(korean.err[1]).toBe('  charter.commitments[2].promised.value: 0보다 큰 수여야 합니다');
    const english = await run(['validate', broken, '--lang', 'en'], { LANG: 'ko_KR.UTF-8' });
    expect(english.err[1]).toBe('  charter.commitments[2].promised.value: must be a positive number');
  });

  it('says it cannot read a missing file, without a stack trace, and exits 1', async () => {
    const missing = path.join(dir, 'no-such-file.json');
    const result = await run(['validate', missing]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([`Cannot read ${missing}: no such file or directory, open '${missing}'`]);
    noStackTrace(result.all);
  });

  it('says it cannot read a folder', async () => {
    const folder = path.join(dir, 'a-folder.json');
    mkdirSync(folder, { recursive: true });
    const result = await run(['validate', folder]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      expect.stringMatching(new RegExp(`^Cannot read ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `)),
    ]);
    noStackTrace(result.all);
  });

  it('says a file that is not JSON is not valid JSON and exits 1', async () => {
    const result = await run(['validate', notJson]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `${notJson} is not a valid service charter file (1 problem):`,
      '  (whole file): is not valid JSON (the file may be cut off or not a backup)',
    ]);
  });

  it('without a file exits 2', async () => {
    const result = await run(['validate']);
    expect(result.code).toBe(2);
    expect(result.err).toEqual(['Give the path of a JSON file.']);
  });
});

describe('charter (usage)', () => {
  it('exits 2 with the usage for an unknown command', async () => {
    const result = await run(['frobnicate', 'x.json']);
    expect(result.code).toBe(2);
    expect(result.err[0]).toBe('Unknown command "frobnicate".');
    expect(result.err[1]).toMatch(/^Usage:\n {2}charter render .*\n {2}charter validate /);
  });

  it('exits 2 with the usage for an unknown option', async () => {
    const result = await run(['validate', 'x.json', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.err.at(-1)).toMatch(/^Usage:/);
    noStackTrace(result.all);
  });

  it('prints the usage with no command (exit 2) and with --help (exit 0), in Korean with --lang ko', async () => {
    expect(await run([])).toMatchObject({ code: 2, out: [expect.stringMatching(/^Usage:/)] });
    expect(await run(['--help'])).toMatchObject({ code: 0, out: [expect.stringMatching(/^Usage:/)] });
    expect(await run(['-h', '--lang', 'ko'])).toMatchObject({
      code: 0,
      out: [expect.stringMatching(/^사용법:/)],
    });
  });
});

describe('the charter binary', () => {
  it('node src/cli/bin.mjs validate <broken file> exits 1 with the field and no stack trace', () => {
    const result = spawnSync(process.execPath, ['src/cli/bin.mjs', 'validate', broken], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C.UTF-8' },
      timeout: 60_000,
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('charter.commitments[2].promised.value: must be a positive number');
    expect(result.stderr).not.toMatch(/^\s{4}at /m);
  }, 60_000);
});
