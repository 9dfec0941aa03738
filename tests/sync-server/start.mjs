// Starts pouchdb-server in memory as the CouchDB stand-in for tests, with a server admin (no "admin
// party": without an admin every anonymous request is an admin, and no security check would mean
// anything). Used by the vitest deploy test, the Playwright globalSetup and the sync bench.
//
//   node tests/sync-server/start.mjs [--port 45984]    (prints the URL, stops on Ctrl-C)
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

export const TEST_ADMIN = { name: 'admin', password: 'test-admin-secret' };

/** Installs the locked tree of tests/sync-server when it is missing (it is kept out of the app's lockfile). */
export function ensureInstalled() {
  if (!existsSync(bin))
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', here], {
      stdio: 'inherit',
    });
  fixValidation();
}

// pouchdb-validation (pouchdb-server 4.2.0, the last release) overwrites a replicated document's
// `_revisions` with the stored one's before validating, so with a validate_doc_update in place every
// replicated *update* is silently dropped (201, nothing written; pouchdb/pouchdb-server#419, #272).
// CouchDB has no such bug. The one line is replaced by the fix proposed upstream (#420): validators get a
// copy, the document written keeps its own history. Idempotent.
const VALIDATION = join(here, 'node_modules', 'pouchdb-validation', 'lib', 'index.js');
const BUGGY = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIXED =
  'newDoc = Object.assign({}, newDoc, { _revisions: newDoc._revisions || (oldDoc || {})._revisions });';
function fixValidation() {
  const source = readFileSync(VALIDATION, 'utf8');
  if (source.includes(BUGGY)) writeFileSync(VALIDATION, source.replace(BUGGY, FIXED));
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, child, deadlineMs) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`pouchdb-server did not answer at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts an empty in-memory server with TEST_ADMIN as its only admin.
 * @returns {Promise<{ url: string, port: number, admin: typeof TEST_ADMIN, stop: () => Promise<void> }>}
 */
export async function startSyncServer({ port } = {}) {
  ensureInstalled();
  const chosen = port ?? (await freePort());
  // Its config.json and log.txt go to a scratch directory, never into the repository.
  const dir = mkdtempSync(join(tmpdir(), 'charter-sync-server-'));
  const child = spawn(
    process.execPath,
    [bin, '--in-memory', '--port', String(chosen), '--config', join(dir, 'config.json'), '--no-stdout-logs'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${chosen}`;
  try {
    await waitUntilUp(`${url}/`, child, 60_000);
    // Creating the first admin ends the admin party (as on CouchDB's /_node/_local/_config/admins).
    const response = await fetch(`${url}/_config/admins/${TEST_ADMIN.name}`, {
      method: 'PUT',
      body: JSON.stringify(TEST_ADMIN.password),
    });
    if (!response.ok) throw new Error(`creating the admin: HTTP ${response.status}`);
  } catch (error) {
    child.kill();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${stderr}`, { cause: error });
  }
  return {
    url,
    port: chosen,
    admin: TEST_ADMIN,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        // SIGKILL: on SIGTERM pouchdb-server waits for open long-poll requests (a replicating browser
        // always has one), and a server that vanishes is what the tests mean by "down".
        child.kill('SIGKILL');
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const index = process.argv.indexOf('--port');
  const server = await startSyncServer({ port: index > 0 ? Number(process.argv[index + 1]) : undefined });
  console.log(`pouchdb-server (in memory) at ${server.url}, admin ${server.admin.name}`);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
