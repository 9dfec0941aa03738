// `npm run bench` part: the first sync of a fresh device, in Debian's Chromium against the built app.
// sync_first_10k_s: a fresh browser context (empty storage) signs in to a local pouchdb-server
//   (tests/sync-server/start.mjs, provisioned by deploy/provision.mjs) whose user database already holds
//   a charter, 200 customers and 10,000 delivery records; seconds from the click on "Sign in and sync"
//   until all 10,000 records are in the local database (polled every 250 ms). One run.
// The documents are made by the app's own code (pouch-seed.ts, the field bench's record generator) in a
// first context that never syncs, and written to the server with _bulk_docs as the user.
// Run on its own: `node tests/bench/sync.mjs [dist folder]`; prints one JSON line.
// BENCH_SYNC_PORT picks the `vite preview` port (default 4184).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provision } from '../../deploy/provision.mjs';
import { startSyncServer } from '../sync-server/start.mjs';
import { launchChromium, serve } from './browser.mjs';
import { createCharter, seedRecords } from './field.mjs';
import { pouchSeedScript } from './pouch-seed.mjs';

const port = Number(process.env.BENCH_SYNC_PORT ?? 4184);
const origin = `http://localhost:${port}`;
const RECORDS = 10_000;
const USER = { name: 'bench', password: 'bench-password' };

const log = (m) => process.stderr.write(`[bench:sync] ${m}\n`);

/** Writes `docs` to the user's database on `server` with _bulk_docs as the user, 2,000 at a time. */
async function bulkWrite(dbUrl, docs) {
  const authorization = `Basic ${Buffer.from(`${USER.name}:${USER.password}`).toString('base64')}`;
  for (let start = 0; start < docs.length; start += 2_000) {
    const response = await fetch(`${dbUrl}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ docs: docs.slice(start, start + 2_000) }),
    });
    const results = await response.json();
    if (!response.ok) throw new Error(`_bulk_docs: HTTP ${response.status} ${JSON.stringify(results)}`);
    const failed = results.find((r) => r.error);
    if (failed) throw new Error(`_bulk_docs: ${JSON.stringify(failed)}`);
  }
}

/**
 * The number of delivery records in the page's local database. Counted on the IndexedDB index the
 * `indexeddb` adapter keeps (`docs` store, `deleted,id`), which reads no document: counting them with
 * allDocs (which loads every document, every 250 ms) competed with the very sync it measures. (The
 * adapter's doc_count cannot serve: the bench's bundled copy of PouchDB caches it when it first opens.)
 */
async function localRecordCount() {
  const idb = await new Promise((resolve, reject) => {
    const request = indexedDB.open('_pouch_service-charter-pouch');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!idb.objectStoreNames.contains('docs')) return 0;
    const range = IDBKeyRange.bound([0, 'deliveries:'], [0, 'deliveries:\ufff0']);
    const index = idb.transaction('docs', 'readonly').objectStore('docs').index('deleted,id');
    return await new Promise((resolve, reject) => {
      const request = index.count(range);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    idb.close();
  }
}

/** sync_first_10k_s, from one `vite preview` of `outDir` and one in-memory pouchdb-server. */
export async function measureSync(outDir = 'dist') {
  const stop = await serve(outDir, port);
  const server = await startSyncServer();
  try {
    const { url: dbUrl } = await provision({
      server: server.url,
      admin: server.admin,
      user: USER.name,
      password: USER.password,
      origins: [origin],
    });
    const script = await pouchSeedScript();
    const browser = await launchChromium();
    try {
      // The documents, made by the app's code in a context that never syncs.
      const maker = await browser.newContext({ locale: 'ko-KR' });
      const makerPage = await maker.newPage();
      const charter = await createCharter(makerPage, origin, script);
      const docs = await makerPage.evaluate(seedRecords, {
        charterId: charter.id,
        commitments: charter.commitments.map((c) => c.id),
        from: 0,
        to: RECORDS,
        customers: 200,
        docsOnly: true,
      });
      const [charterDoc] = await makerPage.evaluate((value) => {
        const { docIdOf, entityDoc } = window.__benchPouch;
        return [{ _id: docIdOf('charters', value.id), ...entityDoc('charters', value.id, value) }];
      }, charter);
      await maker.close();
      const started = Date.now();
      await bulkWrite(dbUrl, [charterDoc, ...docs]);
      log(`server seeded with ${docs.length + 1} documents in ${Date.now() - started} ms`);

      // The fresh device.
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${origin}/#/settings`);
      const section = page.getByRole('region', { name: 'Sync with your other devices' });
      // The server as the app reaches it: `localhost`, the app's site (its session cookie is sent).
      await section.getByLabel('Server address').fill(`http://localhost:${server.port}`);
      await section.getByLabel('User name').fill(USER.name);
      await section.getByLabel('Password', { exact: true }).fill(USER.password);
      await page.evaluate(() => {
        window.__syncOnAt = 0;
        document.addEventListener(
          'click',
          (event) => {
            if (!window.__syncOnAt && event.target instanceof Element && event.target.closest('button'))
              window.__syncOnAt = performance.now();
          },
          { capture: true },
        );
      });
      await section.getByRole('button', { name: 'Sign in and sync' }).click();
      let count = 0;
      let lastLogged = 0;
      const until = Date.now() + 1_800_000;
      while (count < RECORDS) {
        if (Date.now() > until) throw new Error(`only ${count} of ${RECORDS} records arrived in 30 minutes`);
        await page.waitForTimeout(250);
        count = await page.evaluate(localRecordCount);
        if (Date.now() - lastLogged > 10_000) {
          lastLogged = Date.now();
          log(`${count} records so far`);
        }
      }
      const seconds = await page.evaluate(() => (performance.now() - window.__syncOnAt) / 1000);
      log(`all ${RECORDS} records local after ${seconds.toFixed(1)} s`);
      await context.close();
      return { sync_first_10k_s: Math.round(seconds * 10) / 10 };
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
    stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.env.BENCH_DIST ?? 'dist';
  measureSync(outDir)
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error) => {
      log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    });
}
