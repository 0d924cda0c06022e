// The backend as an OAuth 2.0 client of a real authorization server (the demo's platform,
// oidc-provider): PKCE, state and issuer checks, the code exchange and its failures, refresh with
// rotation, the mapping of invalid_grant, and the tokens sealed at rest (AES-256-GCM), never in an
// answer or a log. Run: node --import tsx --test test/node/oauth.test.ts
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { startPlatform, type Platform } from '../../demo/platform/platform.js';
import { oauthOptionsFor } from '../../demo/platform/wiring.js';
import { ConnectionStore } from '../../demo/server/connections.js';
import { openDatabase } from '../../demo/server/db.js';
import { OAuthRuntime } from '../../demo/server/oauth/index.js';
import { OAuthError, PlatformClient } from '../../demo/server/oauth/client.js';
import { codeChallenge, newCodeVerifier } from '../../demo/server/oauth/pkce.js';
import { TokenCipher, TokenCipherError, loadOrCreateTokenKey, parseTokenKey } from '../../demo/server/oauth/token-cipher.js';
import type { AuthorizationOutcome, Connection } from '../../src/api/types.js';
import { authorizeFlow, call, getSource, openCallback, serve, startAuthorization, submitProvider } from './server-helpers.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function outcome(server: { url: string }, state: string): Promise<AuthorizationOutcome> {
  return (await call<AuthorizationOutcome>(server, 'GET', `/api/authorizations/${state}`)).body;
}

/** The seeded demo database and the OAuth side of a backend, without its HTTP server. */
async function runtime(t: TestContext) {
  const dir = mkdtempSync(join(tmpdir(), 'dsw-oauth-'));
  const platform = await startPlatform();
  const clock = { now: Date.now() };
  const storage = await openDatabase(join(dir, 'demo.db'), clock.now);
  const logs: string[] = [];
  const connections = new ConnectionStore(storage.sql, () => clock.now);
  const options = oauthOptionsFor(platform, randomBytes(32), { refreshIntervalMs: 0 });
  await options.register!(['http://127.0.0.1:9']);
  const oauth = new OAuthRuntime(options, storage.sql, connections, () => clock.now, (m) => logs.push(m));
  await oauth.provisionSeed();
  t.after(async () => {
    await oauth.close();
    await storage.close();
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { platform, clock, storage, connections, oauth, logs };
}

function rawClient(platform: Platform, sourceId: string): PlatformClient {
  return new PlatformClient({ issuer: platform.issuer, accountsUrl: platform.accountsUrl, ...platform.credentials[sourceId]! });
}

describe('PKCE and the authorization response', () => {
  it('derives the S256 challenge of RFC 7636 (appendix B) and makes a fresh 256-bit verifier each time', () => {
    assert.equal(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const verifiers = new Set(Array.from({ length: 50 }, newCodeVerifier));
    assert.equal(verifiers.size, 50);
    for (const verifier of verifiers) assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
    const verifier = newCodeVerifier();
    assert.equal(codeChallenge(verifier), createHash('sha256').update(verifier).digest('base64url'));
  });

  it('a code is worth nothing without its verifier: the platform refuses the exchange', async (t) => {
    const server = await serve(t);
    const { state, authorizationUrl } = await startAuthorization(server, 'linkedin-ads');
    const redirect = await submitProvider(server, state, { accountId: '508734219' });
    const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
    const client = rawClient(server.platform, 'linkedin-ads');
    const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri')!;
    await assert.rejects(client.exchangeCode(code, newCodeVerifier(), redirectUri), (error: OAuthError) => error.error === 'invalid_grant');
  });

  it('a code delivered with another authorization\'s state is refused: the state\'s verifier does not fit', async (t) => {
    const server = await serve(t);
    const first = await startAuthorization(server, 'linkedin-ads');
    const second = await startAuthorization(server, 'linkedin-ads');
    const location = new URL((await submitProvider(server, first.state, { accountId: '508734219' })).headers.get('location')!);
    // An injected code: the first sign-in's code, sent back under the second state.
    location.searchParams.set('state', second.state);
    const page = await openCallback(server, location.href);
    assert.equal(page.message!.status, 'failed');
    assert.equal(page.message!.error!.code, 'token_exchange_failed');
    assert.deepEqual(await outcome(server, first.state), { state: first.state, status: 'pending' }, 'the first one is untouched');
    assert.deepEqual((await getSource(server, 'linkedin-ads')).connections, []);
  });

  it('refuses an answer that names another issuer (mix-up): failed, nothing connected, code unused', async (t) => {
    const server = await serve(t);
    const { state } = await startAuthorization(server, 'linkedin-ads');
    const location = new URL((await submitProvider(server, state, { accountId: '508734219' })).headers.get('location')!);
    location.searchParams.set('iss', 'http://127.0.0.1:1');
    const page = await openCallback(server, location.href);
    assert.equal(page.status, 400);
    assert.equal(page.message!.status, 'failed');
    assert.equal(page.message!.error!.code, 'invalid_callback');
    assert.match(page.message!.error!.message, /another authorization server/);
    assert.deepEqual((await getSource(server, 'linkedin-ads')).connections, []);
  });

  it('a failed code exchange ends the authorization with a clear outcome and connects nothing', async (t) => {
    const server = await serve(t);
    const { state } = await startAuthorization(server, 'linkedin-ads');
    const location = new URL((await submitProvider(server, state, { accountId: '508734219' })).headers.get('location')!);
    location.searchParams.set('code', 'not-a-code-the-platform-issued');
    const page = await openCallback(server, location.href);
    assert.equal(page.status, 200);
    assert.deepEqual(page.message!.error, {
      code: 'token_exchange_failed',
      message: 'LinkedIn Ads did not issue the credentials (invalid_grant). Nothing was connected; please try again.',
    });
    assert.deepEqual(await outcome(server, state), { state, status: 'failed', error: page.message!.error });
    assert.deepEqual((await getSource(server, 'linkedin-ads')).connections, []);
    assert.deepEqual(server.logs, []);
  });

  it('a platform gone during the exchange: platform_unavailable, said plainly', async (t) => {
    const server = await serve(t);
    const { state } = await startAuthorization(server, 'tiktok-ads');
    const location = (await submitProvider(server, state, { accountId: '7215530982614478849' })).headers.get('location')!;
    await server.platform.close();
    const page = await openCallback(server, location);
    assert.equal(page.message!.error!.code, 'platform_unavailable');
    assert.match(page.message!.error!.message, /TikTok Ads could not be reached.*Nothing was connected/);
    // Starting another is refused with 503 while it is gone.
    const again = await call(server, 'POST', '/api/data-sources/tiktok-ads/authorizations', { origin: 'http://host.example:3000' });
    assert.equal(again.status, 201, 'the metadata was read before; the pop-up itself will say the platform is down');
  });
});

describe('tokens: refresh, rotation and what the platform answers', () => {
  it('renews an access token ahead of its end, with a rotated refresh token; the old one is then refused', async (t) => {
    const { oauth, clock, platform } = await runtime(t);
    const before = (await oauth.tokens.get('con_fb_01'))!;
    assert.ok(before.refreshToken);
    // Nothing due yet: an hour's token, renewed within five minutes of its end.
    await oauth.job.runOnce();
    assert.equal((await oauth.tokens.get('con_fb_01'))!.accessToken, before.accessToken);

    clock.now = before.accessExpiresAt - 4 * MINUTE;
    await oauth.job.runOnce();
    const after = (await oauth.tokens.get('con_fb_01'))!;
    assert.notEqual(after.accessToken, before.accessToken);
    assert.notEqual(after.refreshToken, before.refreshToken, 'rotated');
    assert.ok(after.accessExpiresAt > before.accessExpiresAt);
    assert.equal(after.refreshExpiresAt, before.refreshExpiresAt, 'a rotation keeps the grant\'s end');
    const client = rawClient(platform, 'facebook-ads');
    assert.deepEqual(await client.accounts(after.accessToken), [{ accountId: 'act_1093384726551820', accountName: 'Bluebird Coffee' }]);
    await assert.rejects(client.refresh(before.refreshToken!), (error: OAuthError) => error.error === 'invalid_grant');
  });

  it('maps invalid_grant (a grant revoked at the platform) to Error "credentials changed or revoked"', async (t) => {
    const { oauth, connections, platform } = await runtime(t);
    const stored = (await oauth.tokens.get('con_ga4_01'))!;
    await rawClient(platform, 'ga4').revoke(stored.refreshToken!, 'refresh_token');
    assert.equal(await oauth.job.renew('con_ga4_01'), 'revoked');
    const connection = await connections.getConnection('ada', 'ga4', 'con_ga4_01');
    assert.equal(connection.status, 'error');
    assert.deepEqual(connection.error, { code: 'invalid_grant', message: 'The credentials were changed or revoked. Re-connect to restore data updates.' });
    assert.equal(await oauth.tokens.get('con_ga4_01'), undefined, 'refused tokens are not kept');
    // The platform API refuses the access token of a revoked grant too.
    await assert.rejects(rawClient(platform, 'ga4').accounts(stored.accessToken), (error: OAuthError) => error.error === 'invalid_token');
  });

  it('a data update asks the platform with the access token: a grant revoked there turns the connection to Error', async (t) => {
    const server = await serve(t);
    const { page } = await authorizeFlow(server, 'linkedin-ads', { accountId: '507118530' });
    const connectionId = page.message!.connectionId!;
    const path = `/api/data-sources/linkedin-ads/connections/${connectionId}/refresh`;
    assert.equal((await call(server, 'POST', path)).status, 200, 'a working grant');
    // The person removes the app's access in the platform's own settings.
    const db = new Database(server.dbPath, { readonly: true });
    const row = db.prepare('SELECT refresh_token FROM oauth_tokens WHERE connection_id = ?').get(connectionId) as { refresh_token: string };
    db.close();
    const refreshToken = new TokenCipher(server.tokenKey).open(row.refresh_token, `${connectionId}/refresh`);
    await rawClient(server.platform, 'linkedin-ads').revoke(refreshToken, 'refresh_token');

    const refused = await call<{ error: { code: string } }>(server, 'POST', path);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'connection_in_error');
    const connection = (await getSource(server, 'linkedin-ads')).connections[0]!;
    assert.equal(connection.error?.code, 'invalid_grant');
    assert.deepEqual(server.logs, []);
  });

  it('a platform out of reach changes nothing and is said once in the log, with no token in it', async (t) => {
    const { oauth, connections, platform, clock, logs } = await runtime(t);
    const stored = (await oauth.tokens.get('con_fb_01'))!;
    await platform.close();
    clock.now = stored.accessExpiresAt;
    await oauth.job.runOnce();
    assert.equal((await connections.getConnection('ada', 'facebook-ads', 'con_fb_01')).status, 'active');
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /trying again next round/);
    assert.ok(!logs[0]!.includes(stored.accessToken) && !logs[0]!.includes(stored.refreshToken!));
  });

  it('keeps the seeded expiry as the grant\'s end: Expiring inside the warning window after renewals, then expired', async (t) => {
    const { oauth, connections, clock } = await runtime(t);
    const expiring = (await connections.listConnections('ada', 'google-ads')).find((c) => c.expiresAt)!;
    const stored = (await oauth.tokens.get(expiring.id))!;
    assert.equal(stored.refreshExpiresAt, Date.parse(expiring.expiresAt!));
    clock.now = stored.accessExpiresAt;
    await oauth.job.runOnce();
    assert.equal((await connections.getConnection('ada', 'google-ads', expiring.id)).expiresAt, expiring.expiresAt);
    assert.ok(Date.parse(expiring.expiresAt!) - clock.now < 7 * DAY, 'inside the 7-day window the widgets show as Expiring');

    // Past its end: expired, said as such (not as a revocation), and nothing is asked of the platform.
    clock.now = Date.parse(expiring.expiresAt!) + MINUTE;
    const before = (await oauth.tokens.get(expiring.id))!;
    await oauth.job.runOnce();
    assert.equal(await oauth.job.renew(expiring.id), 'skipped');
    assert.equal((await connections.getConnection('ada', 'google-ads', expiring.id)).error?.code, 'expired');
    assert.equal((await oauth.tokens.get(expiring.id))!.accessToken, before.accessToken);
  });
});

describe('tokens at rest', () => {
  it('round-trips through AES-256-GCM, and detects an altered, moved or foreign value', () => {
    const key = randomBytes(32);
    const cipher = new TokenCipher(key);
    const sealed = cipher.seal('at_secret_value', 'con_1/access');
    assert.equal(cipher.open(sealed, 'con_1/access'), 'at_secret_value');
    assert.ok(!sealed.includes('at_secret_value'));
    assert.notEqual(cipher.seal('at_secret_value', 'con_1/access'), sealed, 'a fresh IV each time');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0]! ^= 1;
    const altered = [...parts.slice(0, 3), flipped.toString('base64url'), parts[4]].join('.');
    assert.throws(() => cipher.open(altered, 'con_1/access'), TokenCipherError);
    assert.throws(() => cipher.open(sealed, 'con_2/access'), TokenCipherError, 'copied to another row');
    assert.throws(() => cipher.open(sealed, 'con_1/refresh'), TokenCipherError, 'copied to another column');
    assert.throws(() => new TokenCipher(randomBytes(32)).open(sealed, 'con_1/access'), TokenCipherError, 'another key');
    assert.throws(() => cipher.open('v1.x.y', 'con_1/access'), TokenCipherError);
    // After a rotation the old key still opens what it sealed; new values use the new key.
    const rotated = new TokenCipher(randomBytes(32), [key]);
    assert.equal(rotated.open(sealed, 'con_1/access'), 'at_secret_value');
    assert.notEqual(rotated.seal('x', 'c').split('.')[1], sealed.split('.')[1]);
  });

  it('takes its key from DSW_TOKEN_KEY (32 bytes, base64) or makes one, owner-only, that a restart reads back', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'dsw-key-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'data', 'token.key');
    const made = loadOrCreateTokenKey(file, {});
    assert.equal(made.length, 32);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(loadOrCreateTokenKey(file, {}), made);
    const env = randomBytes(32);
    assert.deepEqual(loadOrCreateTokenKey(file, { DSW_TOKEN_KEY: env.toString('base64') }), env);
    assert.throws(() => parseTokenKey('c2hvcnQ='), (error: Error) => /32 bytes/.test(error.message) && !error.message.includes('c2hvcnQ='));
  });

  it('no token in the database in clear, in any API answer, on the callback page or in the log', async (t) => {
    const server = await serve(t, { demo: true });
    const { authorization, page } = await authorizeFlow(server, 'linkedin-ads', { accountId: '511902846' });
    assert.equal(page.message!.status, 'completed');
    const connectionId = page.message!.connectionId!;
    await call(server, 'POST', '/api/demo/data-sources/facebook-ads/connections/con_fb_01/revoke');

    const db = new Database(server.dbPath, { readonly: true });
    t.after(() => db.close());
    const cipher = new TokenCipher(server.tokenKey);
    const rows = db.prepare('SELECT * FROM oauth_tokens').all() as { connection_id: string; access_token: string; refresh_token: string | null }[];
    assert.ok(rows.some((r) => r.connection_id === connectionId));
    const tokens = rows.flatMap((r) => [
      cipher.open(r.access_token, `${r.connection_id}/access`),
      ...(r.refresh_token ? [cipher.open(r.refresh_token, `${r.connection_id}/refresh`)] : []),
    ]);
    assert.ok(tokens.length > 40, 'every seeded grant and the new one');
    const dump = JSON.stringify(db.prepare("SELECT * FROM oauth_tokens").all()) + JSON.stringify(db.prepare('SELECT * FROM connections').all());

    const answers = [page.html, dump, server.logs.join('\n')];
    for (const path of ['/api/data-sources', '/api/data-sources?include=connections&ids=google-ads,facebook-ads,linkedin-ads,ga4,hubspot,tiktok-ads',
      `/api/authorizations/${authorization.state}`, '/api/data-sources/linkedin-ads', `/api/data-sources/linkedin-ads/connections/${connectionId}/refresh`]) {
      answers.push((await call(server, path.endsWith('/refresh') ? 'POST' : 'GET', path)).text);
    }
    const connection = (await getSource(server, 'linkedin-ads')).connections[0] as Connection & Record<string, unknown>;
    assert.deepEqual(Object.keys(connection).sort(), ['accountId', 'accountName', 'createdAt', 'expiresAt', 'id', 'role', 'status', 'updatedAt']);
    for (const token of tokens) {
      for (const text of answers) assert.ok(!text.includes(token), 'a token leaked');
    }
    assert.deepEqual(server.logs, []);
  });
});

