// One sign-in, one grant: the connections a multi-account sign-in makes share its OAuth grant at
// the platform, whose refresh tokens rotate (a used one is good once, and reusing it revokes the
// grant). The refresh job renews each grant once for all its connections; a refusal puts them
// all in Error; re-connecting or deleting one leaves the others' grant working, and a grant no
// connection holds any more is revoked at the platform. On SQLite by default, on PostgreSQL under
// `npm run test:postgres`. Run: node --import tsx --test test/node/grants.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OAuthError, PlatformClient } from '../../demo/server/oauth/client.js';
import type { StoredTokens } from '../../demo/server/oauth/token-store.js';
import type { Connection, ConnectionList } from '../../src/api/types.js';
import { POSTGRES_URL, authorizeFlow, call, getSource, serve, type TestServer } from './server-helpers.js';

const SOURCE = 'tiktok-ads';
const MANAGER = { accountId: 'mgr-4-tiktok-ads-mcc' };
const client = (n: number) => `tiktok-ads-mcc-00${n}`;

/** The manager account's sign-in, then the choice of `accountIds`: the connections' IDs, in that order. */
async function signIn(server: TestServer, accountIds: string[], body: { connectionId?: string } = {}): Promise<string[]> {
  const { authorization, page } = await authorizeFlow(server, SOURCE, MANAGER, body);
  assert.equal(page.message?.status, 'awaiting_selection', page.html);
  const answer = await call<ConnectionList>(server, 'POST', `/api/authorizations/${authorization.state}/selection`, { accountIds });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.items.map((c) => c.id);
}

const tokensOf = async (server: TestServer, connectionId: string): Promise<StoredTokens> => {
  const stored = await server.oauth!.tokens.get(connectionId);
  assert.ok(stored?.refreshToken, `${connectionId} holds a grant with a refresh token`);
  return stored;
};

async function connection(server: TestServer, id: string): Promise<Connection> {
  const found = (await getSource(server, SOURCE)).connections.find((c) => c.id === id);
  assert.ok(found, `${id} is listed`);
  return found;
}

/** One round of the refresh job, at the time `connectionIds`' access tokens end. */
async function refreshRound(server: TestServer, connectionIds: string[]): Promise<void> {
  const ends = await Promise.all(connectionIds.map(async (id) => (await tokensOf(server, id)).accessExpiresAt));
  server.clock.now = Math.max(server.clock.now, ...ends);
  await server.oauth!.job.runOnce();
}

const platformOf = (server: TestServer, sourceId = SOURCE) =>
  new PlatformClient({ issuer: server.platform.issuer, accountsUrl: server.platform.accountsUrl, ...server.platform.credentials[sourceId]! });

/** Whether the platform honours a grant: its API answers the access token, introspection finds the refresh token active. */
async function honoured(server: TestServer, tokens: Pick<StoredTokens, 'accessToken' | 'refreshToken'>, sourceId = SOURCE): Promise<boolean> {
  const platform = platformOf(server, sourceId);
  const refused = (error: unknown) => error instanceof OAuthError && ['invalid_token', 'invalid_grant'].includes(error.error);
  const answer = (work: Promise<unknown>) => work.then(() => true, (error: unknown) => (refused(error) ? false : Promise.reject(error)));
  const access = await answer(platform.accounts(tokens.accessToken));
  const refresh = await answer(platform.refreshTokenLifetime(tokens.refreshToken!));
  assert.equal(access, refresh, 'the access and refresh token of one grant stand or fall together');
  return access;
}

const REVOKED = { code: 'invalid_grant', message: 'The credentials were changed or revoked. Re-connect to restore data updates.' };

describe('grants shared by the connections of one sign-in', () => {
  it('two accounts of one sign-in stay Active through several refresh rounds, both renewed each time', async (t) => {
    const server = await serve(t);
    const ids = await signIn(server, [client(1), client(2)]);
    for (let round = 1; round <= 3; round++) {
      const before = await Promise.all(ids.map((id) => tokensOf(server, id)));
      await refreshRound(server, ids);
      for (const [i, id] of ids.entries()) {
        const after = await tokensOf(server, id);
        assert.equal((await connection(server, id)).status, 'active', `round ${round}: ${id} active`);
        assert.notEqual(after.accessToken, before[i]!.accessToken, `round ${round}: ${id} renewed`);
        assert.notEqual(after.refreshToken, before[i]!.refreshToken, `round ${round}: ${id} rotated`);
        assert.equal(await honoured(server, after), true, `round ${round}: the platform honours ${id}'s tokens`);
      }
    }
    assert.deepEqual(server.logs, []);
  });

  it('a grant the platform refuses (invalid_grant) puts every connection of it in Error, and keeps none of its tokens', async (t) => {
    const server = await serve(t);
    const ids = await signIn(server, [client(1), client(2), client(3)]);
    const [other] = await signIn(server, [client(4)]);
    const held = await tokensOf(server, ids[0]!);
    await platformOf(server).revoke(held.refreshToken!, 'refresh_token');
    await refreshRound(server, ids);
    for (const id of ids) {
      const failed = await connection(server, id);
      assert.equal(failed.status, 'error');
      assert.deepEqual(failed.error, REVOKED);
      assert.equal(await server.oauth!.tokens.get(id), undefined, `${id}: refused tokens are not kept`);
    }
    assert.equal((await connection(server, other!)).status, 'active', 'another sign-in\u2019s grant is another grant');
    assert.equal(await honoured(server, await tokensOf(server, other!)), true);
  });

  it('the demo\u2019s "Revoke at the platform" on one connection: its siblings show Error at their next data update', async (t) => {
    const server = await serve(t, { demo: true });
    const [a, b] = await signIn(server, [client(1), client(2)]);
    const revoked = await call<Connection>(server, 'POST', `/api/demo/data-sources/${SOURCE}/connections/${a}/revoke`);
    assert.equal(revoked.status, 200, revoked.text);
    assert.deepEqual(revoked.body.error, REVOKED);
    const update = await call<{ error: { code: string } }>(server, 'POST', `/api/data-sources/${SOURCE}/connections/${b}/refresh`);
    assert.equal(update.status, 409, update.text);
    assert.equal(update.body.error.code, 'connection_in_error');
    assert.deepEqual((await connection(server, b!)).error, REVOKED);
  });

  it('re-connecting one account gives it a grant of its own; the others keep theirs, renewed as before', async (t) => {
    const server = await serve(t);
    const [a, b, c] = await signIn(server, [client(1), client(2), client(3)]);
    const shared = await tokensOf(server, b!);
    // A sign-in to that one account only.
    const { page } = await authorizeFlow(server, SOURCE, { other: { accountId: client(1), accountName: 'Client one' } }, { connectionId: a! });
    assert.equal(page.message?.status, 'completed', page.html);
    assert.equal(page.message?.connectionId, a);
    // The manager again, choosing one of the others.
    assert.deepEqual(await signIn(server, [client(3)], { connectionId: c! }), [c]);
    const [ownA, ownC] = [await tokensOf(server, a!), await tokensOf(server, c!)];
    assert.notEqual(ownA.refreshToken, shared.refreshToken);
    assert.notEqual(ownC.refreshToken, shared.refreshToken);
    assert.equal(await honoured(server, shared), true, 'the grant b still holds is not revoked');
    for (let round = 1; round <= 2; round++) {
      await refreshRound(server, [a!, b!, c!]);
      for (const id of [a!, b!, c!]) {
        assert.equal((await connection(server, id)).status, 'active', `round ${round}: ${id} active`);
        assert.equal(await honoured(server, await tokensOf(server, id)), true);
      }
    }
    assert.deepEqual(server.logs, []);
  });

  it('re-connecting every connection of a grant revokes that grant at the platform', async (t) => {
    const server = await serve(t);
    const ids = await signIn(server, [client(1), client(2)]);
    const old = await tokensOf(server, ids[0]!);
    assert.deepEqual(await signIn(server, [client(1), client(2)]), ids, 'renewed in place');
    assert.equal(await honoured(server, old), false);
    assert.equal(await honoured(server, await tokensOf(server, ids[1]!)), true);
  });

  it('deleting one connection leaves the others\u2019 grant working; deleting the last revokes it at the platform', async (t) => {
    const server = await serve(t);
    const [a, b] = await signIn(server, [client(1), client(2)]);
    const shared = await tokensOf(server, b!);
    assert.equal((await call(server, 'DELETE', `/api/data-sources/${SOURCE}/connections/${a}`)).status, 204);
    assert.equal(await honoured(server, shared), true);
    await refreshRound(server, [b!]);
    assert.equal((await connection(server, b!)).status, 'active');
    const renewed = await tokensOf(server, b!);
    assert.notEqual(renewed.accessToken, shared.accessToken);
    assert.equal(await honoured(server, renewed), true);

    assert.equal((await call(server, 'DELETE', `/api/data-sources/${SOURCE}/connections/${b}`)).status, 204);
    assert.equal(await honoured(server, renewed), false, 'once the 204 is sent, the grant works no more');
    assert.deepEqual(server.logs, []);
  });

  it('a delete is not refused when the platform is out of reach: one line in the log, no token in it', async (t) => {
    const server = await serve(t);
    const held = (await server.oauth!.tokens.get('con_fb_01'))!;
    await server.platform.close();
    assert.equal((await call(server, 'DELETE', '/api/data-sources/facebook-ads/connections/con_fb_01')).status, 204);
    assert.ok(!(await getSource(server, 'facebook-ads')).connections.some((c) => c.id === 'con_fb_01'));
    assert.equal(server.logs.length, 1, server.logs.join('\n'));
    assert.match(server.logs[0]!, /con_fb_01/);
    assert.ok(!server.logs[0]!.includes(held.accessToken) && !server.logs[0]!.includes(held.refreshToken!));
  });

  it('two instances whose refresh rounds run at once renew a grant once: the platform never sees its refresh token twice', async (t) => {
    const a = await serve(t);
    const b = await a.twin();
    const ids = await signIn(a, [client(1), client(2)]);
    for (let round = 1; round <= 3; round++) {
      const before = await tokensOf(a, ids[0]!);
      a.clock.now = Math.max(a.clock.now, before.accessExpiresAt);
      await Promise.all([a.oauth!.job.runOnce(), b.oauth!.job.runOnce()]);
      const after = await tokensOf(b, ids[1]!);
      assert.notEqual(after.refreshToken, before.refreshToken, `round ${round}: renewed`);
      assert.equal(await honoured(a, after), true, `round ${round}: the grant still works`);
      for (const id of ids) assert.equal((await connection(b, id)).status, 'active');
    }
  });

  it('a sign-in whose account choice is left to expire has its grant revoked at the next refresh round', async (t) => {
    const server = await serve(t);
    const { authorization, page } = await authorizeFlow(server, SOURCE, MANAGER);
    assert.equal(page.message?.status, 'awaiting_selection');
    const [row] = await server.rows<{ access_token: string; refresh_token: string }>('SELECT access_token, refresh_token FROM account_choices');
    const pending = server.oauth!.tokens.openPending(authorization.state, row!.access_token, row!.refresh_token);
    assert.equal(await honoured(server, pending), true, 'the grant works while the choice is open');
    server.clock.now = Date.parse(authorization.expiresAt!);
    await server.oauth!.job.runOnce();
    assert.equal(await honoured(server, pending), false, 'revoked with no other sign-in coming');
    assert.deepEqual(await server.rows('SELECT access_token FROM account_choices'), [{ access_token: null }]);
  });

  it('a database of schema version 5 is upgraded with each connection its own grant, its tokens still working', async (t) => {
    const server = await serve(t);
    const before = await tokensOf(server, 'con_fb_01');
    await server.exec(
      POSTGRES_URL
        ? 'DROP INDEX oauth_tokens_by_grant; ALTER TABLE oauth_tokens DROP COLUMN grant_id; UPDATE schema_version SET version = 5;'
        : 'DROP INDEX oauth_tokens_by_grant; ALTER TABLE oauth_tokens DROP COLUMN grant_id; PRAGMA user_version = 5;',
    );
    const again = await server.restart();
    const rows = await again.rows<{ connection_id: string; grant_id: string }>('SELECT connection_id, grant_id FROM oauth_tokens');
    assert.ok(rows.length > 30);
    for (const row of rows) assert.equal(row.grant_id, row.connection_id);
    assert.deepEqual(await tokensOf(again, 'con_fb_01'), { ...before, grantId: 'con_fb_01' });
    again.clock.now = Math.max(again.clock.now, before.accessExpiresAt);
    await again.oauth!.job.runOnce();
    const after = await tokensOf(again, 'con_fb_01');
    assert.notEqual(after.accessToken, before.accessToken);
    assert.equal((await getSource(again, 'facebook-ads')).connections.find((c) => c.id === 'con_fb_01')?.status, 'active');
    assert.equal(await honoured(again, after, 'facebook-ads'), true);
  });
});
