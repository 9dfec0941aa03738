// `npm run bench` part: user-level figures in Debian's Chromium against the built app, served by `vite preview`.
// startup_empty_ms, startup_10k_ms, startup_100k_ms: navigation start → Today interactive (its <h1> visible
//   and "+ 약속 기록" enabled; with no charter at all, the "헌장 쓰기" link instead), median of 5 loads each.
// log_promise_100k_ms: click on "기록" in the log-a-promise sheet → the new promise's row in Today (median of 5).
// log_complete_100k_ms: navigation start → every stored record in memory (the app's performance mark
//   'service-charter:log-complete'; startup reads what Today needs first and the rest of the log after).
// scores_open_100k_ms: click on the "점수" nav link, once the whole log is in memory → the Scores headline
//   (median of 5).
//   Measured right after Today is interactive, so it includes waiting for the rest of the log.
// lighthouse_performance, lighthouse_accessibility, lighthouse_best_practices: Lighthouse (mobile) on Today,
//   the median of 3 runs.
// move_from_dexie_100k_ms (for information): the one-time move of 100,000 records from the Dexie database of
//   earlier versions — navigation start → Today interactive on that first start.
// The records are seeded into the app's PouchDB database with the app's own code (pouch-seed.ts), as the
// app stores them, and one unmeasured load after each seeding lets the app bring its first-read index up
// to date, so the startup figures are normal starts.
// Run on its own: `node tests/bench/field.mjs [dist folder] [--lighthouse] [--no-lighthouse]
// [--no-dexie-move]` (or BENCH_DIST=…); prints one JSON line; --lighthouse measures only Lighthouse.
// BENCH_FIELD_PORT picks the `vite preview` port (default 4183); BENCH_LIGHTHOUSE_REPORT=<file.json> keeps
// Lighthouse's JSON report there (metrics, LCP element, long tasks, request chains) instead of deleting it.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromiumPath, launchChromium, serve } from './browser.mjs';
import { pouchSeedScript } from './pouch-seed.mjs';

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);
const lighthouseCli = path.join(path.dirname(require.resolve('lighthouse/package.json')), 'cli/index.js');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const port = Number(process.env.BENCH_FIELD_PORT ?? 4183);
const origin = `http://localhost:${port}`;
const LOADS = 5;

const log = (m) => process.stderr.write(`[bench:field] ${m}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (ms) => Math.round(ms);

/**
 * Installed before every page load: records `window.__interactiveAt` (ms since navigation start) the first
 * time Today is usable — its <h1> visible and the log button enabled (or, with no charter, the link to write one).
 */
export function watchTodayInteractive() {
  const visible = (el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
  const ready = () => {
    const h1 = [...document.querySelectorAll('h1')].find((h) => /^\s*(오늘|Today)/.test(h.textContent ?? ''));
    if (!visible(h1)) return false;
    const log = [...document.querySelectorAll('button')].find((b) =>
      /^\+\s*(약속 기록|Log a promise)$/.test((b.textContent ?? '').trim()),
    );
    if (log) return visible(log) && !log.disabled;
    return visible(document.querySelector('.today__empty a[href="#/templates"]'));
  };
  window.__interactiveAt = 0;
  const check = () => {
    if (window.__interactiveAt) return;
    if (ready()) window.__interactiveAt = performance.now();
    else requestAnimationFrame(check);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  requestAnimationFrame(check);
}

/** The app's mark for "every stored record is in memory" (src/app/main.tsx). */
const LOG_COMPLETE = 'service-charter:log-complete';

/**
 * Median of `LOADS` reloads of Today: navigation start → interactive, and → the whole log in memory
 * (each load waits for both, so the next one starts from a settled page).
 */
async function measureStartup(page, label) {
  const samples = [];
  const complete = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__interactiveAt > 0, null, { timeout: 120_000, polling: 50 });
    samples.push(await page.evaluate(() => window.__interactiveAt));
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, LOG_COMPLETE, {
      timeout: 120_000,
      polling: 50,
    });
    complete.push(
      await page.evaluate((name) => performance.getEntriesByName(name)[0].startTime, LOG_COMPLETE),
    );
  }
  log(
    `${label}: ${samples.map(round).join(', ')} ms; whole log in memory: ${complete.map(round).join(', ')} ms`,
  );
  return { interactive: round(median(samples)), logComplete: round(median(complete)) };
}

/** The app's charter documents' values, read with the app's own PouchDB code (pouch-seed.mjs). */
export async function readCharters() {
  // Not closed: the indexeddb adapter shares one connection per name, the app's too.
  const db = window.__benchPouch.openLocalDatabase();
  const result = await db.allDocs({ startkey: 'charters:', endkey: 'charters:\ufff0', include_docs: true });
  return result.rows.map((row) => row.doc.value);
}

/**
 * A charter through the app's own "New charter" flow (the Korean car-sales template) on `page` (a ko-KR
 * context); returns its value as stored. `script` is pouchSeedScript()'s.
 */
export async function createCharter(page, appOrigin, script) {
  await page.goto(`${appOrigin}/#/charters`);
  await page.getByRole('button', { name: '새 헌장' }).click();
  await page.getByRole('group', { name: '자동차 영업' }).getByRole('button', { name: '한국어로' }).click();
  await page.getByLabel('이름', { exact: true }).fill('김민준');
  await page.evaluate(script);
  let charter;
  for (let tries = 0; !charter && tries < 100; tries++) {
    await page.waitForTimeout(200);
    charter = (await page.evaluate(readCharters)).find((value) => value.commitments?.length > 0);
  }
  if (!charter) throw new Error('the new charter never reached the local database');
  return charter;
}

/**
 * Writes customers and delivery records [from, to) for `charterId` into the app's PouchDB database as the
 * app stores them (`<collection>:<id>` documents with { format, version, collection, value, open? }, made
 * by the app's own entityDoc), in bulkDocs of 5,000. With `dexie`, into the Dexie database of earlier
 * versions instead ({ id, rev, value, open? } rows), which the app moves into PouchDB on its next start.
 * With `docsOnly`, writes nothing and returns the documents (for seeding a sync server).
 * Deterministic: the same index always gives the same record.
 */
export async function seedRecords({
  charterId,
  commitments,
  from,
  to,
  customers,
  dexie = false,
  docsOnly = false,
}) {
  const HOUR = 3_600_000;
  const nowMs = Date.now();
  let seed = 12345 + from;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const iso = (ms) => new Date(ms).toISOString();
  const created = iso(nowMs - 800 * 24 * HOUR);
  const customerRows = Array.from({ length: customers }, (_, i) => ({
    id: `bench-customer-${i}`,
    rev: 1,
    value: {
      id: `bench-customer-${i}`,
      name: `고객 ${i}`,
      company: '',
      phone: '',
      email: '',
      notes: '',
      archived: false,
      createdAt: created,
      updatedAt: created,
    },
  }));
  const record = (i) => {
    // Triggered over the last two years; promised within 1–72 hours; ~2% still open, the rest done,
    // about one in ten of those late.
    const triggered = nowMs - Math.floor(rand() * 730 * 24 * HOUR) - HOUR;
    const due = triggered + (1 + Math.floor(rand() * 72)) * HOUR;
    const open = rand() < 0.02;
    const late = rand() < 0.1;
    const done = Math.min(
      nowMs,
      late
        ? due + Math.floor(rand() * 24 * HOUR) + 60_000
        : triggered + Math.floor(rand() * (due - triggered)),
    );
    const id = `bench-record-${i}`;
    return {
      id,
      rev: 1,
      ...(open ? { open: 1 } : {}),
      value: {
        id,
        charterId,
        commitmentId: commitments[i % commitments.length],
        customerId: rand() < 0.9 ? `bench-customer-${Math.floor(rand() * customers)}` : null,
        dealId: null,
        summary: `약속 ${i}`,
        triggeredAt: iso(triggered),
        dueAt: iso(due),
        doneAt: open ? null : iso(done),
        actual: null,
        renegotiation: null,
        notes: '',
        createdAt: iso(triggered),
        updatedAt: iso(open ? triggered : done),
      },
    };
  };
  if (dexie) {
    const db = new window.__benchPouch.CharterDatabase();
    await db.open();
    try {
      await db.table('meta').put({ key: 'schemaVersion', value: 5 });
      await db.table('charters').put({ id: dexie.charter.id, rev: 1, value: dexie.charter });
      await db.table('customers').bulkPut(customerRows);
      for (let start = from; start < to; start += 10_000) {
        const rows = [];
        for (let i = start; i < Math.min(to, start + 10_000); i++) rows.push(record(i));
        await db.table('deliveries').bulkPut(rows);
      }
    } finally {
      db.close();
    }
    return;
  }
  const { openLocalDatabase, docIdOf, entityDoc } = window.__benchPouch;
  const docOf = (collection, row) => ({
    _id: docIdOf(collection, row.id),
    ...entityDoc(collection, row.id, row.value),
  });
  if (docsOnly) {
    const docs = customerRows.map((row) => docOf('customers', row));
    for (let i = from; i < to; i++) docs.push(docOf('deliveries', record(i)));
    return docs;
  }
  const db = openLocalDatabase(); // not closed: see readCharters
  try {
    const check = (results) => {
      const failed = results.find((r) => r.error && r.status !== 409);
      if (failed) throw new Error(`bulkDocs: ${failed.status} ${failed.message}`);
    };
    // A customer seeded already (the second call) is kept (409).
    check(await db.bulkDocs(customerRows.map((row) => docOf('customers', row))));
    for (let start = from; start < to; start += 5_000) {
      const docs = [];
      for (let i = start; i < Math.min(to, start + 5_000); i++) docs.push(docOf('deliveries', record(i)));
      check(await db.bulkDocs(docs));
    }
  } catch (error) {
    // A PouchDB error crosses page.evaluate as its name alone.
    throw new Error(`${error.name} ${error.status ?? ''} ${error.message ?? ''} ${error.reason ?? ''}`, {
      cause: error,
    });
  }
}

/** Watches for a click on an element matching `clickSelector`, then for the `kind`'s end state; records both. */
function armClickToVisible({ clickSelector, kind, summary }) {
  // Inline (no eval: the app's CSP may forbid it).
  const done =
    kind === 'log'
      ? () =>
          [...document.querySelectorAll('.today__list li')].some(
            (li) => (li.textContent ?? '').includes(summary) && li.checkVisibility(),
          )
      : () => document.getElementById('scores-headline')?.checkVisibility() === true;
  window.__clickAt = 0;
  window.__doneAt = 0;
  const check = () => {
    if (window.__doneAt) return;
    if (done()) {
      window.__doneAt = performance.now();
      observer.disconnect();
    } else requestAnimationFrame(check);
  };
  const observer = new MutationObserver(check);
  document.addEventListener(
    'click',
    (event) => {
      if (window.__clickAt || !(event.target instanceof Element) || !event.target.closest(clickSelector))
        return;
      window.__clickAt = performance.now();
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      requestAnimationFrame(check);
    },
    { capture: true },
  );
}

async function clickToVisible(page, clickLocator, watch) {
  await page.evaluate(armClickToVisible, watch);
  await clickLocator.click();
  await page.waitForFunction(() => window.__doneAt > 0, null, { timeout: 120_000, polling: 50 });
  return page.evaluate(() => window.__doneAt - window.__clickAt);
}

async function measureLogPromise(page) {
  const samples = [];
  for (let i = 0; i < LOADS; i++) {
    const summary = `벤치 약속 ${Date.now()}-${i}`;
    await page.getByRole('button', { name: '+ 약속 기록' }).click();
    const sheet = page.getByRole('dialog', { name: '약속 기록' });
    await sheet.getByLabel('새 고객: 이름 입력').fill(`벤치 고객 ${i}`);
    await sheet.getByLabel('이번에 한 약속 (선택)').fill(summary);
    await sheet.getByRole('radio', { name: '10분 뒤' }).check();
    const ms = await clickToVisible(page, sheet.getByRole('button', { name: '기록', exact: true }), {
      clickSelector: '[role="dialog"] button[type="submit"]',
      kind: 'log',
      summary,
    });
    samples.push(ms);
    await page.waitForTimeout(300);
  }
  log(`log a promise (100k): ${samples.map(round).join(', ')} ms`);
  return round(median(samples));
}

async function measureScoresOpen(page) {
  const samples = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__interactiveAt > 0, null, { timeout: 120_000, polling: 50 });
    // Scores in a loaded app: the rest of the log arrives after Today (log_complete_100k_ms says when); a tap
    // before that shows the progress line first, which that figure already counts.
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, LOG_COMPLETE, {
      timeout: 120_000,
      polling: 50,
    });
    const ms = await clickToVisible(page, page.locator('nav a[href="#/scores"]'), {
      clickSelector: 'a[href="#/scores"]',
      kind: 'scores',
    });
    samples.push(ms);
  }
  log(`open Scores (100k): ${samples.map(round).join(', ')} ms`);
  return round(median(samples));
}

/** How many times Lighthouse runs: its score moves by ±5 between runs on a shared two-core machine. */
const LIGHTHOUSE_RUNS = 3;

/**
 * Lighthouse (mobile, its default) on Today, each run in a fresh Chromium profile: category scores × 100,
 * the median of `LIGHTHOUSE_RUNS` runs (each run's scores and blocking time go to the log).
 */
async function measureLighthouse() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-lighthouse-'));
  try {
    const runs = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      const output = path.join(dir, `report-${i}.json`);
      await execFileAsync(
        process.execPath,
        [
          lighthouseCli,
          `${origin}/`,
          '--chrome-flags=--headless --no-sandbox --disable-gpu',
          '--only-categories=performance,accessibility,best-practices',
          '--output=json',
          `--output-path=${output}`,
          '--quiet',
        ],
        {
          cwd: root,
          env: { ...process.env, CHROME_PATH: chromiumPath },
          maxBuffer: 16 << 20,
          timeout: 300_000,
        },
      );
      const { categories, audits } = JSON.parse(await readFile(output, 'utf8'));
      const score = (key) =>
        categories[key]?.score == null ? null : Math.round(categories[key].score * 100);
      const run = {
        output,
        lighthouse_performance: score('performance'),
        lighthouse_accessibility: score('accessibility'),
        lighthouse_best_practices: score('best-practices'),
      };
      log(
        `lighthouse run ${i + 1}: ${JSON.stringify({ ...run, output: undefined })}, total blocking time ` +
          `${Math.round(audits['total-blocking-time']?.numericValue ?? NaN)} ms`,
      );
      runs.push(run);
    }
    const byPerformance = [...runs].sort((a, b) => a.lighthouse_performance - b.lighthouse_performance);
    const middle = byPerformance[Math.floor(runs.length / 2)];
    const figures = {
      lighthouse_performance: middle.lighthouse_performance,
      lighthouse_accessibility: median(runs.map((r) => r.lighthouse_accessibility)),
      lighthouse_best_practices: median(runs.map((r) => r.lighthouse_best_practices)),
    };
    log(`lighthouse (median of ${runs.length}): ${JSON.stringify(figures)}`);
    if (process.env.BENCH_LIGHTHOUSE_REPORT)
      await copyFile(middle.output, process.env.BENCH_LIGHTHOUSE_REPORT);
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Settles the app after seeding: one load (not measured) that brings its first-read index up to date. */
async function settle(page, label) {
  const started = Date.now();
  await page.goto(`${origin}/`, { waitUntil: 'commit' });
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, LOG_COMPLETE, {
    timeout: 600_000,
    polling: 100,
  });
  log(`${label}: first load after seeding (index catch-up, not measured) ${Date.now() - started} ms`);
}

/** A page of the bench's origin that is not the app, so nothing opens the app's databases before seeding. */
const BLANK = `${origin}/__bench-blank`;

/**
 * move_from_dexie_100k_ms (for information): a fresh profile whose only data is the Dexie database of
 * earlier versions with `charter` and 100,000 records; navigation start → Today interactive on the first
 * start, which moves everything into PouchDB first (src/persistence/move-from-dexie.ts).
 */
async function measureMoveFromDexie(browser, charter, script) {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(watchTodayInteractive);
    await context.route(BLANK, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
    );
    const page = await context.newPage();
    await page.goto(BLANK);
    await page.evaluate(script);
    const started = Date.now();
    await page.evaluate(seedRecords, {
      charterId: charter.id,
      commitments: charter.commitments.map((c) => c.id),
      from: 0,
      to: 100_000,
      customers: 200,
      dexie: { charter },
    });
    log(`seeded the Dexie database with 100k records in ${Date.now() - started} ms`);
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__interactiveAt > 0, null, { timeout: 900_000, polling: 100 });
    const ms = round(await page.evaluate(() => window.__interactiveAt));
    log(`move from Dexie (100k): Today interactive at ${ms} ms`);
    return ms;
  } finally {
    await context.close();
  }
}

/**
 * All the field figures, from one `vite preview` of `outDir` (relative to the repo root, or absolute).
 * `lighthouse: false` leaves out the Lighthouse figures, `dexieMove: false` move_from_dexie_100k_ms.
 */
export async function measureField(outDir = 'dist', { lighthouse = true, dexieMove = true } = {}) {
  const stop = await serve(outDir, port);
  const figures = {};
  const script = await pouchSeedScript();
  try {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
      await context.addInitScript(watchTodayInteractive);
      let page = await context.newPage();

      // Empty storage (the first load also lets the app create its database).
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => window.__interactiveAt > 0, null, { timeout: 120_000 });
      figures.startup_empty_ms = (await measureStartup(page, 'startup, empty')).interactive;

      const charter = await createCharter(page, origin, script);
      const charterId = charter.id;
      const commitments = charter.commitments.map((c) => c.id);
      log(`charter ${charterId} with ${commitments.length} commitments`);

      const seed = async (from, to) => {
        // Seeding sometimes fails with "unknown_error 500 … transaction was aborted" (three full bench runs
        // in a row once; also with the app's page closed first and no retry). Suspected: the indexeddb
        // adapter's per-page copy of the sequence number going stale (apache/pouchdb#8494). Seeding from a
        // fresh page, and again on failure, got the two runs since through; the cause is not fixed.
        await page.close();
        page = await context.newPage();
        await page.goto(BLANK);
        await page.evaluate(script);
        const started = Date.now();
        // Seeding again is safe: documents written already are kept (409).
        for (let attempt = 1; ; attempt++) {
          try {
            await page.evaluate(seedRecords, { charterId, commitments, from, to, customers: 200 });
            break;
          } catch (error) {
            // PouchDB's errors cross page.evaluate as a bare "CustomPouchError": seedRecords names them.
            const message = `seeding records ${from}–${to}: ${error instanceof Error ? error.message : error}`;
            if (attempt === 3) throw new Error(message, { cause: error });
            log(`${message}; trying again`);
            await page.waitForTimeout(1_000);
          }
        }
        log(`seeded records ${from}–${to} in ${Date.now() - started} ms`);
        await settle(page, `${to} records`);
      };
      await context.route(BLANK, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
      );
      await seed(0, 10_000);
      figures.startup_10k_ms = (await measureStartup(page, 'startup, 10k records')).interactive;
      await seed(10_000, 100_000);
      const at100k = await measureStartup(page, 'startup, 100k records');
      figures.startup_100k_ms = at100k.interactive;
      figures.log_complete_100k_ms = at100k.logComplete;

      figures.log_promise_100k_ms = round(await measureLogPromise(page));
      figures.scores_open_100k_ms = round(await measureScoresOpen(page));
      await context.close();
      if (dexieMove) figures.move_from_dexie_100k_ms = await measureMoveFromDexie(browser, charter, script);
    } finally {
      await browser.close();
    }
    if (lighthouse) Object.assign(figures, await measureLighthouse());
  } finally {
    stop();
  }
  return figures;
}

/** Only the Lighthouse figures (`node tests/bench/field.mjs <dist> --lighthouse`): quicker to repeat. */
async function measureLighthouseOnly(outDir) {
  const stop = await serve(outDir, port);
  try {
    return await measureLighthouse();
  } finally {
    stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outDir = args.find((a) => !a.startsWith('--')) ?? process.env.BENCH_DIST ?? 'dist';
  const options = {
    lighthouse: !args.includes('--no-lighthouse'),
    dexieMove: !args.includes('--no-dexie-move'),
  };
  (args.includes('--lighthouse') ? measureLighthouseOnly(outDir) : measureField(outDir, options))
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error) => {
      log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    });
}
