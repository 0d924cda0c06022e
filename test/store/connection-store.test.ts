import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, delay, getResponse } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import { HttpError, InvalidResponseError, NetworkError } from '../../src/api/errors.js';
import { ConnectionStore } from '../../src/store/connection-store.js';
import type { SourceState } from '../../src/store/source-state.js';
import { connections, googleAds } from '../../mocks/data.js';
import { mockEndpoint, type MockEndpoint } from '../../mocks/endpoint.js';
import { requests, requestsTo, useHandlers } from '../helpers/msw.js';

const noWait = () => Promise.resolve();
const clientFor = () => new ApiClient({ endpoint: '/api', sleep: noWait, random: () => 0 });

/** Resolves with the first state the store publishes that passes `test`. */
function until(store: ConnectionStore, test: (state: SourceState) => boolean): Promise<SourceState> {
  return new Promise((resolve) => {
    if (test(store.get('google-ads'))) return resolve(store.get('google-ads'));
    const stop = store.subscribe('google-ads', (state) => {
      if (!test(state)) return;
      stop();
      resolve(state);
    });
  });
}

/** A store whose client records the AbortSignal of every request it sends. */
function signalRecordingStore() {
  const signals: AbortSignal[] = [];
  const client = new ApiClient({
    endpoint: '/api',
    fetch: (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return fetch(input, init);
    },
  });
  return { signals, store: new ConnectionStore(client) };
}

const ids = (state: SourceState) => state.connections.map((c) => `${c.id}:${c.role}`);

/**
 * `method path` on `endpoint` as a loaded machine serves it, until `release()`: the request
 * reaches the endpoint late (`reach`), or is processed at once and answered late (a load that
 * read the rows before a write and answers after it); `first`: only the first such request.
 * `count()` says how many the endpoint processed.
 */
function held(endpoint: MockEndpoint, method: 'get' | 'post' | 'patch' | 'delete', path: string, { reach = false, first = false } = {}) {
  let release!: () => void;
  const wait = new Promise<void>((resolve) => (release = resolve));
  let arrived = 0;
  let count = 0;
  const handler = http[method](path, async ({ request }) => {
    const hold = ++arrived === 1 || !first;
    if (hold && reach) await wait;
    const response = await getResponse(endpoint.handlers, request);
    count++;
    if (hold && !reach) await wait;
    return response;
  });
  return { handler, release, count: () => count };
}

describe('ConnectionStore', () => {
  let store: ConnectionStore;
  let now: number;

  beforeEach(() => {
    now = 1_000_000;
    store = new ConnectionStore(clientFor(), { now: () => now, staleMs: 30_000 });
  });
  afterEach(() => store.dispose());

  describe('loading', () => {
    it('two subscribers of one source make one request', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(3))]).handlers);
      const seen: string[] = [];
      store.subscribe('google-ads', (s) => seen.push(`a:${s.status}`));
      store.subscribe('google-ads', (s) => seen.push(`b:${s.status}`));
      const first = store.load('google-ads');
      const second = store.load('google-ads');
      expect(second, 'a load in flight is shared, not started again').to.equal(undefined);
      await first;
      expect(requests).to.deep.equal(['GET /api/data-sources/google-ads']);
      expect(seen).to.include.members(['a:ready', 'b:ready']);
      expect(store.get('google-ads').connections).to.have.length(3);
    });

    it('orders connections main first, then newest first', async () => {
      const list = connections(3);
      list[0]!.role = 'secondary';
      list[2]!.role = 'main';
      await useHandlers(...mockEndpoint([googleAds([list[1]!, list[0]!, list[2]!])]).handlers);
      await store.load('google-ads');
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_3:main', 'conn_1:secondary', 'conn_2:secondary']);
    });

    it('serves fresh data without a request and revalidates stale data while showing it', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(2))]).handlers);
      await store.load('google-ads');
      expect(store.load('google-ads'), 'fresh data needs no request').to.equal(undefined);
      now += 30_001;
      const states: SourceState[] = [];
      store.subscribe('google-ads', (s) => states.push(s));
      const revalidation = store.load('google-ads');
      expect(store.get('google-ads').status).to.equal('ready');
      expect(store.get('google-ads').revalidating).to.equal(true);
      expect(store.get('google-ads').connections, 'rows stay while revalidating').to.have.length(2);
      await revalidation;
      expect(states.at(-1)!.revalidating).to.equal(false);
      expect(requestsTo('GET')).to.have.length(2);
    });

    it('keeps the rows and records the error when a revalidation fails', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(2))]).handlers);
      await store.load('google-ads');
      await useHandlers(http.get('/api/data-sources/google-ads', () => HttpResponse.json({ id: 'google-ads' })));
      const error = await store.load('google-ads', { force: true })!.catch((e: unknown) => e);
      expect(error).to.be.instanceOf(InvalidResponseError);
      const state = store.get('google-ads');
      expect(state.status).to.equal('ready');
      expect(state.connections).to.have.length(2);
      expect(state.error).to.equal(error);
    });

    it('ends a failed first load in the error state with the typed error', async () => {
      await useHandlers(http.get('/api/data-sources/:id', () => HttpResponse.error()));
      const error = await store.load('google-ads')!.catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NetworkError);
      expect(store.get('google-ads').status).to.equal('error');
      expect(store.get('google-ads').error).to.equal(error);
    });

    it('aborts the request when the last subscriber leaves', async () => {
      const { signals, store: recording } = signalRecordingStore();
      store = recording;
      await useHandlers(http.get('/api/data-sources/:id', () => delay('infinite')));
      const stop = store.subscribe('google-ads', () => {});
      const load = store.load('google-ads')!;
      await delay(20);
      expect(signals.some((s) => s.aborted)).to.equal(false);
      stop();
      await load;
      expect(signals.some((s) => s.aborted)).to.equal(true);
      expect(store.get('google-ads').status).to.equal('idle');
    });

    it('revalidates what is shown on window focus and when the browser comes online, one request each', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(2))]).handlers);
      store.subscribe('google-ads', () => {});
      await store.load('google-ads');
      window.dispatchEvent(new Event('focus'));
      window.dispatchEvent(new Event('focus'));
      await until(store, (s) => !s.revalidating);
      window.dispatchEvent(new Event('online'));
      await until(store, (s) => !s.revalidating);
      expect(requestsTo('GET')).to.have.length(3);
    });

    it('does not revalidate sources nobody shows', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(2))]).handlers);
      const stop = store.subscribe('google-ads', () => {});
      await store.load('google-ads');
      stop();
      window.dispatchEvent(new Event('focus'));
      await delay(20);
      expect(requestsTo('GET')).to.have.length(1);
    });

    it('reload waits for a load in flight, then loads again', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(2))], { latency: 20 }).handlers);
      void store.load('google-ads');
      await store.reload('google-ads');
      expect(requestsTo('GET')).to.have.length(2);
    });
  });

  describe('batched loads', () => {
    const source = (i: number) => ({ id: `s${i}`, name: `Source ${i}`, connections: connections(2) });
    const sources = (count: number) => Array.from({ length: count }, (_, i) => source(i));
    const idsOf = (count: number) => Array.from({ length: count }, (_, i) => `s${i}`);
    const batches = () => requestsTo('GET /api/data-sources?');
    /** Subscribes to and loads every source in one task, as a page of cards does. */
    const show = (list: string[]) =>
      list.map((id) => {
        store.subscribe(id, () => {});
        return store.load(id);
      });

    it('loads 3 sources subscribed in one task with 1 request', async () => {
      await useHandlers(...mockEndpoint(sources(3)).handlers);
      await Promise.all(show(idsOf(3)));
      expect(requests).to.deep.equal(['GET /api/data-sources?include=connections&ids=s0,s1,s2']);
      for (const id of idsOf(3)) {
        expect(store.get(id).status).to.equal('ready');
        expect(ids(store.get(id))).to.deep.equal(['conn_1:main', 'conn_2:secondary']);
        expect(store.get(id).source).to.deep.equal({ id, name: `Source ${id.slice(1)}` });
      }
    });

    it('loads 250 sources with 3 requests of at most 100 IDs', async () => {
      await useHandlers(...mockEndpoint(sources(250)).handlers);
      await Promise.all(show(idsOf(250)));
      expect(requests).to.have.length(3);
      expect(batches().map((r) => r.split('ids=')[1]!.split(',').length)).to.deep.equal([100, 100, 50]);
      expect(idsOf(250).every((id) => store.get(id).status === 'ready')).to.equal(true);
    });

    it('puts every source of a failed batch in error with the typed error, reported once per source', async () => {
      await useHandlers(...mockEndpoint(sources(3), { failWith: 500 }).handlers);
      const loads = show(idsOf(3));
      // Loads asked for again meanwhile are shared, not reported again.
      expect(show(idsOf(3)).every((load) => load === undefined)).to.equal(true);
      const errors = await Promise.all(loads.map((load) => load!.catch((e: unknown) => e)));
      expect(requests).to.deep.equal(['GET /api/data-sources?include=connections&ids=s0,s1,s2']);
      expect(errors).to.have.length(3);
      for (const [i, id] of idsOf(3).entries()) {
        expect(errors[i]).to.be.instanceOf(HttpError);
        expect((errors[i] as HttpError).status).to.equal(500);
        expect(store.get(id).status).to.equal('error');
        expect(store.get(id).error).to.equal(errors[i]);
      }
    });

    it('loads an ID missing from the answer alone, so an unknown source ends as 404', async () => {
      await useHandlers(...mockEndpoint(sources(2)).handlers);
      const [a, b, missing] = show(['s0', 's1', 'nope']);
      await Promise.all([a, b]);
      const error = await missing!.catch((e: unknown) => e);
      expect(requests).to.deep.equal([
        'GET /api/data-sources?include=connections&ids=s0,s1,nope',
        'GET /api/data-sources/nope',
      ]);
      expect((error as HttpError).status).to.equal(404);
      expect(store.get('nope').status).to.equal('error');
      expect(store.get('s1').status).to.equal('ready');
    });

    it('falls back to single loads, from then on, when the endpoint answers 404 to the batch', async () => {
      const endpoint = mockEndpoint(sources(4));
      await useHandlers(
        http.get('/api/data-sources', () => HttpResponse.json({ error: { code: 'not_found', message: 'No' } }, { status: 404 })),
        ...endpoint.handlers,
      );
      await Promise.all(show(['s0', 's1']));
      expect(requests).to.deep.equal([
        'GET /api/data-sources?include=connections&ids=s0,s1',
        'GET /api/data-sources/s0',
        'GET /api/data-sources/s1',
      ]);
      expect(store.get('s1').status).to.equal('ready');
      requests.length = 0;
      await Promise.all(show(['s2', 's3']));
      expect(requests).to.deep.equal(['GET /api/data-sources/s2', 'GET /api/data-sources/s3']);
    });

    it('aborts a batch only when the last subscriber of its sources leaves', async () => {
      const { signals, store: recording } = signalRecordingStore();
      store = recording;
      await useHandlers(http.get('/api/data-sources', () => delay('infinite')));
      const stops = ['s0', 's1'].map((id) => store.subscribe(id, () => {}));
      const loads = ['s0', 's1'].map((id) => store.load(id)!);
      await delay(20);
      expect(signals).to.have.length(1);
      stops[0]!();
      await loads[0];
      expect(store.get('s0').status, 'the source left stops waiting').to.equal('idle');
      expect(signals[0]!.aborted, 'the batch goes on for s1').to.equal(false);
      expect(store.get('s1').status).to.equal('loading');
      stops[1]!();
      await loads[1];
      expect(signals[0]!.aborted).to.equal(true);
      expect(store.get('s1').status).to.equal('idle');
    });

    it('revalidates every source shown with one request on focus', async () => {
      await useHandlers(...mockEndpoint(sources(3)).handlers);
      await Promise.all(show(idsOf(3)));
      window.dispatchEvent(new Event('focus'));
      await Promise.all(idsOf(3).map((id) => store.get(id).revalidating && new Promise((resolve) => {
        const stop = store.subscribe(id, (s) => !s.revalidating && resolve(stop()));
      })));
      expect(batches()).to.have.length(2);
      expect(requests).to.have.length(2);
    });
  });

  describe('optimistic writes', () => {
    it('removes a row at once and revalidates once after the endpoint confirms', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(3))], { latency: 10 }).handlers);
      await store.load('google-ads');
      const removal = store.remove('google-ads', 'conn_2');
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_1:main', 'conn_3:secondary']);
      expect(store.get('google-ads').busy.has('conn_2')).to.equal(true);
      await removal;
      await until(store, (s) => !s.revalidating);
      expect(requests).to.deep.equal([
        'GET /api/data-sources/google-ads',
        'DELETE /api/data-sources/google-ads/connections/conn_2',
        'GET /api/data-sources/google-ads',
      ]);
      expect(store.get('google-ads').busy.size).to.equal(0);
    });

    it('promotes the newest remaining account when the main one is removed', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(3))]).handlers);
      await store.load('google-ads');
      const removal = store.remove('google-ads', 'conn_1');
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_2:main', 'conn_3:secondary']);
      await removal;
      await until(store, (s) => !s.revalidating);
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_2:main', 'conn_3:secondary']);
    });

    it('puts a row whose delete failed back exactly where it was, and throws the typed error', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(4))]).handlers);
      await store.load('google-ads');
      const before = store.get('google-ads').connections;
      await useHandlers(
        http.delete('/api/data-sources/:id/connections/:cid', () =>
          HttpResponse.json({ error: { code: 'locked', message: 'In use by a report' } }, { status: 409 }),
        ),
      );
      const error = await store.remove('google-ads', 'conn_1').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(HttpError);
      expect((error as HttpError).status).to.equal(409);
      expect((error as HttpError).message).to.equal('In use by a report');
      expect(store.get('google-ads').connections).to.equal(before);
      expect(requests).to.deep.equal(['DELETE /api/data-sources/google-ads/connections/conn_1']);
    });

    it('a delete left without an answer (it may have been made) puts the row back, then asks the endpoint', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(3))]).handlers);
      await store.load('google-ads');
      // The endpoint deleted it, but the answer was lost on the way back.
      await useHandlers(
        http.delete('/api/data-sources/:id/connections/:cid', () => HttpResponse.error()),
        ...mockEndpoint([googleAds(connections(3).filter((c) => c.id !== 'conn_2'))]).handlers,
      );
      const error = await store.remove('google-ads', 'conn_2').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NetworkError);
      expect(store.get('google-ads').connections.map((c) => c.id)).to.include('conn_2');
      const after = await until(store, (s) => !s.connections.some((c) => c.id === 'conn_2'));
      expect(after.connections.map((c) => c.id)).to.deep.equal(['conn_1', 'conn_3']);
      expect(requests).to.deep.equal(['DELETE /api/data-sources/google-ads/connections/conn_2', 'GET /api/data-sources/google-ads']);
    });

    it('rolls back one failed delete without undoing another that succeeded meanwhile', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(4))]).handlers);
      await store.load('google-ads');
      await useHandlers(
        http.delete('/api/data-sources/google-ads/connections/conn_2', async () => {
          await delay(30);
          return HttpResponse.json({ error: { code: 'x', message: 'no' } }, { status: 500 });
        }),
        http.delete('/api/data-sources/google-ads/connections/conn_4', () => new HttpResponse(null, { status: 204 })),
        http.get('/api/data-sources/google-ads', () => delay('infinite')),
      );
      const failing = store.remove('google-ads', 'conn_2').catch(() => 'failed');
      await store.remove('google-ads', 'conn_4');
      expect(await failing).to.equal('failed');
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_1:main', 'conn_2:secondary', 'conn_3:secondary']);
    });

    it('ignores a load that started before a write and answers after it', async () => {
      let answer!: () => void;
      const gate = new Promise<void>((resolve) => (answer = resolve));
      const endpoint = mockEndpoint([googleAds(connections(3))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      const stale = structuredClone(endpoint.sources.get('google-ads'));
      await useHandlers(
        http.get('/api/data-sources/google-ads', async () => {
          await gate;
          return HttpResponse.json(stale);
        }),
        ...endpoint.handlers,
      );
      const load = store.load('google-ads', { force: true })!;
      await store.remove('google-ads', 'conn_3');
      answer();
      await load;
      expect(ids(store.get('google-ads'))).to.not.include('conn_3:secondary');
    });

    it('makes a connection main at once and keeps it after the endpoint confirms', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(3))], { latency: 10 }).handlers);
      await store.load('google-ads');
      const change = store.makeMain('google-ads', 'conn_3');
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_3:main', 'conn_1:secondary', 'conn_2:secondary']);
      const updated = await change;
      expect(updated.role).to.equal('main');
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_3:main', 'conn_1:secondary', 'conn_2:secondary']);
      expect(requestsTo('PATCH')).to.deep.equal(['PATCH /api/data-sources/google-ads/connections/conn_3']);
    });

    it('a delete confirmed while an older answer is on its way still ends without the row', async () => {
      const endpoint = mockEndpoint([googleAds(connections(2))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      // The DELETE reaches the endpoint only when let go, while the reload read the rows before it.
      const write = held(endpoint, 'delete', '/api/data-sources/google-ads/connections/conn_2', { reach: true });
      const read = held(endpoint, 'get', '/api/data-sources/google-ads', { first: true });
      await useHandlers(write.handler, read.handler, ...endpoint.handlers);
      const removal = store.remove('google-ads', 'conn_2');
      const reload = store.load('google-ads', { force: true });
      await waitUntil(() => read.count() === 1, 'the reload read the rows', { interval: 5 });
      write.release();
      await removal;
      read.release();
      await reload;
      expect(ids(store.get('google-ads')), 'the older answer is not shown').to.deep.equal(['conn_1:main']);
      await until(store, (s) => !s.revalidating && s.connections.length === 1);
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_1:main']);
    });

    it('a refused delete does not strand the answer of a load sent before it (another tab\'s change)', async () => {
      const endpoint = mockEndpoint([googleAds(connections(3))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      // The load heard of another tab's delete of conn_3; its answer arrives after the refusal.
      const read = held(endpoint, 'get', '/api/data-sources/google-ads', { first: true });
      await useHandlers(
        http.delete('/api/data-sources/google-ads/connections/conn_2', () =>
          HttpResponse.json({ error: { code: 'down', message: 'Down' } }, { status: 503 }),
        ),
        read.handler,
        ...endpoint.handlers,
      );
      await clientFor().deleteConnection('google-ads', 'conn_3');
      const load = store.load('google-ads', { force: true })!;
      await waitUntil(() => read.count() === 1, 'the load read the rows', { interval: 5 });
      const error = await store.remove('google-ads', 'conn_2').catch((e: unknown) => e);
      expect((error as HttpError).status).to.equal(503);
      read.release();
      await load;
      await waitUntil(() => !store.get('google-ads').revalidating && store.get('google-ads').connections.length === 2, 'loaded again', {
        interval: 5,
        timeout: 1000,
      });
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_1:main', 'conn_2:secondary']);
    });

    it('a delete the endpoint answers 404 (deleted in another tab meanwhile) is done, not undone', async () => {
      const endpoint = mockEndpoint([googleAds(connections(2))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      endpoint.sources.get('google-ads')!.connections.pop();
      const removed = await store.remove('google-ads', 'conn_2');
      expect(removed.id).to.equal('conn_2');
      await until(store, (s) => !s.revalidating);
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_1:main']);
    });

    it('a make-main answered after a later one does not undo it', async () => {
      const endpoint = mockEndpoint([googleAds(connections(3))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      // conn_2 is made main at once, but its answer arrives after conn_3's.
      const { handler, release } = held(endpoint, 'patch', '/api/data-sources/google-ads/connections/conn_2');
      await useHandlers(handler, ...endpoint.handlers);
      const first = store.makeMain('google-ads', 'conn_2');
      await waitUntil(() => requestsTo('PATCH').length === 1, 'the first PATCH sent', { interval: 5 });
      await delay(20);
      await store.makeMain('google-ads', 'conn_3');
      release();
      await first;
      await until(store, (s) => !s.revalidating);
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_3:main', 'conn_1:secondary', 'conn_2:secondary']);
    });

    it('a make-main answered after a reload that followed a re-connect does not undo it', async () => {
      const endpoint = mockEndpoint([googleAds(connections(2))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      // conn_1 is made main at once; its answer arrives after the re-connect's reload.
      const { handler, release } = held(endpoint, 'patch', '/api/data-sources/google-ads/connections/conn_1');
      await useHandlers(handler, ...endpoint.handlers);
      const first = store.makeMain('google-ads', 'conn_1');
      await waitUntil(() => requestsTo('PATCH').length === 1, 'the PATCH sent', { interval: 5 });
      await delay(20);
      // Re-connecting conn_2 makes it main (the newest credentials), then the store reloads.
      const { state } = await store.client.startAuthorization('google-ads', { origin: location.origin, connectionId: 'conn_2' });
      endpoint.complete(state, { accountName: 'Account 2', accountId: connections(2)[1]!.accountId });
      await store.reload('google-ads');
      release();
      await first;
      await until(store, (s) => !s.revalidating);
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_2:main', 'conn_1:secondary']);
    });

    it('a refresh answered after a change of main keeps the row\'s new role', async () => {
      const endpoint = mockEndpoint([googleAds(connections(2))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      // The refresh of conn_1 (main then) is done at once; its answer arrives after the make-main.
      const { handler, release } = held(endpoint, 'post', '/api/data-sources/google-ads/connections/conn_1/refresh');
      await useHandlers(handler, ...endpoint.handlers);
      const refresh = store.refresh('google-ads', 'conn_1');
      await waitUntil(() => requestsTo('POST').length === 1, 'the refresh sent', { interval: 5 });
      await delay(20);
      await store.makeMain('google-ads', 'conn_2');
      release();
      await refresh;
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_2:main', 'conn_1:secondary']);
    });

    it('a make-main answered after a load that saw a later change does not undo it', async () => {
      const endpoint = mockEndpoint([googleAds(connections(2))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      const { handler, release } = held(endpoint, 'patch', '/api/data-sources/google-ads/connections/conn_2');
      await useHandlers(handler, ...endpoint.handlers);
      const change = store.makeMain('google-ads', 'conn_2');
      await waitUntil(() => requestsTo('PATCH').length === 1, 'the PATCH sent', { interval: 5 });
      await delay(20);
      // Elsewhere conn_1 is made main again, and this store loads that before its answer arrives.
      await clientFor().makeMain('google-ads', 'conn_1');
      await store.load('google-ads', { force: true });
      release();
      await change;
      await until(store, (s) => !s.revalidating);
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_1:main', 'conn_2:secondary']);
    });

    it('a make-main confirmed while a load sent after it, which read the rows before it, is on its way keeps its main', async () => {
      const endpoint = mockEndpoint([googleAds(connections(2))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      // The PATCH reaches the endpoint only when let go, while the dialog's load, sent after it,
      // read the rows before it and answers after it.
      const write = held(endpoint, 'patch', '/api/data-sources/google-ads/connections/conn_2', { reach: true });
      const read = held(endpoint, 'get', '/api/data-sources/google-ads', { first: true });
      await useHandlers(write.handler, read.handler, ...endpoint.handlers);
      const change = store.makeMain('google-ads', 'conn_2');
      const load = store.load('google-ads', { force: true });
      await waitUntil(() => read.count() === 1, 'the load read the rows', { interval: 5 });
      write.release();
      await change;
      read.release();
      await load;
      expect(ids(store.get('google-ads')), 'the older answer is not shown').to.deep.equal(['conn_2:main', 'conn_1:secondary']);
      await waitUntil(() => read.count() === 2 && !store.get('google-ads').revalidating, 'loaded again after the write', { interval: 5 });
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_2:main', 'conn_1:secondary']);
    });

    it('a refused make-main keeps the roles of a load answered meanwhile (a change made in another tab)', async () => {
      const endpoint = mockEndpoint([googleAds(connections(3))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      let refuse!: () => void;
      const held = new Promise<void>((resolve) => (refuse = resolve));
      await useHandlers(
        http.patch('/api/data-sources/google-ads/connections/conn_2', async () => {
          await held;
          return HttpResponse.json({ error: { code: 'down', message: 'Down' } }, { status: 503 });
        }),
        ...endpoint.handlers,
      );
      const change = store.makeMain('google-ads', 'conn_2').catch(() => 'refused');
      await waitUntil(() => requestsTo('PATCH').length === 1, 'the PATCH sent', { interval: 5 });
      // Meanwhile another tab makes conn_3 main, and this store loads that.
      await clientFor().makeMain('google-ads', 'conn_3');
      await store.load('google-ads', { force: true });
      refuse();
      expect(await change).to.equal('refused');
      expect(ids(store.get('google-ads')), 'not the roles from before the make-main').to.deep.equal([
        'conn_3:main',
        'conn_1:secondary',
        'conn_2:secondary',
      ]);
      await until(store, (s) => !s.revalidating);
      expect(ids(store.get('google-ads'))).to.deep.equal(['conn_3:main', 'conn_1:secondary', 'conn_2:secondary']);
    });

    it('a refresh confirmed while a load that read the row before it is on its way keeps its answer', async () => {
      const endpoint = mockEndpoint([googleAds(connections(2))]);
      await useHandlers(...endpoint.handlers);
      await store.load('google-ads');
      const before = store.get('google-ads').connections[0]!.updatedAt;
      // The dialog's load reads the rows before the refresh and answers after it.
      const read = held(endpoint, 'get', '/api/data-sources/google-ads', { first: true });
      await useHandlers(read.handler, ...endpoint.handlers);
      const load = store.load('google-ads', { force: true });
      await waitUntil(() => read.count() === 1, 'the load read the rows', { interval: 5 });
      const updated = await store.refresh('google-ads', 'conn_1');
      expect(updated.updatedAt).to.not.equal(before);
      read.release();
      await load;
      expect(store.get('google-ads').connections[0]!.updatedAt, 'the older answer is not shown').to.equal(updated.updatedAt);
      await waitUntil(() => read.count() === 2 && !store.get('google-ads').revalidating, 'loaded again after the refresh', { interval: 5 });
      expect(store.get('google-ads').connections[0]!.updatedAt).to.equal(updated.updatedAt);
    });

    it('restores the previous roles and order when make-main fails', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(3))]).handlers);
      await store.load('google-ads');
      const before = ids(store.get('google-ads'));
      await useHandlers(...mockEndpoint([googleAds(connections(3))], { failWith: 503 }).handlers);
      const error = await store.makeMain('google-ads', 'conn_2').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(HttpError);
      expect(ids(store.get('google-ads'))).to.deep.equal(before);
      expect(requestsTo('PATCH'), 'a write is never retried').to.have.length(1);
    });

    it('refresh replaces the row with the endpoint answer; a refused refresh changes nothing', async () => {
      const list = connections(2, [1]);
      await useHandlers(...mockEndpoint([googleAds(list)]).handlers);
      await store.load('google-ads');
      const updated = await store.refresh('google-ads', 'conn_1');
      expect(store.get('google-ads').connections[0]!.updatedAt).to.equal(updated.updatedAt);
      const before = store.get('google-ads').connections;
      const error = await store.refresh('google-ads', 'conn_2').catch((e: unknown) => e);
      expect((error as HttpError).status).to.equal(409);
      expect(store.get('google-ads').connections).to.equal(before);
      expect(store.get('google-ads').busy.size).to.equal(0);
    });
  });

  describe('the data-sources list', () => {
    it('is fetched once however many widgets ask, and its counts follow the loaded sources', async () => {
      await useHandlers(...mockEndpoint([googleAds(connections(3, [2]))]).handlers);
      await Promise.all([store.list.load(), store.list.load(), store.list.load()]);
      await store.list.load();
      expect(requestsTo('GET /api/data-sources')).to.deep.equal(['GET /api/data-sources']);
      expect(store.getList().items[0]).to.include({ connectionCount: 3, errorCount: 1 });
      await store.load('google-ads');
      await store.remove('google-ads', 'conn_3');
      expect(store.getList().items[0]).to.include({ connectionCount: 2, errorCount: 0 });
    });
  });
});
