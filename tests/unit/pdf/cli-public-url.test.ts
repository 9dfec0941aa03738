// `charter render --public-url`: the command line prints the charter's link and QR code like the app.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/charter';
import { createBackup, createCharter, publish } from '../factories';
import { pdfLinkAnnotations, pdfStreams, pdfText, squash } from './pdf-helpers';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { LANG: 'en_US.UTF-8' },
  );
  return { code, out, err };
}

let dir: string;
let published: string;
let draft: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'charter-cli-link-'));
  const short = createCharter({
    title: 'Short',
    commitments: [],
    moments: [],
    alternatives: [],
    checkIns: { before: [], during: [], after: [] },
  });
  published = path.join(dir, 'published.json');
  writeFileSync(
    published,
    JSON.stringify(createBackup({ charters: [publish(short)[0]], charterVersions: [] })),
  );
  draft = path.join(dir, 'draft.json');
  writeFileSync(draft, JSON.stringify(createBackup({ charters: [short], charterVersions: [] })));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('charter render --public-url', () => {
  it('puts the short clickable address and the QR code of the share link on the cover', async () => {
    const out = path.join(dir, 'published.pdf');
    const result = await run([
      'render',
      published,
      '-o',
      out,
      '--public-url',
      'https://charter.example.com/',
    ]);
    expect(result).toMatchObject({ code: 0, err: [] });
    const pdf = readFileSync(out);
    const [link] = (await pdfLinkAnnotations(pdf)).filter((l) => l.url.includes('#/s/'));
    expect(link?.url).toMatch(/^https:\/\/charter\.example\.com\/#\/s\/v1\./);
    expect(squash((await pdfText(pdf)).text)).toContain(
      `charter.example.com/#/s/${link!.url.split('#/s/')[1]!.slice(0, 8)}…`,
    );
    // The QR code of exactly that link is drawn: as many dark modules as the encoder makes (one rectangle
    // per run of dark modules in a row: `x y m`, then `end y l`).
    const dark = encode(link!.url, { ecc: 'L', border: 4 }).data.flat().filter(Boolean).length;
    const qrPath = pdfStreams(pdf)
      .map((s) => /\n0 0 0 scn\n([^]*?)\nf\n/.exec(s)?.[1])
      .find((p) => p !== undefined);
    const drawn = [...(qrPath ?? '').matchAll(/^(\d+) (\d+) m\n(\d+) \2 l$/gm)].reduce(
      (sum, [, x, , end]) => sum + Number(end) - Number(x),
      0,
    );
    expect(drawn).toBe(dark);
  }, 60_000);

  it('says why a draft gets no link, and still writes the PDF', async () => {
    const out = path.join(dir, 'draft.pdf');
    const result = await run(['render', draft, '-o', out, '--public-url', 'https://charter.example.com/']);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([expect.stringMatching(/only a published charter is shared/)]);
    expect((await pdfLinkAnnotations(readFileSync(out))).filter((l) => l.url.includes('#/s/'))).toEqual([]);
  }, 60_000);

  it('refuses an address that is not a web address (exit 2, no PDF)', async () => {
    const result = await run(['render', published, '-o', path.join(dir, 'x.pdf'), '--public-url', 'ftp://x']);
    expect(result.code).toBe(2);
    expect(result.err).toEqual(['--public-url must be a web address starting with https:// (or http://).']);
  });
});
