// Other tabs of the same origin hear of a write and revalidate: two stores of the same endpoint
// in one page stand for two tabs (BroadcastChannel delivers to every other channel of the origin).
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import { HttpError } from '../../src/api/errors.js';
import { ConnectionStore } from '../../src/store/connection-store.js';
import { connections, googleAds } from '../../mocks/data.js';
import { mockEndpoint } from '../../mocks/endpoint.js';
import { requestsTo, useHandlers } from '../helpers/msw.js';

const GET = 'GET /api/data-sources/google-ads';

describe('ConnectionStore: other tabs', function () {
  this.timeout(10_000);
  const stores: ConnectionStore[] = [];
  afterEach(() => stores.splice(0).forEach((store) => store.dispose()));

  function tab(endpoint = '/api'): ConnectionStore {
    const store = new ConnectionStore(new ApiClient({ endpoint }), { revalidateOnFocus: false });
    stores.push(store);
    store.subscribe('google-ads', () => {});
    return store;
  }

  it('a delete, a make-main and a new connection in one tab reach the other within a second, one request each', async () => {
    const endpoint = mockEndpoint([googleAds(connections(3))]);
    await useHandlers(...endpoint.handlers, ...mockEndpoint([googleAds(connections(3))], { base: '/other' }).handlers);
    const [here, there, elsewhere] = [tab(), tab(), tab('/other')];
    await Promise.all([here.load('google-ads'), there.load('google-ads'), elsewhere.load('google-ads')]);
    const gets = () => requestsTo(GET).length;
    const before = gets();

    await here.remove('google-ads', 'conn_3');
    const started = performance.now();
    await waitUntil(() => there.get('google-ads').connections.length === 2, 'the other tab updated', { timeout: 1000 });
    expect(performance.now() - started).to.be.below(1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // One revalidation here (after the write) and one there; none for the other endpoint.
    expect(gets() - before).to.equal(2);
    expect(elsewhere.get('google-ads').connections).to.have.length(3);

    await here.makeMain('google-ads', 'conn_2');
    await waitUntil(() => there.get('google-ads').connections[0]!.id === 'conn_2', 'main changed there', { timeout: 1000 });

    const { state } = await here.client.startAuthorization('google-ads', { origin: location.origin });
    endpoint.complete(state, { accountName: 'Added here', accountId: '42' });
    await here.reload('google-ads');
    await waitUntil(() => there.get('google-ads').connections.some((c) => c.accountName === 'Added here'), 'added there', { timeout: 1000 });
  });

  it('a connection added here reaches the other tab even when the reload here fails', async () => {
    const endpoint = mockEndpoint([googleAds(connections(1))]);
    await useHandlers(...endpoint.handlers);
    const [here, there] = [tab(), tab()];
    await Promise.all([here.load('google-ads'), there.load('google-ads')]);
    const { state } = await here.client.startAuthorization('google-ads', { origin: location.origin });
    endpoint.complete(state, { accountName: 'Added here', accountId: '42' });
    // This tab's reload fails once (the client does not retry a 500); the other tab's load goes through.
    let failed = false;
    await useHandlers(
      http.get('/api/data-sources/google-ads', () => {
        if (failed) return undefined;
        failed = true;
        return HttpResponse.json({ error: { code: 'down', message: 'Down' } }, { status: 500 });
      }),
      ...endpoint.handlers,
    );
    const error = await here.reload('google-ads').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(HttpError);
    await waitUntil(() => there.get('google-ads').connections.some((c) => c.accountName === 'Added here'), 'added there', { timeout: 1000 });
  });

  it('a write heard while a load is in flight, answered before that write, is loaded again', async () => {
    const endpoint = mockEndpoint([googleAds(connections(2))]);
    await useHandlers(...endpoint.handlers);
    const [here, there] = [tab(), tab()];
    await Promise.all([here.load('google-ads'), there.load('google-ads')]);
    // The next load answers with the rows as they were when it arrived, once released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    let first = true;
    await useHandlers(
      http.get('/api/data-sources/google-ads', async () => {
        if (!first) return undefined;
        first = false;
        const before = structuredClone(endpoint.sources.get('google-ads'));
        arrived();
        await held;
        return HttpResponse.json(before);
      }),
      ...endpoint.handlers,
    );
    const stale = there.load('google-ads', { force: true })!;
    await arrival;
    await here.remove('google-ads', 'conn_2');
    // The message reaches `there` while its load is still held.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await stale;
    await waitUntil(() => there.get('google-ads').connections.length === 1, 'the other tab loaded again', { timeout: 1000 });
  });

  it('ignores messages on the channel that are not a change of this endpoint\'s source', async () => {
    await useHandlers(...mockEndpoint([googleAds(connections(2))]).handlers);
    const there = tab();
    await there.load('google-ads');
    const before = requestsTo(GET).length;
    const endpoint = there.client.resolveUrl('');
    const sender = new BroadcastChannel('data-source-widgets');
    // Delivered in order: once the last one is loaded for, the others have been heard.
    for (const data of [
      null,
      'dsw-source-changed',
      { type: 'other', endpoint, sourceId: 'google-ads' },
      { type: 'dsw-source-changed', endpoint: `${endpoint}other/`, sourceId: 'google-ads' },
      { type: 'dsw-source-changed', endpoint },
      { type: 'dsw-source-changed', endpoint, sourceId: 'google-ads' },
    ]) {
      sender.postMessage(data);
    }
    sender.close();
    await waitUntil(() => requestsTo(GET).length > before && !there.get('google-ads').revalidating, 'the change heard', {
      timeout: 1000,
    });
    expect(requestsTo(GET).length - before, 'one load: for the last message only').to.equal(1);
  });

  it('a store with nobody subscribed keeps no channel open and sends nothing', async () => {
    await useHandlers(...mockEndpoint([googleAds(connections(2))]).handlers);
    const quiet = new ConnectionStore(new ApiClient({ endpoint: '/api' }));
    stores.push(quiet);
    const writer = tab();
    await writer.load('google-ads');
    const before = requestsTo(GET).length;
    await writer.remove('google-ads', 'conn_2');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestsTo(GET).length - before, 'only the writer revalidates').to.equal(1);
  });
});
