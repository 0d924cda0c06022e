import { ConnectionStore } from './connection-store.js';

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
 * itself when no link is pending, and costs the cards nothing: this module comes with the
 * settings dialog's code (links are made there), which installs it (`watchPendingLinks`). A page
 * where that code has not loaded yet (reloaded after a link was made, no settings opened or
 * pointed at) shows the new account at its next revalidation (window focus) instead.
 */
class LinkPoll {
  private readonly waiting = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  private since: number;

  constructor(private readonly store: ConnectionStore) {
    this.since = store.now();
    // The user back on the page: the bound starts again.
    const back = () => {
      if (document.visibilityState === 'hidden') return;
      this.since = this.store.now();
      this.plan();
    };
    document.addEventListener('visibilitychange', back);
    window.addEventListener('focus', back);
  }

  /** A source's data arrived with pending links, and a widget shows it: look again soon. */
  note(sourceId: string): void {
    this.waiting.add(sourceId);
    this.plan();
  }

  private plan(): void {
    if (this.timer !== undefined || !this.waiting.size || this.store.now() - this.since > LINK_POLL_LIMIT_MS) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A hidden page asks nothing; the poll resumes when it shows again (see the constructor).
      if (document.visibilityState === 'hidden') return;
      // Each answer with links still pending, for a source still shown, notes it again (the
      // store does); a failed load keeps it here.
      const ids = [...this.waiting];
      this.waiting.clear();
      for (const id of ids) {
        this.store.load(id, { force: true })?.catch(() => this.note(id));
      }
    }, LINK_POLL_MS);
  }
}

const polls = new WeakMap<ConnectionStore, LinkPoll>();

/** What the store knows of a source (its entry): who shows it, and its ID. */
interface Shown {
  listeners: ReadonlySet<unknown>;
  state: { sourceId: string };
}

/** A source of `store` has pending links: if a widget shows it, look at it again soon. */
function pollLinks(store: ConnectionStore, entry: Shown): void {
  if (!entry.listeners.size) return;
  let poll = polls.get(store);
  if (!poll) polls.set(store, (poll = new LinkPoll(store)));
  poll.note(entry.state.sourceId);
}

/** Lets every store poll its sources with pending links (the settings dialog calls it). */
export function watchPendingLinks(): void {
  ConnectionStore.pendingLinks ??= pollLinks;
}
