// Users and access in the reference backend (issue 15, item 2): every route needs a credential,
// every query is scoped to its user (guessing another user's IDs finds nothing and changes
// nothing), origins and Host names are allow-listed, authorization starts are rate limited, and
// the handler mounts in node:http / Express style and Fetch style alike.
// Run: node --import tsx --test test/node/server-access.test.ts
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { openDatabase } from '../../demo/server/db.js';
import { createHandler } from '../../demo/server/handler.js';
import type { AuthorizationOutcome, Connection, ConnectLinkList, CreatedConnectLink, DataSource, DataSourceList, HistoryPage } from '../../src/api/types.js';
import { ORIGIN, assertError, authorizeFlow, call, getSource, mainOf, serve, startAuthorization, useLink } from './server-helpers.js';

const ADA_CONNECTION = '/api/data-sources/ga4/connections/con_ga4_01';

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate to a request without a valid credential, on every contract route', async (t) => {
    const server = await serve(t);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/data-sources'],
      ['GET', '/api/data-sources?include=connections&ids=ga4'],
      ['GET', '/api/data-sources/ga4'],
      ['GET', '/api/data-sources/ga4/connections'],
      ['POST', '/api/data-sources/ga4/authorizations', { origin: ORIGIN }],
      ['GET', `/api/authorizations/${'A'.repeat(43)}`],
      ['PATCH', ADA_CONNECTION, { role: 'main' }],
      ['POST', `${ADA_CONNECTION}/refresh`],
      ['DELETE', ADA_CONNECTION],
      ['GET', '/api/data-sources/ga4/links'],
      ['POST', '/api/data-sources/ga4/links', { expiresInDays: 7 }],
      ['DELETE', '/api/data-sources/ga4/links/lnk_abc'],
      ['GET', '/api/data-sources/ga4/history'],
    ];
    for (const authorization of ['', 'Bearer not-a-token-of-this-server-000000', 'Basic YWRhOmFkYQ==']) {
      for (const [method, path, body] of routes) {
        const answer = await call(server, method, path, body, { Authorization: authorization });
        assertError(answer, 401, 'unauthorized');
        assert.equal(answer.headers.get('www-authenticate'), 'Bearer', `${method} ${path}`);
      }
    }
    // Nothing changed meanwhile.
    assert.equal(mainOf(await getSource(server, 'ga4')).id, 'con_ga4_03');
  });
});

describe('isolation between users', () => {
  /** Ada's server, and Ben signed in on it. */
  async function twoUsers(t: TestContext) {
    const ada = await serve(t, { demo: true });
    const ben = { url: ada.url, token: await ada.signIn('ben') };
    return { ada, ben };
  }

  it('shows each user only their own connections, in every read', async (t) => {
    const { ada, ben } = await twoUsers(t);
    const counts = async (who: { url: string; token: string }) =>
      Object.fromEntries((await call<DataSourceList>(who, 'GET', '/api/data-sources')).body.items.map((s) => [s.id, s.connectionCount]));
    assert.deepEqual(await counts(ben), { 'google-ads': 0, 'facebook-ads': 1, 'linkedin-ads': 0, ga4: 1, hubspot: 0, 'tiktok-ads': 0 });
    assert.equal((await counts(ada))['google-ads'], 34);
    const benGa4 = await getSource(ben, 'ga4');
    assert.deepEqual(benGa4.connections.map((c) => c.accountName), ['tidewaterkayaks.com – GA4']);
    assert.ok(!(await getSource(ada, 'ga4')).connections.some((c) => c.id === benGa4.connections[0]!.id));
    const batch = await call<DataSourceList>(ben, 'GET', '/api/data-sources?include=connections&ids=google-ads,ga4,hubspot');
    assert.deepEqual(batch.body.items.map((s) => [s.id, s.connections!.length]), [['google-ads', 0], ['ga4', 1], ['hubspot', 0]]);
    const list = await call<{ items: Connection[] }>(ben, 'GET', '/api/data-sources/google-ads/connections');
    assert.deepEqual(list.body.items, []);
  });

  it('refuses, as unknown, every change to another user\u2019s connection by its guessed ID, and changes nothing', async (t) => {
    const { ada, ben } = await twoUsers(t);
    const before = await getSource(ada, 'ga4');
    for (const id of before.connections.map((c) => c.id)) {
      const path = `/api/data-sources/ga4/connections/${id}`;
      assertError(await call(ben, 'PATCH', path, { role: 'main' }), 404, 'connection_not_found');
      assertError(await call(ben, 'POST', `${path}/refresh`), 404, 'connection_not_found');
      assertError(await call(ben, 'DELETE', path), 404, 'connection_not_found');
      assertError(await call(ben, 'POST', `/api/data-sources/ga4/authorizations`, { origin: ORIGIN, connectionId: id }), 404, 'connection_not_found');
    }
    assert.deepEqual(await getSource(ada, 'ga4'), before);
    // And the other way round.
    const benFb = (await getSource(ben, 'facebook-ads')).connections[0]!;
    assertError(await call(ada, 'DELETE', `/api/data-sources/facebook-ads/connections/${benFb.id}`), 404, 'connection_not_found');
    assert.deepEqual((await getSource(ben, 'facebook-ads')).connections, [benFb]);
  });

  it('keeps an authorization to the user who started it: its outcome, and the account it connects', async (t) => {
    const { ada, ben } = await twoUsers(t);
    const { authorization, page } = await authorizeFlow(ben, 'linkedin-ads', { accountId: '508734219' });
    assert.equal(page.message!.status, 'completed');
    assertError(await call(ada, 'GET', `/api/authorizations/${authorization.state}`), 404, 'authorization_not_found');
    const seen = await call<AuthorizationOutcome>(ben, 'GET', `/api/authorizations/${authorization.state}`);
    assert.equal(seen.body.status, 'completed');
    assert.equal((await getSource(ben, 'linkedin-ads')).connections.length, 1);
    assert.equal((await getSource(ada, 'linkedin-ads')).connections.length, 0);
  });

  it('lets two users connect the same platform account, each as their own connection', async (t) => {
    const { ada, ben } = await twoUsers(t);
    await authorizeFlow(ada, 'tiktok-ads', { accountId: '7215530982614478849' });
    await authorizeFlow(ben, 'tiktok-ads', { accountId: '7215530982614478849' });
    const [a, b] = [await getSource(ada, 'tiktok-ads'), await getSource(ben, 'tiktok-ads')];
    assert.equal(a.connections.length, 1);
    assert.equal(b.connections.length, 1);
    assert.notEqual(a.connections[0]!.id, b.connections[0]!.id);
    await call(ben, 'DELETE', `/api/data-sources/tiktok-ads/connections/${b.connections[0]!.id}`);
    assert.deepEqual(await getSource(ada, 'tiktok-ads'), a);
  });

  it('keeps connect links to the user who made them: listing, revoking, the account a link connects, and its count', async (t) => {
    const { ada, ben } = await twoUsers(t);
    const made = await call<CreatedConnectLink>(ada, 'POST', '/api/data-sources/tiktok-ads/links', { expiresInDays: 7, recipient: 'sam@example.com' });
    assert.equal(made.status, 201, made.text);
    const link = made.body;
    assert.deepEqual((await call<ConnectLinkList>(ben, 'GET', '/api/data-sources/tiktok-ads/links')).body.items, []);
    assert.equal((await getSource(ben, 'tiktok-ads')).pendingLinkCount, undefined);
    assert.equal((await getSource(ada, 'tiktok-ads')).pendingLinkCount, 1);
    // Ben cannot revoke it: to him it does not exist, and it still works.
    assertError(await call(ben, 'DELETE', `/api/data-sources/tiktok-ads/links/${link.id}`), 404, 'link_not_found');
    assert.deepEqual((await call<ConnectLinkList>(ada, 'GET', '/api/data-sources/tiktok-ads/links')).body.items.map((l) => l.id), [link.id]);

    // The teammate is signed in as no one: the account goes to Ada, who made the link.
    const done = await useLink(ada, link.url, '7215530982614478849');
    assert.equal(done.status, 200, done.html);
    const adas = (await getSource(ada, 'tiktok-ads')).connections;
    assert.deepEqual(adas.map((c) => [c.accountId, c.connectedBy]), [['7215530982614478849', 'sam@example.com']]);
    assert.deepEqual((await getSource(ben, 'tiktok-ads')).connections, []);
    assertError(await call(ben, 'DELETE', `/api/data-sources/tiktok-ads/links/${link.id}`), 404, 'link_not_found');
  });

  it('shows each user only their own history, and none of another’s by a guessed connection ID', async (t) => {
    const { ada, ben } = await twoUsers(t);
    const history = async (who: { url: string; token: string }, query = '') => {
      const answer = await call<HistoryPage>(who, 'GET', `/api/data-sources/ga4/history${query}`);
      assert.equal(answer.status, 200, answer.text);
      return answer.body.items;
    };
    const benIds = new Set((await getSource(ben, 'ga4')).connections.map((c) => c.id));
    const adaIds = new Set((await getSource(ada, 'ga4')).connections.map((c) => c.id));
    const benBefore = await history(ben, '?limit=200');
    assert.ok(benBefore.length > 0);
    assert.ok(benBefore.every((e) => e.connectionId === null || benIds.has(e.connectionId)), 'only his own accounts');
    const adaMain = mainOf(await getSource(ada, 'ga4'));
    await call(ada, 'POST', `/api/data-sources/ga4/connections/${adaMain.id}/refresh`);
    await call(ada, 'POST', '/api/data-sources/ga4/links', { expiresInDays: 7 });
    assert.deepEqual(await history(ben, '?limit=200'), benBefore, 'Ada’s changes are not in his history');
    assert.deepEqual(await history(ben, `?connectionId=${adaMain.id}`), []);
    const adas = await history(ada, '?limit=2');
    assert.deepEqual(adas.map((e) => [e.type, e.actor]), [['link_created', 'Ada Moreau'], ['refreshed', 'Ada Moreau']]);
    assert.ok((await history(ada, '?limit=200')).every((e) => e.connectionId === null || adaIds.has(e.connectionId)));
  });

  it('scopes the demo controls to the user too', async (t) => {
    const { ada, ben } = await twoUsers(t);
    assertError(await call(ben, 'POST', `/api/demo/data-sources/ga4/connections/con_ga4_01/revoke`), 404, 'connection_not_found');
    assert.equal((await getSource(ada, 'ga4')).connections.find((c) => c.id === 'con_ga4_01')!.status, 'active');
  });
});

/** A request with a Host of our choosing (fetch may not set one). */
function withHost(server: { url: string; token?: string }, host: string, path: string, method = 'GET'): Promise<{ status: number; text: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: host, ...(server.token && { Authorization: `Bearer ${server.token}` }) };
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host names (DNS rebinding)', () => {
  it('serves the loopback names on any port, and refuses every other Host with 403, pages and files included', async (t) => {
    const server = await serve(t, { demo: true, staticRoot: join(import.meta.dirname, '../../demo/public') });
    const port = new URL(server.url).port;
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost']) {
      assert.equal((await withHost(server, host, '/api/data-sources')).status, 200, host);
    }
    for (const host of ['evil.example', `evil.example:${port}`, `localhost.evil.example:${port}`, `127.0.0.2:${port}`, `[::2]:${port}`,
      `user@localhost:${port}`, `localhost.:${port}`, `localhost:${port}/path`]) {
      for (const path of ['/api/data-sources', '/api/demo/users', `/provider/authorize?state=${'A'.repeat(43)}`, '/', '/host.js']) {
        const answer = await withHost(server, host, path);
        assert.equal(answer.status, 403, `${host} ${path}`);
      }
    }
  });

  it('takes other names when the host lists them', async (t) => {
    const server = await serve(t, { allowedHosts: ['reports.example'] });
    assert.equal((await withHost(server, 'reports.example', '/api/data-sources')).status, 200);
    assert.equal((await withHost(server, 'localhost', '/api/data-sources')).status, 403);
  });
});

describe('origins', () => {
  it('refuses a write sent by a page of a foreign origin, even with the demo cookie, and changes nothing', async (t) => {
    const server = await serve(t, { demo: true });
    const cookie = `dsw_session=${server.token}`;
    for (const origin of ['https://evil.example', 'http://localhost:9', 'null']) {
      const answer = await call(server, 'DELETE', ADA_CONNECTION, undefined, { Authorization: '', Cookie: cookie, Origin: origin });
      assertError(answer, 403, 'origin_not_allowed');
      assert.equal(answer.headers.get('access-control-allow-origin'), null);
    }
    assert.ok((await getSource(server, 'ga4')).connections.some((c) => c.id === 'con_ga4_01'));
    // The backend's own pages may, with the cookie alone (the no-build page sends no header).
    const own = await call(server, 'PATCH', ADA_CONNECTION, { role: 'main' }, { Authorization: '', Cookie: cookie, Origin: server.url });
    assert.equal(own.status, 200, own.text);
  });

  it('lets a listed origin write, with its own origin echoed and never *', async (t) => {
    const server = await serve(t, { allowedOrigins: ['https://app.example'] });
    const answer = await call(server, 'PATCH', ADA_CONNECTION, { role: 'main' }, { Origin: 'https://app.example' });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.match(answer.headers.get('vary') ?? '', /Origin/);
  });

  it('signs the demo pages in with a cookie that script cannot read and other sites cannot send', async (t) => {
    const server = await serve(t, { demo: true, staticRoot: join(import.meta.dirname, '../../demo/public') });
    const page = await fetch(`${server.url}/no-build.html`);
    const cookie = page.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^dsw_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const answer = await call(server, 'GET', '/api/data-sources/ga4', undefined, { Authorization: '', Cookie: cookie.split(';')[0]! });
    assert.equal(answer.status, 200);
    // A page that already carries a valid cookie keeps it.
    const again = await fetch(`${server.url}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    assert.equal(again.headers.get('set-cookie'), null);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the authorization starts a user may make, without touching other users', async (t) => {
    const server = await serve(t, { rateLimits: { authorizations: { limit: 3, perMs: 60_000 } } });
    for (let i = 0; i < 3; i++) await startAuthorization(server, 'ga4');
    const limited = await call(server, 'POST', '/api/data-sources/ga4/authorizations', { origin: ORIGIN });
    assertError(limited, 429, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '20');
    // Another user has an allowance of their own.
    await startAuthorization({ url: server.url, token: await server.signIn('ben') }, 'ga4');
    // An invalid request is not counted, and the allowance comes back with time.
    assertError(await call(server, 'POST', '/api/data-sources/nope/authorizations', { origin: ORIGIN }), 404, 'data_source_not_found');
    server.clock.advance(20_000);
    await startAuthorization(server, 'ga4');
    assertError(await call(server, 'POST', '/api/data-sources/ga4/authorizations', { origin: ORIGIN }), 429, 'rate_limited');
  });

  it('answers 429 with Retry-After past the connect links a user may make, and makes no link then', async (t) => {
    const server = await serve(t, { rateLimits: { links: { limit: 2, perMs: 60_000 } } });
    const make = (who: { url: string; token: string }) => call(who, 'POST', '/api/data-sources/ga4/links', { expiresInDays: 7 });
    for (let i = 0; i < 2; i++) assert.equal((await make(server)).status, 201);
    const limited = await make(server);
    assertError(limited, 429, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '30');
    assert.equal((await call<ConnectLinkList>(server, 'GET', '/api/data-sources/ga4/links')).body.items.length, 2);
    // An invalid request is not counted; another user has an allowance of their own.
    assertError(await call(server, 'POST', '/api/data-sources/ga4/links', {}), 400, 'invalid_body');
    assert.equal((await make({ url: server.url, token: await server.signIn('ben') })).status, 201);
  });

  it('counts a user\'s starts on every instance against one allowance: of 6 at once on two instances, 3 go through', async (t) => {
    const a = await serve(t, { rateLimits: { authorizations: { limit: 3, perMs: 60_000 } } });
    const b = await a.twin();
    const start = (server: { url: string; token: string }) => call(server, 'POST', '/api/data-sources/ga4/authorizations', { origin: ORIGIN });
    const answers = await Promise.all([a, b, a, b, a, b].map(start));
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 201, 201, 429, 429, 429]);
    // What is left of the allowance is left on both.
    for (const server of [a, b]) assertError(await start(server), 429, 'rate_limited');
    a.clock.advance(20_000);
    assert.equal((await start(b)).status, 201);
    assertError(await start(a), 429, 'rate_limited');
  });

  it('counts the sign-ins a connect link\'s page starts against its user, with a 429 page past the limit', async (t) => {
    const server = await serve(t, { rateLimits: { authorizations: { limit: 2, perMs: 60_000 } } });
    const link = (await call<CreatedConnectLink>(server, 'POST', '/api/data-sources/tiktok-ads/links', { expiresInDays: 7 })).body;
    const continueLink = () => fetch(link.url, { method: 'POST', redirect: 'manual', headers: { Origin: 'null' } });
    await startAuthorization(server, 'ga4');
    assert.equal((await continueLink()).status, 200);
    const limited = await continueLink();
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '30');
    assert.match(await limited.text(), /Too many requests of this kind; try again in 30 s\./);
    assertError(await call(server, 'POST', '/api/data-sources/ga4/authorizations', { origin: ORIGIN }), 429, 'rate_limited');
  });
});

describe('mounting', () => {
  async function storage(t: TestContext) {
    const dir = mkdtempSync(join(tmpdir(), 'dsw-mount-'));
    const opened = await openDatabase(join(dir, 'dsw.db'), Date.now());
    t.after(async () => {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return opened;
  }

  it('serves the contract through the Fetch-style handler, with the host\u2019s own authentication', async (t) => {
    const handler = createHandler({
      storage: await storage(t),
      // The host's own users: here, whoever the X-User header names.
      authenticate: (req) => (req.headers['x-user'] === 'ada' ? 'ada' : undefined),
    });
    const list = await handler.fetch(new Request('http://localhost/api/data-sources/ga4', { headers: { 'X-User': 'ada' } }));
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as DataSource).connections.length, 3);
    const patch = await handler.fetch(
      new Request(`http://localhost${ADA_CONNECTION}`, { method: 'PATCH', headers: { 'X-User': 'ada', 'Content-Type': 'application/json' }, body: '{"role":"main"}' }),
    );
    assert.equal(patch.status, 200);
    assert.equal(((await patch.json()) as Connection).role, 'main');
    const gone = await handler.fetch(new Request(`http://localhost${ADA_CONNECTION}`, { method: 'DELETE', headers: { 'X-User': 'ada' } }));
    assert.equal(gone.status, 204);
    assert.equal(gone.body, null);
    assert.equal((await handler.fetch(new Request('http://localhost/api/data-sources'))).status, 401);
    assert.equal((await handler.fetch(new Request('http://evil.example/api/data-sources', { headers: { 'X-User': 'ada' } }))).status, 403);
    assert.equal((await handler.fetch(new Request('http://localhost/elsewhere'))).status, 404);
  });

  it('passes what is not its own to next(), as Express middleware', async (t) => {
    const handler = createHandler({ storage: await storage(t), authenticate: () => 'ada' });
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => handler(req, res, () => res.writeHead(200).end('the host\u2019s own page')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    assert.equal(await (await fetch(`${url}/dashboard`)).text(), 'the host\u2019s own page');
    const source = (await (await fetch(`${url}/api/data-sources/ga4`)).json()) as DataSource;
    assert.equal(source.connections.length, 3);
  });
});

describe('reads after writes', () => {
  it('serves a change made behind the server\u2019s back (another process, another instance) at the next read', async (t) => {
    const server = await serve(t);
    assert.equal((await getSource(server, 'facebook-ads')).connections[0]!.accountName, 'Bluebird Coffee');
    await server.exec(`UPDATE connections SET account_name = 'Renamed elsewhere' WHERE id = 'con_fb_01'`);
    assert.equal((await getSource(server, 'facebook-ads')).connections[0]!.accountName, 'Renamed elsewhere');
    await call(server, 'DELETE', '/api/data-sources/facebook-ads/connections/con_fb_01');
    assert.deepEqual((await getSource(server, 'facebook-ads')).connections, []);
  });
});
