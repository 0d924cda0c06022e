// The demo backend over real HTTP: every route, rule and validation error of the contract
// (DESIGN section 3, src/api/types.ts), the authorization pop-up at the HTTP level, the demo
// controls, persistence and static files. Run: node --import tsx --test test/node/server.test.ts
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import {
  validateAuthorization,
  validateAuthorizationMessage,
  validateAuthorizationOutcome,
  validateConnection,
  validateConnectionList,
  validateDataSource,
  validateDataSourceList,
} from '../../src/api/validate.js';
import type { AuthorizationOutcome, Connection, ConnectionList, DataSource, DataSourceList } from '../../src/api/types.js';
import {
  ORIGIN,
  assertError,
  authorizeFlow,
  call,
  getSource,
  mainOf,
  openCallback,
  openSignIn,
  serve,
  startAuthorization,
  submitProvider,
} from './server-helpers.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The widgets' own validators keep only known fields: equality means right shape, nothing extra. */
function assertShape<T>(validate: (value: unknown) => T, value: unknown): void {
  assert.deepEqual(validate(value), value);
}

async function outcome(server: { url: string }, state: string): Promise<AuthorizationOutcome> {
  const answer = await call<AuthorizationOutcome>(server, 'GET', `/api/authorizations/${state}`);
  assert.equal(answer.status, 200, answer.text);
  assertShape(validateAuthorizationOutcome, answer.body);
  return answer.body;
}

/** Main first, then the newest credentials: for seeded accounts (never re-authorized), the newest created. */
function assertMainFirst(source: DataSource): void {
  mainOf(source);
  assert.equal(source.connections[0]!.role, 'main');
  const created = source.connections.slice(1).map((c) => Date.parse(c.createdAt));
  assert.deepEqual(created, [...created].sort((a, b) => b - a), `${source.id}: secondaries newest first`);
}

describe('reads', () => {
  it('lists the seeded data sources with their connection summaries', async (t) => {
    const server = await serve(t);
    const answer = await call<DataSourceList>(server, 'GET', '/api/data-sources');
    assert.equal(answer.status, 200);
    assertShape(validateDataSourceList, answer.body);
    const byId = Object.fromEntries(answer.body.items.map((s) => [s.id, s]));
    assert.deepEqual(Object.keys(byId), ['google-ads', 'facebook-ads', 'linkedin-ads', 'ga4', 'hubspot', 'tiktok-ads']);
    assert.ok(byId['google-ads']!.connectionCount >= 30);
    assert.equal(byId['google-ads']!.errorCount, 0);
    assert.deepEqual([byId['facebook-ads']!.connectionCount, byId['facebook-ads']!.errorCount], [1, 0]);
    assert.deepEqual([byId['linkedin-ads']!.connectionCount, byId['tiktok-ads']!.connectionCount], [0, 0]);
    assert.deepEqual([byId.ga4!.connectionCount, byId.ga4!.errorCount], [3, 1]);
    assert.deepEqual([byId.hubspot!.connectionCount, byId.hubspot!.errorCount], [2, 2]);
    for (const source of answer.body.items) assert.equal(source.logoUrl, `logos/${source.id}.svg`);
  });

  it('serves every logo as SVG at its logoUrl, relative to the endpoint', async (t) => {
    const server = await serve(t);
    const { body } = await call<DataSourceList>(server, 'GET', '/api/data-sources');
    for (const source of body.items) {
      const response = await fetch(new URL(source.logoUrl!, `${server.url}/api/`));
      assert.equal(response.status, 200, source.id);
      assert.equal(response.headers.get('content-type'), 'image/svg+xml');
      assert.match(await response.text(), /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<title/);
    }
    assert.equal((await fetch(`${server.url}/logos/../server/server.ts`)).status, 404);
    assert.equal((await fetch(`${server.url}/api/logos/../server/server.ts`)).status, 404);
  });

  it('returns one data source with its connections, main first then newest', async (t) => {
    const server = await serve(t);
    for (const id of ['google-ads', 'facebook-ads', 'linkedin-ads', 'ga4', 'hubspot', 'tiktok-ads']) {
      const source = await getSource(server, id);
      assertShape(validateDataSource, source);
      if (source.connections.length) assertMainFirst(source);
    }
    // The seed's main is its newest account, as if no one had chosen another yet.
    const ads = await getSource(server, 'google-ads');
    const newest = Math.max(...ads.connections.map((c) => Date.parse(c.createdAt)));
    assert.equal(Date.parse(mainOf(ads).createdAt), newest);
  });

  it('seeds realistic accounts: unique IDs, dates within the past year, errors where expected', async (t) => {
    const server = await serve(t);
    const ads = await getSource(server, 'google-ads');
    assert.ok(ads.connections.length >= 30);
    assert.equal(new Set(ads.connections.map((c) => c.accountId)).size, ads.connections.length);
    for (const c of ads.connections) {
      assert.match(c.accountId, /^\d{3}-\d{3}-\d{4}$/);
      const age = server.clock.now - Date.parse(c.createdAt);
      assert.ok(age > 0 && age < 366 * 24 * 60 * MINUTE, c.createdAt);
      assert.ok(c.updatedAt && Date.parse(c.updatedAt) >= Date.parse(c.createdAt));
    }
    const ga4 = await getSource(server, 'ga4');
    assert.equal(ga4.connections.filter((c) => c.status === 'error').length, 1);
    const hubspot = await getSource(server, 'hubspot');
    assert.ok(hubspot.connections.every((c) => c.status === 'error' && c.error && c.error.message.length > 20));
    assert.ok(hubspot.connections.some((c) => c.updatedAt === null), 'one failed before its first update');
    assert.ok(ga4.connections.filter((c) => c.status === 'active').every((c) => !('error' in c)));
  });

  it('lists the connections of a source as { items }, the same as the detail', async (t) => {
    const server = await serve(t);
    const answer = await call<ConnectionList>(server, 'GET', '/api/data-sources/ga4/connections');
    assert.equal(answer.status, 200);
    assertShape(validateConnectionList, answer.body);
    assert.deepEqual(answer.body.items, (await getSource(server, 'ga4')).connections);
    const empty = await call<ConnectionList>(server, 'GET', '/api/data-sources/linkedin-ads/connections');
    assert.deepEqual(empty.body, { items: [] });
  });

  it('loads the requested sources with their connections in one request (include=connections&ids=)', async (t) => {
    const server = await serve(t);
    const answer = await call<DataSourceList>(server, 'GET', '/api/data-sources?include=connections&ids=ga4,pinterest-ads,Bad%20Id!,facebook-ads,ga4');
    assert.equal(answer.status, 200);
    assertShape(validateDataSourceList, answer.body);
    // Requested order, unknown and malformed IDs absent, a repeated one once.
    assert.deepEqual(answer.body.items.map((s) => s.id), ['ga4', 'facebook-ads']);
    for (const item of answer.body.items) {
      const { connections, connectionCount, errorCount, ...rest } = item;
      const single = await getSource(server, item.id);
      assert.deepEqual({ ...rest, connections }, single, `${item.id}: the same as GET /data-sources/${item.id}`);
      assert.equal(connectionCount, connections!.length);
      assert.equal(errorCount, connections!.filter((c) => c.status === 'error').length);
    }
    const hundred = Array.from({ length: 100 }, (_, i) => (i ? `s${i}` : 'hubspot')).join(',');
    const full = await call<DataSourceList>(server, 'GET', `/api/data-sources?include=connections&ids=${hundred}`);
    assert.deepEqual(full.body.items.map((s) => s.id), ['hubspot']);
  });

  it('refuses a batch query with a bad, empty or too long ids, or an unknown include (400)', async (t) => {
    const server = await serve(t);
    const tooMany = Array.from({ length: 101 }, (_, i) => `s${i}`).join(',');
    for (const query of [
      `include=connections&ids=${tooMany}`,
      'include=connections&ids=',
      'include=connections&ids=ga4,,hubspot',
      'include=connections',
      'include=connections&ids=ga4&ids=hubspot',
      'include=accounts&ids=ga4',
      'ids=ga4',
      'include=connections&ids=ga4&page=2',
    ]) {
      assertError(await call(server, 'GET', `/api/data-sources?${query}`), 400, 'invalid_query');
    }
  });

  it('answers 404 for an unknown or malformed source (openapi.json documents no 400 there)', async (t) => {
    const server = await serve(t);
    assertError(await call(server, 'GET', '/api/data-sources/pinterest-ads'), 404, 'data_source_not_found');
    assertError(await call(server, 'GET', '/api/data-sources/pinterest-ads/connections'), 404, 'data_source_not_found');
    assert.match(assertError(await call(server, 'GET', '/api/data-sources/Bad%20Id!'), 404, 'data_source_not_found'), /"Bad Id!".*lowercase/);
    assertError(await call(server, 'GET', `/api/data-sources/${'a'.repeat(65)}/connections`), 404, 'data_source_not_found');
    assertError(await call(server, 'GET', '/api/data-sources/%E0%A4%A'), 400, 'invalid_path');
  });
});

describe('HTTP behaviour', () => {
  it('sends JSON, and CORS headers to an allowed origin only, on every API answer, errors included', async (t) => {
    const allowed = 'https://app.example';
    const server = await serve(t, { allowedOrigins: [allowed] });
    for (const path of ['/api/data-sources', '/api/data-sources/nope', '/api/nothing', '/api/authorizations/unknown-state-0000000']) {
      for (const origin of [allowed, 'https://elsewhere.example']) {
        const response = await fetch(server.url + path, { headers: { Origin: origin, Authorization: `Bearer ${server.token}` } });
        assert.match(response.headers.get('content-type') ?? '', /^application\/json; charset=utf-8$/, path);
        assert.equal(response.headers.get('access-control-allow-origin'), origin === allowed ? allowed : null, `${path} from ${origin}`);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      }
    }
  });

  it('answers CORS preflights from an allowed origin with the methods and requested headers, and refuses the others', async (t) => {
    const server = await serve(t, { allowedOrigins: ['https://app.example'] });
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/data-sources/ga4/connections/con_ga4_01`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization, content-type' },
      });
    const response = await preflight('https://app.example');
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.match(response.headers.get('access-control-allow-methods')!, /PATCH/);
    assert.match(response.headers.get('access-control-allow-methods')!, /DELETE/);
    assert.equal(response.headers.get('access-control-allow-headers'), 'authorization, content-type');
    assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
    const refused = await preflight('https://elsewhere.example');
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    assert.equal(refused.headers.get('access-control-allow-methods'), null);
  });

  it('answers 404 for unknown API routes and 405 with Allow for wrong methods', async (t) => {
    const server = await serve(t);
    assertError(await call(server, 'GET', '/api/nothing-here'), 404, 'not_found');
    assertError(await call(server, 'GET', '/api/data-sources/'), 404, 'not_found');
    const put = await call(server, 'PUT', '/api/data-sources');
    assertError(put, 405, 'method_not_allowed');
    assert.equal(put.headers.get('allow'), 'GET');
    const post = await call(server, 'POST', '/api/data-sources/ga4/connections/con_ga4_01', {});
    assertError(post, 405, 'method_not_allowed');
    assert.equal(post.headers.get('allow'), 'PATCH, DELETE');
    assertError(await call(server, 'GET', '/api/data-sources/ga4/connections/con_ga4_01/refresh'), 405, 'method_not_allowed');
  });

  it('refuses query parameters the contract does not define', async (t) => {
    const server = await serve(t);
    const message = assertError(await call(server, 'GET', '/api/data-sources?page=2'), 400, 'invalid_query');
    assert.match(message, /"page"/);
    assertError(await call(server, 'GET', '/api/data-sources/ga4?x=1'), 400, 'invalid_query');
  });

  it('turns a thrown error into a generic 500, logged on the server only', async (t) => {
    const server = await serve(t);
    // Break the database under the running server, as a disk or a bad migration would.
    await server.exec('DROP TABLE oauth_tokens; DROP TABLE authorizations; DROP TABLE connections');
    const answer = await call(server, 'GET', '/api/data-sources');
    const message = assertError(answer, 500, 'internal_error');
    assert.equal(message, 'Something went wrong on the server. Please try again.');
    assert.doesNotMatch(answer.text, /connections|sqlite|SqliteError/i);
    assert.equal(server.logs.length, 1);
    assert.match(server.logs[0]!, /no such table|relation "connections" does not exist/);
  });
});

describe('a client that hangs up mid-body', () => {
  it('is logged as one line, no stack trace, and the server goes on serving', async (t) => {
    const server = await serve(t);
    const url = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        // Promises 1,000 bytes of body, sends 10, then leaves.
        socket.write(
          'POST /api/data-sources/google-ads/authorizations HTTP/1.1\r\nHost: ' + url.host +
            `\r\nAuthorization: Bearer ${server.token}` +
            '\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"connecti',
          () => setTimeout(() => socket.destroy(), 50),
        );
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    for (let i = 0; i < 100 && server.logs.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(server.logs.length, 1);
    assert.match(server.logs[0]!, /client closed the connection during POST \/api\/data-sources\/google-ads\/authorizations/);
    assert.doesNotMatch(server.logs[0]!, /\n\s+at /);
    assert.equal((await call(server, 'GET', '/api/data-sources')).status, 200);
  });
});

describe('PATCH make main', () => {
  it('makes a connection main and the previous main secondary', async (t) => {
    const server = await serve(t);
    const before = await getSource(server, 'google-ads');
    const oldMain = mainOf(before);
    const target = before.connections.at(-1)!;
    const answer = await call<Connection>(server, 'PATCH', `/api/data-sources/google-ads/connections/${target.id}`, { role: 'main' });
    assert.equal(answer.status, 200, answer.text);
    assertShape(validateConnection, answer.body);
    assert.deepEqual(answer.body, { ...target, role: 'main' });
    const after = await getSource(server, 'google-ads');
    assert.equal(mainOf(after).id, target.id);
    assert.equal(after.connections[0]!.id, target.id);
    assert.equal(after.connections.find((c) => c.id === oldMain.id)!.role, 'secondary');
    assert.equal(after.connections.length, before.connections.length);
  });

  it('validates the body and the IDs', async (t) => {
    const server = await serve(t);
    const path = '/api/data-sources/ga4/connections/con_ga4_01';
    assertError(await call(server, 'PATCH', path, '{"role": "main"'), 400, 'invalid_json');
    assertError(await call(server, 'PATCH', path, '["main"]'), 400, 'invalid_body');
    assertError(await call(server, 'PATCH', path, 'null'), 400, 'invalid_body');
    assertError(await call(server, 'PATCH', path, {}), 400, 'invalid_body');
    assertError(await call(server, 'PATCH', path, { role: 'secondary' }), 400, 'invalid_body');
    assert.match(assertError(await call(server, 'PATCH', path, { role: 'main', extra: 1 }), 400, 'invalid_body'), /"extra"/);
    assertError(await call(server, 'PATCH', path, 'role=main', { 'Content-Type': 'text/plain' }), 415, 'unsupported_media_type');
    assertError(await call(server, 'PATCH', '/api/data-sources/ga4/connections/con_nope', { role: 'main' }), 404, 'connection_not_found');
    // A connection of another source is not found under this one.
    assertError(await call(server, 'PATCH', '/api/data-sources/ga4/connections/con_fb_01', { role: 'main' }), 404, 'connection_not_found');
    assertError(await call(server, 'PATCH', '/api/data-sources/ga4/connections/bad%20id', { role: 'main' }), 404, 'connection_not_found');
    assertError(await call(server, 'PATCH', '/api/data-sources/nope/connections/con_ga4_01', { role: 'main' }), 404, 'data_source_not_found');
  });

  it('answers 413 to a huge body', async (t) => {
    const server = await serve(t);
    const huge = JSON.stringify({ role: 'main', padding: 'x'.repeat(1024 * 1024) });
    assertError(await call(server, 'PATCH', '/api/data-sources/ga4/connections/con_ga4_01', huge), 413, 'payload_too_large');
    const authorizations = await call(server, 'POST', '/api/data-sources/ga4/authorizations', { origin: ORIGIN, pad: 'y'.repeat(20_000) });
    assertError(authorizations, 413, 'payload_too_large');
    // The connection is still usable afterwards.
    assert.equal((await call(server, 'GET', '/api/data-sources')).status, 200);
  });
});

describe('refresh', () => {
  it('sets updatedAt to now for an active connection and returns it', async (t) => {
    const server = await serve(t);
    server.clock.advance(5 * MINUTE);
    const answer = await call<Connection>(server, 'POST', '/api/data-sources/ga4/connections/con_ga4_01/refresh');
    assert.equal(answer.status, 200, answer.text);
    assertShape(validateConnection, answer.body);
    assert.equal(answer.body.updatedAt, new Date(server.clock.now).toISOString());
    assert.equal(answer.body.status, 'active');
    const again = await call<Connection>(server, 'POST', '/api/data-sources/ga4/connections/con_ga4_01/refresh', {});
    assert.equal(again.status, 200, 'an empty JSON object is accepted as no body');
  });

  it('fails with 409 connection_in_error for a connection in error, changing nothing', async (t) => {
    const server = await serve(t);
    const before = (await getSource(server, 'ga4')).connections.find((c) => c.status === 'error')!;
    const message = assertError(await call(server, 'POST', `/api/data-sources/ga4/connections/${before.id}/refresh`), 409, 'connection_in_error');
    assert.match(message, /re-connect/i);
    const after = (await getSource(server, 'ga4')).connections.find((c) => c.id === before.id);
    assert.deepEqual(after, before);
  });

  it('refuses a body, and unknown connections', async (t) => {
    const server = await serve(t);
    assertError(await call(server, 'POST', '/api/data-sources/ga4/connections/con_ga4_01/refresh', { force: true }), 400, 'invalid_body');
    assertError(await call(server, 'POST', '/api/data-sources/ga4/connections/con_ga4_01/refresh', 'nope'), 400, 'invalid_json');
    assertError(await call(server, 'POST', '/api/data-sources/ga4/connections/con_zz/refresh'), 404, 'connection_not_found');
  });
});

describe('DELETE', () => {
  it('removes a secondary connection with 204 and then answers 404', async (t) => {
    const server = await serve(t);
    const before = await getSource(server, 'ga4');
    const secondary = before.connections.find((c) => c.role === 'secondary')!;
    const answer = await call(server, 'DELETE', `/api/data-sources/ga4/connections/${secondary.id}`);
    assert.equal(answer.status, 204);
    assert.equal(answer.text, '');
    const after = await getSource(server, 'ga4');
    assert.equal(after.connections.length, 2);
    assert.equal(mainOf(after).id, mainOf(before).id);
    assertError(await call(server, 'DELETE', `/api/data-sources/ga4/connections/${secondary.id}`), 404, 'connection_not_found');
  });

  it('promotes the newest remaining connection when the main is deleted', async (t) => {
    const server = await serve(t);
    const before = await getSource(server, 'google-ads');
    const main = mainOf(before);
    const expected = before.connections[1]!;
    assert.equal((await call(server, 'DELETE', `/api/data-sources/google-ads/connections/${main.id}`)).status, 204);
    const after = await getSource(server, 'google-ads');
    assert.equal(mainOf(after).id, expected.id);
    assert.equal(after.connections.length, before.connections.length - 1);
  });

  it('promotes by newest credentials: a re-authorized older account beats a newer untouched one', async (t) => {
    const server = await serve(t);
    const ga4 = await getSource(server, 'ga4');
    const oldest = ga4.connections.reduce((a, b) => (a.createdAt < b.createdAt ? a : b));
    server.clock.advance(MINUTE);
    await authorizeFlow(server, 'ga4', { other: { accountName: oldest.accountName, accountId: oldest.accountId } });
    server.clock.advance(MINUTE);
    const { page } = await authorizeFlow(server, 'ga4', { accountId: '401877236' });
    assert.equal((await call(server, 'DELETE', `/api/data-sources/ga4/connections/${page.message!.connectionId}`)).status, 204);
    const after = await getSource(server, 'ga4');
    assert.equal(mainOf(after).id, oldest.id);
  });

  it('leaves a source with no connection (and no main) after deleting the last one', async (t) => {
    const server = await serve(t);
    assert.equal((await call(server, 'DELETE', '/api/data-sources/facebook-ads/connections/con_fb_01')).status, 204);
    assert.deepEqual((await getSource(server, 'facebook-ads')).connections, []);
    const { body } = await call<DataSourceList>(server, 'GET', '/api/data-sources');
    assert.equal(body.items.find((s) => s.id === 'facebook-ads')!.connectionCount, 0);
  });
});

describe('authorizations', () => {
  it('starts an authorization: 201, the platform\'s authorization URL with PKCE S256, random state, 10 minute expiry, pending', async (t) => {
    const server = await serve(t);
    const answer = await call(server, 'POST', '/api/data-sources/linkedin-ads/authorizations', { origin: ORIGIN });
    assert.equal(answer.status, 201, answer.text);
    assert.match(answer.headers.get('content-type')!, /^application\/json/);
    assertShape(validateAuthorization, answer.body);
    const body = answer.body as { authorizationUrl: string; state: string; expiresAt: string };
    const url = new URL(body.authorizationUrl);
    assert.equal(url.origin, server.platform.issuer);
    assert.equal(url.pathname, '/auth');
    const params = Object.fromEntries(url.searchParams);
    assert.equal(params.state, body.state);
    assert.equal(params.response_type, 'code');
    assert.equal(params.client_id, 'dsw-linkedin-ads');
    assert.equal(params.redirect_uri, `${server.url}/api/authorizations/callback`);
    assert.equal(params.code_challenge_method, 'S256');
    assert.match(params.code_challenge!, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(params.scope!.split(' ').sort(), ['ads:read', 'offline_access']);
    assert.ok(!('code_verifier' in params), 'the verifier stays on the server');
    assert.match(body.state, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Date.parse(body.expiresAt), server.clock.now + 10 * MINUTE);
    const other = await startAuthorization(server, 'linkedin-ads');
    assert.notEqual(other.state, body.state);
    assert.deepEqual(await outcome(server, body.state), { state: body.state, status: 'pending' });
  });

  it('builds the authorization URL on the loopback name the request used, and only that', async (t) => {
    const server = await serve(t);
    const port = Number(new URL(server.url).port);
    /** POST start with a Host of our choosing (fetch may not set one); the callback's origin. */
    const startWithHost = (host: string) =>
      new Promise<string>((resolve, reject) => {
        const body = JSON.stringify({ origin: ORIGIN });
        const headers = { Host: host, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) };
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/data-sources/ga4/authorizations', headers }, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            assert.equal(res.statusCode, 201, text);
            const url = new URL((JSON.parse(text) as { authorizationUrl: string }).authorizationUrl);
            // The platform is asked to send the pop-up back to the callback on that origin.
            resolve(new URL(url.searchParams.get('redirect_uri')!).origin);
          });
        });
        req.on('error', reject);
        req.end(body);
      });
    // A page opened on any loopback name gets its pop-up on that same origin.
    assert.equal(await startWithHost(`localhost:${port}`), `http://localhost:${port}`);
    assert.equal(await startWithHost(`LocalHost:${port}`), `http://localhost:${port}`);
    assert.equal(await startWithHost(`[::1]:${port}`), `http://[::1]:${port}`);
    assert.equal(await startWithHost(`127.0.0.1:${port}`), server.url);
    // A loopback name on another port (a proxy, a typo) gets the server's own address: a request never chooses where links point.
    for (const host of [`localhost:${port + 1}`, 'localhost', '127.0.0.1']) {
      assert.equal(await startWithHost(host), server.url, host);
    }
    // The platform sends the answer to the callback registered for that origin.
    const { state } = await startAuthorization(server, 'ga4');
    const redirect = await submitProvider(server, state, 'deny');
    assert.ok(redirect.headers.get('location')!.startsWith(`${server.url}/api/authorizations/callback?`));
  });

  it('validates the authorization request', async (t) => {
    const server = await serve(t);
    const path = '/api/data-sources/ga4/authorizations';
    assertError(await call(server, 'POST', path, {}), 400, 'invalid_body');
    for (const origin of ['javascript:alert(1)', 'file:///etc', 'ftp://host.example', 'not a url', 'https://host.example/', 'https://host.example/app', 42]) {
      assertError(await call(server, 'POST', path, { origin }), 400, 'invalid_body');
    }
    assertError(await call(server, 'POST', path, { origin: ORIGIN, connectionId: 7 }), 400, 'invalid_body');
    assertError(await call(server, 'POST', path, { origin: ORIGIN, scope: 'all' }), 400, 'invalid_body');
    assertError(await call(server, 'POST', path, '{'), 400, 'invalid_json');
    assertError(await call(server, 'POST', path, JSON.stringify({ origin: ORIGIN }), { 'Content-Type': 'text/plain' }), 415, 'unsupported_media_type');
    assertError(await call(server, 'POST', path, { origin: ORIGIN, connectionId: 'con_hs_01' }), 404, 'connection_not_found');
    assertError(await call(server, 'POST', '/api/data-sources/nope/authorizations', { origin: ORIGIN }), 404, 'data_source_not_found');
    // null counts as an absent connectionId; https and ports are fine.
    assert.equal((await call(server, 'POST', path, { origin: 'https://app.example:8443', connectionId: null })).status, 201);
  });

  it('answers 404 for an unknown or malformed state', async (t) => {
    const server = await serve(t);
    assertError(await call(server, 'GET', `/api/authorizations/${'A'.repeat(43)}`), 404, 'authorization_not_found');
    assertError(await call(server, 'GET', '/api/authorizations/short'), 404, 'authorization_not_found');
    assertError(await call(server, 'GET', '/api/authorizations/has%20space%20in%20it%20ok'), 404, 'authorization_not_found');
  });

  it('the platform serves an accessible sign-in page with a strict CSP; Approve is the form\'s default button', async (t) => {
    const server = await serve(t);
    const { state } = await startAuthorization(server, 'google-ads', { connectionId: 'con_gads_05' });
    const { response, html } = await openSignIn(state);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/html/);
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    assert.match(csp, /default-src 'none'/);
    // The form posts to the platform, which then redirects to the backend's callback.
    assert.match(csp, new RegExp(`form-action 'self' ${server.url.replace(/[.]/g, '\\.')}(;|$)`));
    assert.match(html, /<html lang="en">/);
    assert.ok(html.includes(`<style nonce="${nonce}">`) && html.includes(`<script nonce="${nonce}">`));
    assert.doesNotMatch(html, /<script>|style="|onclick=/, 'nothing inline without the nonce');
    assert.match(html, /Sign in to Google Ads/);
    // Every input of the form has a label; the first account has focus.
    for (const [, id] of html.matchAll(/<input type="(?:radio|text)"[^>]* id="([^"]+)"/g)) {
      assert.ok(html.includes(`<label for="${id}">`), `label for ${id}`);
    }
    assert.match(html, /<fieldset>\s*<legend>Account to connect<\/legend>/);
    assert.match(html, /<input type="radio" name="account" id="account-0" [^>]*checked autofocus>/);
    // The account being re-connected (the login_hint) comes first.
    const expected = (await getSource(server, 'google-ads')).connections.find((c) => c.id === 'con_gads_05')!;
    assert.ok(html.indexOf(expected.accountId) < html.indexOf('318-552-0147'), 'the hinted account first');
    assert.match(html, /The account being re-connected/);
    // Enter submits the first submit button of the form: Approve. Deny belongs to another form.
    const approveForm = /<form method="post" action="[^"]+\/confirm" id="approve">([\s\S]*?)<\/form>/.exec(html)![1]!;
    const buttons = [...approveForm.matchAll(/<button type="submit"([^>]*)>(\w+)<\/button>/g)];
    assert.deepEqual(buttons.map(([, attributes, label]) => [label, attributes!.includes('form="deny"')]), [['Deny', true], ['Approve', false]]);
    assert.match(html, /<form method="post" action="[^"]+\/abort" id="deny"><\/form>/);
  });

  it('the platform refuses an authorization request without PKCE, or for a callback it does not know', async (t) => {
    const server = await serve(t);
    const { authorizationUrl } = await startAuthorization(server, 'ga4');
    const withoutPkce = new URL(authorizationUrl);
    withoutPkce.searchParams.delete('code_challenge');
    withoutPkce.searchParams.delete('code_challenge_method');
    const refused = await fetch(withoutPkce, { redirect: 'manual' });
    const location = new URL(refused.headers.get('location')!);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
    assert.match(location.searchParams.get('error_description')!, /PKCE/);
    const elsewhere = new URL(authorizationUrl);
    elsewhere.searchParams.set('redirect_uri', 'http://evil.example/api/authorizations/callback');
    const unknown = await fetch(elsewhere, { redirect: 'manual' });
    assert.equal(unknown.status, 400, 'never redirected to an unregistered address');
    assert.match(await unknown.text(), /redirect_uri/);
  });

  it('re-renders the sign-in form with an accessible error for an incomplete custom account', async (t) => {
    const server = await serve(t);
    const { state } = await startAuthorization(server, 'tiktok-ads');
    const refuse = async (form: Record<string, string>) => {
      const { browser, url } = await openSignIn(state);
      return browser.fetch(`${url}/confirm`, { method: 'POST', body: new URLSearchParams(form) });
    };
    const response = await refuse({ account: 'other', otherName: 'Acme', otherId: '' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /<p class="alert" id="problem" role="alert" tabindex="-1">The account ID is missing\.<\/p>/);
    assert.match(html, /id="other-id"[^>]*aria-invalid="true" aria-describedby="problem"/);
    assert.match(html, /value="Acme"/, 'keeps what was typed');
    const unknown = await refuse({ account: 'not-offered' });
    assert.equal(unknown.status, 400);
    assert.deepEqual(await outcome(server, state), { state, status: 'pending' }, 'nothing consumed');
  });

  it('runs the whole flow: sign-in at the platform, code to the callback, tokens, completed outcome, new main', async (t) => {
    const server = await serve(t);
    const before = await getSource(server, 'google-ads');
    const { state } = await startAuthorization(server, 'google-ads');
    const redirect = await submitProvider(server, state, { accountId: '604-219-8835' });
    const location = new URL(redirect.headers.get('location')!);
    assert.equal(location.origin + location.pathname, `${server.url}/api/authorizations/callback`);
    // The authorization response (RFC 6749 §4.1.2, RFC 9207): a code, our state, the issuer.
    assert.deepEqual(Object.keys(Object.fromEntries(location.searchParams)).sort(), ['code', 'iss', 'state']);
    assert.equal(location.searchParams.get('state'), state);
    assert.equal(location.searchParams.get('iss'), server.platform.issuer);

    const page = await openCallback(server, location.href);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    assert.equal(page.headers.get('cross-origin-opener-policy'), null);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    const csp = page.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.ok(page.html.includes(`<script nonce="${nonce}">`));
    assert.equal(page.targetOrigin, ORIGIN);
    assertShape(validateAuthorizationMessage, page.message);
    assert.equal(page.message!.type, 'dsw-authorization');
    assert.equal(page.message!.state, state);
    assert.equal(page.message!.status, 'completed');
    assert.match(page.html, /window\.opener\.postMessage\(message, targetOrigin\)/);
    assert.match(page.html, /new BroadcastChannel\('dsw-authorization'\)/);
    assert.match(page.html, /window\.close\(\)/);

    const result = await outcome(server, state);
    assert.deepEqual(result, { state, status: 'completed', connectionId: page.message!.connectionId });
    const after = await getSource(server, 'google-ads');
    const added = after.connections[0]!;
    assert.equal(added.id, result.connectionId);
    assert.deepEqual(
      { ...added, id: '' },
      {
        id: '',
        accountName: 'Marigold Pet Supplies – Shopping',
        accountId: '604-219-8835',
        status: 'active',
        role: 'main',
        createdAt: new Date(server.clock.now).toISOString(),
        updatedAt: null,
        expiresAt: new Date(server.clock.now + 60 * DAY).toISOString(),
      },
    );
    assert.equal(after.connections.length, before.connections.length + 1);
    assert.equal(after.connections.find((c) => c.id === mainOf(before).id)!.role, 'secondary');
  });

  it('gives the first connection of an empty source the main role, with a typed account', async (t) => {
    const server = await serve(t);
    const account = { accountName: 'Cobalt <Analytics> "EU"', accountId: '509991234' };
    const { page } = await authorizeFlow(server, 'linkedin-ads', { other: account });
    assert.equal(page.message!.status, 'completed');
    const source = await getSource(server, 'linkedin-ads');
    assert.equal(source.connections.length, 1);
    assert.equal(mainOf(source).accountName, account.accountName);
    assert.ok(!page.html.includes('<Analytics>'), 'names are escaped in the page');
  });

  it('serves the callback page with COOP same-origin when callbackCoop is set', async (t) => {
    const server = await serve(t, { callbackCoop: true });
    const { authorization, page } = await authorizeFlow(server, 'tiktok-ads', { accountId: '7189406625038812162' });
    assert.equal(page.headers.get('cross-origin-opener-policy'), 'same-origin');
    // The opener is cut: the widget asks the endpoint instead.
    assert.equal((await outcome(server, authorization.state)).status, 'completed');
  });

  it('updates an already connected account in place and makes it main: no duplicate', async (t) => {
    const server = await serve(t);
    const before = await getSource(server, 'google-ads');
    const existing = before.connections.at(-1)!;
    const { page } = await authorizeFlow(server, 'google-ads', { other: { accountName: 'Renamed account', accountId: existing.accountId } });
    assert.equal(page.message!.status, 'completed');
    assert.equal(page.message!.connectionId, existing.id);
    const after = await getSource(server, 'google-ads');
    assert.equal(after.connections.length, before.connections.length);
    assert.equal(after.connections.filter((c) => c.accountId === existing.accountId).length, 1);
    const updated = after.connections[0]!;
    const expiresAt = new Date(server.clock.now + 60 * DAY).toISOString();
    assert.deepEqual(updated, { ...existing, accountName: 'Renamed account', role: 'main', expiresAt });
  });

  it('re-connects a connection in error: same id, error cleared, main', async (t) => {
    const server = await serve(t);
    const broken = (await getSource(server, 'ga4')).connections.find((c) => c.status === 'error')!;
    const { page } = await authorizeFlow(server, 'ga4', { accountId: broken.accountId }, { connectionId: broken.id });
    assert.equal(page.message!.status, 'completed');
    assert.equal(page.message!.connectionId, broken.id);
    const after = await getSource(server, 'ga4');
    assert.equal(after.connections.length, 3);
    const fixed = after.connections.find((c) => c.id === broken.id)!;
    assert.equal(fixed.status, 'active');
    assert.ok(!('error' in fixed));
    assert.equal(fixed.role, 'main');
    assert.equal(fixed.createdAt, broken.createdAt);
    // Now it can be refreshed.
    assert.equal((await call(server, 'POST', `/api/data-sources/ga4/connections/${broken.id}/refresh`)).status, 200);
  });

  it('fails a re-connect signed in as another account with account_mismatch, replacing nothing', async (t) => {
    const server = await serve(t);
    const before = await getSource(server, 'hubspot');
    const target = before.connections.find((c) => c.role === 'secondary')!;
    const other = { accountName: 'Brightwater Consulting', accountId: '45120367' };
    const { authorization, page } = await authorizeFlow(server, 'hubspot', { accountId: other.accountId }, { connectionId: target.id });
    assert.equal(page.status, 200);
    assert.equal(page.message!.status, 'failed');
    assert.equal(page.message!.error!.code, 'account_mismatch');
    assert.equal(page.message!.connectionId, undefined);
    for (const text of [other.accountName, other.accountId, target.accountName, target.accountId]) {
      assert.ok(page.message!.error!.message.includes(text), `names ${text}`);
    }
    assert.deepEqual(await outcome(server, authorization.state), {
      state: authorization.state,
      status: 'failed',
      error: page.message!.error,
    });
    assert.deepEqual(await getSource(server, 'hubspot'), before);
  });

  it('records a denial as failed access_denied and connects nothing', async (t) => {
    const server = await serve(t);
    const before = await getSource(server, 'facebook-ads');
    const { authorization, page } = await authorizeFlow(server, 'facebook-ads', 'deny');
    assert.equal(page.message!.status, 'failed');
    assert.equal(page.message!.error!.code, 'access_denied');
    assert.equal(page.targetOrigin, ORIGIN);
    assert.equal((await outcome(server, authorization.state)).error!.code, 'access_denied');
    assert.deepEqual(await getSource(server, 'facebook-ads'), before);
  });

  it('fails a re-connect whose connection was deleted meanwhile', async (t) => {
    const server = await serve(t);
    const { state } = await startAuthorization(server, 'ga4', { connectionId: 'con_ga4_02' });
    const redirect = await submitProvider(server, state, { accountId: '356120784' });
    assert.equal((await call(server, 'DELETE', '/api/data-sources/ga4/connections/con_ga4_02')).status, 204);
    const page = await openCallback(server, redirect.headers.get('location')!);
    assert.equal(page.message!.error!.code, 'connection_not_found');
    assert.equal((await getSource(server, 'ga4')).connections.length, 2, 'not re-created');
  });

  it('accepts a state only once: a replay is refused with a page that posts nothing', async (t) => {
    const server = await serve(t);
    const authorization = await startAuthorization(server, 'tiktok-ads');
    const redirect = await submitProvider(server, authorization.state, { accountId: '7215530982614478849' });
    const page = await openCallback(server, redirect.headers.get('location')!);
    assert.equal(page.message!.status, 'completed');
    const replay = await openCallback(server, redirect.headers.get('location')!);
    assert.equal(replay.status, 409);
    assert.match(replay.html, /already used/);
    assert.equal(replay.message, undefined);
    assert.doesNotMatch(replay.html, /<script/);
    assert.equal((await outcome(server, authorization.state)).status, 'completed', 'the first outcome stands');
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 1);
  });

  it('expires a state after 10 minutes: failed outcome, clear pages, nothing connected', async (t) => {
    const server = await serve(t);
    const first = await startAuthorization(server, 'tiktok-ads');
    const second = await startAuthorization(server, 'tiktok-ads');
    server.clock.advance(10 * MINUTE + 1);
    const expired = await outcome(server, first.state);
    assert.equal(expired.status, 'failed');
    assert.equal(expired.error!.code, 'authorization_expired');
    // The person still signs in at the platform; the code comes back too late.
    const redirect = await submitProvider(server, second.state, { accountId: '7189406625038812162' });
    const page = await openCallback(server, redirect.headers.get('location')!);
    assert.equal(page.status, 410);
    assert.equal(page.message!.status, 'failed');
    assert.equal(page.message!.error!.code, 'authorization_expired');
    assert.equal(page.targetOrigin, ORIGIN);
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 0);
  });

  it('binds a state to its source and origin', async (t) => {
    const server = await serve(t);
    const origin = 'https://reports.example.com';
    const { page } = await authorizeFlow(server, 'facebook-ads', { accountId: 'act_781204459930217' }, { origin });
    assert.equal(page.targetOrigin, origin);
    assert.equal((await getSource(server, 'facebook-ads')).connections.length, 2);
    for (const other of ['google-ads', 'linkedin-ads', 'tiktok-ads']) {
      assert.ok(!(await getSource(server, other)).connections.some((c) => c.accountId === 'act_781204459930217'));
    }
  });

  it('validates the callback: missing, malformed or unknown state, no code, repeated parameters', async (t) => {
    const server = await serve(t);
    const noState = await openCallback(server, '/api/authorizations/callback?code=1');
    assert.equal(noState.status, 400);
    assert.equal(noState.message, undefined, 'no origin to post to');
    // A state this server never issued (a forged or mixed-up answer) is refused and posts nothing.
    const forged = await openCallback(server, `/api/authorizations/callback?state=${'C'.repeat(43)}&code=1`);
    assert.equal(forged.status, 404);
    assert.equal(forged.message, undefined);
    const { state } = await startAuthorization(server, 'linkedin-ads');
    const repeated = await openCallback(server, `/api/authorizations/callback?state=${state}&code=1&code=2`);
    assert.equal(repeated.status, 400);
    assert.equal((await outcome(server, state)).status, 'pending', 'a malformed request consumes nothing');
    const incomplete = await openCallback(server, `/api/authorizations/callback?state=${state}&iss=${encodeURIComponent(server.platform.issuer)}`);
    assert.equal(incomplete.status, 400);
    assert.equal(incomplete.message!.error!.code, 'invalid_callback');
    assert.equal((await outcome(server, state)).status, 'failed');
    assert.equal((await getSource(server, 'linkedin-ads')).connections.length, 0);
  });
});

describe('expiry', () => {
  it('serves the seeded expiry dates: one account of a healthy source inside the 7-day window, one outside', async (t) => {
    const server = await serve(t);
    const days = (c: Connection) => (Date.parse(c.expiresAt!) - server.clock.now) / DAY;
    const ads = await getSource(server, 'google-ads');
    assertShape(validateDataSource, ads);
    const soon = ads.connections.filter((c) => c.expiresAt);
    assert.equal(soon.length, 1);
    assert.equal(days(soon[0]!), 5);
    assert.equal(soon[0]!.status, 'active');
    assert.ok(ads.connections.every((c) => c.status === 'active'), 'a healthy source');
    const later = (await getSource(server, 'ga4')).connections.find((c) => c.expiresAt)!;
    assert.equal(days(later), 20);
  });

  it('serves a connection whose expiry has passed in error with the code expired, counted and not refreshable', async (t) => {
    const server = await serve(t);
    const before = (await getSource(server, 'google-ads')).connections.find((c) => c.expiresAt)!;
    server.clock.advance(5 * DAY);
    const expired = await call<ConnectionList>(server, 'GET', `/api/data-sources/google-ads/connections`);
    const after = expired.body.items.find((c) => c.id === before.id)!;
    assertShape(validateConnection, after);
    assert.equal(after.status, 'error');
    assert.deepEqual(after.error, { code: 'expired', message: 'The authorization expired. Re-connect to restore data updates.' });
    assert.equal(after.expiresAt, before.expiresAt);
    const list = await call<DataSourceList>(server, 'GET', '/api/data-sources');
    assert.equal(list.body.items.find((s) => s.id === 'google-ads')!.errorCount, 1);
    const batch = await call<DataSourceList>(server, 'GET', '/api/data-sources?include=connections&ids=google-ads');
    assert.equal(batch.body.items[0]!.connections!.find((c) => c.id === before.id)!.status, 'error');
    assertError(await call(server, 'POST', `/api/data-sources/google-ads/connections/${before.id}/refresh`), 409, 'connection_in_error');
  });

  it('serves each read from memory while nothing changed, yet not a millisecond past an expiry, with no write between', async (t) => {
    const server = await serve(t);
    const paths = ['/api/data-sources/google-ads', '/api/data-sources/google-ads/connections', '/api/data-sources?include=connections&ids=ga4,google-ads'];
    const read = async () => {
      const answers: string[] = [];
      for (const path of paths) answers.push((await call(server, 'GET', path)).text);
      return answers;
    };
    const first = await read();
    assert.deepEqual(await read(), first, 'the same bytes again');
    const expiring = (await getSource(server, 'google-ads')).connections.find((c) => c.expiresAt)!;
    const statuses = async () =>
      (await read()).map((text) => {
        const body = JSON.parse(text) as { items?: (Connection | DataSource)[]; connections?: Connection[] };
        const list = body.connections ?? body.items!.flatMap((item) => ('connections' in item ? item.connections : [item]));
        return (list as Connection[]).find((c) => c.id === expiring.id)!.status;
      });
    server.clock.advance(Date.parse(expiring.expiresAt!) - server.clock.now - 1);
    assert.deepEqual(await statuses(), ['active', 'active', 'active'], 'a millisecond before');
    server.clock.advance(1);
    assert.deepEqual(await statuses(), ['error', 'error', 'error'], 'at the expiry');
  });

  it('renews the expiry on re-connect, before and after it passed', async (t) => {
    const server = await serve(t);
    const expiring = (await getSource(server, 'google-ads')).connections.find((c) => c.expiresAt)!;
    const reconnect = async () => {
      const { page } = await authorizeFlow(server, 'google-ads', { accountId: expiring.accountId }, { connectionId: expiring.id });
      assert.equal(page.message!.status, 'completed');
      return (await getSource(server, 'google-ads')).connections.find((c) => c.id === expiring.id)!;
    };
    server.clock.advance(DAY);
    const renewed = await reconnect();
    assert.equal(renewed.status, 'active');
    assert.equal(renewed.expiresAt, new Date(server.clock.now + 60 * DAY).toISOString());
    assert.ok(Date.parse(renewed.expiresAt!) > Date.parse(expiring.expiresAt!));

    server.clock.advance(61 * DAY);
    assert.equal((await getSource(server, 'google-ads')).connections.find((c) => c.id === expiring.id)!.error?.code, 'expired');
    const again = await reconnect();
    assert.equal(again.status, 'active');
    assert.ok(!('error' in again));
    assert.equal(again.expiresAt, new Date(server.clock.now + 60 * DAY).toISOString());
  });
});

describe('demo controls', () => {
  it('revokes a grant at the platform: the platform refuses the refresh, the connection turns to invalid_grant', async (t) => {
    const server = await serve(t, { demo: true });
    const answer = await call<Connection>(server, 'POST', '/api/demo/data-sources/facebook-ads/connections/con_fb_01/revoke');
    assert.equal(answer.status, 200, answer.text);
    assertShape(validateConnection, answer.body);
    assert.deepEqual(answer.body.error, {
      code: 'invalid_grant',
      message: 'The credentials were changed or revoked. Re-connect to restore data updates.',
    });
    const { body } = await call<DataSourceList>(server, 'GET', '/api/data-sources');
    assert.equal(body.items.find((s) => s.id === 'facebook-ads')!.errorCount, 1);
    assertError(await call(server, 'POST', '/api/data-sources/facebook-ads/connections/con_fb_01/refresh'), 409, 'connection_in_error');
    // Nothing left to revoke, and a re-connect makes it whole again with a new grant.
    assertError(await call(server, 'POST', '/api/demo/data-sources/facebook-ads/connections/con_fb_01/revoke'), 409, 'no_grant');
    const { page } = await authorizeFlow(server, 'facebook-ads', { accountId: 'act_1093384726551820' }, { connectionId: 'con_fb_01' });
    assert.equal(page.message!.status, 'completed');
    assert.equal((await getSource(server, 'facebook-ads')).connections[0]!.status, 'active');
  });

  it('validates the revoke control', async (t) => {
    const server = await serve(t, { demo: true });
    const path = '/api/demo/data-sources/ga4/connections/con_ga4_01/revoke';
    assertError(await call(server, 'POST', path, { code: 'invalid_grant' }), 400, 'invalid_body');
    assertError(await call(server, 'POST', '/api/demo/data-sources/ga4/connections/con_nope/revoke'), 404, 'connection_not_found');
    assertError(await call(server, 'GET', path), 405, 'method_not_allowed');
  });

  it('reseeds with POST /api/demo/reset', async (t) => {
    const server = await serve(t, { demo: true });
    const seeded = await call<DataSourceList>(server, 'GET', '/api/data-sources');
    await call(server, 'DELETE', '/api/data-sources/facebook-ads/connections/con_fb_01');
    await authorizeFlow(server, 'tiktok-ads', { accountId: '7215530982614478849' });
    const reset = await call(server, 'POST', '/api/demo/reset');
    assert.equal(reset.status, 204);
    assert.deepEqual((await call(server, 'GET', '/api/data-sources')).body, seeded.body);
  });

  it('are not mounted without demo: true', async (t) => {
    const server = await serve(t);
    assertError(await call(server, 'POST', '/api/demo/reset'), 404, 'not_found');
    assertError(await call(server, 'POST', '/api/demo/data-sources/ga4/connections/con_ga4_01/revoke'), 404, 'not_found');
    assert.equal((await getSource(server, 'ga4')).connections.filter((c) => c.status === 'error').length, 1);
  });
});

describe('persistence', () => {
  it('keeps every change across a restart on the same database file', async (t) => {
    const server = await serve(t);
    await call(server, 'PATCH', '/api/data-sources/ga4/connections/con_ga4_01', { role: 'main' });
    await call(server, 'DELETE', '/api/data-sources/hubspot/connections/con_hs_01');
    const { authorization } = await authorizeFlow(server, 'linkedin-ads', { accountId: '508734219' });
    const pending = await startAuthorization(server, 'tiktok-ads');
    const before = await call<DataSourceList>(server, 'GET', '/api/data-sources');
    const sources = await Promise.all(before.body.items.map((s) => getSource(server, s.id)));

    const restarted = await server.restart();
    assert.notEqual(restarted.url, '');
    assert.deepEqual((await call(restarted, 'GET', '/api/data-sources')).body, before.body);
    for (const source of sources) assert.deepEqual(await getSource(restarted, source.id), source);
    assert.equal((await outcome(restarted, authorization.state)).status, 'completed');
    // A state started before the restart still works after it.
    const redirect = await submitProvider(restarted, pending.state, { accountId: '7302918847152031746' });
    // It was started on the old port; the restarted server, on another, takes its answer.
    const location = new URL(redirect.headers.get('location')!);
    const page = await openCallback(restarted, location.pathname + location.search);
    assert.equal(page.message!.status, 'completed');
  });

  it('migrates a database of schema version 1: the connections stay, with no expiry, owned by the first demo user', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'dsw-migrate-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec(`
      CREATE TABLE data_sources (id TEXT PRIMARY KEY, name TEXT NOT NULL, logo_url TEXT, position INTEGER NOT NULL);
      CREATE TABLE connections (id TEXT PRIMARY KEY, source_id TEXT NOT NULL, account_id TEXT NOT NULL, account_name TEXT NOT NULL,
        status TEXT NOT NULL, error_code TEXT, error_message TEXT, is_main INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL,
        updated_at TEXT, authorized_at TEXT NOT NULL, UNIQUE (source_id, account_id));
      CREATE TABLE authorizations (state TEXT PRIMARY KEY, source_id TEXT NOT NULL, connection_id TEXT, origin TEXT NOT NULL,
        status TEXT NOT NULL, result_connection_id TEXT, error_code TEXT, error_message TEXT, created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL, used_at INTEGER);
      INSERT INTO data_sources VALUES ('ga4', 'Google Analytics 4', NULL, 0);
      INSERT INTO connections VALUES ('con_old', 'ga4', '1', 'Old account', 'active', NULL, NULL, 1, '2024-01-01T00:00:00.000Z', NULL, '2024-01-01T00:00:00.000Z');
      PRAGMA user_version = 1;`);
    old.close();
    const { openDatabase } = await import('../../demo/server/db.js');
    const { db, close } = await openDatabase(path, Date.now());
    t.after(close);
    assert.equal(db.pragma('user_version', { simple: true }), 7);
    assert.deepEqual(db.prepare('SELECT id, user_id, expires_at FROM connections').all(), [{ id: 'con_old', user_id: 'ada', expires_at: null }]);
  });

  it('migrates a database of the links branch\u2019s version 3 (links and history, no users): all of it goes to the first demo user', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'dsw-migrate-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec(`
      CREATE TABLE data_sources (id TEXT PRIMARY KEY, name TEXT NOT NULL, logo_url TEXT, position INTEGER NOT NULL);
      CREATE TABLE connections (id TEXT PRIMARY KEY, source_id TEXT NOT NULL, account_id TEXT NOT NULL, account_name TEXT NOT NULL,
        status TEXT NOT NULL, error_code TEXT, error_message TEXT, is_main INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL,
        updated_at TEXT, authorized_at TEXT NOT NULL, expires_at TEXT, UNIQUE (source_id, account_id));
      CREATE TABLE authorizations (state TEXT PRIMARY KEY, source_id TEXT NOT NULL, connection_id TEXT, origin TEXT NOT NULL,
        status TEXT NOT NULL, result_connection_id TEXT, error_code TEXT, error_message TEXT, created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL, used_at INTEGER);
      CREATE TABLE connect_links (id TEXT PRIMARY KEY, source_id TEXT NOT NULL, token_sha256 BLOB NOT NULL, recipient TEXT, note TEXT,
        status TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, ended_at INTEGER, connection_id TEXT);
      CREATE INDEX connect_links_by_source ON connect_links (source_id, status);
      CREATE TABLE connect_link_states (state TEXT PRIMARY KEY, link_id TEXT NOT NULL);
      CREATE TABLE history (seq INTEGER PRIMARY KEY AUTOINCREMENT, source_id TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL,
        connection_id TEXT, account_name TEXT, account_id TEXT, actor TEXT, via_link INTEGER NOT NULL DEFAULT 0, link_id TEXT, message TEXT);
      CREATE INDEX history_by_source ON history (source_id, seq);
      INSERT INTO data_sources VALUES ('ga4', 'Google Analytics 4', NULL, 0);
      INSERT INTO connections VALUES ('con_old', 'ga4', '1', 'Old account', 'active', NULL, NULL, 1, '2024-01-01T00:00:00.000Z', NULL, '2024-01-01T00:00:00.000Z', NULL);
      INSERT INTO connect_links VALUES ('lnk_old', 'ga4', x'${'ab'.repeat(32)}', 'sam@example.com', NULL, 'used', 1, 2, 1, 'con_old');
      INSERT INTO history (source_id, type, at, connection_id, actor, via_link) VALUES ('ga4', 'connected', '2024-01-01T00:00:00.000Z', 'con_old', 'sam@example.com', 1);
      PRAGMA user_version = 3;`);
    old.close();
    const { openDatabase } = await import('../../demo/server/db.js');
    const { db, close } = await openDatabase(path, Date.now());
    t.after(close);
    assert.equal(db.pragma('user_version', { simple: true }), 7);
    assert.deepEqual(db.prepare('SELECT id, user_id FROM connections').all(), [{ id: 'con_old', user_id: 'ada' }]);
    assert.deepEqual(db.prepare('SELECT id, user_id, token_sha256 FROM connect_links').all(), [{ id: 'lnk_old', user_id: 'ada', token_sha256: 'ab'.repeat(32) }]);
    assert.deepEqual(db.prepare('SELECT user_id, type, actor FROM history').all(), [{ user_id: 'ada', type: 'connected', actor: 'sam@example.com' }]);
  });

  /**
   * A database of today's schema taken back to `version` (`drop` removes what came after it):
   * opened again, it is upgraded in place, its connections kept and the new `table` empty.
   */
  async function upgradesFrom(t: TestContext, version: number, drop: string, table: string): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'dsw-migrate-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, `v${version}.db`);
    const { openDatabase } = await import('../../demo/server/db.js');
    const first = await openDatabase(path, Date.now());
    first.db.exec(`${drop} PRAGMA user_version = ${version};`);
    const before = first.db.prepare('SELECT count(*) AS count FROM connections').get();
    await first.close();
    const { db, close } = await openDatabase(path, Date.now());
    t.after(close);
    assert.equal(db.pragma('user_version', { simple: true }), 7);
    assert.deepEqual(db.prepare('SELECT count(*) AS count FROM connections').get(), before);
    assert.deepEqual(db.prepare(`SELECT count(*) AS count FROM ${table}`).get(), { count: 0 });
  }

  it('migrates a database of version 3 with users (no links yet) by adding the links and history tables', (t) =>
    upgradesFrom(t, 3, 'DROP TABLE history; DROP TABLE connect_link_states; DROP TABLE connect_links; DROP TABLE account_choices;', 'connect_links'));

  it('migrates a database of version 4 by adding the account choices table', (t) =>
    upgradesFrom(t, 4, 'DROP TABLE account_choices;', 'account_choices'));

  it('migrates a database of version 3 from before the OAuth tokens by adding the token table, grants and all', (t) =>
    upgradesFrom(t, 3, 'DROP TABLE history; DROP TABLE connect_link_states; DROP TABLE connect_links; DROP TABLE account_choices; DROP TABLE oauth_tokens;', 'oauth_tokens'));

  it('closes cleanly and releases its port', async (t) => {
    const server = await serve(t);
    await call(server, 'GET', '/api/data-sources');
    await server.close();
    await assert.rejects(fetch(`${server.url}/api/data-sources`));
    await server.close();
  });
});

describe('static files', () => {
  function site(t: TestContext): string {
    const root = mkdtempSync(join(tmpdir(), 'dsw-static-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    for (const [name, text] of Object.entries({ 'app.js': 'export {};', 'mod.mjs': 'export {};', 'site.css': 'body{}', 'logo.svg': '<svg/>', 'data.json': '{}' })) {
      writeFileSync(join(root, name), text);
    }
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'index.html'), 'docs');
    writeFileSync(join(root, '.env'), 'SECRET=1');
    writeFileSync(join(root, 'demo.db'), 'sqlite');
    symlinkSync('/etc/hostname', join(root, 'escape.txt'));
    return root;
  }

  it('serves files with their content types, / as index.html', async (t) => {
    const server = await serve(t, { staticRoot: site(t) });
    const expected: Record<string, RegExp> = {
      '/': /^text\/html; charset=utf-8$/,
      '/index.html': /^text\/html/,
      '/app.js': /^text\/javascript/,
      '/mod.mjs': /^text\/javascript/,
      '/site.css': /^text\/css/,
      '/logo.svg': /^image\/svg\+xml$/,
      '/data.json': /^application\/json/,
      '/docs/': /^text\/html/,
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await fetch(server.url + path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type')!, type, path);
    }
    assert.equal(await (await fetch(`${server.url}/`)).text(), '<!doctype html><title>home</title>');
  });

  it('refuses traversal, dotfiles, unlisted types, symlinks out, and writes', async (t) => {
    const root = site(t);
    const server = await serve(t, { staticRoot: root });
    for (const path of ['/..%2Fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/docs/..%5C..%5Cpackage.json', '/.env', '/demo.db', '/escape.txt', '/missing.js', '/%00.js']) {
      assert.equal((await fetch(server.url + path)).status, 404, path);
    }
    const post = await fetch(`${server.url}/index.html`, { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    const noRoot = await serve(t);
    assert.equal((await fetch(`${noRoot.url}/`)).status, 404);
  });

  it('serves the demo pages from demo/public/ under a strict CSP, and nothing else of demo/', async (t) => {
    const server = await serve(t, { staticRoot: new URL('../../demo/public/', import.meta.url).pathname });
    for (const path of ['/', '/no-build.html']) {
      const response = await fetch(server.url + path);
      assert.equal(response.status, 200, path);
      const policy = response.headers.get('content-security-policy') ?? '';
      assert.match(policy, /(^|; )script-src 'self'(;|$)/, path);
      assert.match(policy, /require-trusted-types-for 'script'/, path);
      // No inline script anywhere: every <script> has a src.
      assert.doesNotMatch(await response.text(), /<script(?![^>]*\ssrc=)[^>]*>/, path);
    }
    assert.equal((await fetch(`${server.url}/host.js`)).status, 200);
    for (const path of ['/server/server.ts', '/tsconfig.json', '/../tsconfig.json', '/%2e%2e/tsconfig.json', '/data/demo.db', '/public/index.html']) {
      assert.equal((await fetch(server.url + path)).status, 404, path);
    }
  });

  it('serves the built library under /dist/, and only there', async (t) => {
    const dist = mkdtempSync(join(tmpdir(), 'dsw-dist-'));
    t.after(() => rmSync(dist, { recursive: true, force: true }));
    writeFileSync(join(dist, 'data-source-widgets.bundle.js'), 'export {};');
    mkdirSync(join(dist, 'define'));
    writeFileSync(join(dist, 'define', 'data-source-card.js'), 'export {};');
    writeFileSync(join(dist, 'index.d.ts'), 'export {};');
    const server = await serve(t, { distRoot: dist });
    const bundle = await fetch(`${server.url}/dist/data-source-widgets.bundle.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type')!, /^text\/javascript/);
    assert.equal((await fetch(`${server.url}/dist/define/data-source-card.js`)).status, 200);
    for (const path of ['/dist', '/dist/', '/dist/index.d.ts', '/dist/..%2Fpackage.json', '/dist/%2e%2e/package.json', '/data-source-widgets.bundle.js']) {
      assert.equal((await fetch(server.url + path)).status, 404, path);
    }
    const missing = await serve(t, { distRoot: join(dist, 'not-built') });
    assert.equal((await fetch(`${missing.url}/dist/data-source-widgets.bundle.js`)).status, 404, 'no build yet: 404, not 500');
    assert.deepEqual(missing.logs, []);
  });
});
