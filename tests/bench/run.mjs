// Benchmarks, run by `npm run bench`: bundle size, PDF speed in Node, live preview in Chromium.
// `node tests/bench/run.mjs --first-load [dist]` sizes the first load of an existing build only (and
// `node tests/bench/field.mjs [dist] --lighthouse` runs only Lighthouse; `node tests/bench/field.mjs [dist]
// --no-lighthouse` the startup/log/Scores figures, `node tests/bench/sync.mjs [dist]` only sync_first_10k_s).
// Progress goes to stderr; the last (and only) line on stdout is one JSON object of figures,
// e.g. {"first_load_js_gzip_kb":123.4}. Add a figure by writing another async measurement
// that returns a partial figures object, and listing it in `measurements`.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { measurePreview } from './preview.mjs';
import { measureField } from './field.mjs';
import { measureSync } from './sync.mjs';

const execFileAsync = promisify(execFile);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDirName = '.bench-dist';
const outDir = path.join(root, outDirName);

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/** Runs a command in the repo root; its stdout goes to our stderr so stdout stays clean for the JSON. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

async function build() {
  log(`building into ${outDirName}/`);
  await run('npx', ['vite', 'build', '--outDir', outDirName, '--emptyOutDir']);
}

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const gzipSize = async (file, dir = outDir) =>
  gzipSync(await readFile(path.join(dir, file)), { level: 9 }).length;

/** Paths of the module scripts and modulepreloads in the built index.html, relative to the build folder. */
async function scriptsInIndexHtml(dir = outDir) {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const urls = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attr = (name) =>
      tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
    const value = (name) => {
      const m = attr(name);
      return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    };
    if (/^<script/i.test(tag) && value('type') === 'module' && value('src')) urls.push(value('src'));
    if (/^<link/i.test(tag) && value('rel') === 'modulepreload' && value('href')) urls.push(value('href'));
  }
  return urls.map((url) => {
    if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) {
      throw new Error(`index.html loads a script from another origin (${url}); the benchmark cannot size it`);
    }
    // base is './' (or '/'): resolve against the build folder.
    return path.posix.normalize(url.replace(/[?#].*$/, '').replace(/^\.?\//, ''));
  });
}

/**
 * The JS the first page load fetches: the index.html entry chunk(s), transitively their static imports, and
 * what the entry awaits before it renders (dynamic imports): the first screen's messages and the app.
 */
async function measureFirstLoadJs(dir = outDir) {
  const manifest = JSON.parse(await readFile(path.join(dir, '.vite', 'manifest.json'), 'utf8'));
  const entryKeys = Object.keys(manifest).filter(
    (key) => manifest[key].isEntry && (key === 'index.html' || manifest[key].src === 'index.html'),
  );
  if (entryKeys.length === 0) throw new Error('no entry chunk for index.html in .vite/manifest.json');

  /** The JS files of the chunks `keys` and, transitively, of their static imports. */
  const closure = (keys) => {
    const found = new Set();
    const seen = new Set();
    const queue = [...keys];
    while (queue.length > 0) {
      const key = queue.shift();
      if (seen.has(key)) continue;
      seen.add(key);
      const chunk = manifest[key];
      if (!chunk) throw new Error(`manifest refers to a missing chunk: ${key}`);
      if (/\.m?js$/.test(chunk.file)) found.add(chunk.file);
      // Static imports only: dynamicImports are fetched later, when the code asks for them.
      queue.push(...(chunk.imports ?? []));
    }
    return found;
  };
  const files = closure(entryKeys);

  // The entry awaits the first screen's messages in the browser's language before its first render
  // (src/app/main.tsx; the rest of the catalogue loads after Today has painted): count the larger of the
  // two, as a Korean first visit fetches it, with the chunks it imports (the bundler may put the messages
  // in a chunk of their own behind a one-line facade).
  const catalogueKeys = ['src/i18n/first/ko.ts', 'src/i18n/first/en.ts'].filter((key) => manifest[key]);
  if (catalogueKeys.length === 0) throw new Error('no first-screen catalogue chunk in .vite/manifest.json');
  let largest = { size: -1, added: [] };
  for (const key of catalogueKeys) {
    const added = [...closure([key])].filter((file) => !files.has(file));
    let size = 0;
    for (const file of added) size += await gzipSize(file, dir);
    if (size > largest.size) largest = { size, added };
  }
  for (const file of largest.added) files.add(file);

  // The entry also awaits the app itself (src/app/start-app.tsx: the shell, Today and the local database),
  // imported alongside the messages so that a customer's share-link view never loads the database code.
  const appKey = 'src/app/start-app.tsx';
  if (!manifest[appKey]) throw new Error(`no chunk for ${appKey} in .vite/manifest.json`);
  for (const file of closure([appKey])) files.add(file);

  for (const file of await scriptsInIndexHtml(dir)) {
    if (!files.has(file)) {
      log(`warning: index.html loads ${file}, which the manifest walk did not find; counting it too`);
      files.add(file);
    }
  }

  let total = 0;
  for (const file of [...files].sort()) {
    const size = await gzipSize(file, dir);
    total += size;
    log(`  ${file}: ${kb(size)} KB gzip`);
  }
  log(`first-load JS: ${files.size} file(s), ${kb(total)} KB gzip`);
  return { first_load_js_gzip_kb: kb(total) };
}

/** PDF speed in Node (TypeScript, run through tsx): pdf_render_ms, pdf_floor_ms, pdf_bytes, pdf_pages. */
async function measurePdf() {
  const { stdout } = await execFileAsync(
    'node',
    ['--import', 'tsx', path.join(root, 'tests/bench/pdf-render.ts')],
    {
      cwd: root,
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop());
}

/** Scoring speed in Node: score_100k_ms next to score_floor_100k_ms, and figures for information (tests/bench/score.ts). */
async function measureScoring() {
  const { stdout } = await execFileAsync(
    'node',
    ['--import', 'tsx', path.join(root, 'tests/bench/score.ts')],
    {
      cwd: root,
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop());
}

/** Live preview in Chromium: preview_update_ms, preview_long_tasks. */
async function measurePreviewInBrowser() {
  return measurePreview(outDirName);
}

/** User-level figures in Chromium (tests/bench/field.mjs): startup, logging a promise, Scores, Lighthouse. */
async function measureFieldInBrowser() {
  return measureField(outDirName);
}

/** The first sync of a fresh device (tests/bench/sync.mjs): sync_first_10k_s. */
async function measureSyncInBrowser() {
  return measureSync(outDirName);
}

/** Each measurement runs after the build and returns some of the figures. */
const measurements = [
  measureFirstLoadJs,
  measurePdf,
  measureScoring,
  measurePreviewInBrowser,
  measureFieldInBrowser,
  measureSyncInBrowser,
];

async function main() {
  const figures = {};
  try {
    await build();
    for (const measure of measurements) {
      log(`measuring ${measure.name}`);
      Object.assign(figures, await measure());
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** `node tests/bench/run.mjs --first-load [dist folder]`: only first_load_js_gzip_kb, of a build made already. */
async function firstLoadOnly(dir) {
  const figures = await measureFirstLoadJs(path.resolve(root, dir));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

const args = process.argv.slice(2);
(args.includes('--first-load')
  ? firstLoadOnly(args.find((a) => !a.startsWith('--')) ?? 'dist')
  : main()
).catch((error) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
