// Account selection with two backend instances on one database, as behind a load balancer: the
// callback runs on one, the widget's poll, confirm or cancel reach the other. The choice and its
// grant (sealed) live in the database: the chosen accounts are connected once, a confirm racing
// on both instances connects once, a drop revokes the grant at the platform, an expired choice's
// grant is revoked when touched or swept. On SQLite (two connections to one file) by default, on
// PostgreSQL (two pools on one database) under `npm run test:postgres`.
// Run: node --import tsx --test test/node/selection-instances.test.ts
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { OAuthError, PlatformClient } from '../../demo/server/oauth/client.js';
import { TokenCipher } from '../../demo/server/oauth/token-cipher.js';
import type { AuthorizationOutcome, ConnectionList } from '../../src/api/types.js';
import { assertError, authorizeFlow, call, getSource, serve, type TestServer } from './server-helpers.js';

const MANAGER = { accountId: 'mgr-4-tiktok-ads-mcc' };
const client = (n: number) => `tiktok-ads-mcc-00${n}`;

async function twoInstances(t: TestContext): Promise<[TestServer, TestServer]> {
  const a = await serve(t);
  return [a, await a.twin()];
}

/** A sign-in of the manager account whose callback runs on `server`: its state, awaiting the choice. */
async function offeredOn(server: TestServer): Promise<string> {
  const { authorization, page } = await authorizeFlow(server, 'tiktok-ads', MANAGER);
  assert.equal(page.status, 200, page.html);
  assert.equal(page.message?.status, 'awaiting_selection');
  return authorization.state;
}

const choose = (server: TestServer, state: string, body: unknown) => call<ConnectionList>(server, 'POST', `/api/authorizations/${state}/selection`, body);
const outcome = async (server: TestServer, state: string) => (await call<AuthorizationOutcome>(server, 'GET', `/api/authorizations/${state}`)).body;

/** The platform, as the backend's own client registration for TikTok Ads: to try a grant's tokens. */
const platformOf = (server: TestServer) =>
  new PlatformClient({ issuer: server.platform.issuer, accountsUrl: server.platform.accountsUrl, ...server.platform.credentials['tiktok-ads']! });

/** The grant a choice holds, as the database has it (sealed), and opened with the servers' key. */
async function heldGrant(server: TestServer, state: string) {
  const [row] = await server.rows<{ access_token: string; refresh_token: string }>(`SELECT access_token, refresh_token FROM account_choices WHERE state = '${state}'`);
  assert.ok(row?.access_token && row.refresh_token, 'the choice holds a grant with a refresh token');
  const cipher = new TokenCipher(server.tokenKey);
  return {
    sealed: row,
    accessToken: cipher.open(row.access_token, `choice:${state}/access`),
    refreshToken: cipher.open(row.refresh_token, `choice:${state}/refresh`),
  };
}

/** Whether the platform still honours the grant: the API answers its access token, introspection finds its refresh token active. */
async function honoured(server: TestServer, grant: { accessToken: string; refreshToken: string }): Promise<boolean> {
  const platform = platformOf(server);
  const refused = (error: unknown) => error instanceof OAuthError && ['invalid_token', 'invalid_grant'].includes(error.error);
  const access = await platform.accounts(grant.accessToken).then(() => true, (error: unknown) => (refused(error) ? false : Promise.reject(error)));
  const refresh = await platform.refreshTokenLifetime(grant.refreshToken).then(() => true, (error: unknown) => (refused(error) ? false : Promise.reject(error)));
  assert.equal(access, refresh, 'the access and refresh token of one grant stand or fall together');
  return access;
}

describe('account selection across two instances on one database', () => {
  it('the callback on A; the poll and the confirm on B connect the chosen accounts, once, with the grant', async (t) => {
    const [a, b] = await twoInstances(t);
    const state = await offeredOn(a);
    const polled = await outcome(b, state);
    assert.equal(polled.status, 'awaiting_selection');
    assert.deepEqual(polled.accounts!.map((x) => x.accountId), [1, 2, 3, 4].map(client));

    // Sealed at rest: neither token is in the database in clear.
    const held = await heldGrant(a, state);
    const stored = JSON.stringify(await a.rows('SELECT * FROM account_choices'));
    assert.ok(!stored.includes(held.accessToken) && !stored.includes(held.refreshToken), 'no token in clear');
    assert.match(held.sealed.access_token, /^v1\./);

    const answer = await choose(b, state, { accountIds: [client(2), client(4)], mainAccountId: client(4) });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.body.items.map((c) => [c.accountId, c.role]), [[client(2), 'secondary'], [client(4), 'main']]);
    assert.deepEqual(await outcome(a, state), { state, status: 'completed', connectionId: answer.body.items[1]!.id });
    // Single use on both instances.
    assertError(await choose(a, state, { accountIds: [client(1)] }), 409, 'selection_closed');
    assertError(await choose(b, state, { accountIds: [client(1)] }), 409, 'selection_closed');
    assert.deepEqual((await getSource(a, 'tiktok-ads')).connections.map((c) => c.accountId).sort(), [client(2), client(4)]);
    assert.deepEqual(await a.rows('SELECT state FROM account_choices'), []);

    // Each connection holds the grant the callback on A kept, and the platform still honours it.
    const cipher = new TokenCipher(a.tokenKey);
    for (const connection of answer.body.items) {
      const [row] = await a.rows<{ access_token: string }>(`SELECT access_token FROM oauth_tokens WHERE connection_id = '${connection.id}'`);
      assert.equal(cipher.open(row!.access_token, `${connection.id}/access`), held.accessToken);
    }
    assert.equal(await honoured(a, held), true);
  });

  it('a confirm racing on both instances connects once: one choice wins, the other is told it was made', async (t) => {
    const [a, b] = await twoInstances(t);
    for (const [onA, onB] of [[[client(1)], [client(2), client(3)]], [[client(4)], [client(1), client(3)]]] as const) {
      const state = await offeredOn(b);
      const before = (await getSource(a, 'tiktok-ads')).connections.map((c) => c.accountId);
      const answers = await Promise.all([choose(a, state, { accountIds: onA }), choose(b, state, { accountIds: onB })]);
      assert.deepEqual(answers.map((x) => x.status).sort(), [200, 409], answers.map((x) => x.text).join('\n'));
      const lost = answers.find((x) => x.status === 409)!;
      assertError(lost, 409, 'selection_closed');
      const won: readonly string[] = answers[0]!.status === 200 ? onA : onB;
      const after = (await getSource(b, 'tiktok-ads')).connections.map((c) => c.accountId);
      assert.deepEqual([...after].sort(), [...new Set([...before, ...won])].sort(), 'the winner\u2019s accounts, each once; none of the loser\u2019s');
      assert.equal((await outcome(a, state)).status, 'completed');
    }
  });

  it('a drop on B revokes at the platform the grant the callback on A kept; nothing is connected', async (t) => {
    const [a, b] = await twoInstances(t);
    const state = await offeredOn(a);
    const held = await heldGrant(b, state);
    assert.equal(await honoured(a, held), true);

    const dropped = await call(b, 'DELETE', `/api/authorizations/${state}/selection`);
    assert.equal(dropped.status, 204, dropped.text);
    assert.equal(await honoured(a, held), false);
    const after = await outcome(a, state);
    assert.equal(after.status, 'failed');
    assert.equal(after.error?.code, 'selection_cancelled');
    assertError(await choose(a, state, { accountIds: [client(1)] }), 409, 'selection_closed');
    assert.equal((await getSource(a, 'tiktok-ads')).connections.length, 0);
    assert.deepEqual(await a.rows('SELECT state FROM account_choices'), []);
  });

  it('an expired choice made on B is refused (410) and its grant, kept on A, revoked', async (t) => {
    const [a, b] = await twoInstances(t);
    const state = await offeredOn(a);
    const held = await heldGrant(a, state);
    a.clock.advance(11 * 60_000);
    assert.equal((await outcome(b, state)).status, 'failed');
    assertError(await choose(b, state, { accountIds: [client(1)] }), 410, 'selection_expired');
    assert.equal(await honoured(a, held), false);
    assertError(await choose(a, state, { accountIds: [client(1)] }), 409, 'selection_closed');
    assert.equal((await getSource(a, 'tiktok-ads')).connections.length, 0);
  });

  it('choices left to expire have their grants revoked by the sweep of the next choice, on the other instance', async (t) => {
    const [a, b] = await twoInstances(t);
    const [first, second] = [await offeredOn(a), await offeredOn(a)];
    const held = await heldGrant(a, first);
    a.clock.advance(11 * 60_000);
    await offeredOn(b);
    // Taken from their rows by the sweep; the rows stay, so that a late choice is still told why.
    const swept = await a.rows(`SELECT access_token, refresh_token FROM account_choices WHERE state IN ('${first}', '${second}')`);
    assert.deepEqual(swept, [{ access_token: null, refresh_token: null }, { access_token: null, refresh_token: null }]);
    // The sweep does not hold the new sign-in's page for the revocation: wait for the platform to refuse.
    for (let round = 0; (await honoured(a, held)) && round < 100; round++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await honoured(a, held), false, 'revoked at the platform');
    assertError(await choose(b, first, { accountIds: [client(1)] }), 410, 'selection_expired');
    // A day later the rows go, with their states.
    a.clock.advance(25 * 60 * 60_000);
    await offeredOn(b);
    assert.deepEqual(await a.rows(`SELECT state FROM account_choices WHERE state = '${second}'`), []);
  });
});
