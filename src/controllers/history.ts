import type { ReactiveController } from 'lit';
import { DswError } from '../api/errors.js';
import { getHistory } from '../api/links.js';
import type { Connection, HistoryEvent } from '../api/types.js';
import { DswErrorEvent } from '../events/error.js';
import { LatestRequest } from './latest-request.js';
import type { SourceController, SourceHost } from './source-controller.js';

/** Events asked for per page: a screenful or two. */
export const HISTORY_PAGE = 25;

/**
 * The activity history of one data source for the dialog's History view: newest first, one
 * account or all, paged with the endpoint's cursor ("Show older" appends the next page). While
 * shown it loads the first pages again when the source's connections change, so an action just
 * taken (or a teammate's link) appears without a reload.
 */
export class HistoryController implements ReactiveController {
  items: HistoryEvent[] = [];
  nextCursor: string | null = null;
  loaded = false;
  error?: DswError;
  /** Only this connection's events; '' for all. */
  connectionId = '';
  /** Whether the History view shows: changes of the source reload only then. */
  active = false;
  private readonly latest: LatestRequest;
  private seen?: readonly Connection[];

  constructor(
    private readonly host: SourceHost,
    private readonly data: SourceController,
  ) {
    this.latest = new LatestRequest(host);
    host.addController(this);
  }

  /** A page of events is on its way. */
  get loading(): boolean {
    return this.latest.loading;
  }

  hostDisconnected(): void {
    this.latest.abort();
  }

  hostUpdate(): void {
    const { connections } = this.data.state;
    const changed = this.seen !== undefined && this.seen !== connections;
    this.seen = connections;
    if (changed && this.active && this.loaded && !this.loading) void this.reload();
  }

  /** Shows the history of `connectionId` ('' for every account), from the newest event. */
  show(connectionId = ''): Promise<void> {
    this.active = true;
    this.connectionId = connectionId;
    this.items = [];
    this.nextCursor = null;
    this.loaded = false;
    return this.fetch(undefined);
  }

  /** The events recorded since: the pages loaded so far, from the top again. */
  reload(): Promise<void> {
    return this.fetch(undefined, Math.max(HISTORY_PAGE, this.items.length));
  }

  /** The next older page, appended. */
  more(): Promise<void> {
    return this.nextCursor ? this.fetch(this.nextCursor) : Promise.resolve();
  }

  private fetch(cursor: string | undefined, limit = HISTORY_PAGE): Promise<void> {
    const { store } = this.data;
    const sourceId = this.host.source;
    if (!store || !sourceId) return Promise.resolve();
    const query = { connectionId: this.connectionId || undefined, cursor, limit };
    return this.latest.run(
      (signal) => getHistory(store.client, sourceId, query, { signal }),
      (page) => {
        this.items = cursor ? [...this.items, ...page.items.filter((e) => !this.items.some((i) => i.id === e.id))] : page.items;
        this.nextCursor = page.nextCursor;
        this.error = undefined;
        this.loaded = true;
      },
      (error) => {
        this.error = error instanceof DswError ? error : undefined;
        if (error instanceof DswError) this.host.dispatchEvent(new DswErrorEvent({ error, action: 'load-history', sourceId }));
        this.loaded = true;
      },
    );
  }
}
