// The PostgreSQL adapter with several instances (issue 15, item 3): two backends on one database,
// writing at the same time through both, lose no row, duplicate none, and keep exactly one main
// per source. Needs DSW_TEST_POSTGRES (`npm run test:postgres` starts a server and sets it);
// without it the suite is skipped and says why.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { startServer, type RunningServer } from '../../demo/server/server.js';
import { openPostgres } from '../../demo/server/storage/postgres.js';
import type { Connection, DataSource } from '../../src/api/types.js';
import { POSTGRES_URL, call, createPostgresDatabase } from './server-helpers.js';

const skip = POSTGRES_URL ? false : 'DSW_TEST_POSTGRES is not set: run `npm run test:postgres` (it starts PostgreSQL when it is installed).';

type Client = { url: string; token: string };

/** Two backend instances, each with its own pool, on one fresh database; a client of each, signed in as `user`. */
async function twoInstances(t: TestContext, user = 'ada'): Promise<[Client, Client]> {
  const database = await createPostgresDatabase(t);
  const instances: RunningServer[] = [];
  for (let i = 0; i < 2; i++) {
    const storage = await openPostgres({ connection: database }, Date.now());
    const server = await startServer({ port: 0, storage, demo: true, log: (m) => assert.fail(`instance ${i} logged: ${m}`) });
    t.after(async () => {
      await server.close();
      await storage.close();
    });
    instances.push(server);
  }
  // A token issued by one instance is good on the other: sessions live in the shared database.
  const token = await instances[0]!.signIn(user);
  return [
    { url: instances[0]!.url, token },
    { url: instances[1]!.url, token },
  ];
}

async function source(client: Client, id: string): Promise<DataSource> {
  const answer = await call<DataSource>(client, 'GET', `/api/data-sources/${id}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}

function connect(client: Client, sourceId: string, accountId: string) {
  return call<Connection>(client, 'POST', `/api/demo/data-sources/${sourceId}/connections`, { accountId, accountName: `Account ${accountId}` });
}

describe('PostgreSQL: two instances on one database', { skip }, () => {
  it('both create the schema and seed once, whichever starts first', async (t) => {
    const [a, b] = await twoInstances(t);
    const [fromA, fromB] = [await source(a, 'google-ads'), await source(b, 'google-ads')];
    assert.equal(fromA.connections.length, 34);
    assert.deepEqual(fromA, fromB);
  });

  it('loses and duplicates nothing under concurrent connects through both, the same accounts included', async (t) => {
    const [a, b] = await twoInstances(t);
    const accounts = Array.from({ length: 60 }, (_, i) => `acct-${i}`);
    // Every account is connected twice at once, once through each instance.
    const answers = await Promise.all(accounts.flatMap((id) => [connect(a, 'tiktok-ads', id), connect(b, 'tiktok-ads', id)]));
    for (const answer of answers) assert.equal(answer.status, 201, answer.text);
    const stored = (await source(b, 'tiktok-ads')).connections;
    assert.deepEqual(stored.map((c) => c.accountId).sort(), [...accounts].sort(), 'each account once');
    assert.equal(new Set(stored.map((c) => c.id)).size, accounts.length);
    // Both answers for one account name the same row.
    for (let i = 0; i < accounts.length; i++) assert.equal(answers[2 * i]!.body.id, answers[2 * i + 1]!.body.id);
    assert.equal(stored.filter((c) => c.role === 'main').length, 1, 'exactly one main');
    assert.deepEqual(await source(a, 'tiktok-ads'), await source(b, 'tiktok-ads'));
  });

  it('keeps exactly one main through concurrent make-main, connect and delete on both instances', async (t) => {
    const [a, b] = await twoInstances(t);
    const ids = (await source(a, 'google-ads')).connections.map((c) => c.id);
    const doomed = ids.slice(0, 10);
    const writes: Promise<{ status: number; text: string }>[] = [];
    for (let round = 0; round < 3; round++) {
      ids.forEach((id, i) => {
        const via = (i + round) % 2 ? a : b;
        writes.push(call(via, 'PATCH', `/api/data-sources/google-ads/connections/${id}`, { role: 'main' }));
      });
      writes.push(connect(round % 2 ? a : b, 'google-ads', `new-${round}`));
    }
    for (const id of doomed) writes.push(call(b, 'DELETE', `/api/data-sources/google-ads/connections/${id}`));
    const answers = await Promise.all(writes);
    // A make-main of a connection deleted meanwhile may find it gone (404); nothing else fails.
    for (const answer of answers) assert.ok([200, 201, 204, 404].includes(answer.status), answer.text);
    const after = (await source(a, 'google-ads')).connections;
    assert.equal(after.filter((c) => c.role === 'main').length, 1, 'exactly one main');
    assert.equal(after.length, 34 - doomed.length + 3);
    assert.ok(!after.some((c) => doomed.includes(c.id)));
    assert.deepEqual(await source(b, 'google-ads'), { ...(await source(a, 'google-ads')) });
  });

  it('takes a database of schema version 4 on by adding the account choices table', async (t) => {
    const database = await createPostgresDatabase(t);
    const first = await openPostgres({ connection: database }, Date.now());
    await first.sql.run('DROP TABLE account_choices');
    await first.sql.run('UPDATE schema_version SET version = 4');
    const before = await first.sql.get<{ count: number }>('SELECT CAST(count(*) AS INTEGER) AS count FROM connections');
    await first.close();
    const storage = await openPostgres({ connection: database }, Date.now());
    t.after(() => storage.close());
    assert.deepEqual(await storage.sql.get('SELECT version FROM schema_version'), { version: 7 });
    assert.deepEqual(await storage.sql.get('SELECT CAST(count(*) AS INTEGER) AS count FROM connections'), before);
    assert.deepEqual(await storage.sql.get('SELECT CAST(count(*) AS INTEGER) AS count FROM account_choices'), { count: 0 });
  });

  it('keeps the users apart across instances', async (t) => {
    const [a] = await twoInstances(t, 'ada');
    const benToken = await call<{ token: string }>(a, 'POST', '/api/demo/session', { user: 'ben' });
    const ben = { url: a.url, token: benToken.body.token };
    await connect(ben, 'hubspot', 'ben-only');
    assert.ok(!(await source(a, 'hubspot')).connections.some((c) => c.accountId === 'ben-only'));
    assert.deepEqual((await source(ben, 'hubspot')).connections.map((c) => c.accountId), ['ben-only']);
  });
});
