import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { SCHEMA_VERSION, provision, userDbName } from '../../../deploy/provision.mjs';
import { startSyncServer } from '../../sync-server/start.mjs';

// The provisioning script against pouchdb-server (in memory, with an admin): what a user of the app
// relies on is that only they can read and write their database, and that the server refuses what an
// app must never store there.

type Server = Awaited<ReturnType<typeof startSyncServer>>;
let server: Server;
const ORIGIN = 'http://localhost:4173';
const alice = { name: 'alice', password: 'alice-secret-1' };
const bob = { name: 'bob', password: 'bob-secret-1' };

const basic = (name: string, password: string) =>
  `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

async function as(user: { name: string; password: string }, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: basic(user.name, user.password),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const run = (user: { name: string; password: string }, log: string[] = []) =>
  provision({
    server: server.url,
    admin: server.admin,
    user: user.name,
    password: user.password,
    origins: [ORIGIN],
    log: (line) => log.push(line),
  });

const doc = (extra: Record<string, unknown> = {}) => ({
  format: 'service-charter/doc',
  version: CURRENT_VERSION,
  collection: 'charters',
  value: { title: 'x' },
  ...extra,
});

beforeAll(async () => {
  server = await startSyncServer();
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

describe('deploy/provision.mjs', () => {
  const aliceDb = userDbName('alice');

  it('is safe to re-run: the second run changes nothing', async () => {
    const first: string[] = [];
    const { db } = await run(alice, first);
    expect(db).toBe('userdb-616c696365');
    expect(first).toContain('created the user alice');
    expect(first).toContain(`created the database ${db}`);
    const second: string[] = [];
    await run(alice, second);
    expect(second).toEqual([]);
    await run(bob);
  });

  it('lets the owner write and read their database', async () => {
    const put = await as(alice, 'PUT', `/${aliceDb}/charters:c1`, doc());
    expect(put.status).toBe(201);
    const get = await as(alice, 'GET', `/${aliceDb}/charters:c1`);
    expect(get.status).toBe(200);
    expect(get.body.value).toEqual({ title: 'x' });
  });

  it('refuses another user and a wrong password (401/403)', async () => {
    for (const path of [`/${aliceDb}/charters:c1`, `/${aliceDb}/_all_docs`, `/${aliceDb}/_changes`]) {
      expect([401, 403]).toContain((await as(bob, 'GET', path)).status);
    }
    expect([401, 403]).toContain((await as(bob, 'PUT', `/${aliceDb}/charters:b1`, doc())).status);
    expect((await as({ name: 'alice', password: 'wrong' }, 'GET', `/${aliceDb}/charters:c1`)).status).toBe(
      401,
    );
    const session = await fetch(`${server.url}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'alice', password: 'wrong' }),
    });
    expect(session.status).toBe(401);
    const anonymous = await fetch(`${server.url}/${aliceDb}/charters:c1`);
    expect(anonymous.status).toBe(401);
  });

  it('validate_doc_update refuses a wrong owner, a missing header and a newer schema version', async () => {
    const wrongOwner = await as(alice, 'PUT', `/${aliceDb}/charters:c2`, doc({ owner: 'bob' }));
    expect(wrongOwner).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const newer = await as(alice, 'PUT', `/${aliceDb}/charters:c3`, doc({ version: CURRENT_VERSION + 1 }));
    expect(newer).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const bare = await as(alice, 'PUT', `/${aliceDb}/charters:c4`, { value: 1 });
    expect(bare.status).toBe(403);
    // Replication writes with new_edits:false through _bulk_docs: the same rules apply there.
    const bulk = await as(alice, 'POST', `/${aliceDb}/_bulk_docs`, {
      new_edits: false,
      docs: [{ _id: 'charters:c5', _rev: '1-abc', ...doc({ version: CURRENT_VERSION + 1 }) }],
    });
    expect(bulk.body).toEqual([{ id: 'charters:c5', error: 'forbidden', reason: expect.any(String) }]);
    expect((await as(alice, 'GET', `/${aliceDb}/charters:c5`)).status).toBe(404);
    // The owner's own document of the current version is accepted (the refusals above are the rules).
    expect((await as(alice, 'PUT', `/${aliceDb}/charters:c6`, doc({ owner: 'alice' }))).status).toBe(201);
  });

  it('refuses writes by anyone but the owner even if _security was widened, and a re-run repairs _security', async () => {
    const admin = server.admin;
    await as(admin, 'PUT', `/${aliceDb}/_security`, { members: { names: ['alice', 'bob'], roles: [] } });
    const write = await as(bob, 'PUT', `/${aliceDb}/charters:b2`, doc());
    expect(write).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const log: string[] = [];
    await run(alice, log);
    expect(log).toEqual(['_security of userdb-616c696365: only alice']);
    expect([401, 403]).toContain((await as(bob, 'GET', `/${aliceDb}/charters:c1`)).status);
  });

  it('a re-run with a new password resets it', async () => {
    const changed = { name: 'alice', password: 'alice-secret-2' };
    await run(changed);
    expect((await as(alice, 'GET', `/${aliceDb}/charters:c1`)).status).toBe(401);
    expect((await as(changed, 'GET', `/${aliceDb}/charters:c1`)).status).toBe(200);
    await run(alice);
  });

  it("answers the app's origin with CORS and credentials", async () => {
    const response = await fetch(`${server.url}/${aliceDb}/`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await fetch(`${server.url}/`, { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("knows the app's schema version", () => {
    expect(SCHEMA_VERSION).toBe(CURRENT_VERSION);
  });
});

describe('deploy/compose.yaml', () => {
  it('is valid YAML for the official couchdb:3 image with an admin from the environment and a volume', () => {
    const compose = parse(readFileSync('deploy/compose.yaml', 'utf8')) as {
      services: Record<
        string,
        { image: string; ports: string[]; environment: Record<string, string>; volumes: string[] }
      >;
      volumes: Record<string, unknown>;
    };
    const couchdb = compose.services.couchdb!;
    expect(couchdb.image).toBe('couchdb:3');
    expect(couchdb.ports).toEqual(['5984:5984']);
    expect(couchdb.environment.COUCHDB_USER).toMatch(/^\$\{COUCHDB_USER/);
    expect(couchdb.environment.COUCHDB_PASSWORD).toMatch(/^\$\{COUCHDB_PASSWORD/);
    expect(couchdb.volumes).toEqual(['couchdb-data:/opt/couchdb/data']);
    expect(Object.keys(compose.volumes)).toEqual(['couchdb-data']);
  });
});
