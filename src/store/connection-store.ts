import type { ApiClient } from '../api/client.js';
import { HttpError, isAbortError, type DswError } from '../api/errors.js';
import type { Connection, DataSource } from '../api/types.js';
import { idleState, sortConnections, type SourceState } from './source-state.js';
import { SourceList, type SourceListState } from './source-list.js';
import { RETRY_DELAYS_MS, SLOW_MS, retryDelay } from './retries.js';
import { TabSync } from './tab-sync.js';

/** The contract's limit of IDs in one `GET /data-sources?include=connections&ids=…`. */
const BATCH_SIZE = 100;
/** Answers of an endpoint that does not implement the batch query. */
const NO_BATCH = new Set([400, 404, 405, 501]);

export type SourceListener = (state: SourceState) => void;

export interface StoreOptions {
  /** Data younger than this is shown without a request when a widget subscribes (ms, default 30 s). */
  staleMs?: number;
  /** Revalidate what is shown when the window regains focus or the browser comes online (default true). */
  revalidateOnFocus?: boolean;
  /** The clock, injectable for tests. */
  now?: () => number;
  /** Waits before the automatic tries of a failed load (see `RETRY_DELAYS_MS`); tests shorten them. */
  retryDelaysMs?: readonly number[];
  /** How long a sign-in may take before the widgets say so (ms, default 5 minutes). */
  authorizationTimeoutMs?: number;
}

interface Load {
  promise: Promise<void>;
  controller: AbortController;
  writes: number;
  /** Hands the load its answer once the flush has sent the request (single or batched). */
  answer: (source: Promise<DataSource>) => void;
}

interface Entry {
  state: SourceState;
  listeners: Set<SourceListener>;
  load?: Load;
  loadedAt?: number;
  /**
   * Bumped by every optimistic write, so that a load that started before it is not applied, and
   * when a revalidation finds a load in flight, whose answer may predate the write (see `revalidate`).
   */
  writes: number;
  /** Bumped by every load answer applied: a write's answer older than that is not the last word. */
  applied: number;
  /** Failed loads in a row, and the timer of the next automatic try. */
  failures: number;
  retryTimer?: ReturnType<typeof setTimeout>;
}

/**
 * The one cache of connections for one endpoint, shared by every widget under a provider (or by
 * every stand-alone widget with the same `endpoint`). Widgets subscribe to a data source and
 * render what it holds; loads are deduplicated, stale data is shown while it revalidates, and
 * delete / make main apply at once and roll back exactly when the endpoint refuses them.
 */
export class ConnectionStore {
  /**
   * Called with a source whose data reports pending connect links. Set by the settings dialog's
   * code when it loads (store/link-poll.ts), so that pages of cards carry none of it.
   */
  static pendingLinks?: (store: ConnectionStore, shown: { listeners: ReadonlySet<unknown>; state: SourceState }) => void;

  readonly list: SourceList;
  private readonly entries = new Map<string, Entry>();
  private readonly staleMs: number;
  /** The store's clock (the `now` option): widgets read it to tell Expiring accounts. */
  readonly now: () => number;
  private readonly revalidateOnFocus: boolean;
  private watching = false;
  private readonly tabs: TabSync;
  private readonly retryDelaysMs: readonly number[];
  /** How long a sign-in may take before the widgets say so (a provider's setting, shared). */
  authorizationTimeoutMs: number;
  /** Days before expiry an account shows as Expiring (a provider's setting); the data source's, else 7, when unset. */
  expiryWarningDays?: number;
  /** Listeners over every source: the window is watched while there are any. */
  private subscribers = 0;
  /** Sources whose load waits for the next flush (see `flush`). */
  private readonly queued = new Set<string>();
  private flushQueued = false;
  /** Set once the endpoint refused the batch query: single loads from then on. */
  private noBatch = false;

  constructor(
    readonly client: ApiClient,
    options: StoreOptions = {},
  ) {
    this.staleMs = options.staleMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.revalidateOnFocus = options.revalidateOnFocus ?? true;
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.authorizationTimeoutMs = options.authorizationTimeoutMs ?? 5 * 60_000;
    this.list = new SourceList(client);
    this.tabs = new TabSync(
      () => client.resolveUrl(''),
      (sourceId) => this.revalidateAfterWrite(sourceId),
    );
  }

  get(sourceId: string): SourceState {
    return this.entries.get(sourceId)?.state ?? idleState(sourceId);
  }

  /**
   * Takes data that came with the page (server rendering) as a load's answer: shown at once,
   * and not asked for again while fresh.
   */
  seed(sources: readonly DataSource[]): void {
    for (const source of sources) {
      const entry = this.entry(source.id);
      entry.loadedAt = this.now();
      this.apply(entry, source);
    }
  }

  /** Calls `listener` on every change of the source until the returned function is called. */
  subscribe(sourceId: string, listener: SourceListener): () => void {
    const entry = this.entry(sourceId);
    if (entry.listeners.has(listener)) return () => {};
    entry.listeners.add(listener);
    this.subscribers++;
    this.watchWindow();
    return () => {
      if (!entry.listeners.delete(listener)) return;
      this.subscribers--;
      // No request, and no automatic try, outlives the last widget that wanted it.
      if (entry.listeners.size === 0) {
        entry.load?.controller.abort();
        this.stopRetrying(entry);
      }
      this.watchWindow();
    };
  }

  /**
   * Loads the source unless fresh data or a load in flight makes it needless (or `force`).
   * Returns the promise of the load this call started, or `undefined` when it started none,
   * so that only the widget that caused a request reports its failure.
   */
  load(sourceId: string, { force = false } = {}): Promise<void> | undefined {
    const entry = this.entry(sourceId);
    if (entry.load) return undefined;
    const fresh = entry.loadedAt !== undefined && this.now() - entry.loadedAt < this.staleMs;
    if (fresh && !force) return undefined;

    const controller = new AbortController();
    const writes = entry.writes;
    const hasData = entry.state.status === 'ready';
    // This load is the next try: an automatic one that was waiting is no longer needed.
    clearTimeout(entry.retryTimer);
    this.set(entry, hasData ? { revalidating: true, retryAt: undefined } : { status: 'loading', error: undefined, retryAt: undefined });
    // A wait the user can see is a wait the user can end: past a moment it says so (Retry).
    const slow = setTimeout(() => this.set(entry, { slow: true }), SLOW_MS);

    let answer!: Load['answer'];
    const source = new Promise<DataSource>((resolve, reject) => {
      answer = resolve;
      // A source left by its last subscriber stops waiting even if its batch goes on for others.
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason as unknown), { once: true });
    });
    const promise = source
      .then(
        (source) => {
          entry.loadedAt = this.now();
          entry.failures = 0;
          // A write made while this was in flight wins; as the write may yet be refused (rolled
          // back), and this answer may hold another tab's change, the source is loaded again.
          if (entry.writes !== writes) return this.revalidate(sourceId);
          this.apply(entry, source);
        },
        (error: unknown) => {
          if (isAbortError(error)) {
            this.set(entry, hasData ? {} : { status: 'idle' });
            return;
          }
          entry.loadedAt = this.now();
          const retryAt = this.scheduleRetry(entry, error);
          this.set(
            entry,
            hasData ? { error: error as DswError, retryAt } : { status: 'error', error: error as DswError, retryAt },
          );
          throw error;
        },
      )
      .finally(() => {
        entry.load = undefined;
        clearTimeout(slow);
        this.set(entry, hasData ? { revalidating: false, slow: false } : { slow: false });
      });
    entry.load = { promise, controller, writes, answer };
    this.queue(sourceId);
    return promise;
  }

  /**
   * Loads the source afresh after a change made elsewhere (an authorization): waits for a load
   * in flight, which may predate the change, then loads again. Rejects when that load fails.
   */
  async reload(sourceId: string): Promise<void> {
    // The change counts as a write: answers of loads and writes sent before it may predate it.
    const entry = this.entry(sourceId);
    entry.writes++;
    try {
      await entry.load?.promise.catch(() => {});
      await (this.load(sourceId, { force: true }) ?? entry.load?.promise);
    } finally {
      // The change happened at the endpoint whether or not this load got through: other tabs hear of it.
      this.tabs.tell(sourceId);
    }
  }

  /** Deletes a connection: gone at once, back in its exact place if the endpoint refuses. */
  async remove(sourceId: string, connectionId: string): Promise<Connection> {
    const entry = this.entry(sourceId);
    const index = entry.state.connections.findIndex((c) => c.id === connectionId);
    const removed = entry.state.connections[index];
    if (!removed) throw new Error(`No connection ${connectionId} in ${sourceId}`);
    const before = entry.state.connections;
    const rest = before.filter((c) => c.id !== connectionId);
    // The endpoint promotes the newest remaining account when the main one goes.
    const optimistic =
      removed.role === 'main' && rest[0] ? [{ ...rest[0], role: 'main' as const }, ...rest.slice(1)] : rest;
    entry.writes++;
    this.set(entry, { connections: optimistic, busy: setWith(entry.state.busy, connectionId) });
    try {
      await this.client.deleteConnection(sourceId, connectionId);
    } catch (error) {
      // Gone already (deleted in another tab meanwhile): what the user asked for is done.
      const gone = error instanceof HttpError && error.status === 404;
      const current = entry.state.connections;
      if (!gone) {
        this.set(entry, {
          connections: current === optimistic ? before : withRolesOf(before, reinsert(current, removed, index)),
          busy: setWithout(entry.state.busy, connectionId),
        });
        // A load was applied meanwhile, or the delete may have reached the endpoint after all
        // (no answer, a server error): the row put back may no longer be the endpoint's; ask it.
        if (current !== optimistic || !refused(error)) this.revalidate(sourceId);
        throw error;
      }
    }
    this.set(entry, { busy: setWithout(entry.state.busy, connectionId) });
    // Not `load`: one in flight may have been answered before the delete reached the endpoint.
    this.revalidate(sourceId);
    this.list.patch(sourceId, entry.state.connections);
    this.tabs.tell(sourceId);
    return removed;
  }

  /** Makes a connection main: shown at once, the previous roles restored if the endpoint refuses. */
  async makeMain(sourceId: string, connectionId: string): Promise<Connection> {
    const entry = this.entry(sourceId);
    const before = entry.state.connections;
    const writes = ++entry.writes;
    const { applied } = entry;
    this.set(entry, {
      connections: withMain(before, connectionId),
      busy: setWith(entry.state.busy, connectionId),
    });
    try {
      const updated = await this.client.makeMain(sourceId, connectionId);
      // Another write since this one started may have been answered first (a later make main),
      // or a load answered after this write was done: this answer is no longer the last word,
      // so the endpoint is asked instead.
      const overtaken = entry.writes !== writes || entry.applied !== applied;
      this.set(entry, {
        connections: overtaken ? entry.state.connections : withMain(replace(entry.state.connections, updated), connectionId),
        busy: setWithout(entry.state.busy, connectionId),
      });
      // A load in flight, even one sent after this write, may have read the roles before it.
      if (overtaken || entry.load) this.revalidate(sourceId);
      this.tabs.tell(sourceId);
      return updated;
    } catch (error) {
      // A load answered since holds the endpoint's roles (a change made in another tab): they stay.
      const loaded = entry.applied !== applied;
      this.set(entry, {
        connections: loaded ? entry.state.connections : sortConnections(withRolesOf(before, entry.state.connections)),
        busy: setWithout(entry.state.busy, connectionId),
      });
      // The roles of `before` may undo a write made since, and a write left unanswered may
      // still have been made: the endpoint says which stand.
      if (loaded || entry.writes !== writes || !refused(error)) this.revalidate(sourceId);
      throw error;
    }
  }

  /** Asks the endpoint to refresh a connection's data; the row shows the answer. */
  async refresh(sourceId: string, connectionId: string): Promise<Connection> {
    const entry = this.entry(sourceId);
    this.set(entry, { busy: setWith(entry.state.busy, connectionId) });
    try {
      const updated = await this.client.refreshConnection(sourceId, connectionId);
      // A refresh changes the row's data, never its role: the answer's may predate a later change.
      this.set(entry, {
        connections: entry.state.connections.map((c) => (c.id === updated.id ? { ...updated, role: c.role } : c)),
      });
      // A load in flight may have read the row before the refresh.
      if (entry.load) this.revalidate(sourceId);
      return updated;
    } finally {
      this.set(entry, { busy: setWithout(entry.state.busy, connectionId) });
    }
  }

  /** The data-sources list, fetched once however many widgets show it. */
  getList(): SourceListState {
    return this.list.state;
  }

  /** Stops every load and forgets every listener (the provider's endpoint changed, or it left). */
  dispose(): void {
    this.queued.clear();
    this.subscribers = 0;
    for (const entry of this.entries.values()) {
      entry.load?.controller.abort();
      clearTimeout(entry.retryTimer);
      entry.listeners.clear();
    }
    this.list.dispose();
    this.watchWindow();
  }

  /**
   * Loads asked for together share one flush: the widgets attached in one task subscribe while
   * they connect, so the flush waits for the end of that task's microtasks and no longer (a
   * timer would let the browser draw a frame of placeholders before the request even leaves).
   */
  private queue(sourceId: string): void {
    this.queued.add(sourceId);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    // Loads aborted meanwhile have already settled: nothing to send for them.
    const ids = [...this.queued].filter((id) => this.pending(id));
    this.queued.clear();
    if (ids.length < 2 || this.noBatch) {
      for (const id of ids) this.loadOne(id);
      return;
    }
    for (let i = 0; i < ids.length; i += BATCH_SIZE) this.loadBatch(ids.slice(i, i + BATCH_SIZE));
  }

  /** The load in flight of a source, unless it was aborted. */
  private pending(sourceId: string): Load | undefined {
    const load = this.entries.get(sourceId)?.load;
    return load && !load.controller.signal.aborted ? load : undefined;
  }

  private loadOne(sourceId: string): void {
    const load = this.pending(sourceId);
    load?.answer(this.client.getDataSource(sourceId, { signal: load.controller.signal }));
  }

  private loadBatch(ids: string[]): void {
    const controller = new AbortController();
    // The request goes on while any of its sources still has someone waiting for it.
    let waiting = ids.length;
    for (const id of ids) {
      this.pending(id)!.controller.signal.addEventListener('abort', () => --waiting || controller.abort(), {
        once: true,
      });
    }
    this.client.loadDataSources(ids, { signal: controller.signal }).then(
      (sources) => {
        const byId = new Map(sources.map((source) => [source.id, source]));
        for (const id of ids) {
          const source = byId.get(id);
          // An ID missing from the answer is asked for alone: its own 404 says it is unknown.
          if (source) this.pending(id)?.answer(Promise.resolve(source));
          else this.loadOne(id);
        }
      },
      (error: unknown) => {
        if (error instanceof HttpError && NO_BATCH.has(error.status)) {
          // An endpoint without the batch query: remembered, so later flushes do not ask again.
          this.noBatch = true;
          for (const id of ids) this.loadOne(id);
          return;
        }
        for (const id of ids) this.pending(id)?.answer(Promise.reject(error));
      },
    );
  }

  /** Another tab wrote: one revalidation here, if anyone shows that source. */
  private revalidateAfterWrite(sourceId: string): void {
    if (this.entries.get(sourceId)?.listeners.size) this.revalidate(sourceId);
  }

  /**
   * Loads the source afresh after a write. A load in flight may have been answered before that
   * write, even if sent after it (its answer can come after the write's): then its answer is not
   * applied, and the revalidation waits for it and loads again.
   */
  private revalidate(sourceId: string): void {
    const entry = this.entry(sourceId);
    const { load } = entry;
    if (!load) {
      this.load(sourceId, { force: true })?.catch(() => {});
      return;
    }
    entry.writes++;
    void load.promise.catch(() => {}).then(() => {
      // Not when it was aborted: its source has nobody left to show it.
      if (!load.controller.signal.aborted) this.load(sourceId, { force: true })?.catch(() => {});
    });
  }

  /** Plans the next automatic try after a failed load (see retries.ts); returns when, or undefined. */
  private scheduleRetry(entry: Entry, error: unknown): number | undefined {
    const delay = entry.listeners.size > 0 ? retryDelay(error, entry.failures, this.retryDelaysMs) : undefined;
    entry.failures++;
    if (delay === undefined) return undefined;
    const { sourceId } = entry.state;
    entry.retryTimer = setTimeout(() => this.load(sourceId, { force: true })?.catch(() => {}), delay);
    return this.now() + delay;
  }

  private stopRetrying(entry: Entry): void {
    clearTimeout(entry.retryTimer);
    this.set(entry, { retryAt: undefined }); // tells the listeners only if it was set
  }

  private entry(sourceId: string): Entry {
    let entry = this.entries.get(sourceId);
    if (!entry) {
      entry = { state: idleState(sourceId), listeners: new Set(), writes: 0, applied: 0, failures: 0 };
      this.entries.set(sourceId, entry);
    }
    return entry;
  }

  /**
   * Takes a load's answer, keeping the objects of what did not change (the source, each
   * connection, the list itself): widgets compare by identity, so a revalidation that changed
   * one account re-renders that account's row only, and one that changed nothing, nothing.
   */
  private apply(entry: Entry, { connections, ...source }: DataSource): void {
    entry.applied++;
    const before = entry.state;
    const kept = new Map(before.connections.map((c) => [c.id, c]));
    const next = sortConnections(connections).map((c) => {
      const old = kept.get(c.id);
      return old && sameFields(old, c) ? old : c;
    });
    const sameList = next.length === before.connections.length && next.every((c, i) => c === before.connections[i]);
    this.set(entry, {
      status: 'ready',
      source: before.source && sameFields(before.source, source) ? before.source : source,
      connections: sameList ? before.connections : next,
      error: undefined,
    });
    this.list.patch(entry.state.sourceId, entry.state.connections);
    // Connect links wait to be used: the source is checked again soon (see link-poll.ts).
    if (source.pendingLinkCount) ConnectionStore.pendingLinks?.(this, entry);
  }

  /** Applies `change` and tells the listeners, unless it changes nothing. */
  private set(entry: Entry, change: Partial<SourceState>): void {
    const state = entry.state as unknown as Record<string, unknown>;
    if (Object.entries(change).every(([key, value]) => state[key] === value)) return;
    entry.state = { ...entry.state, ...change };
    for (const listener of [...entry.listeners]) listener(entry.state);
  }

  private readonly revalidateShown = (): void => {
    if (document.visibilityState === 'hidden') return;
    for (const [sourceId, entry] of this.entries) {
      if (entry.listeners.size > 0 && entry.state.status === 'ready') {
        this.load(sourceId, { force: true })?.catch(() => {});
      }
    }
  };

  /** Listens to focus, online and the other tabs only while someone is subscribed: nothing at import. */
  private watchWindow(): void {
    this.tabs.listen(this.subscribers > 0);
    const wanted = this.revalidateOnFocus && this.subscribers > 0;
    if (wanted === this.watching) return;
    this.watching = wanted;
    const method = wanted ? 'addEventListener' : 'removeEventListener';
    window[method]('focus', this.revalidateShown);
    window[method]('online', this.revalidateShown);
  }
}

/** Whether two flat records (a connection, a source) hold the same values; nested ones by JSON. */
function sameFields(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((key) => x[key] === y[key] || (typeof x[key] === 'object' && JSON.stringify(x[key]) === JSON.stringify(y[key])));
}

/** A new set with `id` added: subscribers compare by identity. */
function setWith(set: ReadonlySet<string>, id: string): Set<string> {
  return new Set(set).add(id);
}

/** A new set without `id`. */
function setWithout(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}

function replace(connections: readonly Connection[], updated: Connection): Connection[] {
  return connections.map((c) => (c.id === updated.id ? updated : c));
}

/** `mainId` main and every other secondary; rows whose role stays keep their object. */
function withMain(connections: readonly Connection[], mainId: string): Connection[] {
  return sortConnections(
    connections.map((c) => {
      const role = c.id === mainId ? 'main' : 'secondary';
      return c.role === role ? c : { ...c, role };
    }),
  );
}

/** `rows` with the roles they had in `before` (rows that were not there keep theirs). */
function withRolesOf(before: readonly Connection[], rows: readonly Connection[]): Connection[] {
  const roles = new Map(before.map((c) => [c.id, c.role]));
  return rows.map((c) => {
    const role = roles.get(c.id) ?? c.role;
    return c.role === role ? c : { ...c, role };
  });
}

function reinsert(connections: readonly Connection[], row: Connection, index: number): Connection[] {
  const next = connections.filter((c) => c.id !== row.id);
  next.splice(Math.min(index, next.length), 0, row);
  return next;
}

/** The endpoint answered and turned the write down (4xx): nothing changed there. */
function refused(error: unknown): boolean {
  return error instanceof HttpError && error.status < 500;
}
