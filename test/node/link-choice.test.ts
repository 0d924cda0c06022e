// A connect link used with a login that reaches several accounts (an agency's manager login): the
// teammate chooses on the endpoint's own page, since a link's page has no widget. The chosen
// accounts are connected once, the link is used up, and the history names the teammate; a
// forged form, an empty choice, a cancel and a link revoked meanwhile each end as they should.
// Run: node --import tsx --test test/node/link-choice.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectLinkList, CreatedConnectLink, HistoryPage } from '../../src/api/types.js';
import { call, getSource, serve, useLink, type TestServer } from './server-helpers.js';

const MANAGER = 'mgr-4-tiktok-ads-mcc';
const SINGLE = '7215530982614478849';
const client = (n: number) => `tiktok-ads-mcc-00${n}`;

async function createLink(server: TestServer): Promise<CreatedConnectLink> {
  const answer = await call<CreatedConnectLink>(server, 'POST', '/api/data-sources/tiktok-ads/links', { expiresInDays: 7, recipient: 'maria@example.com' });
  assert.equal(answer.status, 201, answer.text);
  return answer.body;
}

/** The choice form as the teammate's browser shows it. */
function formOf(html: string): { proof: string; accounts: string[]; checked: string[] } {
  const proof = /name="choice" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(proof, 'a choice form');
  const boxes = [...html.matchAll(/<input type="checkbox" name="account" value="([^"]+)"( checked)?>/g)];
  return { proof, accounts: boxes.map((m) => m[1]!), checked: boxes.filter((m) => m[2]).map((m) => m[1]!) };
}

/** Posts the form as the page does (its Referrer-Policy makes the origin "null"). */
async function submit(server: TestServer, fields: [string, string][]): Promise<{ status: number; html: string }> {
  const answer = await fetch(`${server.url}/api/connect/choice`, { method: 'POST', body: new URLSearchParams(fields), headers: { Origin: 'null' } });
  return { status: answer.status, html: await answer.text() };
}

const pendingLinks = async (server: TestServer) => (await call<ConnectLinkList>(server, 'GET', '/api/data-sources/tiktok-ads/links')).body.items;

describe('a connect link with a login that reaches several accounts', () => {
  it('lets the teammate choose: the chosen accounts are connected once, with the chosen main, and the link is used up', async (t) => {
    const server = await serve(t);
    const link = await createLink(server);
    const page = await useLink(server, link.url, MANAGER);
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Choose the TikTok Ads accounts to connect<\/h1>/);
    const form = formOf(page.html);
    assert.deepEqual(form.accounts, [1, 2, 3, 4].map(client));
    assert.deepEqual(form.checked, []);
    const [{ state }] = await server.rows<{ state: string }>('SELECT state FROM connect_link_states');
    assert.ok(!page.html.includes(state!), 'the state is not on the page');
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 0, 'nothing connected before the choice');

    const fields: [string, string][] = [['choice', form.proof], ['account', client(2)], ['account', client(4)], ['main', client(4)], ['action', 'connect']];
    const done = await submit(server, fields);
    assert.equal(done.status, 200, done.html);
    assert.match(done.html, /2 TikTok Ads accounts connected/);
    const source = await getSource(server, 'tiktok-ads');
    assert.deepEqual(source.connections.map((c) => [c.accountId, c.role, c.connectedBy]), [
      [client(4), 'main', 'maria@example.com'],
      [client(2), 'secondary', 'maria@example.com'],
    ]);
    assert.deepEqual(await pendingLinks(server), [], 'the link is used up');
    assert.equal((await fetch(link.url)).status, 410);
    const { items } = (await call<HistoryPage>(server, 'GET', '/api/data-sources/tiktok-ads/history')).body;
    const connected = items.filter((e) => e.type === 'connected');
    assert.deepEqual(connected.map((e) => [e.accountId, e.actor, e.viaLink]).sort(), [
      [client(2), 'maria@example.com', true],
      [client(4), 'maria@example.com', true],
    ]);

    const replay = await submit(server, fields);
    assert.equal(replay.status, 409);
    assert.match(replay.html, /already made or cancelled/);
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 2, 'a replay connects nothing more');
  });

  it('refuses a forged or altered form, and asks again, keeping what was ticked, when no account is chosen', async (t) => {
    const server = await serve(t);
    const { proof } = formOf((await useLink(server, (await createLink(server)).url, MANAGER)).html);
    const altered = proof.slice(0, -2) + (proof.endsWith('A') ? 'BB' : 'AA');
    for (const choice of [altered, 'forged', '']) {
      const answer = await submit(server, [['choice', choice], ['account', client(1)], ['action', 'connect']]);
      assert.equal(answer.status, 400);
      assert.match(answer.html, /not one this server made/);
    }
    const empty = await submit(server, [['choice', proof], ['main', client(3)], ['action', 'connect']]);
    assert.equal(empty.status, 400);
    assert.match(empty.html, /<p class="alert" role="alert">[^<]*[Cc]hoose/);
    const main = await submit(server, [['choice', proof], ['account', client(1)], ['main', client(3)], ['action', 'connect']]);
    assert.equal(main.status, 400);
    assert.deepEqual(formOf(main.html).checked, [client(1)], 'the ticks are kept');
    assert.match(main.html, /<option value="tiktok-ads-mcc-003" selected>/);
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 0);
    assert.equal((await submit(server, [['choice', proof], ['account', client(1)], ['action', 'connect']])).status, 200);
    assert.deepEqual((await getSource(server, 'tiktok-ads')).connections.map((c) => c.accountId), [client(1)]);
  });

  it('cancelling connects nothing, ends the sign-in, and leaves the link to be used again', async (t) => {
    const server = await serve(t);
    const link = await createLink(server);
    const { proof } = formOf((await useLink(server, link.url, MANAGER)).html);
    const cancelled = await submit(server, [['choice', proof], ['account', client(1)], ['action', 'cancel']]);
    assert.equal(cancelled.status, 200);
    assert.match(cancelled.html, /Nothing was connected/);
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 0);
    assert.deepEqual((await pendingLinks(server)).map((l) => l.id), [link.id], 'the link still works');
    assert.equal((await submit(server, [['choice', proof], ['account', client(1)], ['action', 'connect']])).status, 409);
    const again = await useLink(server, link.url, SINGLE);
    assert.match(again.html, /is now connected to Northwind Reports/);
  });

  it('connects nothing when the link is revoked while the teammate chooses', async (t) => {
    const server = await serve(t);
    const link = await createLink(server);
    const { proof } = formOf((await useLink(server, link.url, MANAGER)).html);
    assert.equal((await call(server, 'DELETE', `/api/data-sources/tiktok-ads/links/${link.id}`)).status, 204);
    const answer = await submit(server, [['choice', proof], ['account', client(1)], ['account', client(2)], ['action', 'connect']]);
    assert.equal(answer.status, 410);
    assert.match(answer.html, /cancelled/);
    assert.equal((await getSource(server, 'tiktok-ads')).connections.length, 0);
  });
});
