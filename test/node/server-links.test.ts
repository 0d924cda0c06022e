// Connect links and the activity history of the reference backend: tokens (random, stored as a
// hash, single use, refused after use, revocation or expiry), the link's page and its flow to a
// connection, and a history written with each change, paged by cursor.
// Run: node --import tsx --test test/node/server-links.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import type { ConnectLinkList, CreatedConnectLink, DataSource, DataSourceList, HistoryPage } from '../../src/api/types.js';
import { approve, assertError, call, continueLink, getSource, serve, useLink, type TestServer } from './server-helpers.js';

const DAY = 86_400_000;

async function createLink(server: TestServer, sourceId: string, body: Record<string, unknown> = {}): Promise<CreatedConnectLink> {
  const answer = await call<CreatedConnectLink>(server, 'POST', `/api/data-sources/${sourceId}/links`, { expiresInDays: 7, ...body });
  assert.equal(answer.status, 201, answer.text);
  return answer.body;
}

async function history(server: TestServer, sourceId: string, query = ''): Promise<HistoryPage> {
  const answer = await call<HistoryPage>(server, 'GET', `/api/data-sources/${sourceId}/history${query}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}

describe('connect links', () => {
  it('makes a 256-bit token, shown once, stored only as its SHA-256', async (t) => {
    const server = await serve(t);
    const link = await createLink(server, 'linkedin-ads', { recipient: 'maria@example.com', note: 'Q3, please' });
    const token = link.url.split('/').at(-1)!;
    assert.match(token, /^[A-Za-z0-9_-]{43}$/, '32 bytes in base64url');
    assert.equal(Date.parse(link.expiresAt) - Date.parse(link.createdAt), 7 * DAY);
    const other = await createLink(server, 'linkedin-ads');
    assert.notEqual(other.url.split('/').at(-1), token);

    const dump = JSON.stringify(await server.rows('SELECT * FROM connect_links'));
    assert.ok(!dump.includes(token), 'the token is nowhere in the database');
    const digest = createHash('sha256').update(token).digest('hex');
    assert.ok(dump.includes(digest), 'its SHA-256 is');
    const { items } = (await call<ConnectLinkList>(server, 'GET', '/api/data-sources/linkedin-ads/links')).body;
    assert.deepEqual(items.map((l) => l.id), [other.id, link.id]);
    assert.ok(!JSON.stringify(items).includes(token), 'the list never carries a token');
    assert.equal((await getSource(server, 'linkedin-ads')).pendingLinkCount, 2);
  });

  it('stops counting a link as pending the moment it expires, though nothing was written since it was read', async (t) => {
    const server = await serve(t);
    const link = await createLink(server, 'linkedin-ads', { expiresInDays: 1 });
    const counts = async () => [
      (await getSource(server, 'linkedin-ads')).pendingLinkCount,
      (await call<DataSourceList>(server, 'GET', '/api/data-sources?include=connections&ids=linkedin-ads')).body.items[0]!.pendingLinkCount,
    ];
    assert.deepEqual(await counts(), [1, 1]);
    server.clock.advance(Date.parse(link.expiresAt) - server.clock.now - 1);
    assert.deepEqual(await counts(), [1, 1], 'a millisecond before');
    server.clock.advance(1);
    assert.deepEqual(await counts(), [undefined, undefined], 'at its expiry');
  });

  it('connects through the link page once; the account says who connected it; a second use is refused', async (t) => {
    const server = await serve(t);
    const link = await createLink(server, 'tiktok-ads', { recipient: 'sam@example.com', note: 'For <b>the</b> launch' });
    const page = await (await fetch(link.url)).text();
    assert.match(page, /asks you to connect a <strong>TikTok Ads<\/strong> account/);
    assert.match(page, /For &#60;b&#62;the&#60;\/b&#62; launch/, 'the note, escaped');
    assert.doesNotMatch(page, /Bluebird|con_/, 'nothing of the account');

    const done = await useLink(server, link.url, '7215530982614478849');
    assert.equal(done.status, 200);
    assert.match(done.html, /is now connected to Northwind Reports/);
    const source: DataSource = await getSource(server, 'tiktok-ads');
    assert.equal(source.connections.length, 1);
    assert.equal(source.connections[0]!.connectedBy, 'sam@example.com');
    assert.equal(source.pendingLinkCount, undefined);
    assert.deepEqual((await call<ConnectLinkList>(server, 'GET', '/api/data-sources/tiktok-ads/links')).body.items, []);

    const again = await fetch(link.url);
    assert.equal(again.status, 410);
    assert.match(await again.text(), /already used/);
    const { items } = await history(server, 'tiktok-ads');
    assert.deepEqual(
      items.map((e) => [e.type, e.actor, e.viaLink]),
      [
        ['link_used', 'sam@example.com', true],
        ['connected', 'sam@example.com', true],
        // Made by the signed-in user: the history names them.
        ['link_created', 'Ada Moreau', false],
      ],
    );
  });

  it('refuses a revoked, an expired, a wrong or a malformed link, each with its own page', async (t) => {
    const server = await serve(t);
    const revoked = await createLink(server, 'tiktok-ads');
    const expired = await createLink(server, 'tiktok-ads', { expiresInDays: 1 });
    const answer = await call(server, 'DELETE', `/api/data-sources/tiktok-ads/links/${revoked.id}`);
    assert.equal(answer.status, 204);
    assert.equal((await fetch(revoked.url)).status, 410);
    assert.match(await (await fetch(revoked.url)).text(), /cancelled/);

    server.clock.advance(DAY + 1);
    const late = await fetch(expired.url);
    assert.equal(late.status, 410);
    assert.match(await late.text(), /expired/);

    const wrong = expired.url.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43));
    assert.equal((await fetch(wrong)).status, 404);
    assert.equal((await fetch(`${server.url}/api/connect/lnk_nope/short`)).status, 404);
    assertError(await call(server, 'DELETE', '/api/data-sources/tiktok-ads/links/lnk_nope'), 404, 'link_not_found');
  });

  it('does not connect through a link revoked while its sign-in was under way', async (t) => {
    const server = await serve(t);
    const link = await createLink(server, 'tiktok-ads');
    const authorizationUrl = await continueLink(link.url);
    await call(server, 'DELETE', `/api/data-sources/tiktok-ads/links/${link.id}`);
    const callback = await approve(server, authorizationUrl, '7215530982614478849');
    assert.match(callback.html, /not connected/);
    assert.deepEqual((await getSource(server, 'tiktok-ads')).connections, []);
  });

  it('validates what a link is made with', async (t) => {
    const server = await serve(t);
    assertError(await call(server, 'POST', '/api/data-sources/tiktok-ads/links', {}), 400, 'invalid_body');
    assertError(await call(server, 'POST', '/api/data-sources/tiktok-ads/links', { expiresInDays: 31 }), 400, 'invalid_body');
    assertError(await call(server, 'POST', '/api/data-sources/tiktok-ads/links', { expiresInDays: 7, note: 'x'.repeat(1001) }), 400, 'invalid_body');
    assertError(await call(server, 'POST', '/api/data-sources/no-such/links', { expiresInDays: 7 }), 404, 'data_source_not_found');
  });
});

describe('history', () => {
  it('records each change with it, and nothing for a change refused', async (t) => {
    const server = await serve(t);
    const source = await getSource(server, 'hubspot');
    const failing = source.connections[0]!;
    const before = (await history(server, 'hubspot')).items.length;
    assertError(await call(server, 'POST', `/api/data-sources/hubspot/connections/${failing.id}/refresh`), 409, 'connection_in_error');
    assert.equal((await history(server, 'hubspot')).items.length, before, 'a refused refresh leaves no event');

    const healthy = (await getSource(server, 'ga4')).connections.find((c) => c.status === 'active' && c.role === 'secondary')!;
    await call(server, 'PATCH', `/api/data-sources/ga4/connections/${healthy.id}`, { role: 'main' });
    await call(server, 'POST', `/api/data-sources/ga4/connections/${healthy.id}/refresh`);
    await call(server, 'DELETE', `/api/data-sources/ga4/connections/${healthy.id}`);
    const { items } = await history(server, 'ga4', `?connectionId=${healthy.id}`);
    assert.deepEqual(items.slice(0, 3).map((e) => e.type), ['deleted', 'refreshed', 'made_main']);
    // Deleting the main promotes the newest remaining account: that is a change too.
    const all = await history(server, 'ga4', '?limit=1');
    assert.equal(all.items[0]!.type, 'made_main');
    assert.notEqual(all.items[0]!.connectionId, healthy.id);
  });

  it('pages newest first with an opaque cursor that events recorded meanwhile do not shift', async (t) => {
    const server = await serve(t);
    const first = await history(server, 'google-ads', '?limit=10');
    assert.equal(first.items.length, 10);
    assert.ok(first.nextCursor);
    const main = (await getSource(server, 'google-ads')).connections[0]!;
    await call(server, 'POST', `/api/data-sources/google-ads/connections/${main.id}/refresh`);
    const second = await history(server, 'google-ads', `?limit=10&cursor=${encodeURIComponent(first.nextCursor!)}`);
    const ids = [...first.items, ...second.items].map((e) => e.id);
    assert.equal(new Set(ids).size, 20, 'no event twice');
    const times = [...first.items, ...second.items].map((e) => e.at);
    assert.deepEqual([...times].sort().reverse(), times, 'newest first');
    assertError(await call(server, 'GET', '/api/data-sources/google-ads/history?cursor=bogus'), 400, 'invalid_query');
    assertError(await call(server, 'GET', '/api/data-sources/google-ads/history?limit=0'), 400, 'invalid_query');
  });

  it('notes an account entering its warning window once', async (t) => {
    const server = await serve(t);
    const expiring = async () => (await history(server, 'google-ads', '?limit=200')).items.filter((e) => e.type === 'expiring');
    assert.equal((await expiring()).length, 1, 'the seeded account that expires in 5 days');
    assert.equal((await expiring()).length, 1, 'not again on the next read');
  });
});
