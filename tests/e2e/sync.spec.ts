import type { Browser, BrowserContext, Page } from '@playwright/test';
import { provision, userDbName } from '../../deploy/provision.mjs';
import { startSyncServer } from '../sync-server/start.mjs';
import { expect, freshContext, test } from './helpers';

// Two browser contexts are two devices of one salesperson, syncing through pouchdb-server (in memory,
// the CouchDB stand-in), provisioned by deploy/provision.mjs exactly as a real server would be.

type Server = Awaited<ReturnType<typeof startSyncServer>>;
const alice = { name: 'alice', password: 'alice-device-secret' };
const bob = { name: 'bob', password: 'bob-device-secret' };

test.describe.configure({ mode: 'serial' });

/** The server's address as the app uses it: `localhost`, the same site as the app (its cookie is sent). */
const addressOf = (server: Server) => `http://localhost:${server.port}`;

async function startProvisioned(appOrigin: string): Promise<Server> {
  const server = await startSyncServer();
  for (const user of [alice, bob]) {
    await provision({
      server: server.url,
      admin: server.admin,
      user: user.name,
      password: user.password,
      origins: [appOrigin],
    });
  }
  return server;
}

async function device(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await freshContext(browser, 'en-US');
  return { context, page: await context.newPage() };
}

const syncSection = (page: Page) => page.getByRole('region', { name: 'Sync with your other devices' });

async function signIn(page: Page, address: string, user: { name: string; password: string }) {
  await page.goto('/#/settings');
  const section = syncSection(page);
  await section.getByLabel('Server address').fill(address);
  await section.getByLabel('User name').fill(user.name);
  await section.getByLabel('Password', { exact: true }).fill(user.password);
  await section.getByRole('button', { name: 'Sign in and sync' }).click();
}

const statusLine = (page: Page) => page.locator('.sync-status');

async function expectSynced(page: Page) {
  await expect(statusLine(page)).toHaveText(/^Synced · /, { timeout: 30_000 });
}

/** Logs `count` promises to `customer` through Today's quick log (the first one creates the customer). */
async function logPromises(page: Page, customer: string, count: number, label: string, isNew: boolean) {
  await page.goto('/#/today');
  for (let i = 1; i <= count; i++) {
    await page
      .getByRole('button', { name: /Log a promise/ })
      .first()
      .click();
    const sheet = page.getByRole('dialog', { name: 'Log a promise' });
    await expect(sheet).toBeVisible();
    if (isNew && i === 1) await sheet.getByLabel('New customer: type a name').fill(customer);
    else await sheet.getByRole('radio', { name: customer }).click();
    await sheet.getByLabel('What you promised this time (optional)').fill(`${label} ${i}`);
    await sheet.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(sheet).toBeHidden();
  }
}

async function counts(page: Page): Promise<string> {
  await page.goto('/#/settings');
  return (await page.getByText(/promise records?$/).textContent()) ?? '';
}

/** Opens the editor's step `step` (service-level, commitments, …) of the charter whose editor hash is `charterHash`. */
async function openStep(page: Page, charterHash: string, step: 'service-level' | 'commitments') {
  const id = /^#\/charters\/([^/]+)/.exec(charterHash)![1]!;
  await page.goto(`/#/charters/${id}/edit/${step}`);
}

/** The "Promised to the customer" field of commitment `n`, its card opened first when it is folded. */
async function commitment(page: Page, n: number) {
  const toggle = page.getByRole('button', { name: new RegExp(`^Commitment ${n}\\b`) });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  return page
    .getByRole('group', { name: `Commitment ${n}`, exact: true })
    .getByLabel('Promised to the customer', { exact: true });
}

async function serverDocs(server: Server, user: { name: string; password: string }) {
  const response = await fetch(`${server.url}/${userDbName(user.name)}/_all_docs?include_docs=true`, {
    headers: { authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
  return body.rows.filter((row) => !row.id.startsWith('_design/'));
}

test.describe('sync between two devices', () => {
  let server: Server;

  test.beforeAll(async () => {
    test.info().setTimeout(600_000); // installs tests/sync-server on a machine that does not have it yet
    server = await startProvisioned(new URL(test.info().project.use.baseURL!).origin);
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('a charter made on A appears on B; offline edits on both meet without losing anything', async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const a = await device(browser);
    const b = await device(browser);

    await signIn(a.page, addressOf(server), alice);
    await expectSynced(a.page);
    await a.page.goto('/#/charters');
    await a.page.getByRole('button', { name: 'New charter' }).click();
    await a.page
      .getByRole('group', { name: 'Car sales' })
      .getByRole('button', { name: 'In English' })
      .click();
    await expect(a.page.getByLabel('Charter title')).not.toHaveValue('');
    const title = await a.page.getByLabel('Charter title').inputValue();
    const charterHash = new URL(a.page.url()).hash;

    await signIn(b.page, addressOf(server), alice);
    await b.page.goto('/#/charters');
    await expect(b.page.getByRole('link', { name: title })).toBeVisible({ timeout: 30_000 });
    await expectSynced(b.page);

    // Load the screens used offline while online (the preview server is the network too).
    for (const { page } of [a, b]) {
      await openStep(page, charterHash, 'commitments');
      await expect(await commitment(page, 2)).toBeVisible();
      await openStep(page, charterHash, 'service-level');
      await expect(page.getByLabel('Charter title')).toHaveValue(title);
    }
    await logPromises(a.page, 'Kim Jihyun', 1, 'A', true);
    await b.page.goto('/#/today');
    await b.page
      .getByRole('button', { name: /Log a promise/ })
      .first()
      .click();
    await b.page
      .getByRole('dialog', { name: 'Log a promise' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await expectSynced(a.page);
    await expect.poll(() => counts(b.page), { timeout: 30_000 }).toMatch(/, 1 promise record$/);

    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await expect(statusLine(a.page)).toHaveText('Offline — will sync when connected');
    await expect(statusLine(b.page)).toHaveText('Offline — will sync when connected');

    // A: commitment 1 and 24 more promises; B: commitment 2, the vision, 25 promises.
    await openStep(a.page, charterHash, 'commitments');
    const a1 = await commitment(a.page, 1);
    await a1.fill('5');
    await a1.blur();
    await logPromises(a.page, 'Kim Jihyun', 24, 'A', false);

    await openStep(b.page, charterHash, 'commitments');
    const b2 = await commitment(b.page, 2);
    await b2.fill('7');
    await b2.blur();
    await openStep(b.page, charterHash, 'service-level');
    const vision = b.page.getByRole('textbox', { name: 'Service vision' });
    await vision.click();
    await vision.fill('Every customer hears back from me the same day.');
    await logPromises(b.page, 'Park Minsu', 25, 'B', true);

    await a.context.setOffline(false);
    await b.context.setOffline(false);
    await expectSynced(a.page);
    await expectSynced(b.page);

    for (const { page } of [a, b]) {
      await expect
        .poll(() => counts(page), { timeout: 60_000 })
        .toBe('1 charter, 2 customers, 50 promise records');
      await openStep(page, charterHash, 'commitments');
      await expect(await commitment(page, 1)).toHaveValue('5');
      await expect(await commitment(page, 2)).toHaveValue('7');
      await openStep(page, charterHash, 'service-level');
      await expect(page.getByRole('textbox', { name: 'Service vision' })).toContainText(
        'Every customer hears back from me the same day.',
      );
    }

    // The server holds the same documents: 50 records, one charter with both edits.
    const docs = await serverDocs(server, alice);
    expect(docs.filter((row) => row.id.startsWith('deliveries:'))).toHaveLength(50);
    const charters = docs.filter((row) => row.id.startsWith('charters:'));
    expect(charters).toHaveLength(1);
    const stored = charters[0]!.doc as { value: { commitments: { promised: { value: number } }[] } };
    expect(stored.value.commitments[0]!.promised.value).toBe(5);
    expect(stored.value.commitments[1]!.promised.value).toBe(7);

    await a.context.close();
    await b.context.close();
  });

  test('both devices change the vision offline: the choice shows both texts, and the kept one ends on both', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const carol = { name: 'carol', password: 'carol-device-secret' };
    await provision({
      server: server.url,
      admin: server.admin,
      user: carol.name,
      password: carol.password,
      origins: [new URL(test.info().project.use.baseURL!).origin],
    });
    const a = await device(browser);
    const b = await device(browser);
    await signIn(a.page, addressOf(server), carol);
    await expectSynced(a.page);
    await a.page.goto('/#/charters');
    await a.page.getByRole('button', { name: 'New charter' }).click();
    await a.page
      .getByRole('group', { name: 'Car sales' })
      .getByRole('button', { name: 'In English' })
      .click();
    await expect(a.page.getByLabel('Charter title')).not.toHaveValue('');
    const title = await a.page.getByLabel('Charter title').inputValue();
    const charterHash = new URL(a.page.url()).hash;
    await signIn(b.page, addressOf(server), carol);
    await b.page.goto('/#/charters');
    await expect(b.page.getByRole('link', { name: title })).toBeVisible({ timeout: 30_000 });
    for (const { page } of [a, b]) {
      await openStep(page, charterHash, 'service-level');
      await expect(page.getByLabel('Charter title')).toHaveValue(title);
    }
    await expectSynced(a.page);
    await expectSynced(b.page);

    await a.context.setOffline(true);
    await b.context.setOffline(true);
    const texts = {
      a: 'A: I answer every message within the hour.',
      b: 'B: Every customer hears from me the same day.',
    };
    for (const [{ page }, text] of [
      [a, texts.a],
      [b, texts.b],
    ] as const) {
      const vision = page.getByRole('textbox', { name: 'Service vision' });
      await vision.click();
      await vision.fill(text);
      await page.getByLabel('Charter title').click();
      // The autosave (≤ 350 ms) has landed before the device reconnects.
      await expect(page.locator('.save-status')).toHaveText('Saved');
    }
    await a.context.setOffline(false);
    await b.context.setOffline(false);

    const choice = (page: Page) =>
      page.getByRole('region', { name: `The charter “${title}” was changed on two devices` });
    await expect(choice(a.page)).toBeVisible({ timeout: 60_000 });
    await expect(choice(a.page).getByRole('heading', { name: 'Service vision' })).toBeVisible();
    await expect(choice(a.page).getByText(texts.a)).toBeVisible();
    await expect(choice(a.page).getByText(texts.b)).toBeVisible();
    await expect(choice(a.page).getByRole('figure', { name: 'This device' })).toContainText(texts.a);
    await expect(choice(a.page).getByRole('figure', { name: 'The other device' })).toContainText(texts.b);
    await a.page.setViewportSize({ width: 1280, height: 800 });
    await a.page.evaluate(() => window.scrollTo(0, 0));
    await a.page.screenshot({ path: test.info().outputPath('conflict-en-1280.png') });
    await a.page.setViewportSize({ width: 390, height: 844 });
    await a.page.screenshot({ path: test.info().outputPath('conflict-en-390.png'), fullPage: true });

    // A third device signing in (in Korean) while the conflict is open gets both versions and the choice too.
    const c = await freshContext(browser, 'ko-KR');
    const cPage = await c.newPage();
    await cPage.goto('/#/settings');
    const cSync = cPage.getByRole('region', { name: '다른 기기와 동기화' });
    await cSync.getByLabel('서버 주소').fill(addressOf(server));
    await cSync.getByLabel('사용자 이름').fill(carol.name);
    await cSync.getByLabel('비밀번호', { exact: true }).fill(carol.password);
    await cSync.getByRole('button', { name: '로그인하고 동기화' }).click();
    const cChoice = cPage.getByRole('region', {
      name: `두 기기에서 서로 다르게 고쳤습니다 — 헌장 “${title}”`,
    });
    await expect(cChoice).toBeVisible({ timeout: 60_000 });
    await expect(cChoice.getByRole('heading', { name: '서비스 비전' })).toBeVisible();
    await expect(cChoice.getByRole('figure', { name: '버전 1' })).toBeVisible();
    await expect(cChoice.getByText(texts.a)).toBeVisible();
    await expect(cChoice.getByText(texts.b)).toBeVisible();
    await cPage.setViewportSize({ width: 1280, height: 800 });
    await cPage.evaluate(() => window.scrollTo(0, 0));
    await cPage.screenshot({ path: test.info().outputPath('conflict-ko-1280.png') });
    await cPage.setViewportSize({ width: 390, height: 844 });
    await cPage.screenshot({ path: test.info().outputPath('conflict-ko-390.png'), fullPage: true });
    await c.close();

    await choice(a.page).getByRole('button', { name: 'Keep the other device’s' }).click();
    await expect(choice(a.page)).toHaveCount(0);
    for (const [name, { page }] of [
      ['A', a],
      ['B', b],
    ] as const) {
      await expect(choice(page), `device ${name}`).toHaveCount(0, { timeout: 60_000 });
      // The editor left open on the step shows the kept text as it is (no reopening)…
      await expect(page.getByRole('textbox', { name: 'Service vision' }), `device ${name}`).toHaveText(
        texts.b,
      );
      // …and so does the step opened afresh.
      await page.goto('/#/charters');
      await openStep(page, charterHash, 'service-level');
      await expect(page.getByRole('textbox', { name: 'Service vision' }), `device ${name}`).toHaveText(
        texts.b,
        {
          timeout: 30_000,
        },
      );
    }
    await a.context.close();
    await b.context.close();
  });

  test('a wrong password or address says so; another user cannot read the database', async ({ browser }) => {
    const { context, page } = await device(browser);
    await signIn(page, addressOf(server), { name: 'alice', password: 'not-the-password' });
    await expect(syncSection(page).getByRole('alert')).toHaveText('The user name or password is wrong.');
    await expect(statusLine(page)).toHaveCount(0);

    await signIn(page, 'http://localhost:9', alice);
    await expect(syncSection(page).getByRole('alert')).toHaveText(
      'The server cannot be reached at this address. Check the address and your connection.',
    );

    const asBob = await fetch(`${server.url}/${userDbName('alice')}/_all_docs`, {
      headers: { authorization: `Basic ${Buffer.from(`${bob.name}:${bob.password}`).toString('base64')}` },
    });
    expect([401, 403]).toContain(asBob.status);
    await context.close();
  });
});

test('the server going down mid-session: the app keeps working and the status says so', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = await startProvisioned(new URL(test.info().project.use.baseURL!).origin);
  const { context, page } = await device(browser);
  try {
    await signIn(page, addressOf(server), alice);
    await expectSynced(page);
    await page.goto('/#/charters');
    await page.getByRole('button', { name: 'New charter' }).click();
    await page.getByRole('group', { name: 'Car sales' }).getByRole('button', { name: 'In English' }).click();
    await expect(page.getByLabel('Charter title')).not.toHaveValue('');
    await logPromises(page, 'Kim Jihyun', 1, 'before', true);
    await expectSynced(page);

    await server.stop();
    await logPromises(page, 'Kim Jihyun', 2, 'after', false);
    await expect(statusLine(page)).toHaveText('Server unreachable — will retry', { timeout: 60_000 });
    expect(await counts(page)).toBe('1 charter, 1 customer, 3 promise records');
    await page.reload();
    expect(await counts(page)).toBe('1 charter, 1 customer, 3 promise records');
    await expect(statusLine(page)).toHaveText('Server unreachable — will retry', { timeout: 60_000 });
  } finally {
    await context.close();
    await server.stop();
  }
});
