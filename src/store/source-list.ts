import type { ApiClient } from '../api/client.js';
import { isAbortError, type DswError } from '../api/errors.js';
import type { Connection, DataSourceSummary } from '../api/types.js';

export interface SourceListState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly items: readonly DataSourceSummary[];
  readonly error?: DswError;
}

/**
 * The data-sources list (`GET /data-sources`): fetched once however many widgets show it, and
 * kept in step with the per-source data the store loads, so that its counts need no request.
 */
export class SourceList {
  state: SourceListState = { status: 'idle', items: [] };
  private readonly listeners = new Set<(state: SourceListState) => void>();
  private controller?: AbortController;
  private inflight?: Promise<void>;

  constructor(private readonly client: ApiClient) {}

  subscribe(listener: (state: SourceListState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.controller?.abort();
    };
  }

  /** Loads the list unless it is loaded or loading (or `force`); shares the request in flight. */
  load({ force = false } = {}): Promise<void> {
    if (this.inflight) return this.inflight;
    if (this.state.status === 'ready' && !force) return Promise.resolve();
    const controller = (this.controller = new AbortController());
    this.set({ status: this.state.status === 'ready' ? 'ready' : 'loading' });
    this.inflight = this.client
      .listDataSources({ signal: controller.signal })
      .then(
        ({ items }) => this.set({ status: 'ready', items, error: undefined }),
        (error: unknown) => {
          if (isAbortError(error)) return this.set({ status: this.state.items.length ? 'ready' : 'idle' });
          this.set({ status: this.state.status === 'ready' ? 'ready' : 'error', error: error as DswError });
          throw error;
        },
      )
      .finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** Updates one item's counts from freshly known connections. */
  patch(sourceId: string, connections: readonly Connection[]): void {
    const index = this.state.items.findIndex((item) => item.id === sourceId);
    if (index < 0) return;
    const items = [...this.state.items];
    items[index] = {
      ...items[index]!,
      connectionCount: connections.length,
      errorCount: connections.filter((c) => c.status === 'error').length,
    };
    this.set({ items });
  }

  dispose(): void {
    this.controller?.abort();
    this.listeners.clear();
  }

  private set(change: Partial<SourceListState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) listener(this.state);
  }
}
