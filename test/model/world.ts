// The system under test of the store's model-based test: the mock endpoint (whose `sources` map is
// the truth), a fault injector in front of it, and two ConnectionStores on it (two tabs of one page:
// BroadcastChannel reaches the other one as it would another tab).
import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay, getResponse } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import type { Connection } from '../../src/api/types.js';
import { ConnectionStore } from '../../src/store/connection-store.js';
import type { SourceState } from '../../src/store/source-state.js';
import type { MockSource } from '../../mocks/data.js';
import { mockEndpoint, type MockEndpoint } from '../../mocks/endpoint.js';
import { useHandlers } from '../helpers/msw.js';

export const SOURCE = 'google-ads';
export type Tab = 'a' | 'b';
export const other = (tab: Tab): Tab => (tab === 'a' ? 'b' : 'a');

/** What happens to one request, drawn by fast-check (so a seed replays it). */
export type Fault =
  | { kind: 'ok' }
  /** Waits, then the endpoint processes the request. */
  | { kind: 'slow'; ms: number }
  /** Processed at once, answered `ms` later: a later request may be answered first (out of order). */
  | { kind: 'late'; ms: number }
  /** Refused before the endpoint processes it (a write changes nothing). */
  | { kind: 'status'; status: 500 | 503 }
  /** No answer, nothing processed. */
  | { kind: 'network' };

export const describeFault = (f: Fault): string =>
  f.kind === 'slow' || f.kind === 'late' ? `${f.kind}${f.ms}` : f.kind === 'status' ? String(f.status) : f.kind;

/** A connection as compared: id, role, status (updatedAt moves with every refresh). */
export const row = (c: Connection): string => `${c.id}:${c.role}:${c.status}`;
export const rowsOf = (state: SourceState): string[] => state.connections.map(row);

/** Main first, then newest first, as the endpoint answers (ties: the endpoint's own order). */
export function truth(endpoint: MockEndpoint): string[] {
  const connections = endpoint.sources.get(SOURCE)?.connections ?? [];
  return [...connections]
    .sort((a, b) => Number(b.role === 'main') - Number(a.role === 'main') || b.createdAt.localeCompare(a.createdAt))
    .map(row);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Nothing in flight: no load, no revalidation, no write. */
const quiet = (state: SourceState) => state.status !== 'loading' && !state.revalidating && state.busy.size === 0;

export class World {
  readonly stores: Record<Tab, ConnectionStore>;
  /** The tab the user acts in. */
  active: Tab = 'a';
  /** Faults still to hand out, per tab, in request order; an empty queue answers normally. */
  faults: Record<Tab, Fault[]> = { a: [], b: [] };
  /** Steps started and not awaited (overlapping the next ones). */
  readonly pending: Promise<unknown>[] = [];
  /** The second listener ("open"), when subscribed. */
  second?: () => void;
  readonly log: string[] = [];
  private readonly stops: (() => void)[] = [];

  private constructor(
    readonly endpoint: MockEndpoint,
    /** A loaded machine's timing (`--skew`): see `injector`. */
    private readonly skew: boolean,
  ) {
    const store = (tab: Tab) =>
      new ConnectionStore(
        new ApiClient({
          endpoint: '/api',
          // Tags the tab, so the injector draws from that tab's faults.
          getHeaders: () => ({ 'X-Dsw-Tab': tab }),
          sleep: () => Promise.resolve(),
          random: () => 0,
        }),
        // Focus would reach both stores of the page; the other tab hears of writes by BroadcastChannel.
        { revalidateOnFocus: false, retryDelaysMs: [2, 5, 10] },
      );
    this.stores = { a: store('a'), b: store('b') };
  }

  static async create(initial: MockSource, skew = false): Promise<World> {
    const endpoint = mockEndpoint([initial]);
    const world = new World(endpoint, skew);
    await useHandlers(world.injector(), ...endpoint.handlers);
    for (const tab of ['a', 'b'] as const) {
      // The card of each tab: shown all along, so its store listens to the other tab and retries.
      world.stops.push(world.stores[tab].subscribe(SOURCE, () => {}));
    }
    await Promise.all([world.stores.a.load(SOURCE), world.stores.b.load(SOURCE)]);
    return world;
  }

  get store(): ConnectionStore {
    return this.stores[this.active];
  }

  /** Every request under /api passes here first and takes the next fault of its tab. */
  private injector() {
    return http.all('/api/*', async ({ request }) => {
      const tab = (request.headers.get('X-Dsw-Tab') ?? 'a') as Tab;
      const fault = this.faults[tab].shift() ?? { kind: 'ok' };
      const url = new URL(request.url);
      this.log.push(`${tab} ${request.method} ${url.pathname.replace('/api/data-sources/google-ads', '…')} ${describeFault(fault)}`);
      switch (fault.kind) {
        case 'ok': {
          if (!this.skew || (request.method !== 'GET' && request.method !== 'PATCH')) return undefined; // on to the endpoint
          // Skewed as on a loaded machine: a make-main reaches the endpoint a moment late, a load's
          // answer comes well after it read the rows, so the two overlap whatever the order sent.
          if (request.method === 'PATCH') {
            await delay(5);
            return undefined;
          }
          const response = await getResponse(this.endpoint.handlers, request.clone());
          await delay(20);
          return response;
        }
        case 'slow':
          await delay(fault.ms);
          return undefined;
        case 'late': {
          const response = await getResponse(this.endpoint.handlers, request.clone());
          await delay(fault.ms);
          return response;
        }
        case 'status':
          return HttpResponse.json({ error: { code: 'injected', message: `Injected ${fault.status}` } }, { status: fault.status });
        case 'network':
          return HttpResponse.error();
      }
    });
  }

  /**
   * Waits until nothing is in flight in the active tab: the steps started, then its loads and
   * writes; a last load that failed is forced again (as Retry would), so the store can converge.
   */
  async settle(): Promise<void> {
    const deadline = performance.now() + 4000;
    // A step started in the other tab may have written: its message takes a moment to arrive.
    const lastly = this.pending.length ? 15 : 1;
    await Promise.allSettled(this.pending.splice(0));
    const store = this.store;
    for (;;) {
      // Messages from the other tab and flushes land in later tasks.
      await pause(0);
      const state = store.get(SOURCE);
      if (performance.now() > deadline) {
        throw new Error(`tab ${this.active} never settled: ${JSON.stringify({ ...state, busy: [...state.busy] })}`);
      }
      if (!quiet(state)) {
        await pause(2);
        continue;
      }
      if (state.error || state.status !== 'ready') {
        await store.load(SOURCE, { force: true })?.catch(() => {});
        continue;
      }
      // Still quiet a moment later (no automatic try or message about to start a load).
      await pause(lastly);
      if (quiet(store.get(SOURCE)) && !store.get(SOURCE).error) return;
    }
  }

  /** The invariants, once settled: the active tab equals the endpoint, the other tab gets there soon. */
  async check(): Promise<void> {
    const expected = truth(this.endpoint);
    const shown = rowsOf(this.store.get(SOURCE));
    expect(new Set(shown.map((r) => r.split(':')[0])).size, `tab ${this.active}: no row duplicated`).to.equal(shown.length);
    expect(shown.join(' '), `tab ${this.active} shows the endpoint's connections, main first then newest`).to.equal(
      expected.join(' '),
    );
    const mains = shown.filter((r) => r.includes(':main:')).length;
    expect(mains, 'exactly one main when any connection exists').to.equal(expected.length ? 1 : 0);

    // The other tab: within a bounded time, by the message and its own automatic tries only.
    const away = this.stores[other(this.active)];
    const deadline = performance.now() + 1500;
    while (performance.now() < deadline) {
      const state = away.get(SOURCE);
      if (quiet(state) && !state.error && rowsOf(state).join() === truth(this.endpoint).join()) return;
      await pause(5);
    }
    expect(rowsOf(away.get(SOURCE)).join(' '), `the other tab (${other(this.active)}) converged within 1.5 s`).to.equal(
      truth(this.endpoint).join(' '),
    );
  }

  async dispose(): Promise<void> {
    this.faults = { a: [], b: [] };
    await Promise.allSettled(this.pending.splice(0));
    this.second?.();
    this.stops.forEach((stop) => stop());
    this.stores.a.dispose();
    this.stores.b.dispose();
  }
}
