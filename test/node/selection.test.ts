// The reference backend's account selection over real HTTP: a manager account's sign-in reaches
// 4 client accounts; the choice is kept by state, single use, expiring; the wrong-account guard
// of a re-connect holds. Run: node --import tsx --test test/node/selection.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateAuthorizationOutcome, validateConnectionList } from '../../src/api/validate.js';
import type { AuthorizationOutcome, ConnectionList } from '../../src/api/types.js';
import { assertError, authorizeFlow, call, getSource, type TestServer, serve } from './server-helpers.js';

const MANAGER = { accountId: 'mgr-4-tiktok-ads-mcc' };
const client = (n: number) => `tiktok-ads-mcc-00${n}`;

async function offered(server: TestServer, body: { connectionId?: string } = {}): Promise<AuthorizationOutcome> {
  const { authorization, page } = await authorizeFlow(server, 'tiktok-ads', MANAGER, body);
  assert.equal(page.status, 200);
  assert.equal(page.message?.status, 'awaiting_selection');
  const answer = await call<AuthorizationOutcome>(server, 'GET', `/api/authorizations/${authorization.state}`);
  assert.deepEqual(validateAuthorizationOutcome(answer.body), answer.body);
  return answer.body;
}

const choose = (server: TestServer, state: string, body: unknown) =>
  call<ConnectionList>(server, 'POST', `/api/authorizations/${state}/selection`, body);

describe('account selection', () => {
  it('offers the 4 accounts a manager account reaches and connects nothing until the choice', async (t) => {
    const server = await serve(t);
    const outcome = await offered(server);
    assert.deepEqual(
      outcome.accounts!.map((a) => a.accountId),
      [1, 2, 3, 4].map(client),
    );
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 0);
  });

  it('connects the chosen accounts with the chosen main, once', async (t) => {
    const server = await serve(t);
    const { state } = await offered(server);
    const answer = await choose(server, state, { accountIds: [client(2), client(4)], mainAccountId: client(4) });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(validateConnectionList(answer.body), answer.body);
    assert.deepEqual(answer.body.items.map((c) => [c.accountId, c.role]), [[client(2), 'secondary'], [client(4), 'main']]);
    const source = await getSource(server, 'tiktok-ads');
    assert.deepEqual(source.connections.map((c) => c.accountId).sort(), [client(2), client(4)]);
    const after = await call<AuthorizationOutcome>(server, 'GET', `/api/authorizations/${state}`);
    assert.deepEqual(after.body, { state, status: 'completed', connectionId: answer.body.items[1]!.id });
    // Single use: the same choice again is refused, and changes nothing.
    assertError(await choose(server, state, { accountIds: [client(1)] }), 409, 'selection_closed');
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 2);
  });

  it('refuses an account that was not offered, or a main account not chosen (400)', async (t) => {
    const server = await serve(t);
    const { state } = await offered(server);
    assertError(await choose(server, state, { accountIds: ['someone-else'] }), 400, 'invalid_selection');
    assertError(await choose(server, state, { accountIds: [client(1)], mainAccountId: client(2) }), 400, 'invalid_selection');
    assertError(await choose(server, state, { accountIds: [] }), 400, 'invalid_body');
    assert.equal((await choose(server, state, { accountIds: [client(1)] })).status, 200);
  });

  it('a cancelled choice connects nothing and ends the authorization as failed', async (t) => {
    const server = await serve(t);
    const { state } = await offered(server);
    const cancelled = await call(server, 'DELETE', `/api/authorizations/${state}/selection`);
    assert.equal(cancelled.status, 204);
    const after = await call<AuthorizationOutcome>(server, 'GET', `/api/authorizations/${state}`);
    assert.equal(after.body.status, 'failed');
    assert.equal(after.body.error?.code, 'selection_cancelled');
    assertError(await choose(server, state, { accountIds: [client(1)] }), 409, 'selection_closed');
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 0);
  });

  it('a choice made after its state expired is refused (410)', async (t) => {
    const server = await serve(t);
    const { state } = await offered(server);
    server.clock.advance(11 * 60_000);
    assertError(await choose(server, state, { accountIds: [client(1)] }), 410, 'selection_expired');
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 0);
  });

  it('re-connecting a client with the manager account offers the others too, the client as connected', async (t) => {
    const server = await serve(t);
    const first = await offered(server);
    const [connected] = (await choose(server, first.state, { accountIds: [client(3)] })).body.items;
    const again = await offered(server, { connectionId: connected!.id });
    assert.deepEqual(
      again.accounts!.map((a) => [a.accountId, a.connectionId]),
      [[client(1), undefined], [client(2), undefined], [client(3), connected!.id], [client(4), undefined]],
    );
    const answer = await choose(server, again.state, { accountIds: [client(3), client(1)] });
    assert.equal(answer.body.items[0]!.id, connected!.id, 'renewed in place, not added again');
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 2);
  });

  it('keeps the wrong-account guard: a manager account that does not reach the connection is refused', async (t) => {
    const server = await serve(t);
    const source = await getSource(server, 'google-ads');
    const connection = source.connections[0]!;
    const { page } = await authorizeFlow(server, 'google-ads', { accountId: 'mgr-4-google-ads-mcc' }, { connectionId: connection.id });
    assert.equal(page.message?.status, 'failed');
    assert.equal(page.message?.error?.code, 'account_mismatch');
    assert.deepEqual((await getSource(server, 'google-ads')).connections, source.connections);
  });
});
