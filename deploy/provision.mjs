#!/usr/bin/env node
// Prepares a CouchDB 3 server (or the pouchdb-server test stand-in) for one user of the app, with plain
// HTTP calls against the CouchDB API. Safe to re-run: every step checks first and repairs what differs
// (a changed password, a widened _security, an older design document, CORS).
//
//   COUCHDB_USER=admin COUCHDB_PASSWORD=… CHARTER_PASSWORD=… \
//     node deploy/provision.mjs --server http://localhost:5984 --user alice --origin https://charter.example.com
//
// What it makes:
// - the system databases _users and _replicator (a fresh single-node CouchDB 3 has neither);
// - the user `org.couchdb.user:<name>` in _users;
// - the database `userdb-<hex of the name's UTF-8 bytes>` (CouchDB's couch_peruser naming) with
//   _security members = only that user (admins: nobody but the server admins);
// - the design document `_design/charter-rules` whose validate_doc_update refuses a write by anyone but
//   the owner (server admins excepted), a document whose `owner` field names someone else, a document
//   without the app's `{ format, version }` header, and one whose `version` is newer than SCHEMA_VERSION
//   (an older app must never overwrite data it cannot read; re-run this after upgrading the app);
// - CORS for the app's origin(s), with credentials (the app signs in with CouchDB's _session cookie), and
//   session cookies that last 30 days so a phone offline over a weekend does not have to sign in again.

/** The newest schema version the app writes (src/domain/interchange/backup.ts CURRENT_VERSION; a test keeps them equal). */
export const SCHEMA_VERSION = 7;
export const DESIGN_DOC_ID = '_design/charter-rules';
const SESSION_SECONDS = 30 * 24 * 60 * 60;

/** The user's database name: `userdb-` + the hex of the name's UTF-8 bytes (valid for any user name). */
export function userDbName(name) {
  return `userdb-${Buffer.from(name, 'utf8').toString('hex')}`;
}

/** The validate_doc_update source for `owner` (ES5: CouchDB's JavaScript engine runs it). */
export function validateDocUpdateSource(owner, maxVersion = SCHEMA_VERSION) {
  return [
    'function (newDoc, oldDoc, userCtx) {',
    `  var OWNER = ${JSON.stringify(owner)};`,
    `  var MAX_VERSION = ${JSON.stringify(maxVersion)};`,
    "  var isAdmin = userCtx.roles.indexOf('_admin') !== -1;",
    "  if (!isAdmin && userCtx.name !== OWNER) throw { forbidden: 'Only ' + OWNER + ' may write to this database.' };",
    '  if (newDoc._deleted === true) return;',
    "  if (newDoc.owner !== undefined && newDoc.owner !== OWNER) throw { forbidden: 'This document belongs to another user.' };",
    "  if (typeof newDoc.format !== 'string' || typeof newDoc.version !== 'number')",
    "    throw { forbidden: 'Every document carries { format, version }.' };",
    '  if (newDoc.version > MAX_VERSION)',
    "    throw { forbidden: 'Schema version ' + newDoc.version + ' is newer than ' + MAX_VERSION + ': update the server rules (deploy/provision.mjs).' };",
    '}',
  ].join('\n');
}

class HttpError extends Error {
  constructor(what, status, body) {
    super(`${what}: HTTP ${status} ${body}`);
    this.status = status;
  }
}

function client(server, admin) {
  const authorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  const base = server.replace(/\/+$/, '');
  /** One request as the server admin; returns { status, body } and throws on statuses not in `ok`. */
  return async function request(method, path, { body, ok = [200, 201], auth = true } = {}) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(auth ? { authorization } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!ok.includes(response.status)) throw new HttpError(`${method} ${path}`, response.status, text);
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  };
}

const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Sets one server configuration value. CouchDB 3 serves it at /_node/_local/_config; pouchdb-server only
 * at the CouchDB 1 path /_config, where some sections have their old names.
 */
async function setConfig(request, section, key, value, log) {
  const current = await request('GET', `/_node/_local/_config/${section}/${key}`, { ok: [200, 400, 404] });
  if (current.status === 200 || current.body?.reason !== 'no_db_file') {
    if (current.status === 200 && current.body === value) return;
    await request('PUT', `/_node/_local/_config/${section}/${key}`, { body: value });
    log(`config ${section}/${key} = ${value}`);
    return;
  }
  const legacy = { chttpd: 'httpd', chttpd_auth: 'couch_httpd_auth' }[section] ?? section;
  const legacyCurrent = await request('GET', `/_config/${legacy}/${key}`, { ok: [200, 404] });
  if (legacyCurrent.status === 200 && String(legacyCurrent.body) === value) return;
  await request('PUT', `/_config/${legacy}/${key}`, { body: value });
  log(`config ${legacy}/${key} = ${value} (pouchdb-server)`);
}

/**
 * Provisions `user` on `server`; every step is idempotent.
 * @param {{ server: string, admin: { name: string, password: string }, user: string, password: string,
 *   origins: string[], log?: (line: string) => void }} options
 * @returns {Promise<{ db: string, url: string }>}
 */
export async function provision({ server, admin, user, password, origins, log = () => {} }) {
  if (!user) throw new Error('A user name is needed (--user).');
  if (!password) throw new Error('A password for the user is needed (CHARTER_PASSWORD).');
  const request = client(server, admin);
  const base = server.replace(/\/+$/, '');

  // The admin must be able to sign in: a refused admin is the commonest mistake, say it plainly.
  const session = await request('GET', '/_session');
  if (!session.body?.userCtx?.roles?.includes('_admin')) {
    throw new Error(
      `${admin.name} is not a server admin on ${base} (check COUCHDB_USER / COUCHDB_PASSWORD).`,
    );
  }

  for (const system of ['_users', '_replicator']) {
    const created = await request('PUT', `/${system}`, { ok: [201, 202, 412] });
    if (created.status !== 412) log(`created ${system}`);
  }

  // The user: created, or its password reset when the given one does not sign in.
  const userId = `org.couchdb.user:${user}`;
  const existing = await request('GET', `/_users/${encodeURIComponent(userId)}`, { ok: [200, 404] });
  const signsIn =
    existing.status === 200 &&
    (
      await request('POST', '/_session', {
        body: { name: user, password },
        ok: [200, 401],
        auth: false,
      })
    ).status === 200;
  if (!signsIn) {
    const doc =
      existing.status === 200 ? existing.body : { _id: userId, name: user, type: 'user', roles: [] };
    await request('PUT', `/_users/${encodeURIComponent(userId)}`, { body: { ...doc, password } });
    log(existing.status === 200 ? `reset the password of ${user}` : `created the user ${user}`);
  }

  const db = userDbName(user);
  const created = await request('PUT', `/${db}`, { ok: [201, 202, 412] });
  if (created.status !== 412) log(`created the database ${db}`);

  const security = { admins: { names: [], roles: [] }, members: { names: [user], roles: [] } };
  const currentSecurity = await request('GET', `/${db}/_security`);
  if (!sameJson(currentSecurity.body, security)) {
    await request('PUT', `/${db}/_security`, { body: security });
    log(`_security of ${db}: only ${user}`);
  }

  const validate = validateDocUpdateSource(user);
  const design = await request('GET', `/${db}/${DESIGN_DOC_ID}`, { ok: [200, 404] });
  if (design.status === 404 || design.body.validate_doc_update !== validate) {
    await request('PUT', `/${db}/${DESIGN_DOC_ID}`, {
      body: {
        _id: DESIGN_DOC_ID,
        ...(design.status === 200 ? { _rev: design.body._rev } : {}),
        language: 'javascript',
        validate_doc_update: validate,
      },
    });
    log(`validate_doc_update of ${db} (schema version ≤ ${SCHEMA_VERSION})`);
  }

  if (origins.length > 0) {
    await setConfig(request, 'chttpd', 'enable_cors', 'true', log);
    await setConfig(request, 'cors', 'origins', origins.join(', '), log);
    await setConfig(request, 'cors', 'credentials', 'true', log);
    await setConfig(request, 'cors', 'methods', 'GET, PUT, POST, HEAD, DELETE', log);
    await setConfig(request, 'cors', 'headers', 'accept, authorization, content-type, origin, referer', log);
  }
  await setConfig(request, 'chttpd_auth', 'timeout', String(SESSION_SECONDS), log);
  await setConfig(request, 'chttpd_auth', 'allow_persistent_cookies', 'true', log);

  return { db, url: `${base}/${db}` };
}

function argument(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

function allArguments(name) {
  return process.argv.flatMap((value, index) => (process.argv[index - 1] === `--${name}` ? [value] : []));
}

async function main() {
  const server = argument('server') ?? process.env.COUCHDB_URL ?? 'http://localhost:5984';
  const admin = { name: process.env.COUCHDB_USER ?? 'admin', password: process.env.COUCHDB_PASSWORD ?? '' };
  const user = argument('user') ?? process.env.CHARTER_USER ?? '';
  // Passwords come from the environment, never the command line (which other users of the machine can see).
  const password = process.env.CHARTER_PASSWORD ?? '';
  const origins = allArguments('origin');
  if (!admin.password) throw new Error('Set COUCHDB_PASSWORD (and COUCHDB_USER) to the server admin.');
  const result = await provision({
    server,
    admin,
    user,
    password,
    origins,
    log: (line) => console.log(`· ${line}`),
  });
  console.log(`Ready. In the app: Settings → Sync → address ${server.replace(/\/+$/, '')}, user ${user}.`);
  console.log(`(database ${result.db})`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
