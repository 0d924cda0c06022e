// A lasting fault is tried again by itself, spaced out and bounded, and says when; the client
// never waits out of sight for longer than a moment.
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import { HttpError, NetworkError, UnauthorizedError } from '../../src/api/errors.js';
import { ConnectionStore } from '../../src/store/connection-store.js';
import { RETRY_DELAYS_MS, retryDelay } from '../../src/store/retries.js';
import { requestsTo, useHandlers } from '../helpers/msw.js';

const GET = 'GET /api/data-sources/google-ads';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('retryDelay', () => {
  it('plans 5, 15, 45 s then every minute for lasting faults, and nothing for the others', () => {
    const down = new HttpError(503, 'down', 'Down');
    expect([0, 1, 2, 3, 9].map((attempt) => retryDelay(down, attempt))).to.deep.equal([5_000, 15_000, 45_000, 60_000, 60_000]);
    expect(retryDelay(new NetworkError('offline'), 0)).to.equal(5_000);
    expect(retryDelay(new HttpError(429, 'slow', 'Later', 40_000), 0), 'Retry-After, when longer').to.equal(40_000);
    expect(retryDelay(new HttpError(429, 'slow', 'Later', 1_000), 1), 'never sooner than planned').to.equal(15_000);
    expect(retryDelay(new HttpError(404, 'gone', 'Gone'), 0)).to.equal(undefined);
    expect(retryDelay(new UnauthorizedError('no'), 0)).to.equal(undefined);
    expect(RETRY_DELAYS_MS).to.deep.equal([5_000, 15_000, 45_000, 60_000]);
  });
});

describe('ConnectionStore: lasting faults', function () {
  this.timeout(10_000);
  const stores: ConnectionStore[] = [];
  afterEach(() => stores.splice(0).forEach((store) => store.dispose()));

  /** A store whose "minute" lasts 600 ms: every delay a hundredth of the real one; no real client waits. */
  function fastStore(): ConnectionStore {
    const client = new ApiClient({ endpoint: '/api', sleep: () => Promise.resolve() });
    const store = new ConnectionStore(client, { revalidateOnFocus: false, retryDelaysMs: RETRY_DELAYS_MS.map((ms) => ms / 100) });
    stores.push(store);
    return store;
  }

  it('a failing endpoint gets at most 12 requests per source in a minute, and the store says when it tries next', async () => {
    await useHandlers(http.get('/api/data-sources/:id', () => new HttpResponse(null, { status: 503 })));
    const store = fastStore();
    store.subscribe('google-ads', () => {});
    const started = Date.now();
    await store.load('google-ads')?.catch(() => {});
    const failed = Date.now();
    // The first automatic try is due 50 ms after the failure, which came between these two times.
    const { retryAt } = store.get('google-ads');
    expect(retryAt).to.be.within(started + 50, failed + 50);
    await pause(600 - (Date.now() - started));
    // Loads at 0, +50 and +200 of 600 (the next is at +650): 1 request and 3 quick retries each,
    // so 12 at most; a loaded machine may fit fewer loads in, never more.
    expect(requestsTo(GET).length).to.be.within(5, 12);
  });

  it('waits as long as a Retry-After asks, with one request, and shows the time', async () => {
    await useHandlers(
      http.get('/api/data-sources/:id', () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '40' } })),
    );
    const store = new ConnectionStore(new ApiClient({ endpoint: '/api' }), { revalidateOnFocus: false });
    stores.push(store);
    store.subscribe('google-ads', () => {});
    const started = Date.now();
    await store.load('google-ads')?.catch(() => {});
    const state = store.get('google-ads');
    expect(state.status).to.equal('error');
    expect(state.retryAt! - started).to.be.within(39_000, 41_000);
    expect(requestsTo(GET)).to.have.length(1);
  });

  it('tries a 404 or a 401 again only when asked, and stops trying once nobody shows the source', async () => {
    await useHandlers(http.get('/api/data-sources/:id', () => HttpResponse.json({ error: { code: 'nf', message: 'No' } }, { status: 404 })));
    const store = fastStore();
    const unsubscribe = store.subscribe('google-ads', () => {});
    await store.load('google-ads')?.catch(() => {});
    expect(store.get('google-ads').retryAt).to.equal(undefined);

    await useHandlers(http.get('/api/data-sources/:id', () => new HttpResponse(null, { status: 503 })));
    await store.load('google-ads', { force: true })?.catch(() => {});
    expect(store.get('google-ads').retryAt).to.be.a('number');
    unsubscribe();
    const before = requestsTo(GET).length;
    await pause(200);
    expect(requestsTo(GET).length, 'no try after the last widget left').to.equal(before);
    expect(store.get('google-ads').retryAt).to.equal(undefined);
  });

  it('marks a load slow after 3 s, and clears it when the load ends', async () => {
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    await useHandlers(
      http.get('/api/data-sources/:id', async () => {
        await held;
        return HttpResponse.json({ id: 'google-ads', name: 'Google Ads', connections: [] });
      }),
    );
    const store = fastStore();
    store.subscribe('google-ads', () => {});
    const load = store.load('google-ads');
    expect(store.get('google-ads').slow).to.equal(false);
    await waitUntil(() => store.get('google-ads').slow, 'slow after 3 s', { timeout: 4000 });
    answer();
    await load;
    expect(store.get('google-ads')).to.include({ slow: false, status: 'ready' });
  });
});
