import type { ConnectionStore } from './connection-store.js';

/** How often a shown source with pending connect links is loaded again (ms). */
export const LINK_POLL_MS = 4_000;
/** After this long without the user coming back to the page, the poll stops until they do (ms). */
export const LINK_POLL_LIMIT_MS = 30 * 60_000;

/**
 * Shows a teammate's connection within seconds: while a data source that a widget shows has
 * pending connect links (`pendingLinkCount` in its data), it is loaded again every few seconds,
 * while the page is visible, for at most half an hour after the user was last on the page.
 *
 * A bounded poll rather than server-sent events from the endpoint: the client authenticates every
 * request with the host's `getHeaders` (a fresh token when asked), which `EventSource` cannot
 * send, so a stream would have to be read with `fetch` and re-opened with new headers as tokens
 * expire; it would hold a connection per tab through the host's proxy (which may buffer or cut
 * it) and ask every host to implement a streaming route. The poll uses the route every host
 * already has, rides the store's batched loads (one request for every source shown), stops by
 * itself when no link is pending and costs nothing to pages without links: this module loads
 * only when a source reports one.
 */
export class LinkPoll {
  private timer?: ReturnType<typeof setTimeout>;
  private since: number;

  constructor(private readonly store: ConnectionStore) {
    this.since = store.now();
  }

  /** A source's data arrived, or the user came back to the page (`active`): plan the next look. */
  update(active = false): void {
    if (active) this.since = this.store.now();
    if (this.timer !== undefined) return;
    const waiting = this.store.shown().filter((id) => this.store.get(id).source?.pendingLinkCount);
    if (!waiting.length || this.store.now() - this.since > LINK_POLL_LIMIT_MS) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A hidden page asks nothing; the timer goes on, so the poll resumes when it shows again.
      if (document.visibilityState === 'hidden') return this.update();
      for (const id of waiting) this.store.load(id, { force: true })?.catch(() => this.update());
    }, LINK_POLL_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
